/// Splits a Markdown file into its YAML header and its body, keeping the line where the body starts.
public struct FrontMatter: Sendable {
    public var yaml: String
    public var body: String
    /// Lines before the body, added back to cmark-gfm's positions so links point at the file's real line.
    public var bodyLineOffset: Int

    /// Whether a YAML text's last lines are the text of a `|` or `>` block: a key or item line ending with the
    /// block sign opens one, and it lasts while the lines are indented deeper than that line (or blank).
    static func endsInsideBlock(_ yaml: String) -> Bool {
        var open: Int?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content.isEmpty { continue }
            if let o = open, indent > o { continue }
            open = nil
            var end = content
            while let last = end.last, last == " " { end = end.dropLast() }
            for sign in ["|", ">", "|-", ">-", "|+", ">+"] where end.hasSuffix(": " + sign) || end.hasSuffix("- " + sign) || end == Substring(sign) {
                open = indent
            }
        }
        return open != nil
    }

    public static func split(_ source: SourceText, diagnostics: inout Diagnostics) -> FrontMatter? {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" else {
            diagnostics.error(
                .missingFrontMatter,
                "tệp phải bắt đầu bằng phần khai báo giữa hai dòng `---` (ví dụ: `tieu_de: …`)",
                at: SourceLocation(path: source.path, line: 1, column: 1))
            return nil
        }
        // On UTF-8 bytes: a walk over Characters, or a search through the `utf8` view, costs far more per line, and
        // every file's front matter is split here. Text is CRLF-folded already, and a line feed is always a grapheme of
        // its own, so the lines are the same.
        var scanned = text
        let found = scanned.withUTF8 { bytes -> (yamlEnd: Int, body: Int, line: Int)? in
            let n = bytes.count
            let yamlStart = min(4, n)
            var lineStart = yamlStart
            var lineNumber = 1
            while lineStart < n {
                lineNumber += 1
                let end = UTF8Text.lineEnd(bytes, from: lineStart)
                var trimmedEnd = end
                while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
                let next = min(end + 1, n)
                if trimmedEnd - lineStart == 3, case let b = bytes[lineStart], b == 0x2D || b == 0x2E,
                   bytes[lineStart + 1] == b, bytes[lineStart + 2] == b {
                    // The lines before, joined by line feeds: the text up to this line without its last line feed.
                    return (lineStart == yamlStart ? yamlStart : lineStart - 1, next, lineNumber)
                }
                lineStart = next
            }
            return nil
        }
        if let found {
            // A `---` typed inside a `|` block ends the front matter there, and the rest of the block (and the
            // real closing `---`) would silently become the page's text. Such a line closes a header that ends
            // inside a block and is followed at once by an indented one; a body that starts indented after a
            // header that does not (a centred line pasted from Word) is left alone.
            let utf8 = text.utf8
            let header = String(text[utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))..<utf8.index(utf8.startIndex, offsetBy: found.yamlEnd)])
            let next = Self.endsInsideBlock(header) && scanned.withUTF8 { bytes -> Bool in
                var i = found.body
                guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return false }
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                return i < bytes.count && bytes[i] != 0x0A
            }
            if next {
                diagnostics.error(
                    .unterminatedFrontMatter,
                    "dòng `---` này kết thúc phần khai báo, nhưng dòng sau nó còn thụt lề như chữ của một khóa phía trên; nếu `---` thuộc đoạn chữ đó, hãy thụt lề nó như các dòng kia (hoặc thay bằng dấu khác)",
                    at: SourceLocation(path: source.path, line: found.line, column: 1))
                return nil
            }
            let yamlStart = utf8.index(utf8.startIndex, offsetBy: min(4, utf8.count))
            return FrontMatter(yaml: String(text[yamlStart..<utf8.index(utf8.startIndex, offsetBy: found.yamlEnd)]),
                               body: String(text[utf8.index(utf8.startIndex, offsetBy: found.body)...]), bodyLineOffset: found.line)
        }
        diagnostics.error(
            .unterminatedFrontMatter,
            "phần khai báo mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
            at: SourceLocation(path: source.path, line: 1, column: 1))
        return nil
    }
}
