import Foundation

/// `motcua build` of a province (Content/tinh.yml): the shared content loaded once, then each commune's site
/// made by the single site's steps (`BuildAction.make`) into `Output/<slug>/`, and the province's page,
/// `Output/index.html`, listing every commune. All of it goes into one staging folder swapped in at the end,
/// so a failed build in any commune leaves the whole previous output as it was.
public struct ProvinceBuild: Sendable {
    public var options: BuildAction.Options
    /// `--xa`: only these communes are built; the others' folders are kept from the previous output.
    public var selection: [String]

    public init(options: BuildAction.Options, selection: [String] = []) {
        self.options = options
        self.selection = selection
    }

    /// One commune's line of the summary.
    public struct Commune: Sendable {
        public var slug: String
        public var name: String
        public var pages: Int
        public var files: Int
        /// Procedures per badge, over the commune's whole catalog.
        public var levels: [(label: String, count: Int)]
    }

    public struct Report: StagedReport {
        public var diagnostics = Diagnostics()
        public var communes: [Commune] = []
        /// Communes of the province.
        public var communeCount = 0
        /// Communes left out by `--xa` whose previous pages were kept.
        public var keptCommunes = 0
        public var pages = 0
        public var files = 0
        public var stats: OutputWriter.Stats?
        public var seconds: Double = 0
        public var failure: String?
        public var succeeded: Bool { failure == nil && !diagnostics.hasErrors }
    }

    public func run() -> Report {
        var report = Report()
        BuildAction.staged(options, &report) { session, report in
            guard let pages = make(into: session, &report) else { return false }
            report.pages = pages
            return true
        }
        return report
    }

    /// Every selected commune and the province's page into `output`; the number of pages, or nil when the
    /// province gives nothing to build (the diagnostics say why).
    public func make(into output: some SiteOutput & Keeping, _ report: inout Report) -> Int? {
        let root = options.root
        let sharedTheme = Background { Theme.load(root: root) }
        let loader = ContentLoader(root: root, includeDrafts: options.includeDrafts)
        let (loaded, provinceDiagnostics) = loader.loadProvince()
        report.diagnostics.append(contentsOf: provinceDiagnostics)
        let (theme, themeDiagnostics) = sharedTheme.value
        report.diagnostics.append(contentsOf: themeDiagnostics)
        guard let province = loaded, let theme else { return nil }
        let sharedProblems = Set(themeDiagnostics.all)
        report.communeCount = province.communes.count
        var chosen = province.communes
        if !selection.isEmpty {
            for slug in selection where !province.communes.contains(slug) {
                var message = "--xa \(slug): tỉnh không có xã này (không có thư mục Content/xa/\(slug)/ với tệp site.yml)"
                if let near = YAMLReader.nearest(to: slug, in: province.communes) { message += "; có phải là `\(near)`?" }
                report.diagnostics.error(.unknownCommune, message, at: SourceLocation(path: "Content/xa"))
            }
            chosen = province.communes.filter { selection.contains($0) }
        }
        // Two communes are built at once: a commune's check, radio texts and search index run on one thread,
        // so one commune alone leaves a core idle for a third of its time; the other commune's pages fill it.
        // Each commune's result is kept in its place and merged below in the communes' order.
        let results = Self.twoAtATime(chosen) { slug -> (config: SiteConfig?, commune: Commune?, diagnostics: Diagnostics) in
            var communeReport = BuildAction.Report()
            let (site, diagnostics) = loader.loadCommune(slug, of: province)
            communeReport.diagnostics.append(contentsOf: diagnostics)
            var communeTheme: Theme? = theme
            if let overlay = ProvinceContent.themeOverlay(root: root, commune: slug) {
                let (own, ownDiagnostics) = Theme.load(root: root, overlay: overlay)
                communeTheme = own
                // The shared templates' problems were said with the shared theme's.
                for d in ownDiagnostics.all where !sharedProblems.contains(d) { communeReport.diagnostics.append(d) }
            }
            guard let site else { return (nil, nil, communeReport.diagnostics) }
            let communeOutput = PrefixedOutput(output, prefix: slug + "/")
            var phases = PhaseClock()
            defer { phases.report() }
            var commune: Commune?
            if let made = BuildAction(options: options).make(BuildAction.Loaded(site: site, theme: communeTheme), into: communeOutput,
                                                             &communeReport, pageMemo: nil, phases: &phases) {
                commune = Commune(slug: slug, name: site.config.name, pages: made.plan.pages.count,
                                  files: communeOutput.count, levels: BuildAction.levelCounts(made.site.fields, site.config.levelScheme))
            }
            return (site.config, commune, communeReport.diagnostics)
        }
        var perCommune: [(slug: String, diagnostics: Diagnostics)] = []
        var pages = 0
        var configs: [String: SiteConfig] = [:]
        for (slug, result) in zip(chosen, results) {
            if let config = result.config { configs[slug] = config }
            if let commune = result.commune {
                pages += commune.pages
                report.communes.append(commune)
            }
            perCommune.append((slug, result.diagnostics))
        }
        report.diagnostics.append(contentsOf: Self.merged(perCommune))
        // A kept commune's problems were said when it was built.
        var ignored = Diagnostics()
        var missing = Set<String>()
        for slug in province.communes where !chosen.contains(slug) {
            guard output.keep(folder: slug) else {
                missing.insert(slug)
                report.diagnostics.warning(.noCommune, "xã `\(slug)` không được tạo lần này (--xa) và thư mục xuất chưa có trang của xã từ lần trước, nên trang của tỉnh chưa dẫn tới xã này; chạy `motcua build` không có --xa để tạo mọi xã", at: SourceLocation(path: "Content/\(ProvinceContent.communesFolder)/\(slug)"))
                continue
            }
            report.keptCommunes += 1
            configs[slug] = loader.loadCommuneConfig(slug, of: province, &ignored)
        }
        let page = ProvincePage(province: province, theme: theme, communes: configs, unlisted: missing)
        for (path, source) in page.assets { output.copy(path, from: source) }
        output.put("index.html", page.render())
        return pages + 1
    }

