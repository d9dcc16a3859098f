/// Where a value came from, so every problem can be printed as `path:line:col`.
/// Lines and columns are 1-based, as editors count them; 0 means "unknown". A problem with the whole file
/// (a form, a link, a folder) has no line and is printed at the file's start, `path:1:1`, so every printed
/// problem has the one shape editors' tools jump to.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the site root (for example `Content/thu-tuc/ho-tich.yml`).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        let path = Diagnostic.oneLine(self.path)
        guard line > 0 else { return "\(path):1:1" }
        return "\(path):\(line):\(max(column, 1))"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// The same file, moved down by `lines` (Markdown bodies start after their front matter).
    public func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }
}
