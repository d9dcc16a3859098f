import Foundation

/// Decides every page's URL once. Templates ask the plan for links relative to the page they are on,
/// which is what lets Output/ work from file://, a USB stick or any sub-folder of a host.
public struct SitePlan: Sendable {
    /// A page: its kind (`PageKind`, the table) and which item of the content it shows.
    public enum Kind: Sendable, Hashable {
        case home
        case guideList
        case guide(Int)
        case catalog
        case field(Int)
        case procedure(field: Int, index: Int)
        case levels
        case level(String)
        case tier(String)
        case forms
        case announcementList
        case announcement(Int)
        case schedule
        case page(Int)
        case search
        case notFound
        /// The redirect at `SitePlan.redirects[i]`.
        case redirect(Int)

        /// This page's row in the table of page kinds.
        public var table: PageKind {
            switch self {
            case .home: .home
            case .guideList: .guideList
            case .guide: .guide
            case .catalog: .catalog
            case .field: .field
            case .procedure: .procedure
            case .levels: .levels
            case .level: .level
            case .tier: .tier
            case .forms: .forms
            case .announcementList: .announcementList
            case .announcement: .announcement
            case .schedule: .schedule
            case .page: .page
            case .search: .search
            case .notFound: .notFound
            case .redirect: .redirect
            }
        }
    }

    public struct Page: Sendable {
        public var kind: Kind
        /// Folder path from the site root with a trailing slash ("thu-tuc/dang-ky-khai-sinh/"); "" for home.
        public var path: String
        /// The file written: `path + "index.html"`, or `404.html`.
        public var file: String
        public var title: String
        public var location: SourceLocation?
    }

    /// Section folders (those of the page kinds, and the theme's assets); a free page may not take one of
    /// these names.
    public static let sections: Set<String> = Set(PageKind.allCases.compactMap { kind in
        kind == .notFound ? nil : kind.row.folder.split(separator: "/").first.map(String.init)
    }).union(["trang", "assets"])

    public private(set) var pages: [Page] = []
    private var byKind: [Kind: Int] = [:]
    private var byPath: [String: Int] = [:]
    /// Procedure code → its page path.
    public private(set) var procedurePaths: [String: String] = [:]

    /// A former address (`dia_chi_cu`) and the page it sends the reader to.
    public struct Redirect: Sendable {
        public var target: Kind
        /// The address as the editor wrote it, and where.
        public var written: Located<String>
    }

    /// Every former address that became a redirect page, in the order of their pages.
    public private(set) var redirects: [Redirect] = []

    public init(site: Site, diagnostics: inout Diagnostics) {
        add(.home, "", site.config.name, nil, &diagnostics)
        list(.guideList, &diagnostics)
        for (i, guide) in site.guides.enumerated() {
            add(.guide(i), PageKind.guide.row.folder + "\(guide.slug.value)/", guide.title, guide.slug.location, &diagnostics)
        }
        list(.catalog, &diagnostics)
        for (f, field) in site.fields.enumerated() {
            add(.field(f), PageKind.field.row.folder + "\(field.slug.value)/", field.name.value, field.name.location, &diagnostics)
            for (p, procedure) in field.procedures.enumerated() {
                let path = PageKind.procedure.row.folder + "\(procedure.slug.value)/"
                if add(.procedure(field: f, index: p), path, procedure.name.value, procedure.slug.location, &diagnostics) {
                    procedurePaths[procedure.code.value] = path
                }
            }
        }
        list(.levels, &diagnostics)
        for badge in LevelBadge.all(site.config.levelScheme) {
            add(.level(badge.key), PageKind.level.row.folder + "\(badge.key)/", badge.label, nil, &diagnostics)
        }
        for tier in Procedure.Tier.allCases where tier.alwaysListed || site.procedures.contains(where: { $0.tiers.contains(tier) }) {
            add(.tier(tier.rawValue), PageKind.tier.row.folder + "\(tier.rawValue)/", tier.label, nil, &diagnostics)
        }
        list(.forms, &diagnostics)
        list(.announcementList, &diagnostics)
        for (i, item) in site.announcements.enumerated() {
            add(.announcement(i), PageKind.announcement.row.folder + "\(item.slug.value)/", item.title, item.slug.location, &diagnostics)
        }
        list(.schedule, &diagnostics)
        list(.search, &diagnostics)
        for (i, page) in site.pages.enumerated() {
            if Self.sections.contains(page.slug.value) {
                diagnostics.error(.reservedSlug, "trang không được có địa chỉ `\(page.slug.value)/` vì đó là tên một mục của trang; đặt `slug:` khác", at: page.slug.location)
                continue
            }
            add(.page(i), PageKind.page.row.folder + "\(page.slug.value)/", page.title, page.slug.location, &diagnostics)
        }
        // After every live page: a page keeps its address, and an old address that is now a page's is refused.
        for (f, field) in site.fields.enumerated() {
            redirect(field.formerAddresses, to: .field(f), &diagnostics)
            for (p, procedure) in field.procedures.enumerated() {
                redirect(procedure.formerAddresses, to: .procedure(field: f, index: p), &diagnostics)
            }
        }
        for (i, guide) in site.guides.enumerated() { redirect(guide.formerAddresses, to: .guide(i), &diagnostics) }
        for (i, item) in site.announcements.enumerated() { redirect(item.formerAddresses, to: .announcement(i), &diagnostics) }
        for (i, page) in site.pages.enumerated() { redirect(page.formerAddresses, to: .page(i), &diagnostics) }
        pages.append(Page(kind: .notFound, path: "", file: PageKind.notFound.row.folder, title: PageKind.notFound.row.title!, location: nil))
        byKind[.notFound] = pages.count - 1
    }

