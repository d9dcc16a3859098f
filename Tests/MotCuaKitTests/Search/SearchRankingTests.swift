import MotCuaKit
import Testing

@Suite("Search ranking")
struct SearchRankingTests {
    static let index = SearchIndex(SyntheticSite.documents)

    func titles(_ query: String, in index: SearchIndex = SearchRankingTests.index) -> [String] {
        index.search(query).map(\.title)
    }

    func doc(_ title: String, _ kind: SearchDocument.Kind = .procedure, code: String? = nil, text: String = "") -> SearchDocument {
        SearchDocument(kind: kind, title: title, url: VietnameseText.slug(title) + "/index.html", code: code, text: text)
    }

    @Test func withoutDiacritics() {
        #expect(titles("dang ky khai sinh").first == "Đăng ký khai sinh")
        #expect(titles("DANG KY KET HON").first == "Đăng ký kết hôn")
        #expect(titles("dat dai").prefix(2).sorted() == ["Hòa giải tranh chấp đất đai", "Đăng ký biến động đất đai"].sorted())
    }

    @Test func syllablePrefixes() {
        #expect(titles("khai si").first == "Đăng ký khai sinh")
        #expect(titles("ket h").first == "Đăng ký kết hôn")
        #expect(titles("dk tam tru").isEmpty)
        #expect(titles("d k t t").contains("Đăng ký tạm trú"))
    }

    @Test func procedureCodes() {
        let results = titles("1.001193")
        #expect(results.first == "Đăng ký khai sinh")
        #expect(results.contains("Nộp hồ sơ khai sinh trực tuyến"))
        #expect(titles("1.0011").contains("Đăng ký khai sinh"))
        #expect(titles("1.0011").contains("Đăng ký kết hôn") == false)
        #expect(titles("1.004227").first == "Điều chỉnh thông tin trong Cơ sở dữ liệu về cư trú")
    }

    @Test func oldAndNewTonePlacement() {
        #expect(titles("hoà giải").first == "Hòa giải tranh chấp đất đai")
        #expect(titles("hòa giải").first == "Hòa giải tranh chấp đất đai")
        #expect(titles("hoa giai").first == "Hòa giải tranh chấp đất đai")
        #expect(titles("thuỷ lợi").first == "Cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi")
        #expect(titles("văn hóa").first == "Công nhận Gia đình văn hoá")
    }

    @Test func exactMatchWithDiacriticsComesFirst() {
        // "ho" folds to the prefix of hộ, hồ, họ, hỗ, hòa…; titles with "hộ" as typed come first.
        let results = titles("hộ")
        let exact = results.prefix { SearchIndex.toneKey($0).contains("hộ") }
        #expect(exact.count >= 4)
        #expect(results.dropFirst(exact.count).allSatisfy { !SearchIndex.toneKey($0).contains("hộ") })
        #expect(results.contains("Hỗ trợ chi phí mai táng"))
        // An exact title wins over a shorter, better-kinded title match without the diacritics.
        let small = SearchIndex([doc("Hồ sơ"), doc("Hộ tịch điện tử", .page)])
        #expect(titles("Hộ", in: small) == ["Hộ tịch điện tử", "Hồ sơ"])
        #expect(titles("ho", in: small) == ["Hồ sơ", "Hộ tịch điện tử"])
        #expect(titles("HỒ", in: small) == ["Hồ sơ", "Hộ tịch điện tử"])
    }

    @Test func titleBeforeBody() {
        let results = titles("giay chung sinh")
        #expect(results.first == "Cấp giấy chứng sinh tại trạm y tế xã")
        #expect(results.contains("Đăng ký khai sinh"))
        let small = SearchIndex([doc("Đăng ký khai sinh", text: "Nộp giấy chứng sinh"), doc("Giấy chứng sinh", .page)])
        #expect(titles("giấy chứng sinh", in: small) == ["Giấy chứng sinh", "Đăng ký khai sinh"])
    }

    @Test func phraseBeforeScatteredTokens() {
        let small = SearchIndex([doc("Khai báo tạm vắng khi đăng ký"), doc("Đăng ký khai báo", .page)])
        #expect(titles("dang ky khai", in: small) == ["Đăng ký khai báo", "Khai báo tạm vắng khi đăng ký"])
        let body = SearchIndex([doc("A", text: "sinh con khai báo"), doc("B", .page, text: "khai sinh cho con")])
        #expect(titles("khai sinh", in: body) == ["B", "A"])
    }

    @Test func proceduresBeforeOtherKinds() {
        // The guide "Khai sinh" has the shorter title, but kind comes first.
        let results = titles("khai sinh")
        #expect(results.first == "Đăng ký khai sinh")
        #expect(results.firstIndex(of: "Khai sinh")! > results.firstIndex(of: "Đăng ký khai sinh lưu động")!)
    }

    @Test func shorterTitleThenAlphabetical() {
        let small = SearchIndex([doc("Đăng ký tạm trú dài hơn"), doc("Đăng ký tạm trú"), doc("Đăng ký tạm trú B"),
                                 doc("Đăng ký tạm trú A")])
        #expect(titles("tam tru", in: small) == ["Đăng ký tạm trú", "Đăng ký tạm trú A", "Đăng ký tạm trú B",
                                                 "Đăng ký tạm trú dài hơn"])
    }

    @Test func deterministicWhateverTheInputOrder() {
        let docs = SyntheticSite.documents
        var shuffled = docs
        var generator = SplitMix(seed: 42)
        shuffled.shuffle(using: &generator)
        let a = SearchIndex(docs), b = SearchIndex(shuffled.reversed())
        for query in ["dang ky", "ho", "chung thuc", "1.00", "tam", "xa", "a"] {
            #expect(a.search(query).map(\.url) == b.search(query).map(\.url))
            #expect(a.search(query).map(\.url) == a.search(query).map(\.url))
        }
    }

    @Test func everyTokenMustMatch() {
        #expect(titles("khai sinh xyz").isEmpty)
        #expect(titles("").isEmpty)
        #expect(titles("  … – ").isEmpty)
        #expect(titles("sinh khai").contains("Đăng ký khai sinh"))
    }

    @Test func decomposedAndUppercaseQueries() {
        #expect(titles("ĐĂNG KÝ KHAI SINH").first == "Đăng ký khai sinh")
        #expect(titles("đăng ký khai sinh".decomposedStringWithCanonicalMapping).first == "Đăng ký khai sinh")
    }

    @Test func bodyIsCappedAtWholeTokens() {
        let long = SearchDocument(kind: .guide, title: "Dài", url: "dai/index.html",
                                  text: String(repeating: "chữ ", count: 100) + "cuoicung")
        let index = SearchIndex([long], bodyLimit: 50)
        #expect(index.search("chu").count == 1)
        #expect(index.search("cuoicung").isEmpty)
        #expect(SearchIndex([long]).search("cuoicung").count == 1)
    }
}

/// A small seeded generator so the shuffle is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
