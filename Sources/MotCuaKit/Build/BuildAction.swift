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
        /// Pages whose values were built in this pass (all of them, unless the preview patched the last build).
        public var remade: Int
        /// The files that differ from the last build, with their bytes, when it was patched; nil: take every
        /// file as new.
        public var changedFiles: [(path: String, bytes: Data)]? = nil
        /// Files already handed to the output session (in neither `files` nor `copies`).
        public var streamed = 0
    }

    /// `cache` (the preview's) lets unchanged files, radio texts, search entries and pages be reused, and
    /// `changes` (the preview's watcher's list, when complete) spares it looking at the other files.
    /// `sink` (a `build`'s output session) takes each page as soon as it is rendered, and the other files but
    /// the search index while the pages render; `files` then holds only the index and `copies` nothing. The
    /// preview passes none and keeps every byte.
    public func render(_ report: inout Report, cache: BuildCache? = nil, changes: KnownChanges? = nil,
                       sink: OutputWriter.Session? = nil) -> Rendered? {
        var phases = PhaseClock()
        defer { phases.report() }
        let loader = ContentLoader(root: options.root, includeDrafts: options.includeDrafts, cache: cache, changes: changes)
        // The theme and the radio patterns are made on the spare core while the content is read.
        let root = options.root
        let themeTask = Background { Theme.load(root: root, cache: cache) }
        _ = SpokenTextWriter.prewarmInBackground
        let (loaded, loadDiagnostics) = loader.load()
        report.diagnostics.append(contentsOf: loadDiagnostics)
        let (theme, themeDiagnostics) = themeTask.value
        report.diagnostics.append(contentsOf: themeDiagnostics)
        phases.mark("load")
        guard let site = loaded else { return nil }
        // Taken out of the cache so its arrays are patched in place rather than copied.
        if let cache, let theme, var last = cache.takeLastBuild() {
            if let patched = patch(&last, site: site, theme: theme, cache: cache, report: &report) {
                cache.lastBuild = last
                phases.mark("patch")
                return patched
            }
        }
        // The radio texts (two threads), the form bundles and the list orders need only the site: they run
        // while this thread checks the catalog and plans the pages, which alone would leave a core idle.
        // Not started without a theme: nothing would be rendered, but the content is still checked.
        let tasks = theme.map { _ in (radio: Background { Self.radioTexts(site, cache: cache) },
                                      bundles: Background { Self.formBundles(site, root: root, cache: cache) },
                                      orders: Background { SiteRenderer.Orders(site) }) }
        let fixedStart = report.diagnostics.all.count
        report.diagnostics.append(contentsOf: CatalogValidator(site: site).validate())
        var planDiagnostics = Diagnostics()
        let plan = SitePlan(site: site, diagnostics: &planDiagnostics)
        report.diagnostics.append(contentsOf: planDiagnostics)
        guard let theme, let tasks else { return nil }

        var copies: [(path: String, source: URL)] = theme.assets.map { ("assets/\($0)", theme.assetsURL.appendingPathComponent($0)) }
        for (name, form) in site.forms.sorted(by: { $0.key < $1.key }) {
            copies.append(("bieu-mau/\(name)", options.root.appendingPathComponent(form.sourcePath)))
        }
        phases.mark("validate+plan")
        let radio = tasks.radio.value
        for text in radio { report.diagnostics.append(contentsOf: text.diagnostics) }
        let bundles = tasks.bundles.value
        phases.mark("radio texts, form bundles")
        var staticFiles = Set(copies.map(\.path))
        staticFiles.formUnion(bundles.values.map(\.path))
        staticFiles.formUnion(["sitemap.xml", "robots.txt", "404.html", "search-index.js", "thong-bao/feed.xml"])
        for (i, item) in site.announcements.enumerated() where plan.hasPage(.announcement(i)) {
            staticFiles.insert("thong-bao/\(item.slug.value)/phat-thanh.txt")
        }

        cache?.useTheme(theme.fingerprint)
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme, staticFiles: staticFiles, cache: cache,
                                    includeDrafts: options.includeDrafts, buildDate: options.date,
                                    formBundles: bundles.mapValues { ($0.path, $0.bytes.count) }, radioTexts: radio,
                                    orders: tasks.orders.value)
        phases.mark("renderer setup")
        // The feeds need no page: made while the pages render. For a build they go to the staging folder
        // from here too, with the theme assets and form files, rather than one by one after the last page.
        let copied = copies
        let feedsTask = Background { () -> (files: [(path: String, bytes: Data)], streamed: Int) in
            var files: [(path: String, bytes: Data)] = bundles.values.sorted { $0.path < $1.path }.map { ($0.path, $0.bytes) }
            files.append(("sitemap.xml", Data(SiteFeeds.sitemap(plan: plan, baseURL: site.config.baseURL).utf8)))
            files.append(("robots.txt", Data(SiteFeeds.robots(baseURL: site.config.baseURL).utf8)))
            for (i, item) in site.announcements.enumerated() where plan.hasPage(.announcement(i)) {
                files.append(("thong-bao/\(item.slug.value)/phat-thanh.txt", Data((radio[i].text + "\n").utf8)))
            }
            files.append(("thong-bao/feed.xml", Data(SiteFeeds.atom(site: site, plan: plan).utf8)))
            guard let sink else { return (files, 0) }
            for file in files { sink.put(file.path, file.bytes) }
            for copy in copied { sink.copy(copy.path, from: copy.source) }
            return ([], files.count + copied.count)
        }
        var fixedDiagnostics = Diagnostics()
        for d in report.diagnostics.all[fixedStart...] { fixedDiagnostics.append(d) }
        let results = Self.parallelMap(plan.pages) { page -> SiteRenderer.Result in
            var result = renderer.render(page)
            if let sink {
                sink.put(result.file, result.bytes)
                result.bytes = Data()
            }
            return result
        }
        phases.mark("render pages")
        let idsByPage = Self.pageIDs(plan: plan, results: results)
        Self.appendPageDiagnostics(results: results, idsByPage: idsByPage, to: &report.diagnostics)
        phases.mark("anchors")
        var files: [(path: String, bytes: Data)] = sink == nil ? results.map { ($0.file, $0.bytes) } : []
        let feeds = feedsTask.value
        files.append(contentsOf: feeds.files)
        phases.mark("feeds")
        let searchDocuments = SiteSearch.documents(site: site, plan: plan, cache: cache, bodyTexts: results.map(\.bodyText))
        phases.mark("search documents")
        let searchIndex = SearchIndex(searchDocuments, cache: cache)
        phases.mark("search entries")
        var rows: [Range<Int>] = []
        files.append(("search-index.js", searchIndex.scriptBytes(rows: &rows)))
        phases.mark("search script")
        if let cache {
            cache.keepOnly(files: Set(site.fields.map(\.path) + site.guides.map(\.body.path) + site.announcements.map(\.body.path)
                                      + site.pages.map(\.body.path)),
                           pages: Set(plan.pages.map(\.file)))
            cache.lastBuild = sink != nil ? nil : BuildCache.LastBuild(
                site: site, includeDrafts: options.includeDrafts, date: options.date, themeFingerprint: theme.fingerprint,
                assets: theme.assets, diagnostics: fixedDiagnostics, renderer: renderer,
                // Without their plain text: the search entries hold it already, and only fresh results' is read.
                results: results.map { var r = $0; r.bodyText = nil; return r }, files: files,
                copies: copies, idsByPage: idsByPage,
                notedPages: Set(results.indices.filter { !results[$0].diagnostics.all.isEmpty || !results[$0].pendingAnchors.isEmpty }),
                scriptSlot: files.lastIndex { $0.path == "search-index.js" }!, searchRows: rows,
                documentByURL: Dictionary(searchDocuments.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first }))
        }
        guard sink != nil else {
            return Rendered(site: site, plan: plan, files: files, copies: copies, pages: plan.pages.count, remade: plan.pages.count)
        }
        var rendered = Rendered(site: site, plan: plan, files: files, copies: [], pages: plan.pages.count, remade: plan.pages.count)
        rendered.streamed = results.count + feeds.streamed
        return rendered
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
                diagnostics.error("broken-anchor", "liên kết `\(anchor.written)`: trang đích không có mục `#\(anchor.anchor)`", at: anchor.location)
            }
        }
    }

    /// The last build with the pages of guides and free pages whose Markdown text alone changed made again
    /// (`last` is updated in place); nil when anything else differs, and then the full path runs, still
    /// reusing unchanged pieces.
    private func patch(_ last: inout BuildCache.LastBuild, site: Site, theme: Theme, cache: BuildCache, report: inout Report) -> Rendered? {
        guard last.includeDrafts == options.includeDrafts, last.date == options.date,
              last.themeFingerprint == theme.fingerprint, last.assets == theme.assets,
              site.config == last.site.config, site.abbreviations == last.site.abbreviations, site.forms == last.site.forms,
              site.fields == last.site.fields, site.announcements == last.site.announcements,
              site.guides.count == last.site.guides.count, site.pages.count == last.site.pages.count else { return nil }
        var changed: [SitePlan.Kind] = []
        for i in site.guides.indices where site.guides[i] != last.site.guides[i] {
            guard Self.sameButText(site.guides[i], last.site.guides[i], \.body.text) else { return nil }
            changed.append(.guide(i))
        }
        for i in site.pages.indices where site.pages[i] != last.site.pages[i] {
            guard Self.sameButText(site.pages[i], last.site.pages[i], \.body.text) else { return nil }
            changed.append(.page(i))
        }
        // A form file rewritten with the same size changes its ZIP: that is not a body-only edit.
        guard cache.formsUnchanged(Self.formStamps(site, root: options.root, cache: cache)) else { return nil }

        last.site = site
        last.renderer.site = site
        let renderer = last.renderer, plan = renderer.plan
        let positions = changed.compactMap { plan.index(of: $0) }
        let fresh = Self.parallelMap(positions) { renderer.render(plan.pages[$0]) }
        let plainText = { (markdown: String) in cache.plainText(markdown: markdown) { SiteSearch.plainText(markdown) } }
        var rows: [(document: Int, row: [UInt8])] = []
        for (position, result) in zip(positions, fresh) {
            let page = plan.pages[position]
            last.results[position] = result
            last.results[position].bodyText = nil
            last.files[position] = (result.file, result.bytes)
            last.idsByPage[page.path] = result.ids
            if result.diagnostics.all.isEmpty && result.pendingAnchors.isEmpty {
                last.notedPages.remove(position)
            } else {
                last.notedPages.insert(position)
            }
            guard let d = last.documentByURL[page.file] else { continue }
            let document: SearchDocument
            switch page.kind {
            case .guide(let i): document = SiteSearch.guideDocument(site.guides[i], page: page) { result.bodyText ?? plainText($0) }
            case .page(let i): document = SiteSearch.pageDocument(site.pages[i], page: page) { result.bodyText ?? plainText($0) }
            default: continue
            }
            // Not put in the cache: each save's text is new, and patched builds never trim the cache.
            rows.append((d, SearchIndex.entry(for: document, bodyLimit: SearchIndex.defaultBodyLimit).row))
        }
        var changedFiles = positions.map { last.files[$0] }
        if !rows.isEmpty {
            last.files[last.scriptSlot].bytes = Self.splice(rows, into: last.files[last.scriptSlot].bytes, at: &last.searchRows)
            changedFiles.append(last.files[last.scriptSlot])
        }
        report.diagnostics.append(contentsOf: last.diagnostics)
        // Only pages that had something to say are looked at again, in page order.
        let noted = last.notedPages.sorted()
        Self.appendPageDiagnostics(results: noted.map { last.results[$0] }, idsByPage: last.idsByPage, to: &report.diagnostics)
        return Rendered(site: site, plan: plan, files: last.files, copies: last.copies, pages: plan.pages.count,
                        remade: positions.count, changedFiles: changedFiles)
    }

    /// search-index.js with some rows replaced, written in one pass rather than copied and then shifted:
    /// the preview may still be serving the old bytes, so they are never edited in place.
    static func splice(_ rows: [(document: Int, row: [UInt8])], into script: Data, at ranges: inout [Range<Int>]) -> Data {
        let replaced = Dictionary(rows.map { ($0.document, $0.row) }, uniquingKeysWith: { _, last in last })
        var out = Data(capacity: script.count + replaced.values.reduce(0) { $0 + $1.count })
        let order = replaced.keys.sorted()
        var copied = 0, delta = 0
        for (n, d) in order.enumerated() {
            let old = ranges[d], row = replaced[d]!
            out.append(script[copied..<old.lowerBound])
            out.append(contentsOf: row)
            copied = old.upperBound
            ranges[d] = (old.lowerBound + delta)..<(old.lowerBound + delta + row.count)
            delta += row.count - old.count
            // The rows up to the next replaced one move by the running difference.
            let next = n + 1 < order.count ? order[n + 1] : ranges.count
            if delta != 0 {
                for k in (d + 1)..<next { ranges[k] = (ranges[k].lowerBound + delta)..<(ranges[k].upperBound + delta) }
            }
        }
        out.append(script[copied...])
        return out
    }

    /// Equal once the given text is blanked on both.
    static func sameButText<T: Equatable>(_ a: T, _ b: T, _ text: WritableKeyPath<T, String>) -> Bool {
        var a = a, b = b
        a[keyPath: text] = ""
        b[keyPath: text] = ""
        return a == b
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
        // Pages go to the staging folder as they are rendered; the folder is swapped in only if all is well.
        let session: OutputWriter.Session
        do {
            session = try writer.begin()
        } catch {
            report.failure = "\(error)"
            return report
        }
        let rendered = render(&report, sink: session)
        if options.strict { report.diagnostics.promote(ids: CatalogValidator.levelRuleIDs) }
        if let rendered { report.levelSummary = Self.levelSummary(rendered.site) }
        guard let rendered, !report.diagnostics.hasErrors else {
            session.abandon()
            report.failure = "có lỗi trong nội dung; thư mục xuất cũ được giữ nguyên"
            report.seconds = (clock.now - start).seconds
            return report
        }
        var phases = PhaseClock()
        for file in rendered.files { session.put(file.path, file.bytes) }
        for copy in rendered.copies { session.copy(copy.path, from: copy.source) }
        do {
            report.stats = try session.finish()
        } catch {
            report.failure = "\(error)"
        }
        phases.mark("write")
        phases.report()
        report.pages = rendered.pages
        report.files = rendered.streamed + rendered.files.count + rendered.copies.count
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
    /// Each form is read once; the preview reuses a ZIP while its forms' files are untouched.
    static func formBundles(_ site: Site, root: URL, cache: BuildCache? = nil) -> [String: (path: String, bytes: Data)] {
        cache?.useFormStamps(formStamps(site, root: root, cache: cache))
        var contents: [String: Data] = [:]
        var result: [String: (path: String, bytes: Data)] = [:]
        for procedure in site.procedures {
            var seen = Set<String>()
            var names: [String] = []
            for group in procedure.documentGroups {
                for doc in group.documents {
                    guard let name = doc.form?.value, site.forms[name] != nil, seen.insert(name).inserted else { continue }
                    names.append(name)
                }
            }
            guard names.count >= 2 else { continue }
            let path = "bieu-mau/\(procedure.slug.value).zip"
            let make = { () -> Data? in
                var entries: [ZipArchive.Entry] = []
                for name in names {
                    let form = site.forms[name]!
                    if contents[name] == nil {
                        contents[name] = FileManager.default.contents(atPath: root.appendingPathComponent(form.sourcePath).path)
                    }
                    if let data = contents[name] { entries.append(.init(name: form.fileName, data: data)) }
                }
                return entries.count >= 2 ? ZipArchive(entries: entries).bytes() : nil
            }
            let bytes = cache?.formBundle(names: names, make: make) ?? make()
            if let bytes { result[procedure.code.value] = (path, bytes) }
        }
        return result
    }

    /// Every form file's stamp, or nil when one is too recent to be trusted.
    static func formStamps(_ site: Site, root: URL, cache: BuildCache?) -> [String: FileStamp]? {
        var stamps: [String: FileStamp] = [:]
        for form in site.forms.values {
            guard let stamp = cache?.settled(FileStamp(path: root.path + "/" + form.sourcePath)) else { return nil }
            stamps[form.sourcePath] = stamp
        }
        return stamps
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