    /// A list page: its folder and title from the table.
    private mutating func list(_ kind: Kind, _ diagnostics: inout Diagnostics) {
        let row = kind.table.row
        add(kind, row.folder, row.title ?? "", nil, &diagnostics)
    }

    @discardableResult
    private mutating func add(_ kind: Kind, _ path: String, _ title: String, _ location: SourceLocation?, _ diagnostics: inout Diagnostics) -> Bool {
        if let existing = byPath[path] {
            let other = pages[existing].location.map { " (đã dùng bởi \($0))" } ?? " (trùng địa chỉ một trang có sẵn)"
            // Two long names alike in their first 80 letters get one address cut from them; the name's longer
            // address is then the fix to suggest.
            let slug = path.split(separator: "/").last.map(String.init) ?? ""
            let longer = VietnameseText.nameSlug(title, limit: VietnameseText.maxSlug)
            let fix = longer.count > slug.count && longer.hasPrefix(slug) ? ", ví dụ `slug: \(longer)`" : ""
            diagnostics.error(.duplicateUrl, "hai trang cùng địa chỉ `/\(path)`\(other); đặt `slug:` khác cho một trong hai\(fix)", at: location ?? SourceLocation(path: "Content"))
            return false
        }
        pages.append(Page(kind: kind, path: path, file: path + "index.html", title: title, location: location))
        byKind[kind] = pages.count - 1
        byPath[path] = pages.count - 1
        return true
    }

    /// A redirect page at each former address of the page `target`. An address that is not one of this site's,
    /// lies in a folder of files, or is taken (a live page's, another entry's former one) is an error at its
    /// line; a page that did not get its address (two pages on one) gets no redirect either.
    private mutating func redirect(_ addresses: [Located<String>], to target: Kind, _ diagnostics: inout Diagnostics) {
        guard !addresses.isEmpty, let targetPage = page(target) else { return }
        for written in addresses {
            let path: String
            switch Self.formerPath(written.value) {
            case .failure(let problem):
                diagnostics.error(problem.id, "`dia_chi_cu`: " + problem.message, at: written.location)
                continue
            case .success(let normalised):
                path = normalised
            }
            if let existing = byPath[path] {
                let other = pages[existing]
                let message: String
                if other.kind == target {
                    message = "`/\(path)` là địa chỉ hiện tại của chính trang này, không phải địa chỉ cũ; hãy xóa dòng này"
                } else if case .redirect(let r) = other.kind {
                    let first = redirects[r]
                    message = "địa chỉ cũ `/\(path)` đã được khai ở \(first.written.location) (chuyển tới `/\(pages[byKind[first.target]!].path)`); một địa chỉ chỉ chuyển được tới một trang: hãy xóa một trong hai dòng"
                } else {
                    let place = other.location.map { " (\($0))" } ?? ""
                    message = "`/\(path)` đang là địa chỉ của trang “\(other.title)”\(place); địa chỉ cũ không được trùng một trang đang có: hãy xóa dòng này, hoặc đặt `slug:` khác cho trang kia"
                }
                diagnostics.error(.formerAddressTaken, "`dia_chi_cu`: " + message, at: written.location)
                continue
            }
            redirects.append(Redirect(target: target, written: written))
            add(.redirect(redirects.count - 1), path, targetPage.title, written.location, &diagnostics)
        }
    }

