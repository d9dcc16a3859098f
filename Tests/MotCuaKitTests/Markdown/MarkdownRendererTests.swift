import Testing
@testable import MotCuaKit

@Suite struct MarkdownRendererTests {
    func render(_ text: String, allowHTML: Bool = false) -> MarkdownRenderer.Output {
        MarkdownRenderer(allowRawHTML: allowHTML).render(MarkdownSource(text: text, path: "Content/x.md", lineOffset: 3))
    }

    @Test func headingsGetStableFoldedIDs() {
        let out = render("## Đăng ký tài khoản\n\ntext\n\n## Đăng ký tài khoản\n\n### Bước 1: Nộp hồ sơ")
        #expect(out.html.contains("<h2 id=\"dang-ky-tai-khoan\">Đăng ký tài khoản</h2>"))
        #expect(out.html.contains("<h2 id=\"dang-ky-tai-khoan-2\">"))
        #expect(out.html.contains("<h3 id=\"buoc-1-nop-ho-so\">"))
        #expect(!out.html.contains("\u{E000}"))
    }

    @Test func gfmExtensionsAreOn() {
        let out = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~cũ~~ https://dichvucong.gov.vn\n\n- [x] xong")
        #expect(out.html.contains("<table>"))
        #expect(out.html.contains("<del>cũ</del>"))
        #expect(out.html.contains("<a href=\"https://dichvucong.gov.vn\">"))
        #expect(out.html.contains("checkbox"))
    }

    /// cmark-gfm sets and clears a global table of the extensions' special characters (`~`, `:`, `@`, `w`)
    /// around each inline pass: parses running at once must still find every autolink and strikethrough.
    @Test func parsesOnBothCoresAsOneAtATime() {
        let texts = (0..<3_000).map { i in
            "Đoạn \(i): ~~cũ \(i)~~ xem https://dichvucong.gov.vn/\(i), www.anphu\(i).gov.vn hoặc "
                + "hotro\(i)@anphu.gov.vn.\n\n| a | b |\n|---|---|\n| ~~\(i)~~ | https://x\(i).vn |\n"
        }
        let renderer = MarkdownRenderer(allowRawHTML: false)
        let serial = texts.map { renderer.render(MarkdownSource(text: $0, path: "x.md", lineOffset: 0)).htmlBytes }
        for _ in 0..<3 {
            let parallel = BuildAction.parallelMap(texts) { renderer.render(MarkdownSource(text: $0, path: "x.md", lineOffset: 0)).htmlBytes }
            #expect(parallel == serial)
        }
        let first = String(decoding: serial[0], as: UTF8.self)
        #expect(first.contains("<del>cũ 0</del>"))
        #expect(first.contains("<a href=\"https://dichvucong.gov.vn/0\">"))
        #expect(first.contains("<a href=\"http://www.anphu0.gov.vn\">"))
        #expect(first.contains("<a href=\"mailto:hotro0@anphu.gov.vn\">"))
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let safe = render("<b>x</b>\n\n<script>alert(1)</script>")
        #expect(!safe.html.contains("<script"))
        #expect(!safe.html.contains("<b>"))
        let allowed = render("<b>x</b>\n\n<script>alert(1)</script>", allowHTML: true)
        #expect(allowed.html.contains("<b>x</b>"))
        #expect(!allowed.html.contains("<script>"))  // the tag filter still applies
    }

    @Test func brokenLinksAreReportedAtTheFileLineAndColumn() {
        let out = MarkdownRenderer(allowRawHTML: false).render(
            MarkdownSource(text: "Đoạn một.\n\nXem [đây](nowhere).", path: "Content/huong-dan/a.md", lineOffset: 4)
        ) { url, _ in url == "nowhere" ? .broken("liên kết hỏng") : .keep }
        #expect(out.diagnostics.lines == ["Content/huong-dan/a.md:7:5: error: liên kết hỏng"])
    }

    /// The id placement copies runs between markers; it must give what a copy byte by byte gave, and an editor's
    /// own private-use characters, however many digits follow, stay text.
    @Test func headingIDsArePlacedAsByteByByte() {
        func reference(_ source: [UInt8], _ headings: [MarkdownRenderer.Heading]) -> [UInt8] {
            var out: [UInt8] = []
            var i = 0
            while i < source.count {
                if source[i] == 0xEE, i + 2 < source.count, source[i + 1] == 0x80, source[i + 2] == 0x80 {
                    var j = i + 3, index = 0
                    while j < source.count, (0x30...0x39).contains(source[j]) { index = min(index * 10 + Int(source[j] - 0x30), 1_000_000); j += 1 }
                    if j + 2 < source.count, source[j...].starts(with: [0xEE, 0x80, 0x81]), index < headings.count {
                        let open = Array("<h\(headings[index].level)>".utf8)
                        if out.count >= open.count, out.suffix(open.count).elementsEqual(open) {
                            out.removeLast()
                            out.append(contentsOf: " id=\"\(headings[index].id)\">".utf8)
                        }
                        i = j + 3
                        continue
                    }
                }
                out.append(source[i])
                i += 1
            }
            return out
        }
        let headings = (1...12).map { MarkdownRenderer.Heading(level: $0 % 6 + 1, text: "t\($0)", id: "muc-\($0)") }
        let pieces = ["<h2>", "<h3>", "\u{E000}", "\u{E001}", "\u{E000}1\u{E001}", "\u{E000}11\u{E001}", "\u{E000}99999999999999999999999\u{E001}",
                      "\u{EE00}", "ế", "x", "</h2>\n", "\u{E000}12\u{E001}", "\u{E000}"].map { Array($0.utf8) }
        var rng = LoaderFuzzTests.Generator(state: 7)
        for _ in 0..<3_000 {
            var source: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) { source += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let placed = source.withUnsafeBufferPointer { MarkdownRenderer.placeHeadingIDs($0, headings) }
            #expect(placed == reference(source, headings), "\(String(decoding: source, as: UTF8.self).debugDescription)")
        }
        #expect(render("## A \u{E000}99999999999999999999999\u{E001}").html.contains("\u{E000}99999999999999999999999"))
    }
}
