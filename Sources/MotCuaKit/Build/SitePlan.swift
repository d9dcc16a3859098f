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
            diagnostics.error(.duplicateUrl, "hai trang cùng địa chỉ `/\(path)`\(other); đặt `slug:` khác cho một trong hai", at: location ?? SourceLocation(path: "Content"))
            return false
        }
        pages.append(Page(kind: kind, path: path, file: path + "index.html", title: title, location: location))
        byKind[kind] = pages.count - 1
        byPath[path] = pages.count - 1
        return true
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
