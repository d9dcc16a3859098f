import Foundation

/// Turns (page, plan, theme) into bytes. Pure: it reads nothing from disk, so pages render in parallel.
struct SiteRenderer: @unchecked Sendable {
    /// Replaced (body text only) when the preview re-renders just the pages whose Markdown changed.
    var site: Site
    let plan: SitePlan
    let theme: Theme
    let resolver: LinkResolver
    let markdown: MarkdownRenderer
    /// Drafts are shown only in preview; the marker tells editors which pages will not be published.
    let includeDrafts: Bool
    /// The preview's: each announcement's reading-text warnings listed under it, their words marked.
    let markReading: Bool
    let buildDate: CalendarDate
    /// Per procedure code: the guides that name it in `lien_quan`.
    let guidesByCode: [String: [Int]]
    /// Procedure code → the ZIP of its forms (path, size).
    let formBundles: [String: (path: String, size: Int)]
    let radioTexts: [RadioText]
    let pageMemo: PageMemo?
    /// Procedure code → (field, index) of the first procedure with that code that has a page.
    let procedureByCode: [String: (Int, Int)]
    /// The footer's free pages in order and the site's values: the same on every page, so made once
    /// (not sorted by Vietnamese collation again for each page).
    let footerPages: [(title: String, path: String)]
    /// The header's menu, and its values with the footer's links for each page depth.
    let navItems: [NavItem]
    let chromeByRoot: [String: Chrome]
    let siteValues: TemplateValues
    /// Guides in list order, and each procedure's place in the alphabetical order of names (ties in catalog
    /// order): made once, since the home, guide and catalog pages would each sort 10,000 titles again.
    let guideOrder: [Int]
    let procedureRank: [[Int]]
    /// Each procedure's row in lists, links left empty, and its level's key: a 10,000-guide site lists
    /// procedures about 36,000 times, and only the links depend on the page.
    let procedureRowValues: [[(values: TemplateValues, level: String)]]

    struct Result: Sendable {
        var file: String
        var bytes: Data
        var diagnostics: Diagnostics
        /// Ids that exist on this page (for checking `#anchor` links written elsewhere).
        var ids: Set<String>
        var pendingAnchors: [LinkResolver.PendingAnchor]
        /// The page's Markdown body as plain text (guides, announcements, free pages), for the search index:
        /// taken from the parse that made the page rather than parsing the Markdown a second time.
        var bodyText: String?
    }

    /// What rendering a page learns besides its values: problems, `#anchor` links to check once every page
    /// is known, the ids it writes, and its body as plain text.
    struct PageNotes {
        var diagnostics = Diagnostics()
        var pending: [LinkResolver.PendingAnchor] = []
        var ids: Set<String> = ["noi-dung"]
        var bodyText: String?
    }

