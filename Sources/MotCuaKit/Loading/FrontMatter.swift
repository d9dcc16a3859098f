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
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var rest = text.dropFirst(4)
        while !rest.isEmpty {
            lineNumber += 1
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[rest.startIndex..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), body: String(rest), bodyLineOffset: lineNumber)
            }
            yamlLines.append(line)
        }
        diagnostics.error(
            "unterminated-front-matter",
            "phần khai báo mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại",
            at: SourceLocation(path: source.path, line: 1, column: 1))
        return nil
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
