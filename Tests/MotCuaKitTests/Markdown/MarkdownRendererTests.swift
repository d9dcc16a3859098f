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
}
