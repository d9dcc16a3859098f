/// Splits a Markdown file into its YAML header and its body, keeping the line where the body starts.
public struct FrontMatter: Sendable {
    public var yaml: String
    public var body: String
    /// Lines before the body, added back to cmark-gfm's positions so links point at the file's real line.
    public var bodyLineOffset: Int

    public static func split(_ source: SourceText, diagnostics: inout Diagnostics) -> FrontMatter? {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" else {
            diagnostics.error(
                "missing-front-matter",
                "tệp phải bắt đầu bằng phần khai báo giữa hai dòng `---` (ví dụ: `tieu_de: …`)",
                at: SourceLocation(path: source.path, line: 1, column: 1))
            return nil
        }
        // On UTF-8 bytes: a walk over Characters was 9% of loading 10,000 guides. Text is CRLF-folded already,
        // and a line feed is always a grapheme of its own, so the lines are the same.
        let utf8 = text.utf8
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
        var lineStart = yamlStart
        var lineNumber = 1
        while lineStart < utf8.endIndex {
            lineNumber += 1
            let end = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var trimmedEnd = end
            while trimmedEnd > lineStart, case let b = utf8[utf8.index(before: trimmedEnd)], b == 0x20 || b == 0x09 {
                trimmedEnd = utf8.index(before: trimmedEnd)
            }
            let line = utf8[lineStart..<trimmedEnd]
            let next = end == utf8.endIndex ? end : utf8.index(after: end)
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                // The lines before, joined by line feeds: the text up to this line without its last line feed.
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                return FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), body: String(text[next...]), bodyLineOffset: lineNumber)
            }
            lineStart = next
        }
        diagnostics.error(
            "unterminated-front-matter",
            "phần khai báo mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
            at: SourceLocation(path: source.path, line: 1, column: 1))
        return nil
    }
}
