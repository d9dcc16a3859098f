import Foundation

/// `motcua build`: load → validate → plan → render → write. The executable only parses arguments and prints.
public struct BuildAction: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var strict = false
        public var includeDrafts = false
        /// The day the schedule is computed for; today unless `--date` says otherwise.
        public var date: CalendarDate

        public init(root: URL, output: URL? = nil, strict: Bool = false, includeDrafts: Bool = false, date: CalendarDate? = nil) {
            self.root = root
            self.output = output ?? root.appendingPathComponent("Output")
            self.strict = strict
            self.includeDrafts = includeDrafts
            self.date = date ?? CalendarDate.today
        }
    }

    public struct Report: Sendable {
        public var diagnostics = Diagnostics()
        public var pages = 0
        public var files = 0
        public var stats: OutputWriter.Stats?
        public var seconds: Double = 0
        /// "Hộ tịch: 7 toàn trình, 3 một phần" lines for the summary.
        public var levelSummary: [(field: String, counts: [(label: String, count: Int)])] = []
        /// Set when nothing was written because of errors or a refused output folder.
        public var failure: String?
        public var succeeded: Bool { failure == nil && !diagnostics.hasErrors }

        public init() {}
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Everything up to the bytes, without touching the output; the preview server reuses it.
    public struct Rendered: Sendable {
        public var site: Site
        public var plan: SitePlan
        public var files: [(path: String, bytes: Data)]
        public var copies: [(path: String, source: URL)]
        public var pages: Int
    }

    /// `cache` (the preview's) lets unchanged files, radio texts, search entries and pages be reused.
    public func render(_ report: inout Report, cache: BuildCache? = nil) -> Rendered? {
        var phases = PhaseClock()
        defer { phases.report() }
        let loader = ContentLoader(root: options.root, includeDrafts: options.includeDrafts, cache: cache)
        let (loaded, loadDiagnostics) = loader.load()
        report.diagnostics.append(contentsOf: loadDiagnostics)
        let (theme, themeDiagnostics) = Theme.load(root: options.root)
        report.diagnostics.append(contentsOf: themeDiagnostics)
        phases.mark("load")
        guard let site = loaded else { return nil }
        report.diagnostics.append(contentsOf: CatalogValidator(site: site).validate())
        var planDiagnostics = Diagnostics()
        let plan = SitePlan(site: site, diagnostics: &planDiagnostics)
        report.diagnostics.append(contentsOf: planDiagnostics)
        guard let theme else { return nil }

        var copies: [(path: String, source: URL)] = theme.assets.map { ("assets/\($0)", theme.assetsURL.appendingPathComponent($0)) }
        for (name, form) in site.forms.sorted(by: { $0.key < $1.key }) {
            copies.append(("bieu-mau/\(name)", options.root.appendingPathComponent(form.sourcePath)))
        }
        phases.mark("validate+plan")
        let bundles = Self.formBundles(site, root: options.root)
        phases.mark("form bundles")
        var staticFiles = Set(copies.map(\.path))
        staticFiles.formUnion(bundles.values.map(\.path))
        staticFiles.formUnion(["sitemap.xml", "robots.txt", "404.html", "search-index.js", "thong-bao/feed.xml"])
        let radio = Self.radioTexts(site, cache: cache)
        for text in radio { report.diagnostics.append(contentsOf: text.diagnostics) }
        phases.mark("radio texts")
        for (i, item) in site.announcements.enumerated() where plan.hasPage(.announcement(i)) {
            staticFiles.insert("thong-bao/\(item.slug.value)/phat-thanh.txt")
        }

        cache?.useTheme(theme.fingerprint)
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme, staticFiles: staticFiles, cache: cache,
                                    includeDrafts: options.includeDrafts, buildDate: options.date,
                                    formBundles: bundles.mapValues { ($0.path, $0.bytes.count) }, radioTexts: radio)
        phases.mark("renderer setup")
        let results = Self.parallelMap(plan.pages) { renderer.render($0) }
        phases.mark("render pages")
        var idsByPage: [String: Set<String>] = [:]
        for (page, result) in zip(plan.pages, results) {
            report.diagnostics.append(contentsOf: result.diagnostics)
            idsByPage[page.path] = result.ids
        }
        for result in results {
            for anchor in result.pendingAnchors where !(idsByPage[anchor.pagePath]?.contains(anchor.anchor) ?? false) {
                report.diagnostics.error("broken-anchor", "liên kết `\(anchor.written)`: trang đích không có mục `#\(anchor.anchor)`", at: anchor.location)
            }
        }
        phases.mark("anchors")
        var files = results.map { ($0.file, $0.bytes) }
        files.append(contentsOf: bundles.values.sorted { $0.path < $1.path }.map { ($0.path, $0.bytes) })
        files.append(("sitemap.xml", Data(SiteFeeds.sitemap(plan: plan, baseURL: site.config.baseURL).utf8)))
        files.append(("robots.txt", Data(SiteFeeds.robots(baseURL: site.config.baseURL).utf8)))
        for (i, item) in site.announcements.enumerated() where plan.hasPage(.announcement(i)) {
            files.append(("thong-bao/\(item.slug.value)/phat-thanh.txt", Data((radio[i].text + "\n").utf8)))
        }
        files.append(("thong-bao/feed.xml", Data(SiteFeeds.atom(site: site, plan: plan).utf8)))
        phases.mark("feeds")
        let searchDocuments = SiteSearch.documents(site: site, plan: plan, cache: cache)
        phases.mark("search documents")
        let searchIndex = SearchIndex(searchDocuments, cache: cache)
        phases.mark("search entries")
        files.append(("search-index.js", Data(searchIndex.javascript().utf8)))
        phases.mark("search script")
        cache?.keepOnly(files: Set(site.fields.map(\.path) + site.guides.map(\.body.path) + site.announcements.map(\.body.path)
                                   + site.pages.map(\.body.path)),
                        pages: Set(plan.pages.map(\.file)))
        return Rendered(site: site, plan: plan, files: files, copies: copies, pages: plan.pages.count)
    }

    public func run() -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        var report = Report()
        // Check the output location first: a refused folder should cost nothing.
        let writer: OutputWriter
        do {
            writer = try OutputWriter(output: options.output, root: options.root)
        } catch {
            report.failure = "\(error)"
            return report
        }
        let rendered = render(&report)
        if options.strict { report.diagnostics.promote(ids: CatalogValidator.levelRuleIDs) }
        if let rendered { report.levelSummary = Self.levelSummary(rendered.site) }
        guard let rendered, !report.diagnostics.hasErrors else {
            report.failure = "có lỗi trong nội dung; thư mục xuất cũ được giữ nguyên"
            report.seconds = (clock.now - start).seconds
            return report
        }
        var phases = PhaseClock()
        do {
            report.stats = try writer.write(files: rendered.files, copies: rendered.copies)
        } catch {
            report.failure = "\(error)"
        }
        phases.mark("write")
        phases.report()
        report.pages = rendered.pages
        report.files = rendered.files.count + rendered.copies.count
        report.seconds = (clock.now - start).seconds
        return report
    }

    /// The text read on air for each announcement (same order as `site.announcements`).
    static func radioTexts(_ site: Site, cache: BuildCache? = nil) -> [RadioText] {
        let builder = RadioTextBuilder(
            abbreviations: Abbreviations(site: site.abbreviations.mapValues(\.value)),
            hostNames: site.config.spokenNames, issuer: site.config.name)
        guard let cache else { return parallelMap(site.announcements) { builder.build($0) } }
        // Everything the reading depends on besides the announcement itself.
        let shared = "\(site.abbreviations.mapValues(\.value).sorted { $0.key < $1.key })|\(site.config.spokenNames.sorted { $0.key < $1.key })|\(site.config.name)"
        return parallelMap(site.announcements) { a in
            cache.radioText(key: "\(a)|\(shared)") { builder.build(a) }
        }
    }

    /// One ZIP of all the forms of a procedure that has two or more, named after the procedure's slug.
    static func formBundles(_ site: Site, root: URL) -> [String: (path: String, bytes: Data)] {
        var result: [String: (path: String, bytes: Data)] = [:]
        for procedure in site.procedures {
            var seen = Set<String>()
            var entries: [ZipArchive.Entry] = []
            for group in procedure.documentGroups {
                for doc in group.documents {
                    guard let name = doc.form?.value, let form = site.forms[name], seen.insert(name).inserted,
                          let data = FileManager.default.contents(atPath: root.appendingPathComponent(form.sourcePath).path) else { continue }
                    entries.append(.init(name: form.fileName, data: data))
                }
            }
            if entries.count >= 2 {
                result[procedure.code.value] = ("bieu-mau/\(procedure.slug.value).zip", ZipArchive(entries: entries).bytes())
            }
        }
        return result
    }

    static func levelSummary(_ site: Site) -> [(field: String, counts: [(label: String, count: Int)])] {
        site.fields.map { field in
            let badges = field.procedures.map {
                LevelBadge.badge(for: $0.level?.value ?? .informationOnly, scheme: site.config.levelScheme, hasForms: !$0.forms.isEmpty)
            }
            return (field.name.value, LevelBadge.all(site.config.levelScheme).map { b in (b.label, badges.filter { $0.key == b.key }.count) })
        }
    }

    /// Renders on every core; results keep the input order so output is deterministic.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let box = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values
    }
}

/// Wall time per phase on stderr when MOTCUA_TIMINGS is set: the first thing to look at before profiling.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["MOTCUA_TIMINGS"] != nil
    private let clock = ContinuousClock()
    private var last = ContinuousClock.now
    private var lines: [String] = []

    mutating func mark(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        lines.append("\(name): \(Int(((now - last).seconds * 1000).rounded())) ms")
        last = now
    }

    func report() {
        guard enabled, !lines.isEmpty else { return }
        FileHandle.standardError.write(Data(("timings: " + lines.joined(separator: ", ") + "\n").utf8))
    }
}

/// Each slot is written by exactly one iteration, so no lock is needed.
final class ResultBox<R>: @unchecked Sendable {
    private var storage: [R?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: R) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    var values: [R] { storage.map { $0! } }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

extension CalendarDate {
    /// Today in Vietnam (UTC+7), where every commune is.
    public static var today: CalendarDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        return CalendarDate(dayNumber: seconds / 86400)
    }
}
