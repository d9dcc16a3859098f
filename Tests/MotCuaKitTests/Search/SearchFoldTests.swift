import Foundation
@testable import MotCuaKit
import Testing

/// Folding and tokenising, on the cases shared with Theme/assets/search.js (fold-cases.json).
@Suite("Search folding")
struct SearchFoldTests {
    static let foldCases: [[String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("fold-cases.json")
        guard let data = try? Data(contentsOf: url),
              let cases = try? JSONDecoder().decode([[String]].self, from: data) else { return [] }
        return cases
    }()

    @Test func sharedCasesAreLoaded() {
        #expect(SearchFoldTests.foldCases.count >= 20)
        #expect(SearchFoldTests.foldCases.allSatisfy { $0.count == 2 })
    }

    @Test(arguments: SearchFoldTests.foldCases)
    func sharedFoldCase(_ pair: [String]) {
        #expect(VietnameseText.fold(pair[0]) == pair[1])
    }

    @Test func oldAndNewTonePlacementFoldEqual() {
        for (old, new) in [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa giải", "Hoà giải"), ("lũy kế", "luỹ kế")] {
            #expect(VietnameseText.fold(old) == VietnameseText.fold(new))
        }
    }

    @Test func decomposedInputFoldsLikeComposed() {
        let text = "Đăng ký thường trú, hộ kinh doanh"
        #expect(VietnameseText.fold(text.decomposedStringWithCanonicalMapping) == VietnameseText.fold(text))
    }

    @Test func tokensKeepDotsInsideNumbers() {
        #expect(SearchIndex.tokens(VietnameseText.fold("Mã 1.001193.")) == ["ma", "1.001193"])
        #expect(SearchIndex.tokens(VietnameseText.fold("Lệ phí 5.000 đồng")) == ["le", "phi", "5.000", "dong"])
        #expect(SearchIndex.tokens(VietnameseText.fold("123/2015/NĐ-CP")) == ["123", "2015", "nd", "cp"])
        #expect(SearchIndex.tokens("1..2 .5 v1.2 a.b") == ["1", "2", "5", "v1.2", "a", "b"])
        #expect(SearchIndex.tokens(VietnameseText.fold("“Chứng thực” – bản sao…")) == ["chung", "thuc", "ban", "sao"])
        #expect(SearchIndex.tokens(VietnameseText.fold("18,5 km² × 2")) == ["18", "5", "km", "2"])
        #expect(SearchIndex.tokens("") == [])
    }

    /// "02" and "2" are one word; a code keeps its inner zeros and stays one word.
    @Test func tokensDropLeadingZerosOfNumbers() {
        #expect(SearchIndex.tokens(VietnameseText.fold("mức độ 02")) == ["muc", "do", "2"])
        #expect(SearchIndex.tokens("0 00 007 0.5 00.5 000.001 02a a02") == ["0", "0", "7", "0.5", "0.5", "0.001", "2a", "a02"])
        #expect(SearchIndex.tokens(VietnameseText.fold("Mẫu số 01, ngày 01/07/2025")) == ["mau", "so", "1", "ngay", "1", "7", "2025"])
        #expect(SearchIndex.tokens("1.001193 2.000815.000.00.00.h38") == ["1.001193", "2.000815.000.00.00", "h38"])
        #expect(SearchIndex.tokens("kq.g15.000031") == ["kq", "g15.000031"])
        #expect(SearchIndex.joinedTokens("muc do 02, 0220 3", limit: 100) == "muc do 2 220 3")
        #expect(SearchIndex.joinedTokens("muc do 02", limit: 8) == "muc do 2")
    }

    @Test func toneKeyTreatsTonePlacementsAsEqual() {
        #expect(SearchIndex.toneKey("Hòa giải") == SearchIndex.toneKey("hoà giải"))
        #expect(SearchIndex.toneKey("THỦY LỢI") == SearchIndex.toneKey("thuỷ lợi"))
        #expect(SearchIndex.toneKey("khỏe, mạnh") == SearchIndex.toneKey("khoẻ, mạnh"))
        #expect(SearchIndex.toneKey("  hòa\u{00A0}\n giải ") == "hoà giải")
        #expect(SearchIndex.toneKey("Hòa".decomposedStringWithCanonicalMapping) == "hoà")
    }

    @Test func toneKeyKeepsWhatIsNotAPlacementVariant() {
        #expect(SearchIndex.toneKey("hòa") != SearchIndex.toneKey("hoa"))
        #expect(SearchIndex.toneKey("Hoàng") == "hoàng")
        #expect(SearchIndex.toneKey("của") == "của")
        #expect(SearchIndex.toneKey("khuỷu") == "khuỷu")
        #expect(SearchIndex.toneKey("hòai") == "hòai")
    }
}

/// The shortcuts taken for speed must give exactly what the plain way gives.
@Suite struct SearchShortcutTests {
    static let pieces = ["hòa", "Hoà", "thủy", "khỏe", "KHỎE", "của", "quý", "ύς", "ς", "o\u{301}a", "Việt", " ", "  ", "\n",
                         "\u{A0}", "\u{2003}", "e\u{301}", "\u{1F1FB}\u{1F1F3}", "…", "“x”", "1.001193", "Đường", "ọe", "ủy"]

    static func randomTexts(count: Int, pieces maxPieces: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func toneKeyShortcutEqualsDecomposing() {
        for text in Self.randomTexts(count: 3000, pieces: 6) + ["HÒA GIẢI", "thuỷ lợi", "Σίσυφος"] {
            let lower = SearchIndex.collapseSpaces(text).lowercased()
            #expect(SearchIndex.toneKey(text) == SearchIndex.slowToneKey(lower), "\(text.debugDescription)")
        }
    }

    @Test func snippetFromTheHeadEqualsSnippetFromTheWhole() {
        for text in Self.randomTexts(count: 400, pieces: 900) {
            #expect(SearchIndex.snippet(text) == SearchIndex.wholeSnippet(text), "\(text.prefix(80).debugDescription)")
        }
    }

    /// The index's body is written without a String per token; it must be what joining the tokens gave:
    /// whole tokens, single spaces, and no more UTF-16 units than the limit.
    @Test func bodyIsTheTokensJoinedUpToTheLimit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = "ab 1.2\n,dđ😀ệ-–\u{A0}ß×".map(String.init) + ["5.000", "  ", "x.y", "9.", "0", "07"]
        for _ in 0..<5_000 {
            let text = VietnameseText.fold((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
            let limit = Int.random(in: 0...40, using: &generator)
            var expected = ""
            var length = 0
            for token in SearchIndex.tokens(text) {
                let added = token.utf16.count + (expected.isEmpty ? 0 : 1)
                if length + added > limit { break }
                if !expected.isEmpty { expected += " " }
                expected += token
                length += added
            }
            #expect(SearchIndex.joinedTokens(text, limit: limit) == expected, "\(text.debugDescription) \(limit)")
        }
    }

    /// The field and the body fold into one buffer; the result must be what folding their join gave, also when
    /// a scalar outside the fold table sends either part down the slow way.
    @Test func foldedBodyEqualsFoldingTheJoin() {
        let texts = Self.randomTexts(count: 2000, pieces: 8) + ["", " ", "Hộ tịch", "Σ", "e\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for text in texts {
            let field = texts.randomElement(using: &generator)!
            let limit = Int.random(in: 0...60, using: &generator)
            #expect(SearchIndex.foldedBody(field: field, text: text, limit: limit)
                        == SearchIndex.joinedTokens(VietnameseText.fold(field + " " + text), limit: limit),
                    "\(field.debugDescription) \(text.debugDescription) \(limit)")
        }
    }
}
