import Foundation

/// Maps a request path to a key of the in-memory site. Anything odd is refused rather than repaired:
/// the server only looks keys up in the rendered map (and the copies' known sources), so a refused path
/// is simply a 404 and nothing outside the site is ever read.
enum SitePath {
    /// The site file a raw (percent-encoded) request path names, or nil when the path is not acceptable:
    /// undecodable, a `.` or `..` or empty segment, NUL, backslash, or not starting with `/`.
    /// `/` and paths ending in `/` name the folder's index.html.
    static func key(for rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let isFolder = segments.last == ""
        if isFolder { segments = segments.dropLast() }
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            return nil
        }
        let joined = segments.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return isFolder ? joined + "/index.html" : joined
    }
}
