import Foundation

/// The preview's rebuild, and the only place that keeps anything between two builds. It loads through the
/// load memo, names the kind of change it sees against the last build (`Change`), and redoes what that kind
/// needs: the Markdown text of guides or free pages → those pages and their search rows, patched into the
/// last build; anything else → the whole build again, with unchanged pages' bytes from the page memo.
/// Either way the result equals a fresh build's (tested file by file).
public final class IncrementalBuild: @unchecked Sendable {
    /// What differs from the last build, by what has to be redone.
    public enum Change: Equatable, Sendable {
        /// No build to start from (the first one, or one that gave no site).
        case first
        /// Nothing the pages show.
        case nothing
        /// Only the Markdown text of these guides and free pages: their pages and search rows.
        case text([SitePlan.Kind])
        /// The build's options, `site.yml` or `viet-tat.yml`: every page.
        case settings
        /// A template or an asset: every page (the page memo forgets pages of another theme).
        case theme
        /// A catalog field file or a form file: every page, unchanged ones from the page memo.
        case catalog
        /// Anything else (front matter, announcements, files added or removed): likewise.
        case content
    }

    public struct Outcome: Sendable {
        public var report: BuildAction.Report
        public var change: Change
        /// The whole site as this build left it; nil when the content gave no site.
        public var output: MemoryOutput?
        /// For `.text` and `.nothing`: the files that changed, with their bytes. nil: take every file as new.
        public var changedFiles: [(path: String, bytes: Data)]?
        public var pages: Int
        /// Pages whose values were built in this pass.
        public var remade: Int
    }

    public let options: BuildAction.Options
    /// The two memo points.
    let files: LoadMemo
    let pages = PageMemo()
    /// The last build that gave a site, with what its change kind is decided from.
    private var last: Last?

    struct Last {
        var made: BuildAction.Made
        var output: MemoryOutput
        var themeFingerprint: String
        var assets: [String]
        var formStamps: [String: FileStamp]?
    }

    /// The last build's `base_url`.
    public var baseURL: String? { last?.made.site.config.baseURL }

    /// `settleSeconds`: how old a file's stamp must be before it is trusted (tests use 0).
    public init(options: BuildAction.Options, settleSeconds: Int = 3) {
        self.options = options
        files = LoadMemo(settleSeconds: settleSeconds)
    }

    /// Not called from two threads at once (the preview builds one at a time). `changes`, when the watcher
    /// saw every change since the last build, spares looking at the files it does not name.
    /// `province`: for a commune, its province's shared content as just loaded (`ProvinceOverview`).
    public func rebuild(changes: KnownChanges? = nil, province: ProvinceContent? = nil) -> Outcome {
        var report = BuildAction.Report()
        let build = BuildAction(options: options)
        var phases = PhaseClock()
        defer { phases.report() }
        guard let loaded = build.load(&report, memo: files, changes: changes, province: province) else {
            last = nil
            return Outcome(report: report, change: .first, output: nil, pages: 0, remade: 0)
        }
        phases.mark("load")
        let stamps = formStamps(loaded.site)
        let change = Self.change(from: last, to: loaded, formStamps: stamps)
        if var previous = last, let theme = loaded.theme {
            switch change {
            case .nothing, .text:
                let outcome = patch(&previous, site: loaded.site, change: change, report: &report)
                previous.made.site = loaded.site
                previous.themeFingerprint = theme.fingerprint
                last = previous
                phases.mark("patch")
                return outcome
            case .first, .settings, .theme, .catalog, .content:
                break
            }
        }
        let output = MemoryOutput()
        guard let made = build.make(loaded, into: output, &report, pageMemo: pages, phases: &phases), let theme = loaded.theme else {
            last = nil
            return Outcome(report: report, change: change, output: nil, pages: 0, remade: 0)
        }
        files.keepOnly(files: Set(made.site.fields.map(\.path) + made.site.guides.map(\.body.path)
                                  + made.site.announcements.map(\.body.path) + made.site.pages.map(\.body.path)))
        last = Last(made: made, output: output, themeFingerprint: theme.fingerprint, assets: theme.assets, formStamps: stamps)
        return Outcome(report: report, change: change, output: output, pages: made.plan.pages.count, remade: made.plan.pages.count)
    }