    /// The communes' diagnostics as one list: a problem of a shared file, met by every commune, is said once,
    /// with the communes it concerns when not all of them.
    public static func merged(_ perCommune: [(slug: String, diagnostics: Diagnostics)]) -> Diagnostics {
        var seen: [Diagnostic: [String]] = [:]
        var order: [Diagnostic] = []
        for (slug, diagnostics) in perCommune {
            for d in diagnostics.all {
                if seen[d] == nil { order.append(d) }
                seen[d, default: []].append(slug)
            }
        }
        var merged = Diagnostics()
        for var d in order {
            let communes = seen[d]!
            if !d.location.path.hasPrefix("Content/\(ProvinceContent.communesFolder)/"), communes.count < perCommune.count {
                d.message += " (trang của xã: \(communes.joined(separator: ", ")))"
            }
            merged.append(d)
        }
        return merged
    }

    /// `work` over every item, two items at a time (each on its own thread, taking the next item when done);
    /// the results in the items' order.
    public static func twoAtATime<T: Sendable, R: Sendable>(_ items: [T], _ work: @Sendable (T) -> R) -> [R] {
        let box = ResultBox<R>(count: items.count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: min(2, items.count)) { _ in
            while true {
                let i = next.take()
                guard i < items.count else { return }
                box.set(i, work(items[i]))
            }
        }
        return box.values
    }
}

/// 0, 1, 2, … to whichever thread asks.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.withLock {
            defer { next += 1 }
            return next
        }
    }
}

/// An output that can take a folder of the previous output as it is.
public protocol Keeping {
    /// False when the previous output has no such folder.
    func keep(folder: String) -> Bool
}

extension OutputWriter.Session: Keeping {}

extension MemoryOutput: Keeping {
    /// Memory holds no previous output: the preview builds every commune.
    public func keep(folder: String) -> Bool { false }
}

/// A commune's site inside the province's output: every path under `<slug>/`.
final class PrefixedOutput<Base: SiteOutput>: SiteOutput, @unchecked Sendable {
    let base: Base
    let prefix: String
    private let lock = NSLock()
    private var made = 0
    var count: Int { lock.withLock { made } }

    init(_ base: Base, prefix: String) {
        self.base = base
        self.prefix = prefix
    }

    func put(_ path: String, _ bytes: Data) {
        lock.withLock { made += 1 }
        base.put(prefix + path, bytes)
    }

    func copy(_ path: String, from source: URL) {
        lock.withLock { made += 1 }
        base.copy(prefix + path, from: source)
    }

    func zip(_ path: String, _ archive: ZipArchive) {
        lock.withLock { made += 1 }
        base.zip(prefix + path, archive)
    }
}
