import Foundation

/// One build, as its four steps: `load` (content and theme) → `check` (catalog rules, every page's address)
/// → `render` (every file, into a `SiteOutput`) → `write` (the staging folder swapped in). `run` is
/// `motcua build`; the preview runs the first three into memory through `IncrementalBuild`. The executable
/// only parses arguments and prints.
public struct BuildAction: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var strict = false
        public var includeDrafts = false
        /// The day the schedule is computed for; today unless `--date` says otherwise.
        public var date: CalendarDate
        /// A province's commune (its folder in Content/xa/): the site loaded is that commune's
        /// (`ContentLoader.loadCommune`). The preview builds each commune so; `ProvinceBuild` loads the
        /// shared content once for all of them.
        public var commune: String?
        /// `motcua serve`: pages also show what only an editor needs, such as the places a reading text for the
        /// radio could not read (`SiteRenderer.markReading`). A built site never has them.
        public var preview = false

        public init(root: URL, output: URL? = nil, strict: Bool = false, includeDrafts: Bool = false, date: CalendarDate? = nil) {
            self.root = root
            self.output = output ?? root.appendingPathComponent("Output")
            self.strict = strict
            self.includeDrafts = includeDrafts
            self.date = date ?? CalendarDate.today
        }
    }

    public struct Report: StagedReport {
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

    /// What a build made besides its files, kept by the preview to redo part of it later.
    public struct Made: Sendable {
        public var site: Site
        public var plan: SitePlan
        var renderer: SiteRenderer
        /// Each page's notes (ids, diagnostics, anchors to check), in plan order; its bytes went to the output.
        var results: [SiteRenderer.Result]
        /// The ids each page writes, by page path, for `#anchor` links.
        var idsByPage: [String: Set<String>]
        /// The catalog check's, the plan's and the radio texts' diagnostics: no Markdown text changes them.
        var checkDiagnostics: Diagnostics
        /// Where each search document's row sits in search-index.js, and which document each page file has.
        var searchRows: [Range<Int>]
        var documentByURL: [String: Int]
    }

    /// What the load step gives: the site (nil when the content cannot make one) and the theme.
    struct Loaded {
        var site: Site
        var theme: Theme?
    }

    // MARK: - The steps

    /// `motcua build`: the site made into a staging folder that replaces the output only when all went well.
    public func run() -> Report {
        var report = Report()
        Self.staged(options, &report) { session, report in
            guard let made = make(into: session, &report) else { return false }
            report.levelSummary = Self.levelSummary(made.site)
            report.pages = made.plan.pages.count
            return true
        }
        return report
    }

    /// The one way a build writes its output, a single site's or a province's: the staging folder opened
    /// first (a refused folder should cost nothing), `make` run into it, then swapped in when `make` made
    /// something and no error was found (the level rules count as errors under `--strict`), or abandoned.
    static func staged<R: StagedReport>(_ options: Options, _ report: inout R, _ make: (OutputWriter.Session, inout R) -> Bool) {
        let clock = ContinuousClock()
        let start = clock.now
        defer { report.seconds = (clock.now - start).seconds }
        let session: OutputWriter.Session
        do {
            session = try OutputWriter(output: options.output, root: options.root).begin()
        } catch {
            report.failure = "\(error)"
            return
        }
        let made = make(session, &report)
        if options.strict { report.diagnostics.promote(ids: DiagnosticID.levelRules) }
        guard made, !report.diagnostics.hasErrors else {
            session.abandon()
            report.failure = "có lỗi trong nội dung; thư mục xuất cũ được giữ nguyên"
            return
        }
        var phases = PhaseClock()
        do {
            report.stats = try session.finish()
        } catch {
            report.failure = "\(error)"
        }
        phases.mark("write")
        phases.report()
        report.files = session.count
    }

    /// Load, check and render into `output`; nil when the content gives no site or the theme cannot be used
    /// (the diagnostics say why).
    public func make(into output: some SiteOutput, _ report: inout Report) -> Made? {
        var phases = PhaseClock()
        defer { phases.report() }
        guard let loaded = load(&report, memo: nil, changes: nil) else { return nil }
        phases.mark("load")
        return make(loaded, into: output, &report, pageMemo: nil, phases: &phases)
    }

    /// Check and render what was loaded.
    func make(_ loaded: Loaded, into output: some SiteOutput, _ report: inout Report, pageMemo: PageMemo?,
              phases: inout PhaseClock) -> Made? {
        let site = loaded.site
        // The radio texts, form bundles and list orders need only the site: they are made on the spare core
        // while this thread checks. Not started without a theme: nothing would be rendered.
        let extras = loaded.theme.map { _ in Extras(site, root: options.root) }
        let checkStart = report.diagnostics.all.count
        let plan = check(site, &report)
        phases.mark("check")
        guard let theme = loaded.theme, let extras else { return nil }
        return render(site, plan, theme, extras, into: output, &report, checkStart: checkStart, pageMemo: pageMemo, phases: &phases)
    }

    /// Step 1: the content and the theme, read at the same time (the theme on the spare core).
    /// `province`: a commune's shared content, already loaded (the preview loads it once for all communes);
    /// its problems are then the caller's to say.
    func load(_ report: inout Report, memo: LoadMemo?, changes: KnownChanges?, province: ProvinceContent? = nil) -> Loaded? {
        let root = options.root
        let commune = options.commune
        let themeTask = Background { Theme.load(root: root, memo: memo, overlay: commune.flatMap { ProvinceContent.themeOverlay(root: root, commune: $0) }) }
        _ = SpokenTextWriter.prewarmInBackground
        let loader = ContentLoader(root: root, includeDrafts: options.includeDrafts, memo: memo, changes: changes)
        var site: Site?
        if let commune {
            var shared = province
            if shared == nil {
                let (loaded, provinceDiagnostics) = loader.loadProvince()
                report.diagnostics.append(contentsOf: provinceDiagnostics)
                shared = loaded
            }
            if let province = shared, province.communes.contains(commune) {
                let (loaded, communeDiagnostics) = loader.loadCommune(commune, of: province)
                site = loaded
                report.diagnostics.append(contentsOf: communeDiagnostics)
            }
        } else {
            let (loaded, loadDiagnostics) = loader.load()
            site = loaded
            report.diagnostics.append(contentsOf: loadDiagnostics)
        }
        let (theme, themeDiagnostics) = themeTask.value
        report.diagnostics.append(contentsOf: themeDiagnostics)
        return site.map { Loaded(site: $0, theme: theme) }
    }

    /// Step 2: the catalog's rules, and every page's address decided once (two pages on one address refused).
    func check(_ site: Site, _ report: inout Report) -> SitePlan {
        let failed = Set(report.diagnostics.all.filter { $0.severity == .error && $0.location.path.hasPrefix("Content/thu-tuc/") }.map(\.location.path))
        report.diagnostics.append(contentsOf: CatalogValidator(site: site, failedCatalogFiles: failed.sorted(), today: options.date).validate())
        var planDiagnostics = Diagnostics()
        let plan = SitePlan(site: site, diagnostics: &planDiagnostics)
        report.diagnostics.append(contentsOf: planDiagnostics)
        return plan
    }

    /// What the pages need besides the site and the plan, made on other threads from the site alone.
    struct Extras {
        var radio: Background<[RadioText]>
        var bundles: Background<Bundles>
        var orders: Background<SiteRenderer.Orders>

        init(_ site: Site, root: URL) {
            radio = Background { BuildAction.radioTexts(site) }
            bundles = Background { BuildAction.formBundles(site, root: root) }
            orders = Background { SiteRenderer.Orders(site) }
        }
    }

    /// Step 3: every file of the site, each handed to `output` as soon as it is made: the pages on both cores,
    /// the feeds, radio texts, form bundles and copied files beside them, and the search index last, from
    /// the pages' text.
    func render(_ site: Site, _ plan: SitePlan, _ theme: Theme, _ extras: Extras, into output: some SiteOutput,
                _ report: inout Report, checkStart: Int, pageMemo: PageMemo?, phases: inout PhaseClock) -> Made {
        let radio = extras.radio.value
        for text in radio { report.diagnostics.append(contentsOf: text.diagnostics) }
        var checkDiagnostics = Diagnostics()
        for d in report.diagnostics.all[checkStart...] { checkDiagnostics.append(d) }
        let bundles = extras.bundles.value
        report.diagnostics.append(contentsOf: bundles.diagnostics)
        checkDiagnostics.append(contentsOf: bundles.diagnostics)
        phases.mark("radio texts, form bundles")
        let copies = Self.copies(site, theme: theme, root: options.root)
        let files = Self.siteFiles(site, plan, radio: radio)
        // Links in Markdown may point at any file of the site, the pages aside.
        var staticFiles = Set(copies.map(\.path)).union(files.map(\.path)).union(bundles.byCode.values.map(\.path))
        staticFiles.formUnion(["404.html", Self.searchIndexPath])
        pageMemo?.useTheme(theme.fingerprint)
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme, staticFiles: staticFiles,
                                    pageMemo: pageMemo, includeDrafts: options.includeDrafts, markReading: options.preview, buildDate: options.date,
                                    formBundles: bundles.byCode.mapValues { ($0.path, $0.size) }, radioTexts: radio,
                                    orders: extras.orders.value)
        // The other files need no page: made and handed over while the pages render.
        let others = Background {
            for bundle in bundles.byCode.values.sorted(by: { $0.path < $1.path }) { output.zip(bundle.path, bundle.archive) }
            for file in files { output.put(file.path, file.bytes()) }
            for copy in copies { output.copy(copy.path, from: copy.source) }
        }
        var results = Self.parallelMap(plan.pages) { page -> SiteRenderer.Result in
            var result = renderer.render(page)
            output.put(result.file, result.bytes)
            result.bytes = Data()
            return result
        }
        phases.mark("render pages")
        let idsByPage = Self.pageIDs(plan: plan, results: results)
        Self.appendPageDiagnostics(results: results, idsByPage: idsByPage, to: &report.diagnostics)
        others.value
        let documents = SiteSearch.documents(site: site, plan: plan, bodyTexts: results.map(\.bodyText))
        for i in results.indices { results[i].bodyText = nil }
        var rows: [Range<Int>] = []
        output.put(Self.searchIndexPath, SearchIndex(documents).scriptBytes(rows: &rows))
        phases.mark("search index")
        pageMemo?.keepOnly(Set(plan.pages.map(\.file)))
        return Made(site: site, plan: plan, renderer: renderer, results: results, idsByPage: idsByPage, checkDiagnostics: checkDiagnostics,
                    searchRows: rows, documentByURL: Dictionary(documents.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    // MARK: - Pieces of the render step

    /// Theme assets and form files, published as they are.
    static func copies(_ site: Site, theme: Theme, root: URL) -> [(path: String, source: URL)] {
        var copies: [(path: String, source: URL)] = theme.assets.map { ("assets/\($0)", theme.assetURL($0)) }
        for (name, form) in site.forms.sorted(by: { $0.key < $1.key }) {
            copies.append(("bieu-mau/\(name)", root.appendingPathComponent(form.sourcePath)))
        }
        return copies
    }

    /// Made last, from every page's text.
    static let searchIndexPath = "search-index.js"

    /// Every file of the site besides the pages, the search index, the copied files and the form bundles (streamed,
    /// from `formBundles`), with how its bytes are made (an encoder of Formats/, or a text): the one list of made
    /// files. A new kind of output file is an entry here.
    static func siteFiles(_ site: Site, _ plan: SitePlan, radio: [RadioText]) -> [(path: String, bytes: @Sendable () -> Data)] {
        var files: [(path: String, bytes: @Sendable () -> Data)] = []
        let base = site.config.baseURL
        files.append(("sitemap.xml", { Data(SiteFeeds.sitemap(plan: plan, baseURL: base).utf8) }))
        files.append(("robots.txt", { Data(SiteFeeds.robots(baseURL: base).utf8) }))
        for (i, item) in site.announcements.enumerated() where plan.hasPage(.announcement(i)) {
            let text = radio[i].text
            files.append(("thong-bao/\(item.slug.value)/phat-thanh.txt", { Data((text + "\n").utf8) }))
        }
        files.append(("thong-bao/feed.xml", { Data(SiteFeeds.atom(site: site, plan: plan).utf8) }))
        return files
    }

    /// Ids written on each page, by page path.
    static func pageIDs(plan: SitePlan, results: [SiteRenderer.Result]) -> [String: Set<String>] {
        var idsByPage: [String: Set<String>] = [:]
        for (page, result) in zip(plan.pages, results) { idsByPage[page.path] = result.ids }
        return idsByPage
    }

    /// Each page's diagnostics in page order, then `#anchor` links that point at an id the target page lacks.
    static func appendPageDiagnostics(results: [SiteRenderer.Result], idsByPage: [String: Set<String>], to diagnostics: inout Diagnostics) {
        for result in results { diagnostics.append(contentsOf: result.diagnostics) }
        for result in results {
            for anchor in result.pendingAnchors where !(idsByPage[anchor.pagePath]?.contains(anchor.anchor) ?? false) {
                diagnostics.error(.brokenAnchor, "liên kết `\(anchor.written)`: trang đích không có mục `#\(anchor.anchor)`", at: anchor.location)
            }
        }
    }

    /// The text read on air for each announcement (same order as `site.announcements`).
    static func radioTexts(_ site: Site) -> [RadioText] {
        let builder = RadioTextBuilder(
            abbreviations: Abbreviations(site: site.abbreviations.mapValues(\.value)),
            hostNames: site.config.spokenNames, issuer: site.config.name)
        return parallelMap(site.announcements) { builder.build($0) }
    }

    /// The form bundles, by procedure code, and why any was left out.
    struct Bundles: Sendable {
        var byCode: [String: (path: String, archive: ZipArchive, size: Int)] = [:]
        var diagnostics = Diagnostics()
    }

    /// One ZIP of all the forms of a procedure that has two or more, named after the procedure's slug: only
    /// its recipe (names and source files) and size, from the files' sizes. No form is read here; the output
    /// streams each bundle from the forms when it writes or serves it.
    ///
    /// A bundle the plain ZIP format cannot hold (over 4 GiB, or 65,535 forms or more) is left out with a
    /// warning: the procedure's page then lists its forms one by one, as for a single form. (ZIP64 would lift
    /// the limit, but a bundle that large is no help over a commune's connection, and not every unzip tool on
    /// the citizens' machines reads ZIP64.)
    static func formBundles(_ site: Site, root: URL) -> Bundles {
        var bundles = Bundles()
        for procedure in site.procedures {
            var seen = Set<String>()
            var entries: [ZipArchive.Entry] = []
            for group in procedure.documentGroups {
                for doc in group.documents {
                    guard let name = doc.form?.value, let form = site.forms[name], seen.insert(name).inserted else { continue }
                    let source = root.appendingPathComponent(form.sourcePath)
                    // A form that cannot be read is left out of the bundle, as it is of the page.
                    guard (try? ChunkedFile.size(of: source.path)) != nil else { continue }
                    entries.append(.init(name: form.fileName, source: source))
                }
            }
            guard entries.count >= 2 else { continue }
            let path = "bieu-mau/\(procedure.slug.value).zip"
            let archive = ZipArchive(entries: entries)
            do {
                bundles.byCode[procedure.code.value] = (path, archive, try archive.byteCount())
            } catch let problem as ZipArchive.Problem {
                switch problem {
                case .tooLarge, .tooManyEntries:
                    bundles.diagnostics.warning(.formBundleTooLarge, "thủ tục \(procedure.code.value): không tạo tệp \(path) gồm \(entries.count) biểu mẫu vì \(problem); các biểu mẫu vẫn tải được từng tệp một trên trang thủ tục. Nếu cần tệp ZIP, hãy giảm dung lượng biểu mẫu (ví dụ nén lại PDF) để tổng dưới 4 GiB", at: procedure.location)
                case .unreadable, .changed:
                    continue
                }
            } catch {
                continue
            }
        }
        return bundles
    }

    static func levelSummary(_ site: Site) -> [(field: String, counts: [(label: String, count: Int)])] {
        site.fields.map { field in (field.name.value, levelCounts([field], site.config.levelScheme)) }
    }

    /// Procedures per badge of a catalog, in the scheme's order: a field's line of the summary, a commune's, the
    /// province page's counts.
    static func levelCounts(_ fields: [Field], _ scheme: LevelScheme) -> [(label: String, count: Int)] {
        let badges = fields.flatMap(\.procedures).map {
            LevelBadge.badge(for: $0.level?.value ?? .informationOnly, scheme: scheme, hasForms: !$0.forms.isEmpty)
        }
        return LevelBadge.all(scheme).map { b in (b.label, badges.filter { $0.key == b.key }.count) }
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

/// What a build that writes an output reports (`BuildAction.staged`).
public protocol StagedReport: Sendable {
    var diagnostics: Diagnostics { get set }
    var stats: OutputWriter.Stats? { get set }
    var files: Int { get set }
    var seconds: Double { get set }
    /// Set when nothing was written because of errors or a refused output folder.
    var failure: String? { get set }
}

/// Wall time per phase on stderr when MOTCUA_TIMINGS is set: the first thing to look at before profiling.
/// The process's CPU time follows in brackets: CPU well under twice the wall time is a phase that does not
/// keep both cores busy.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["MOTCUA_TIMINGS"] != nil
    private let clock = ContinuousClock()
    private var last = ContinuousClock.now
    private var lastCPU = PhaseClock.cpuMilliseconds()
    private var lines: [String] = []

    mutating func mark(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        let cpu = Self.cpuMilliseconds()
        lines.append("\(name): \(Int(((now - last).seconds * 1000).rounded())) ms [cpu \(cpu - lastCPU)]")
        last = now
        lastCPU = cpu
    }

    /// User and system time of every thread of the process so far.
    static func cpuMilliseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    func report() {
        guard enabled, !lines.isEmpty else { return }
        FileHandle.standardError.write(Data(("timings: " + lines.joined(separator: ", ") + "\n").utf8))
    }
}

/// A value computed on another thread; `value` waits for it.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    var value: T {
        done.wait()
        return result!
    }
}

/// Each slot is written by exactly one iteration, so no lock is needed. The slots are raw memory, not an
/// Array: two threads mutating one Array property at once is a data race (its copy-on-write can copy the
/// array under the other thread), and it lost results: a nil unwrapped at the end, in 3 full test runs of 10.
final class ResultBox<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ i: Int, _ value: R) { slots[i] = value }
    var values: [R] { slots.map { $0! } }
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
