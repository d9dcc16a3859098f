import Foundation
@testable import MotCuaKit
import Testing

/// The search index takes each body's plain text from the parse that rendered the page; it must be the text a
/// separate parse for the index gave.
@Suite("Search: plain text of page bodies")
struct SearchPlainTextTests {
    static let markdown = """
        # Đăng ký khai sinh

        Chuẩn bị **tờ khai** và _CCCD_; nộp tại [Cổng dịch vụ công](https://dichvucong.gov.vn) hoặc `bộ phận một cửa`.
        Dòng thứ hai\u{00A0}có dấu cách không ngắt.

        | Giấy tờ | Số lượng |
        |---|---|
        | Tờ khai | 01 bản |
        | Giấy chứng sinh | 01 bản chính |

        - Bước 1: điền tờ khai
        - Bước 2: ~~nộp bản giấy~~ nộp trực tuyến

        ```
        mã hồ sơ:   H23.15-241105-0001
        ```

        <div>HTML thô không vào chỉ mục</div>

        Liên hệ: www.anphu.gov.vn\u{2003}hoặc\u{3000}0220 3 123 456.
        """

    @Test func pageParseGivesTheIndexText() {
        let source = MarkdownSource(text: Self.markdown, path: "Content/huong-dan/a.md", lineOffset: 0)
        for allowRawHTML in [false, true] {
            let output = MarkdownRenderer(allowRawHTML: allowRawHTML).render(source, plainText: true)
            let fromPage = SiteSearch.collapseWhitespace(output.plainText ?? "")
            #expect(fromPage == SiteSearch.plainText(Self.markdown))
            #expect(fromPage.contains("Tờ khai 01 bản Giấy chứng sinh"))
        }
    }

    @Test func collapsingOnBytesMatchesUnicodeWhiteSpace() {
        // Written the slow, obvious way, by scalar, asking Unicode's own property.
        let reference = { (text: String) -> String in
            var out = String.UnicodeScalarView()
            var pending = false
            for s in text.unicodeScalars {
                if s.properties.isWhitespace { pending = true; continue }
                if pending && !out.isEmpty { out.append(" ") }
                pending = false
                out.append(s)
            }
            return String(out)
        }
        var pieces = ["a", "Việt", "\u{1F600}", "e\u{301}", "\u{200B}", "\u{2060}"]
        for v in 0..<0x3100 {
            if let s = Unicode.Scalar(v), s.properties.isWhitespace || v == 0x2000 + 11 || v == 0x202E { pieces.append(String(s)) }
        }
        var generator = SystemRandomNumberGenerator()
        var cases = ["", " ", "  a  b  ", "\u{85}x\u{A0}y\u{1680}z\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"]
        for _ in 0..<2000 {
            cases.append((0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in cases {
            #expect(SiteSearch.collapseWhitespace(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
