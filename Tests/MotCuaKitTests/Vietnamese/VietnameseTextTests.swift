import Foundation
import Testing
@testable import MotCuaKit

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
        ("Chứng thực bản sao từ bản chính", "chung-thuc-ban-sao-tu-ban-chinh"),
        ("  Hòa giải – tranh chấp đất đai!  ", "hoa-giai-tranh-chap-dat-dai"),
        ("ĐĂNG KÝ THƯỜNG TRÚ", "dang-ky-thuong-tru"),
        ("Thủ tục 1.001193", "thu-tuc-1-001193"),
        ("", ""),
    ])
    func slug(_ input: String, _ expected: String) {
        #expect(VietnameseText.slug(input) == expected)
    }

    @Test func foldTreatsOldAndNewTonePlacementAlike() {
        #expect(VietnameseText.fold("hòa") == VietnameseText.fold("hoà"))
        #expect(VietnameseText.fold("thủy") == VietnameseText.fold("thuỷ"))
        #expect(VietnameseText.fold("Đường") == "duong")
    }

    /// The table fold must give what the slow fold gives, for every covered scalar and in context.
    @Test func fastFoldEqualsSlowFold() {
        var scalars: [Unicode.Scalar] = []
        for v in Array(0..<0x250) + Array(0x300..<0x370) + Array(0x1E00..<0x1F00) + Array(0x2000..<0x2070) {
            if let s = Unicode.Scalar(UInt32(v)) { scalars.append(s) }
        }
        for s in scalars {
            let text = "A" + String(Character(s)) + "ệ"
            #expect(VietnameseText.fold(text) == VietnameseText.slowFold(text), "U+\(String(s.value, radix: 16))")
        }
        for text in ["ĐĂNG KÝ THƯỜNG TRÚ", "Vi\u{0065}\u{0323}\u{0302}t Nam", "Σίσυφος ΟΔΟΣ", "İstanbul", "ﬁle 日本"] {
            #expect(VietnameseText.fold(text) == VietnameseText.slowFold(text), "\(text)")
        }
    }

    /// The own trims must cut exactly what Foundation's character sets cut, including every Unicode space.
    @Test func trimsAgreeWithFoundation() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
                      "\u{202F}", "\u{3000}", "\u{200B}", "a", "Việt", "e\u{301}", "7", "."]
        var generator = SystemRandomNumberGenerator()
        var cases = ["", " ", "\n", "a", " a ", "\u{A0}đã\u{2003}"]
        for _ in 0..<3000 {
            cases.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in cases {
            let all = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(VietnameseText.trimmed(text) == all, "\(text.debugDescription)")
            #expect(VietnameseText.isBlank(text) == all.isEmpty, "\(text.debugDescription)")
            #expect(VietnameseText.trimmedSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    /// The radio box's size and the search snippet's cut count Characters; the scalar shortcuts must count the
    /// same, also for every scalar below U+2100 next to letters, marks and CR LF.
    @Test func characterCountShortcutAgreesWithCharacters() {
        var cases = ["", "a", "\r\n", "Kính thưa bà con!\nXin trân trọng thông báo.\n", "e\u{301}", "👨‍👩‍👧", "🇻🇳"]
        for v in 0..<0x2100 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            cases.append("a" + String(Character(s)) + "ư\n" + String(Character(s)) + "\u{1EA1}")
        }
        let pieces = ["a", "Đ", "ộ", "\n", "\r", "\r\n", "\u{300}", "\u{200D}", "😀", " ", "\u{AD}", "ỹ"]
        var rng = LoaderFuzzTests.Generator(state: 11)
        for _ in 0..<3_000 {
            cases.append((0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for text in cases {
            let counted = VietnameseText.characterAndLineCount(text)
            #expect(counted.characters == text.count && counted.lineFeeds == text.filter { $0 == "\n" }.count, "\(text.debugDescription)")
            for n in 0...(text.count + 1) {
                #expect(VietnameseText.characterIndex(text, offsetBy: n) == text.index(text.startIndex, offsetBy: n, limitedBy: text.endIndex),
                        "\(text.debugDescription) offset \(n)")
            }
        }
    }

    /// Folder and extension of a path, on bytes. The table's answers are `NSString`'s (checked once by hand: it
    /// stops the program on some paths, so it cannot be the reference here); random paths are compared with a
    /// split into components.
    @Test func sitePathGivesFolderAndExtension() {
        let table: [(String, String, String)] = [
            ("Content/huong-dan/a.md", "Content/huong-dan", "md"), ("mau.docx", "", "docx"), (".an", "", ""),
            ("a.b/c", "a.b", ""), ("x/.y", "x", ""), ("x/y.", "x", ""), ("huong-dan/x/index.html", "huong-dan/x", "html"),
            ("index.html", "", "html"), ("/c", "/", ""), ("a.tar.gz", "", "gz"), ("Content/bieu-mau/Tờ khai.DOCX", "Content/bieu-mau", "DOCX"),
            ("", "", ""), ("ế", "", ""),
        ]
        for (path, folder, ext) in table {
            #expect(SitePath.folder(of: path) == folder, "\(path)")
            #expect(SitePath.fileExtension(of: path) == ext, "\(path)")
        }
        let pieces = ["a", ".", "md", "huong-dan", "ế", "..", "index.html", "~", " ", "Tờ khai"]
        var rng = LoaderFuzzTests.Generator(state: 12)
        for _ in 0..<3_000 {
            let components = (0..<Int(rng.next() % 4 + 1)).map { _ in
                (0..<Int(rng.next() % 3 + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            }
            let path = components.joined(separator: "/")
            #expect(SitePath.folder(of: path) == components.dropLast().joined(separator: "/"), "\(path)")
            let name = components.last!
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            let expected = name.hasPrefix(".") && parts.count == 2 ? "" : parts.count > 1 ? String(parts.last!) : ""
            #expect(SitePath.fileExtension(of: path) == expected, "\(path)")
        }
    }

    /// The byte-level shortcut may only say "already NFC" for text the normaliser would leave alone.
    @Test func nfcShortcutNeverSkipsTextThatNeedsNormalising() {
        for v in Array(0..<0x400) + Array(0x1D00..<0x2100) + [0x3000, 0xAC00, 0x1F600] {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            for text in [String(Character(s)), "a" + String(Character(s)), "ư" + String(Character(s)) + "x"] {
                if VietnameseText.isCertainlyNFC(text) {
                    #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(v, radix: 16))")
                }
            }
        }
        #expect(VietnameseText.isCertainlyNFC("Đăng ký khai sinh – “mẫu” 2025"))
        #expect(!VietnameseText.isCertainlyNFC("Vi\u{0065}\u{0323}\u{0302}t"))
    }

    @Test func decomposedTextIsNormalisedToNFC() {
        let nfd = "Vi\u{0065}\u{0323}\u{0302}t"  // "Việt" typed as e + dot below + circumflex
        #expect(VietnameseText.nfc(nfd) == "Việt")
        #expect(VietnameseText.nfc(nfd).unicodeScalars.count == 4)
    }

    @Test func collationFollowsTheVietnameseAlphabet() {
        let words = ["Ưu tiên", "Đất đai", "Ăn uống", "Bảo trợ", "Dân số", "An ninh", "Ấp", "Ơn", "Ô tô", "Ong", "Zê", "Uống"]
        let sorted = words.sortedVietnamese { $0 }
        #expect(sorted == ["An ninh", "Ăn uống", "Ấp", "Bảo trợ", "Dân số", "Đất đai", "Ong", "Ô tô", "Ơn", "Uống", "Ưu tiên", "Zê"])
    }

    @Test func tonesAreASecondaryDifference() {
        let words = ["má", "mạ", "mà", "ma", "mả", "mã", "mác"]
        #expect(words.sortedVietnamese { $0 } == ["ma", "mà", "mả", "mã", "má", "mạ", "mác"])
    }

    /// The table of scalar weights must give the key that decomposing the text gives, and leave to it the texts
    /// where the two could differ (marks typed apart, scripts beyond the table).
    @Test func collationTableAgreesWithDecomposing() {
        let pieces = ["Việt", "ĐƯỜNG", "đ", "Ð", "ă", "Ắ", "e\u{0323}\u{0302}", "\u{0301}", "o\u{031B}", "İ", "ß", "Σ", "ǅ",
                      "Å", "\u{0344}", "ཱི", "😀", "한", " ", "-", "7", "ﬁ", "Ǖ", "ȁ", "ờ", "Ỹ", "x", "–", "“", "Я"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(VietnameseSortKey(text) == VietnameseSortKey(decomposing: text), "\(text.debugDescription)")
        }
        for v in 0..<0x2100 {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let text = "a" + String(scalar) + "B"
            #expect(VietnameseSortKey(text) == VietnameseSortKey(decomposing: text), "U+\(String(v, radix: 16))")
        }
    }

    @Test func moneyAndDatesAreWrittenTheVietnameseWay() {
        #expect(VietnameseFormat.fee(8000) == "8.000 đồng")
        #expect(VietnameseFormat.fee(0) == "Miễn lệ phí")
        #expect(VietnameseFormat.fee(1_250_000) == "1.250.000 đồng")
        #expect(VietnameseFormat.date(CalendarDate(year: 2014, month: 11, day: 20)!) == "20/11/2014")
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CalendarDate(parsing: "2026-02-30") == nil)
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2026-13-01") == nil)
        #expect(CalendarDate(parsing: "20/11/2014") == CalendarDate(year: 2014, month: 11, day: 20))
    }

    @Test func weekdaysAndDayArithmetic() {
        let date = CalendarDate(year: 2026, month: 11, day: 21)!
        #expect(date.isoWeekday == 6)  // a Saturday
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 10) == CalendarDate(year: 2026, month: 12, day: 1))
    }

    /// The ranges that answer `isLetter` and `isUppercase` without Unicode's tables must agree with them everywhere they answer.
    @Test func letterTestAgreesWithCharacter() {
        for v in 0..<0x2100 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            let c = Character(s)
            #expect(VietnameseText.isLetter(c) == c.isLetter, "U+\(String(v, radix: 16))")
        }
        for v in 0..<0x20000 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(VietnameseText.isLetter(s) == Character(s).isLetter, "U+\(String(v, radix: 16))")
            #expect(VietnameseText.isUppercase(s) == s.properties.isUppercase, "U+\(String(v, radix: 16))")
        }
        for text in ["e\u{301}", "\u{301}", "👍🏽", "ﬁ"] {
            #expect(VietnameseText.isLetter(Character(text)) == Character(text).isLetter, "\(text)")
        }
    }

    /// A name that is already a slug is returned as it is; anything else is folded, as before the shortcut.
    @Test func slugShortcutGivesWhatFoldingGives() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab0-z9_ .Ăđ-A")
        var texts = ["", "-", "a", "a-", "-a", "a--b", "ab-12-c", "Ab", "a b", "a_b", "dang-ky-khai-sinh", "dang-ky-"]
        for _ in 0..<20_000 {
            texts.append(String((0..<Int.random(in: 0...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            #expect(VietnameseText.slug(text) == VietnameseText.foldedSlug(text), "\(text)")
        }
    }

    /// The byte search the radio uses gives what Foundation's `contains` gives on NFC text.
    @Test func byteSearchAgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = "ab áạ đ0".map(String.init)
        func random(_ n: ClosedRange<Int>) -> String {
            (0..<Int.random(in: n, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<5_000 {
            let text = random(0...12), needle = random(0...3)
            #expect(UTF8Text.contains(text, needle) == (needle.isEmpty || text.contains(needle)), "\(text) \(needle)")
        }
    }
}

