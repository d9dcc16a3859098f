/// Every kind of page, once: the folder its pages live in, the template that renders them, a list page's
/// title, and its entry in the header's menu. The plan (addresses, titles), the renderer (templates), the
/// theme's required templates, the reserved folder names and the menu are all read from here.
public enum PageKind: String, CaseIterable, Sendable {
    // In the menu's order first.
    case home, catalog, guideList, announcementList, forms
    case guide, field, procedure, levels, level, tier, announcement, schedule, page, search, notFound
    /// A page's former address (`dia_chi_cu`): a small page that sends the reader on to the page.
    case redirect

    public struct Row: Sendable {
        /// Theme/templates/<template>.mustache.
        public var template: String
        /// A list page's folder; for an item page, the folder its slug or key goes under ("" for free pages).
        /// The 404 page is a file at the root.
        public var folder: String
        /// A list page's title; nil where the content gives it.
        public var title: String?
        /// The header menu's label, and the folders whose pages mark it as the current section.
        public var menu: (label: String, sections: [String])?
    }

    public var row: Row {
        switch self {
        case .home: Row(template: "home", folder: "", menu: ("Trang chủ", []))
        case .catalog: Row(template: "catalog", folder: "thu-tuc/", title: "Thủ tục hành chính",
                           menu: ("Thủ tục", ["thu-tuc/", "linh-vuc/", "muc-do/", "cap/", "tim-kiem/"]))
        case .guideList: Row(template: "guides", folder: "huong-dan/", title: "Hướng dẫn", menu: ("Hướng dẫn", ["huong-dan/"]))
        case .announcementList: Row(template: "announcements", folder: "thong-bao/", title: "Thông báo",
                                    menu: ("Thông báo", ["thong-bao/", "phat-thanh/"]))
        case .forms: Row(template: "forms", folder: "bieu-mau/", title: "Biểu mẫu", menu: ("Biểu mẫu", ["bieu-mau/"]))
        case .guide: Row(template: "guide", folder: "huong-dan/")
        case .field: Row(template: "field", folder: "linh-vuc/")
        case .procedure: Row(template: "procedure", folder: "thu-tuc/")
        case .levels: Row(template: "levels", folder: "muc-do/", title: "Mức độ dịch vụ công trực tuyến")
        case .level: Row(template: "listing", folder: "muc-do/")
        case .tier: Row(template: "listing", folder: "cap/")
        case .announcement: Row(template: "announcement", folder: "thong-bao/")
        case .schedule: Row(template: "schedule", folder: "phat-thanh/", title: "Lịch phát thanh")
        case .page: Row(template: "page", folder: "")
        case .search: Row(template: "search", folder: "tim-kiem/", title: "Tìm kiếm")
        case .notFound: Row(template: "404", folder: "404.html", title: "Không tìm thấy trang")
        // Anywhere an old address was: its folder is the address written.
        case .redirect: Row(template: "redirect", folder: "")
        }
    }

    /// Templates MotCua carries itself, used when the theme has no file of that name: a theme written before
    /// the kind existed still builds, and a former address keeps working whatever the theme does.
    /// The province's page (`ProvincePage`) is not a page of a site, but its template is carried the same way.
    public static let builtInTemplates: [String: String] = ["redirect": redirectTemplate, ProvincePage.template: ProvincePage.builtIn]

    /// The redirect page: a standalone document (no layout, no asset), so it works from file://, a USB stick
    /// and any host. The refresh and the link are relative; the canonical link (with `base_url`) is the page's
    /// own address, and `noindex` keeps the old address out of search engines. The script carries a shared
    /// address's `#section` along (the refresh drops it); `href` is made of slugs, so it needs no escaping there.
    static let redirectTemplate = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <script>location.replace("{{href}}" + location.hash)</script>
        <meta http-equiv="refresh" content="0; url={{href}}">
        <title>{{title}} – {{site.name}}</title>
        {{#canonical}}
        <link rel="canonical" href="{{canonical}}">
        {{/canonical}}
        </head>
        <body>
        <main>
        <h1>Trang đã chuyển</h1>
        <p>Trang này đã chuyển tới <a href="{{href}}">{{title}}</a>.</p>
        </main>
        </body>
        </html>

        """

    /// Every template a theme must have: the layout the pages extend, and one per kind of page but those
    /// MotCua carries itself.
    public static var templates: [String] {
        var names = ["layout"]
        for kind in allCases where !names.contains(kind.row.template) && builtInTemplates[kind.row.template] == nil {
            names.append(kind.row.template)
        }
        return names
    }
}
