import Foundation
import MotCuaKit
import Testing

@Suite("Search index file")
struct SearchIndexFileTests {
    /// Queries whose results the script must rank exactly as Swift does (Tests/quality/search_agreement.js).
    static let sharedQueries = [
        "dang ky khai sinh", "khai si", "1.001193", "1.0011", "hoà giải", "hòa giải", "hoa giai", "thuỷ lợi",
        "thủy lợi", "văn hóa", "hộ", "ho", "HỒ SƠ", "giay chung sinh", "dat dai", "ket h", "sinh khai", "chung thuc",
        "tam tru", "d k t t", "xa", "Đăng ký", "dang", "khai sinh xyz", "", "…", "123/2015", "5.000",
        "nop ho so truc tuyen", "UBND", "khỏe", "tra cuu", "lien he", "gioi thieu an phu",
        "dinh danh dien tu muc 2", "vneid muc do 02", "05 ngay", "0220", "220 3", "01/7/2025", "1/7", "ho so 0",
    ]

    /// The same for the real records' index: every ranking case of `RealRecordSearchTests` and a few more.
    static let realQueries = RealRecordSearchTests.cases.map(\.query)
        + ["dinh danh", "muc", "mau so 01", "0", "00", "2.000815.000.00.00", "h38", "cong dan viet nam"]

    static let jsonFoldInputs: [String] = SearchFoldTests.foldCases.map { $0[0] }
        + ["Hòa giải", "hoà giải", "thủy lợi", "khỏe, mạnh", "Hoàng", "của", "khuỷu", "  hòa\u{00A0}\n giải ",
           "1..2 .5 v1.2 a.b", "Mã 1.001193.", "18,5 km² × 2", "mức độ 02", "0 00 007 0.5 00.5 000.001 02a a02",
           "2.000815.000.00.00.H38", "KQ.G15.000031", "01/07/2025", "０２ ٠٢"]

    @Test func scriptShape() throws {
        let js = SearchIndex(SyntheticSite.documents).javascript()
        #expect(js.hasPrefix("/* MotCua search index"))
        #expect(js.contains("window.MOTCUA_SEARCH={\"v\":1,\"docs\":[\n[0,\"Đăng ký khai sinh\",\"thu-tuc/dang-ky-khai-sinh/index.html\",\"Hộ tịch\",\"Toàn trình\",\"toan-trinh\",\"1.001193\",\"Hồ sơ: Tờ khai"))
        #expect(js.hasSuffix("\n]};\n"))
        // No fetch, no module syntax: a plain script that works from file://.
        #expect(!js.contains("fetch(") && !js.contains("export "))
    }

    @Test func escapesWhatBreaksAScriptString() {
        let doc = SearchDocument(kind: .page, title: "A \"B\" \\ C", url: "a/index.html",
                                 field: "dòng 1\ndòng 2\u{2028}\u{0001}\t</script>", text: "x\r\ny")
        let js = SearchIndex([doc]).javascript()
        #expect(js.contains(#"[3,"A \"B\" \\ C","a/index.html","dòng 1\ndòng 2\u2028\u0001\t</script>","","","","x y","dong 1 dong 2 script x y"]"#))
    }

    @Test func snippetIsShortAndEndsAtAWord() {
        let js = SearchIndex(SyntheticSite.documents).javascript()
        let line = js.split(separator: "\n").first { $0.contains("dang-ky-khai-sinh/") }!
        let snippet = String(line.split(separator: "\"")[13])
        #expect(snippet.count <= SearchIndex.snippetLength + 1)
        #expect(snippet.hasSuffix("…"))
    }

    @Test func sampleSizedSiteStaysUnder100KB() {
        let docs = SyntheticSite.documents
        #expect(docs.filter { $0.kind == .procedure }.count == 35)
        let bytes = SearchIndex(docs).javascript().utf8.count
        print("search-index.js for the synthetic site (\(docs.count) documents, 35 procedures): \(bytes) bytes")
        #expect(bytes < 100_000)
    }

    /// With MOTCUA_SEARCH_EXPORT=<dir>, writes what the script is checked against (see `export(to:)`), to run
    /// Tests/quality/search_agreement.js by hand.
    @Test func exportForScriptCheck() throws {
        guard let dir = ProcessInfo.processInfo.environment["MOTCUA_SEARCH_EXPORT"] else { return }
        try SearchIndexFileTests.export(to: URL(fileURLWithPath: dir))
    }

    /// Theme/assets/search.js, run by Node, folds, tokenises and ranks every shared case as Swift does.
    @Test(.enabled(if: SearchIndexFileTests.node != nil, "node is not installed"))
    func scriptAgreesWithSwift() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // 1,000 pages for the big index: Swift's search in a debug build takes seconds on 10,000.
        try SearchIndexFileTests.export(to: dir, bigCount: 1_000)
        let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../quality/search_agreement.js").standardizedFileURL
        let (status, output) = try ZipArchiveTests.run(SearchIndexFileTests.node!, [harness.path, dir.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" answers agree"), "\(output)")
    }

    /// The node executable on PATH, if any.
    static let node: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Writes the synthetic index, the real records' index, a big index (`SyntheticSite.big`) and Swift's
    /// answers for the shared cases (expected.json), which Tests/quality/search_agreement.js compares with the
    /// script's.
    static func export(to base: URL, bigCount: Int = 10_000) throws {
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let index = SearchIndex(SyntheticSite.documents)
        try index.javascript().write(to: base.appendingPathComponent("search-index.js"), atomically: true, encoding: .utf8)
        let real = RealRecordSearchTests.index
        try real.javascript().write(to: base.appendingPathComponent("real-index.js"), atomically: true, encoding: .utf8)
        let big = SearchIndex(SyntheticSite.big(count: bigCount))
        try big.javascript().write(to: base.appendingPathComponent("big-index.js"), atomically: true, encoding: .utf8)
        let expected: [String: [[String]]] = [
            "fold": SearchIndexFileTests.jsonFoldInputs.map { [$0, VietnameseText.fold($0)] },
            "tokens": SearchIndexFileTests.jsonFoldInputs.map { [$0] + SearchIndex.tokens(VietnameseText.fold($0)) },
            "toneKey": SearchIndexFileTests.jsonFoldInputs.map { [$0, SearchIndex.toneKey($0)] },
            "search": SearchIndexFileTests.sharedQueries.map { [$0] + index.search($0).map(\.url) },
            "realSearch": SearchIndexFileTests.realQueries.map { [$0] + real.search($0).map(\.url) },
            "bigSearch": ["dang ky khai sinh", "ho", "1.001193", "hoà giải 12"].map { [$0] + big.search($0).prefix(20).map(\.url) },
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(expected).write(to: base.appendingPathComponent("expected.json"))
    }
}