    /// Output folders that hold files, not pages: a redirect folder there could take a form's or an asset's name.
    static let fileFolders: Set<String> = ["assets", PageKind.forms.row.folder.split(separator: "/").first.map(String.init)!]

    public struct AddressProblem: Error, Sendable {
        public var id: DiagnosticID
        public var message: String
    }

    /// A former address as editors write it (`/thu-tuc/ten-cu/`, `thu-tuc/ten-cu`, `…/ten-cu/index.html`) made
    /// a page path of the plan (`thu-tuc/ten-cu/`), or why it cannot be one. Only addresses MotCua makes can be
    /// redirected with a folder's index.html: slug parts joined by `/`, under no folder of files.
    public static func formerPath(_ written: String) -> Result<String, AddressProblem> {
        func invalid(_ message: String) -> Result<String, AddressProblem> {
            .failure(AddressProblem(id: .invalidFormerAddress, message: message))
        }
        var text = VietnameseText.trimmed(written)
        let example = "ví dụ `dia_chi_cu: /thu-tuc/dang-ky-khai-sinh/`"
        if let scheme = text.range(of: "://") {
            // The path after the host is what the editor meant.
            let afterHost = text[scheme.upperBound...].drop { $0 != "/" }
            let suggestion = String(afterHost.prefix { $0 != "?" && $0 != "#" })
            let fix = suggestion.count > 1 ? "hãy viết `dia_chi_cu: \(suggestion)`" : example
            return invalid("`\(text)` là địa chỉ web đầy đủ; chỉ ghi phần đường dẫn trong trang, bỏ `https://` và tên miền: \(fix)")
        }
        // `xa.gov.vn/thu-tuc/abc/`: a host without its scheme is no folder of the site either.
        if !text.hasPrefix("."), let slash = text.firstIndex(of: "/"), slash != text.startIndex, text[..<slash].contains("."),
           text[slash...].count > 1 {
            let path = String(text[slash...].prefix { $0 != "?" && $0 != "#" })
            return invalid("`\(text)` bắt đầu bằng tên miền; chỉ ghi phần đường dẫn trong trang, bỏ tên miền: hãy viết `dia_chi_cu: \(path)`")
        }
        if let mark = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            return invalid("`\(text)` có phần `\(text[mark...])` sau địa chỉ; trang chuyển hướng chỉ đặt được ở một đường dẫn: hãy viết `dia_chi_cu: \(text[..<mark])`")
        }
        if text.contains("\\") {
            return invalid("`\(text)` dùng dấu `\\`; các phần của địa chỉ ngăn bằng dấu `/`, \(example)")
        }
        while text.hasPrefix("/") { text.removeFirst() }
        if text.hasSuffix("/index.html") || text == "index.html" { text.removeLast("index.html".count) }
        while text.hasSuffix("/") { text.removeLast() }
        if text.isEmpty {
            return invalid("trang chủ không thể là địa chỉ cũ của một trang; hãy ghi đường dẫn cũ của chính trang này, \(example)")
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: { $0 == ".." || $0 == "." }) {
            return invalid("`\(written)` có phần `.` hoặc `..`; hãy ghi đường dẫn đầy đủ từ gốc trang, \(example)")
        }
        if parts.contains(where: \.isEmpty) {
            return invalid("`\(written)` có hai dấu `/` liền nhau; \(example)")
        }
        if let bad = parts.first(where: { !VietnameseText.isValidSlug($0) }) {
            let suggestion = parts.map { VietnameseText.nameSlug($0) }.filter { !$0.isEmpty }.joined(separator: "/")
            let fix = suggestion.isEmpty ? example : "ví dụ `dia_chi_cu: /\(suggestion)/`"
            return invalid("phần `\(bad)` của `\(written)` không thể là địa chỉ trang: địa chỉ do MotCua tạo chỉ gồm chữ thường không dấu, số và dấu `-`, ngăn bằng `/`; \(fix)")
        }
        if let long = parts.first(where: { $0.utf8.count > VietnameseText.maxSlug }) {
            return invalid("phần `\(long.prefix(40))…` dài \(long.utf8.count) ký tự, quá \(VietnameseText.maxSlug) ký tự một tên thư mục được có; MotCua chưa bao giờ tạo địa chỉ như vậy, hãy kiểm tra lại địa chỉ cũ")
        }
        if fileFolders.contains(parts[0]) {
            return .failure(AddressProblem(id: .reservedFormerAddress, message: "`\(written)` nằm trong thư mục `/\(parts[0])/`, nơi chứa tệp của trang (\(parts[0] == "assets" ? "giao diện" : "biểu mẫu")), không đặt được trang chuyển hướng; một biểu mẫu đổi tên thì giữ tên tệp cũ, hoặc xóa dòng này"))
        }
        return .success(parts.joined(separator: "/") + "/")
    }

    public func page(_ kind: Kind) -> Page? {
        byKind[kind].map { pages[$0] }
    }

    public func page(atPath path: String) -> Page? {
        byPath[path].map { pages[$0] }
    }

    public func hasPage(_ kind: Kind) -> Bool { byKind[kind] != nil }

    /// Position of the page in `pages` (and in a build's rendered results).
    public func index(of kind: Kind) -> Int? { byKind[kind] }

    /// Prefix from a page's folder back to the site root ("../../" for "thu-tuc/x/").
    public static func rootPrefix(from path: String) -> String {
        // Counted on bytes ("/" is ASCII): cheaper than walking Characters, and every page asks for its prefix.
        String(repeating: "../", count: path.utf8.reduce(0) { $1 == 0x2F ? $0 + 1 : $0 })
    }

    /// A link from the page at `from` to a site file or folder; folders get `index.html` so file:// works.
    /// Both are site paths as the plan and `LinkResolver.normalize` make them: no leading "/", no empty
    /// component, a folder ending in "/" ("" is the root). One byte walk finds the last folder both share
    /// whole, then the link is written in one go (a 10,000-guide site asks for about 200,000 links).
    public static func relative(from: String, to target: String) -> String {
        var from = from, target = target
        return from.withUTF8 { f -> String in
            target.withUTF8 { t -> String in
                let addIndex = t.isEmpty || t[t.count - 1] == 0x2F
                // The end of the last folder both paths share whole (its "/" included); a target's file, not
                // followed by "/", is never shared.
                var shared = 0
                var k = 0
                let n = min(f.count, t.count)
                while k < n, f[k] == t[k] {
                    if f[k] == 0x2F { shared = k + 1 }
                    k += 1
                }
                // One "../" for each folder of `from` past the shared ones (a file name there climbs none).
                var ups = 0
                for b in f[shared...] where b == 0x2F { ups += 1 }
                let tail = t.count - shared
                return String(unsafeUninitializedCapacity: 3 * ups + tail + (addIndex ? 10 : 0)) { out in
                    var o = 0
                    for _ in 0..<ups {
                        out[o] = 0x2E; out[o + 1] = 0x2E; out[o + 2] = 0x2F
                        o += 3
                    }
                    if tail > 0 { memcpy(out.baseAddress! + o, t.baseAddress! + shared, tail) }
                    o += tail
                    if addIndex {
                        for b in "index.html".utf8 { out[o] = b; o += 1 }
                    }
                    return o
                }
            }
        }
    }

    public func link(from page: Page, to kind: Kind) -> String? {
        // The target read in place: a copy of the page was a retain and a release of each of its strings.
        guard let i = byKind[kind] else { return nil }
        return Self.relative(from: page.path, to: pages[i].file == "404.html" ? "404.html" : pages[i].path)
    }
}
