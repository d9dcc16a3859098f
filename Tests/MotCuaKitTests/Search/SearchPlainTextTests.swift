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

        - [x] Đã có tài khoản định danh
        - [ ] Chưa nộp lệ phí[^phi]

        [^phi]: Lệ phí nộp khi nhận kết quả.
        """

    @Test func pageParseGivesTheIndexText() throws {
        let source = MarkdownSource(text: Self.markdown, path: "Content/huong-dan/a.md", lineOffset: 0)
        for allowRawHTML in [false, true] {
            let output = MarkdownRenderer(allowRawHTML: allowRawHTML).render(source, plainText: true)
            let fromPage = try #require(output.plainText)
            #expect(fromPage == SiteSearch.plainText(Self.markdown))
            #expect(fromPage.contains("Liên hệ: www.anphu.gov.vn hoặc 0220 3 123 456."))
            #expect(!fromPage.hasPrefix(" ") && !fromPage.hasSuffix(" ") && !fromPage.contains("  "))
            #expect(fromPage.contains("Tờ khai 01 bản Giấy chứng sinh"))
            #expect(fromPage.contains("Đã có tài khoản định danh Chưa nộp lệ phí"))
            #expect(fromPage.contains("Lệ phí nộp khi nhận kết quả."))
        }
    }

    @Test func longBodiesGiveTheSameCutTextBothWays() {
        // 3-byte "ệ" makes the cut fall inside a character at some offset; the text must stay whole scalars.
        let paragraph = "Hồ sơ đăng ký hộ tịch gồm tờ khai và giấy tờ tùy thân ệệ.\n\n"
        let markdown = String(repeating: paragraph, count: 2_000)
        let source = MarkdownSource(text: markdown, path: "Content/huong-dan/dai.md", lineOffset: 0)
        let fromPage = MarkdownRenderer(allowRawHTML: false).render(source, plainText: true).plainText ?? ""
        #expect(fromPage == SiteSearch.plainText(markdown))
        #expect(fromPage.utf8.count <= MarkdownRenderer.searchTextLimit)
        #expect(fromPage.utf8.count > MarkdownRenderer.searchTextLimit - 100)
        #expect(!fromPage.unicodeScalars.contains("\u{FFFD}"))
        #expect(fromPage.hasPrefix("Hồ sơ đăng ký hộ tịch"))
        // A run of 3-byte letters cut at each of the three alignments.
        for shift in 0..<3 {
            let run = String(repeating: "a", count: shift) + String(repeating: "ệ", count: 8_000)
            let text = SiteSearch.plainText(run)
            #expect(!text.unicodeScalars.contains("\u{FFFD}"))
            #expect(text.utf8.count > MarkdownRenderer.searchTextLimit - 3 && text.utf8.count <= MarkdownRenderer.searchTextLimit)
        }
        // The index still fills its whole body allowance from the cut text.
        let index = SearchIndex([SearchDocument(kind: .guide, title: "Dài", url: "dai.html", text: fromPage)])
        #expect(index.entries[0].body.utf16.count > SearchIndex.defaultBodyLimit - 20)
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
