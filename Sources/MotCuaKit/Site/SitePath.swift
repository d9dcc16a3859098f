/// Folder and extension of the site's own paths (relative, no doubled or trailing slash), on bytes.
/// Foundation's `NSString` path methods walk Characters on Linux, dear on every call where every page and link
/// asks, and its `deletingLastPathComponent` stops the program on some paths ("a/", "é").
enum SitePath {
    /// What comes before the last slash: "a/b/c.md" → "a/b", "c.md" → "", "/c" → "/".
    static func folder(of path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: 0x2F) else { return "" }
        if slash == utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// What follows the last dot of the last component, unless the dot starts it: "mau.docx" → "docx",
    /// "a.tar.gz" → "gz", ".an" → "", "a.b/c" → "".
    static func fileExtension(of path: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: 0x2F).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: 0x2E), dot != nameStart else { return "" }
        return String(path[utf8.index(after: dot)...])
    }

    /// The next non-empty component of a slash-separated path from `index` on (empty at the end); `index` ends
    /// after it. Shared by the link walks of `SitePlan.relative` and `LinkResolver.normalize`.
    static func nextComponent(_ path: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Range<Int> {
        while index < path.count, path[index] == 0x2F { index += 1 }
        let start = index
        while index < path.count, path[index] != 0x2F { index += 1 }
        return start..<index
    }
}
