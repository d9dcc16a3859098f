/// Where a value came from, so every problem can be printed as `path:line:col`.
/// Lines and columns are 1-based, as editors count them; 0 means "unknown".
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
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// The same file, moved down by `lines` (Markdown bodies start after their front matter).
    public func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }
}