    init(site: Site, plan: SitePlan, theme: Theme, staticFiles: Set<String>, pageMemo: PageMemo? = nil, includeDrafts: Bool,
         markReading: Bool = false, buildDate: CalendarDate,
         formBundles: [String: (path: String, size: Int)] = [:], radioTexts: [RadioText] = [], orders: Orders? = nil) {
        self.site = site
        self.pageMemo = pageMemo
        self.radioTexts = radioTexts
        self.formBundles = formBundles
        self.plan = plan
        self.theme = theme
        self.includeDrafts = includeDrafts
        self.markReading = markReading
        self.buildDate = buildDate
        self.markdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML)
        var sources: [String: String] = [:]
        for page in plan.pages {
            switch page.kind {
            case .guide(let i): sources[site.guides[i].body.path] = page.path
            case .announcement(let i): sources[site.announcements[i].body.path] = page.path
            case .page(let i): sources[site.pages[i].body.path] = page.path
            default: break
            }
        }
        self.resolver = LinkResolver(plan: plan, sourcePages: sources, staticFiles: staticFiles, leftOut: site.leftOut)
        var byCode: [String: [Int]] = [:]
        for (i, guide) in site.guides.enumerated() {
            for code in guide.related { byCode[code.value, default: []].append(i) }
        }
        self.guidesByCode = byCode
        var codes: [String: (Int, Int)] = [:]
        for (f, field) in site.fields.enumerated() {
            for (p, procedure) in field.procedures.enumerated() where codes[procedure.code.value] == nil && plan.hasPage(.procedure(field: f, index: p)) {
                codes[procedure.code.value] = (f, p)
            }
        }
        self.procedureByCode = codes
        let footerPages = Self.footerPages(site: site, plan: plan)
        self.footerPages = footerPages
        let nav = Self.navItems(site: site, plan: plan)
        self.navItems = nav
        let roots = Set(plan.pages.lazy.filter { $0.file != "404.html" }.map { SitePlan.rootPrefix(from: $0.path) })
        self.chromeByRoot = Dictionary(uniqueKeysWithValues: roots.map { ($0, Self.chrome(root: $0, nav: nav, footerPages: footerPages)) })
        self.siteValues = Self.siteContext(site.config)
        let orders = orders ?? Orders(site)
        self.guideOrder = orders.guideOrder
        self.procedureRank = orders.procedureRank
        self.procedureRowValues = site.fields.map { field in
            field.procedures.map { p in
                let badge = Self.badge(p, scheme: site.config.levelScheme)
                var row: TemplateValues = [
                    "name": p.name.value, "code": p.code.value, "href": "", "badge": Self.badgeContext(badge, for: p), "levelHref": "",
                    "tier": p.tiers.map(\.label).joined(separator: ", "), "field": field.name.value, "fieldHref": "",
                ]
                if let fee = Self.summaryFee(p) { row["fee"] = fee }
                return (row, badge.key)
            }
        }
    }

    /// The two sorts by Vietnamese collation the pages share; they need only the site, so a build makes
    /// them beside other work.
    struct Orders: Sendable {
        var guideOrder: [Int]
        var procedureRank: [[Int]]

        init(_ site: Site) {
            guideOrder = SiteRenderer.guideOrder(site)
            procedureRank = SiteRenderer.procedureRank(site)
        }
    }

    /// rank[field][index]: the procedure's place among all procedures by name, ties in catalog order, so that
    /// sorting any subset by rank gives what sorting it by name would.
    static func procedureRank(_ site: Site) -> [[Int]] {
        var all: [(field: Int, index: Int)] = []
        for (f, field) in site.fields.enumerated() { all += field.procedures.indices.map { (f, $0) } }
        var rank = site.fields.map { Array(repeating: 0, count: $0.procedures.count) }
        for (r, p) in all.sortedVietnamese(by: { site.fields[$0.field].procedures[$0.index].name.value }).enumerated() {
            rank[p.field][p.index] = r
        }
        return rank
    }

    /// Values of ` id="…"` attributes in rendered HTML.
    static func elementIDs(in html: Data) -> Set<String> {
        var ids = Set<String>()
        html.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = raw.count
            var i = 0
            // From quote to quote with memchr, looking back for ` id=`: memchr skips far faster than a byte loop, and
            // every page's HTML is scanned.
            while i < n, let hit = memchr(base + i, 0x22, n - i) {
                let q = base.distance(to: UnsafeRawPointer(hit))
                guard q >= 4, bytes[q - 4] == 0x20, bytes[q - 3] == 0x69, bytes[q - 2] == 0x64, bytes[q - 1] == 0x3D else {
                    i = q + 1
                    continue
                }
                let start = q + 1
                guard start < n, let close = memchr(base + start, 0x22, n - start) else { break }
                let end = base.distance(to: UnsafeRawPointer(close))
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                i = end + 1
            }
        }
        return ids
    }

    // MARK: - Shared pieces

    func href(_ from: SitePlan.Page, _ kind: SitePlan.Kind) -> String {
        plan.link(from: from, to: kind) ?? "#"
    }

    func badge(_ procedure: Procedure) -> LevelBadge {
        Self.badge(procedure, scheme: site.config.levelScheme)
    }

    static func badge(_ procedure: Procedure, scheme: LevelScheme) -> LevelBadge {
        LevelBadge.badge(for: procedure.level?.value ?? .informationOnly, scheme: scheme, hasForms: !procedure.forms.isEmpty)
    }

    func badgeContext(_ badge: LevelBadge) -> TemplateValues {
        Self.badgeContext(badge)
    }

    static func badgeContext(_ badge: LevelBadge) -> TemplateValues {
        ["key": badge.key, "label": badge.label, "explanation": badge.explanation]
    }

    /// A procedure's badge, its explanation fitted to the ways the procedure is submitted: one sent by post is
    /// never said to be submitted only in person.
    static func badgeContext(_ badge: LevelBadge, for procedure: Procedure) -> TemplateValues {
        var context = badgeContext(badge)
        context["explanation"] = badge.explanation(methods: Set(procedure.channels.map(\.method)))
        return context
    }

    /// The shortest form of a breadcrumb's label: a long name is cut at a word after at most `limit` characters,
    /// with "…" (the page's h1 carries the whole name), so a 250-character procedure name does not fill a phone's
    /// first screen twice.
    static func crumbLabel(_ label: String, limit: Int = 40) -> String {
        guard label.count > limit else { return label }
        let head = label.prefix(limit)
        // The head ends a word when the next character is a space or a mark; otherwise back to the last space.
        let next = label[head.endIndex]
        var cut = next == " " || ",;:.)".contains(next) ? head : head.lastIndex(of: " ").map { head[..<$0] } ?? head
        while let last = cut.last, last == " " || ",;:–-(".contains(last) { cut = cut.dropLast() }
        return String(cut.isEmpty ? head : cut) + "…"
    }

    struct NavItem {
        var label: String
        var path: String
        /// Folders whose pages mark this item as the current section.
        var sections: [String]
    }

    /// The header's menu and the footer's links for pages at one depth: the same on every such page, so made
    /// once per `root` rather than for each of 10,000 pages.
    struct Chrome {
        /// `navItems` with their links; the page marks its own section.
        var nav: [TemplateValues]
        var pages: TemplateValue
    }

    /// The menu entries of the table of page kinds, in its order, then the free page `lien-he`.
    static func navItems(site: Site, plan: SitePlan) -> [NavItem] {
        var items: [NavItem] = []
        func add(_ label: String, _ kind: SitePlan.Kind, sections: [String]) {
            guard let target = plan.page(kind) else { return }
            items.append(.init(label: label, path: target.path, sections: sections))
        }
        for kind in PageKind.allCases {
            guard let menu = kind.row.menu, let page = plan.pages.first(where: { $0.kind.table == kind }) else { continue }
            add(menu.label, page.kind, sections: menu.sections)
        }
        for (i, p) in site.pages.enumerated() where plan.hasPage(.page(i)) && p.slug.value == "lien-he" {
            add(p.title, .page(i), sections: [])
        }
        return items
    }

    static func chrome(root: String, nav: [NavItem], footerPages: [(title: String, path: String)]) -> Chrome {
        Chrome(nav: nav.map { ["label": $0.label, "href": root + $0.path + "index.html"] as TemplateValues },
               pages: footerPages.map { ["title": $0.title, "href": root + $0.path + "index.html"] as TemplateValues }.templateValue)
    }

    func base(_ page: SitePlan.Page, title: String, description: String? = nil) -> TemplateValues {
        let config = site.config
        let root = page.file == "404.html" ? (config.baseURL ?? "") : SitePlan.rootPrefix(from: page.path)
        let chrome = chromeByRoot[root] ?? Self.chrome(root: root, nav: navItems, footerPages: footerPages)
        var nav = chrome.nav
        if page.kind != .notFound {
            for (i, item) in navItems.enumerated() {
                if page.path == item.path {
                    nav[i]["current"] = "page"
                } else if item.sections.contains(where: { !$0.isEmpty && page.path.hasPrefix($0) }) {
                    nav[i]["current"] = "true"
                }
            }
        }
        var context: TemplateValues = [
            "title": title,
            "documentTitle": page.kind == .home ? config.name : "\(title) – \(config.name)",
            "root": root,
            "site": siteValues,
            "nav": nav,
            "searchAction": root + "tim-kiem/index.html",
            "pages": chrome.pages,
            "feedHref": root + "thong-bao/feed.xml",
        ]
        if let description { context["description"] = description }
        if let base = config.baseURL, page.file != "404.html" { context["canonical"] = base + page.path }
        return context
    }

    /// Free pages for the footer, by `thu_tu` then title.
    static func footerPages(site: Site, plan: SitePlan) -> [(title: String, path: String)] {
        let indices = Array(site.pages.indices).filter { plan.hasPage(.page($0)) }.sortedVietnamese { site.pages[$0].title }
        return indices.enumerated()
            .sorted { (site.pages[$0.element].order ?? Int.max, $0.offset) < (site.pages[$1.element].order ?? Int.max, $1.offset) }
            .map { (site.pages[$0.element].title, plan.page(.page($0.element))!.path) }
    }

    static func siteContext(_ c: SiteConfig) -> TemplateValues {
        var s: TemplateValues = ["name": c.name]
        if let v = c.province {
            s["province"] = v
            // "Hải Dương" → "Tỉnh Hải Dương"; a name that says what it is ("Thành phố Hải Phòng") stays.
            let lower = v.lowercased()
            let label = lower.hasPrefix("tỉnh ") || lower.hasPrefix("thành phố ") || lower.hasPrefix("tp ") ? v : "Tỉnh \(v)"
            s["provinceLabel"] = label
            // Within a sentence: "Cổng dịch vụ công thành phố Hải Phòng".
            s["provinceInline"] = label.prefix(1).lowercased() + label.dropFirst()
        }
        if let v = c.address { s["address"] = v }
        if let v = c.phone {
            s["phone"] = v
            s["phoneHref"] = "tel:" + v.filter { $0.isNumber || $0 == "+" }
        }
        if let v = c.email { s["email"] = v }
        if let v = c.workingHours { s["hours"] = v }
        if let v = c.nationalPortal { s["nationalPortal"] = v }
        if let v = c.provincePortal { s["provincePortal"] = v }
        if let v = c.lookupURL, let lookup = Self.lookupForm(v) { s["lookup"] = lookup }
        return s
    }

    /// The status look-up as a plain GET form (works without JavaScript) when `{ma_ho_so}` is a query value:
    /// `https://x/tra-cuu?ma={ma_ho_so}` → action `https://x/tra-cuu`, input `ma`.
    static func lookupForm(_ url: String) -> TemplateValues? {
        guard let q = url.firstIndex(of: "?") else { return nil }
        let action = String(url[..<q])
        var field: String?
        var hidden: [TemplateValues] = []
        for pair in url[url.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1] == "{ma_ho_so}" { field = parts[0] } else {
                hidden.append(["name": parts[0].removingPercentEncoding ?? parts[0], "value": parts[1].removingPercentEncoding ?? parts[1]])
            }
        }
        guard let field else { return nil }
        return ["action": action, "field": field, "hidden": hidden]
    }

    /// Wrapped in a dictionary so templates can test for presence once and loop inside.
    /// nil for an empty list, so a template's `{{#block}}` wraps the heading and the list only when there is something.
    func block<T: TemplateConvertible>(_ items: [T]) -> TemplateValues? {
        items.isEmpty ? nil : ["items": items]
    }

    func breadcrumbs(_ items: [(String, String?)]) -> TemplateValues {
        ["items": items.enumerated().map { i, item -> TemplateValues in
            let label = Self.crumbLabel(item.0)
            var entry: TemplateValues = ["label": label, "last": i == items.count - 1]
            if label != item.0 { entry["fullLabel"] = item.0 }
            if let href = item.1, i < items.count - 1 { entry["href"] = href }
            return entry
        }]
    }

    func procedureRow(_ from: SitePlan.Page, field: Int, index: Int) -> TemplateValues {
        let values = procedureRowValues[field][index]
        var row = values.values
        row["href"] = href(from, .procedure(field: field, index: index))
        row["levelHref"] = href(from, .level(values.level))
        row["fieldHref"] = href(from, .field(field))
        return row
    }

    /// The lowest fee across channels, for lists ("Miễn lệ phí", "từ 10.000 đồng"). A channel's items add up when
    /// each names a different kind (Phí and Lệ phí); items of one kind, or unnamed, are alternatives (by case or
    /// by value), so the lowest counts and the list says "Từ". Any item written as text leaves the summary out.
    static func summaryFee(_ p: Procedure) -> String? {
        let channels = p.channels.filter { !$0.fees.isEmpty }
        guard !channels.isEmpty else { return nil }
        if p.isFree { return "Miễn lệ phí" }
        var costs: [Int] = []
        var alternatives = false
        for channel in channels {
            var amounts: [Int] = []
            for item in channel.fees {
                guard case .amount(let n) = item.amount else { return nil }
                amounts.append(n)
            }
            let labels = channel.fees.compactMap(\.label)
            if labels.count == amounts.count, Set(labels).count == labels.count {
                // Amounts are at most `Procedure.maxFee` each, and a channel has few items.
                let (sum, overflow) = amounts.reduce((0, false)) { acc, n in
                    let r = acc.0.addingReportingOverflow(n)
                    return (r.partialValue, acc.1 || r.overflow)
                }
                guard !overflow else { return nil }
                costs.append(sum)
            } else {
                costs.append(amounts.min()!)
                alternatives = alternatives || Set(amounts).count > 1
            }
        }
        let low = costs.min()!
        return Set(costs).count == 1 && !alternatives ? VietnameseFormat.fee(low) : "Từ \(VietnameseFormat.fee(low))"
    }

    /// "Hộ tịch · 12 thủ tục · 7 toàn trình · 3 một phần · 2 thông tin" as structured data.
    func fieldSummary(_ from: SitePlan.Page, _ f: Int) -> TemplateValues {
        let field = site.fields[f]
        let counts = levelCounts(field: f)
        return [
            "name": field.name.value, "href": href(from, .field(f)), "count": field.procedures.count,
            "summary": field.summary ?? "", "levels": counts.filter(Self.hasProcedures),
            "allLevels": counts,
        ]
    }

    static func hasProcedures(_ count: TemplateValues) -> Bool {
        if case .number(let n)? = count["count"] { return n > 0 }
        return false
    }

    /// Level counts of one field, or of the whole catalog when `field` is nil.
    func levelCounts(field: Int? = nil) -> [TemplateValues] {
        LevelBadge.all(site.config.levelScheme).map { b in
            ["key": b.key, "label": b.label, "labelLower": b.label.lowercased(), "explanation": b.explanation,
             "count": procedureCount(level: b.key, field: field)]
        }
    }

    /// Counted from the rows' level keys: `site.procedures` copies every procedure, which the list pages did
    /// once per level.
    func procedureCount(level key: String, field: Int? = nil) -> Int {
        var count = 0
        for f in field.map({ $0..<($0 + 1) }) ?? procedureRowValues.indices {
            for row in procedureRowValues[f] where row.level == key { count += 1 }
        }
        return count
    }

    /// Renders an editor's Markdown for a page, checking and rewriting every link in it; `bodyText` keeps
    /// its plain text in `notes`.
    func markdownHTML(_ source: MarkdownSource, page: SitePlan.Page, notes: inout PageNotes, bodyText: Bool = false) -> (TemplateValue, [MarkdownRenderer.Heading]) {
        var anchors: [LinkResolver.PendingAnchor] = []
        let output = markdown.render(source, plainText: bodyText) { url, location in
            let (resolution, anchor) = resolver.resolve(url, fromPage: page.path, sourcePath: source.path)
            if let anchor { anchors.append(.init(pagePath: anchor.path, anchor: anchor.anchor, location: location, written: url)) }
            return resolution
        }
        notes.diagnostics.append(contentsOf: output.diagnostics)
        notes.pending.append(contentsOf: anchors)
        notes.bodyText = output.plainText ?? notes.bodyText
        return (.html(output.htmlBytes), output.headings)
    }

    func render(_ page: SitePlan.Page) -> Result {
        var notes = PageNotes()
        let (template, context) = self.context(for: page, notes: &notes)
        // Captures the theme alone: capturing `self` would copy the whole renderer for each page.
        let theme = self.theme
        let make = { () -> (Data, Set<String>) in
            let bytes = theme.renderBytes(template, context)
            // Template sections have ids too (#ho-so on a procedure page): take every id actually written.
            return (bytes, Self.elementIDs(in: bytes))
        }
        let (bytes, written) = pageMemo?.page(page.file, fingerprint: PageMemo.fingerprint(template: template, context: context), render: make) ?? make()
        // The few ids the page noted (its headings, "noi-dung") into the set of those written, most of them again:
        // the other way round grows a small set and hashes every written id anew, for every page.
        var ids = written
        ids.formUnion(notes.ids)
        return Result(file: page.file, bytes: bytes, diagnostics: notes.diagnostics, ids: ids, pendingAnchors: notes.pending,
                      bodyText: notes.bodyText)
    }
}