    /// The kind of change from the last build to what was just loaded, the broadest first.
    static func change(from last: Last?, to loaded: BuildAction.Loaded, formStamps: [String: FileStamp]?) -> Change {
        guard let last else { return .first }
        let site = loaded.site, before = last.made.site
        if site.config != before.config || site.abbreviations != before.abbreviations { return .settings }
        guard let theme = loaded.theme, theme.fingerprint == last.themeFingerprint, theme.assets == last.assets else { return .theme }
        // A form rewritten with the same name changes its procedure's ZIP: only its stamp tells.
        if site.fields != before.fields || site.forms != before.forms || formStamps == nil || formStamps != last.formStamps {
            return .catalog
        }
        guard site.announcements == before.announcements, site.guides.count == before.guides.count,
              site.pages.count == before.pages.count else { return .content }
        var changed: [SitePlan.Kind] = []
        for i in site.guides.indices where site.guides[i] != before.guides[i] {
            guard sameButText(site.guides[i], before.guides[i], \.body.text) else { return .content }
            changed.append(.guide(i))
        }
        for i in site.pages.indices where site.pages[i] != before.pages[i] {
            guard sameButText(site.pages[i], before.pages[i], \.body.text) else { return .content }
            changed.append(.page(i))
        }
        return changed.isEmpty ? .nothing : .text(changed)
    }

    /// Equal once the given text is blanked on both.
    static func sameButText<T: Equatable>(_ a: T, _ b: T, _ text: WritableKeyPath<T, String>) -> Bool {
        var a = a, b = b
        a[keyPath: text] = ""
        b[keyPath: text] = ""
        return a == b
    }

    /// Every form file's stamp, or nil when one is too recent to be trusted.
    func formStamps(_ site: Site) -> [String: FileStamp]? {
        var stamps: [String: FileStamp] = [:]
        for form in site.forms.values {
            guard let stamp = files.settled(FileStamp(path: options.root.path + "/" + form.sourcePath)) else { return nil }
            stamps[form.sourcePath] = stamp
        }
        return stamps
    }

    /// The last build with the pages of `change` rendered again and their search rows replaced, in place.
    private func patch(_ last: inout Last, site: Site, change: Change, report: inout BuildAction.Report) -> Outcome {
        let kinds: [SitePlan.Kind]
        if case .text(let k) = change { kinds = k } else { kinds = [] }
        last.made.renderer.site = site
        let renderer = last.made.renderer, plan = renderer.plan
        let positions = kinds.compactMap { plan.index(of: $0) }
        let fresh = BuildAction.parallelMap(positions) { renderer.render(plan.pages[$0]) }
        var rows: [(document: Int, row: [UInt8])] = []
        var changedFiles: [(path: String, bytes: Data)] = []
        for (position, var result) in zip(positions, fresh) {
            let page = plan.pages[position]
            last.output.put(result.file, result.bytes)
            changedFiles.append((result.file, result.bytes))
            if let d = last.made.documentByURL[page.file] {
                let text = { (markdown: String) in result.bodyText ?? SiteSearch.plainText(markdown) }
                switch page.kind {
                case .guide(let i): rows.append((d, SearchIndex.entry(for: SiteSearch.guideDocument(site.guides[i], page: page, plainText: text), bodyLimit: SearchIndex.defaultBodyLimit).row))
                case .page(let i): rows.append((d, SearchIndex.entry(for: SiteSearch.pageDocument(site.pages[i], page: page, plainText: text), bodyLimit: SearchIndex.defaultBodyLimit).row))
                default: break
                }
            }
            last.made.idsByPage[page.path] = result.ids
            result.bytes = Data()
            result.bodyText = nil
            last.made.results[position] = result
        }
        if !rows.isEmpty, let script = last.output["search-index.js"] {
            let spliced = Self.splice(rows, into: script, at: &last.made.searchRows)
            last.output.put("search-index.js", spliced)
            changedFiles.append(("search-index.js", spliced))
        }
        report.diagnostics.append(contentsOf: last.made.checkDiagnostics)
        BuildAction.appendPageDiagnostics(results: last.made.results, idsByPage: last.made.idsByPage, to: &report.diagnostics)
        return Outcome(report: report, change: change, output: last.output, changedFiles: changedFiles,
                       pages: plan.pages.count, remade: positions.count)
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
}
