import Testing
@testable import MotCuaKit

/// `cho_phep_html: true` allows markup, not script.
@Suite struct HTMLSanitizerTests {
    static let allowed = MarkdownRenderer(allowRawHTML: true)

    func html(_ markdown: String) -> String {
        String(decoding: Self.allowed.render(MarkdownSource(text: markdown, path: "Content/trang/x.md", lineOffset: 0)).htmlBytes, as: UTF8.self)
    }

    @Test("script in every form it hides in is gone", arguments: [
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVa\tScRiPt:alert(1)\">x</a>",
        "<a href=\"javascript&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ngoai.example/x.png\" alt=\"ảnh\">",
        "<p onclick=\"alert(1)\" style=\"x\">đoạn</p>",
        "<div>\n<meta http-equiv=\"refresh\" content=\"0;url=https://ngoai.example\">\n</div>",
        "<svg onload=alert(1)><circle /></svg>",
        "<iframe src=\"https://ngoai.example\"></iframe>",
        "<form action=\"https://ngoai.example\"><button formaction=\"javascript:x\">Gửi</button></form>",
        "<details open ontoggle=alert(1)><summary>Xem</summary>nội dung</details>",
        "<!-- <script>alert(1)</script> -->chữ",
        "<a href='vbscript:msgbox(1)'>x</a>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    ])
    func noScript(markdown: String) {
        let out = html(markdown).lowercased()
        for needle in ["javascript", "vbscript", "onerror", "onclick", "onload", "ontoggle", "style=", "<meta", "<svg",
                       "<iframe", "<form", "formaction", "data:text", "ngoai.example", "<script", "<object", "<embed"] {
            #expect(!out.contains(needle), "\(needle) in \(out)")
        }
    }

    @Test("the markup editors use stays")
    func markupStays() {
        let out = html("<table class=\"bang\">\n<tr><th scope=\"col\">Thủ tục</th><td colspan=\"2\" onclick=\"x\">Hộ tịch</td></tr>\n</table>\n\nChữ <b>đậm</b>, <a href=\"https://dichvucong.gov.vn\" title=\"Cổng\">cổng</a>, <a href=\"../lien-he/\">liên hệ</a>, <img src=\"../assets/so-do.png\" alt=\"Sơ đồ\">.")
        #expect(out.contains("<table class=\"bang\">"))
        #expect(out.contains("<th scope=\"col\">Thủ tục</th>"))
        #expect(out.contains("<td colspan=\"2\">Hộ tịch</td>"))
        #expect(out.contains("<b>đậm</b>"))
        #expect(out.contains("<a href=\"https://dichvucong.gov.vn\" title=\"Cổng\">cổng</a>"))
        #expect(out.contains("<img src=\"../assets/so-do.png\" alt=\"Sơ đồ\">"))
    }

    @Test("without cho_phep_html raw HTML is not written at all")
    func offByDefault() {
        let out = String(decoding: MarkdownRenderer(allowRawHTML: false).render(MarkdownSource(text: "<b onclick=x>đậm</b>", path: "x.md", lineOffset: 0)).htmlBytes, as: UTF8.self)
        #expect(!out.contains("<b"))
        #expect(!out.contains("onclick"))
    }
}
