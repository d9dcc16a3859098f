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
    /// In a province, the pages other communes have for procedures this one leaves out (`Site.leftOut`).
    var leftOut: [String: LeftOutProcedure] = [:]

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
        if Self.externalSchemes.contains(where: { Self.hasScheme(url, $0) }) { return (.keep, nil) }
        if Self.hasScheme(url, "javascript:") || Self.hasScheme(url, "vbscript:") {
            return (.broken("liên kết `\(url)` không được phép (mã lệnh trong liên kết)"), nil)
        }
        if url.isEmpty { return (.broken("liên kết trống"), nil) }
        var target = url
        var fragment: String?
        // Separators are found as bytes (ASCII, never inside a multi-byte character): cheaper than a walk over
        // Characters, and every link of every page comes here.
        if let hash = target.utf8.firstIndex(of: 0x23) {
            fragment = String(target[target.utf8.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.utf8.firstIndex(of: 0x3F) { target = String(target[..<query]) }
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
            // A former address (`dia_chi_cu`): the link goes straight to the page, whose anchors it then names.
            if case .redirect(let r)? = plan.page(atPath: candidate)?.kind, let page = plan.page(plan.redirects[r].target) {
                return rewrite(to: page.path, fragment: fragment, from: pagePath)
            }
            return rewrite(to: candidate, fragment: fragment, from: pagePath)
        }
        if staticFiles.contains(normalized) {
            return (.rewrite(SitePlan.relative(from: pagePath, to: normalized) + (fragment.map { "#\($0)" } ?? "")), nil)
        }
        if let gone = candidates.lazy.compactMap({ leftOut[$0] }).first {
            // A shared text naming a procedure this commune does not do: the page is missing on purpose.
            return (.broken("liên kết `\(url)` trỏ tới thủ tục `\(gone.code)` (\(gone.name)) mà xã này không áp dụng (`khong_ap_dung: true` ở \(gone.location)); bỏ liên kết khỏi bài dùng chung, hoặc viết bài riêng cho xã cùng tên tệp trong thư mục huong-dan/ của xã"), nil)
        }
        return (.broken("liên kết `\(url)` trỏ tới trang không tồn tại (`/\(normalized)`)"), nil)
    }

    private func rewrite(to page: String, fragment: String?, from pagePath: String) -> (MarkdownRenderer.LinkResolution, (path: String, anchor: String)?) {
        let link = SitePlan.relative(from: pagePath, to: page) + (fragment.map { "#\($0)" } ?? "")
        return (.rewrite(link), fragment.map { (page, $0) })
    }

    /// `url` starts with `scheme` (lowercase ASCII), in any case.
    static func hasScheme(_ url: String, _ scheme: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        for expected in scheme.utf8 {
            guard let byte = bytes.next() else { return false }
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lowered != expected { return false }
        }
        return true
    }

    /// Joins a relative path to a folder path and folds `.` and `..`; nil if it climbs above the root.
    /// One walk over each path's bytes into one buffer, where `..` cuts back to the buffer's last "/"
    /// (components hold none): splitting into arrays of substrings and joining them allocates for every link.
    static func normalize(_ path: String, base: String) -> String? {
        var path = path, base = base
        return base.withUTF8 { b in
            path.withUTF8 { p -> String? in
                var out: [UInt8] = []
                out.reserveCapacity(b.count + p.count + 1)
                // The folder's own components are taken as they are, `.` and `..` included, as splitting took them.
                var i = 0
                while i < b.count {
                    let part = SitePath.nextComponent(b, &i)
                    if !part.isEmpty { append(b, part, to: &out) }
                }
                i = 0
                while i < p.count {
                    let part = SitePath.nextComponent(p, &i)
                    if part.isEmpty || (part.count == 1 && p[part.lowerBound] == 0x2E) { continue }
                    if part.count == 2, p[part.lowerBound] == 0x2E, p[part.lowerBound + 1] == 0x2E {
                        guard !out.isEmpty else { return nil }
                        out.removeSubrange((out.lastIndex(of: 0x2F) ?? 0)...)
                        continue
                    }
                    append(p, part, to: &out)
                }
                if p.last == 0x2F, !out.isEmpty { out.append(0x2F) }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>, to out: inout [UInt8]) {
        if !out.isEmpty { out.append(0x2F) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part]))
    }
}
