import Foundation

/// Resolves links written in Markdown: external ones are kept, internal ones are checked against the plan and
/// rewritten relative to the page (with `index.html`, so they work from file://). Editors may write a link
/// as the page's URL (`../dang-ky-tai-khoan/`, `/thu-tuc/dang-ky-khai-sinh/`) or as the content file
/// (`dang-ky-tai-khoan.md`, `../trang/lien-he.md`).
struct LinkResolver: Sendable {
    let plan: SitePlan
    /// Content file path (`Content/huong-dan/x.md`) → page folder path.
    let sourcePages: [String: String]
    /// Files written besides pages (assets, forms, feeds), by output path.
    let staticFiles: Set<String>

    /// An anchor in another page that must exist once every page is rendered.
    struct PendingAnchor: Sendable {
        var pagePath: String
        var anchor: String
        var location: SourceLocation
        var written: String
    }

    static let externalSchemes = ["http:", "https:", "mailto:", "tel:", "ftp:", "sms:", "geo:", "data:"]

    /// Returns the resolution and, for anchors, what must be checked later.
    func resolve(_ url: String, fromPage pagePath: String, sourcePath: String) -> (MarkdownRenderer.LinkResolution, (path: String, anchor: String)?) {
        let lower = url.lowercased()
        if Self.externalSchemes.contains(where: { lower.hasPrefix($0) }) { return (.keep, nil) }
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") {
            return (.broken("liên kết `\(url)` không được phép (mã lệnh trong liên kết)"), nil)
        }
        if url.isEmpty { return (.broken("liên kết trống"), nil) }
        var target = url
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        if target.utf8.contains(0x25) { target = target.removingPercentEncoding ?? target }
        if target.isEmpty {
            guard let fragment else { return (.keep, nil) }
            return (.keep, (pagePath, fragment))
        }
        // A link to a content file.
        if target.hasSuffix(".md") {
            let sourceFolder = SitePath.folder(of: sourcePath)
            guard let resolved = Self.normalize(target, base: sourceFolder + "/"), let page = sourcePages[resolved] else {
                return (.broken("liên kết `\(url)` trỏ tới tệp nội dung không có (hoặc đang là bản nháp)"), nil)
            }
            return rewrite(to: page, fragment: fragment, from: pagePath)
        }
        let base = target.hasPrefix("/") ? "" : pagePath
        guard let normalized = Self.normalize(target.hasPrefix("/") ? String(target.dropFirst()) : target, base: base) else {
            return (.broken("liên kết `\(url)` đi ra ngoài trang web"), nil)
        }
        var candidates = [normalized]
        if normalized.hasSuffix("index.html") { candidates.append(String(normalized.dropLast("index.html".count))) }
        if !normalized.hasSuffix("/") && !normalized.isEmpty { candidates.append(normalized + "/") }
        for candidate in candidates where plan.page(atPath: candidate) != nil || (candidate.isEmpty) {
            return rewrite(to: candidate, fragment: fragment, from: pagePath)
        }
        if staticFiles.contains(normalized) {
            return (.rewrite(SitePlan.relative(from: pagePath, to: normalized) + (fragment.map { "#\($0)" } ?? "")), nil)
        }
        return (.broken("liên kết `\(url)` trỏ tới trang không tồn tại (`/\(normalized)`)"), nil)
    }

    private func rewrite(to page: String, fragment: String?, from pagePath: String) -> (MarkdownRenderer.LinkResolution, (path: String, anchor: String)?) {
        let link = SitePlan.relative(from: pagePath, to: page) + (fragment.map { "#\($0)" } ?? "")
        return (.rewrite(link), fragment.map { (page, $0) })
    }

    /// Joins a relative path to a folder path and folds `.` and `..`; nil if it climbs above the root.
    static func normalize(_ path: String, base: String) -> String? {
        var parts = base.split(separator: "/").map(String.init)
        let trailingSlash = path.hasSuffix("/")
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        let joined = parts.joined(separator: "/")
        return trailingSlash && !joined.isEmpty ? joined + "/" : joined
    }
}
