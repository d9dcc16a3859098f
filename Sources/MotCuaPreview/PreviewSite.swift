import Foundation
import MotCuaKit

/// The site as the preview serves it: the last good build, held in memory, and the state of the latest
/// attempt. A failed build leaves the last good site in place so the editor can keep browsing it.
public final class PreviewSite: Sendable {
    /// One good build. Rendered pages are kept as bytes; copied files (assets, forms) are read from
    /// their known sources when asked for, so nothing else on the disk is reachable, and form bundles are
    /// zipped from their forms when asked for.
    struct Snapshot: Sendable {
        var files: [String: Data]
        var copies: [String: URL]
        var archives: [String: ZipArchive]
        var baseURL: String?
    }

    public struct Outcome: Sendable {
        public var state: BuildState
        public var diagnostics: Diagnostics
        public var pages: Int
        /// Pages whose values were built again (fewer than `pages` when only some Markdown text changed).
        public var remade: Int
        /// In a province: the communes built again.
        public var communes = 0
        public var seconds: Double
        public var succeeded: Bool { state.errors.isEmpty }
    }

    public let options: BuildAction.Options
    /// A province (Content/tinh.yml when the preview started): each commune is a member of its own under
    /// `<slug>/`, built the first time one of its pages is asked for or one of its files changes, and again
    /// on every change of what it shares; the province's page is at the root.
    public let isProvince: Bool
    /// The single site (key ""), or the communes built so far, by folder name.
    private let members = Locked<[String: Member]>([:])
    private let overview: ProvinceOverview?
    /// The shared content as the last rebuild loaded it: a commune built on request uses it.
    private let lastProvince = Locked<ProvinceContent?>(nil)
    /// tinh.yml's, the shared files' and the shared theme's problems, as the last rebuild found them.
    private let provinceProblems = Locked(Diagnostics())
    /// Told when a commune built on request changes what pages should show (its errors).
    private let stateChanged = Locked<(@Sendable (BuildState) -> Void)?>(nil)
    /// The province's page and the list of communes, as the last rebuild left them.
    private let provinceFiles = Locked<(communes: [String], files: [String: Data], copies: [String: URL])>(([], [:], [:]))
    private let latest = Locked(BuildState(generation: 0))
    /// Good builds so far, across members: what pages compare to know they are out of date.
    private let generationCount = Locked(0)
    /// One build at a time: the watcher, a first request of a commune and a test may all ask.
    private let building = NSLock()
    private let settleSeconds: Int

    /// One site the preview builds (the single site, or a commune): its rebuild, what the next build can
    /// reuse (an edit costs what it touches), and its last good build.
    final class Member: @unchecked Sendable {
        let builder: IncrementalBuild
        let snapshot = Locked<Snapshot?>(nil)
        /// Whether the snapshot is the last build rendered (guarded by `building`).
        var snapshotIsLastBuild = false
        /// The latest attempt's (guarded by `building`).
        var diagnostics = Diagnostics()
        /// A shared change not built yet: no page of the commune was open. Read by requests without the lock.
        let outOfDate = Locked(false)

        init(_ options: BuildAction.Options, settleSeconds: Int) {
            builder = IncrementalBuild(options: options, settleSeconds: settleSeconds)
        }
    }

    public init(options: BuildAction.Options, settleSeconds: Int = 3) {
        self.options = options
        self.settleSeconds = settleSeconds
        isProvince = ProvinceContent.isProvince(options.root)
        overview = isProvince ? ProvinceOverview(settleSeconds: settleSeconds) : nil
        if !isProvince { members.withLock { $0[""] = Member(options, settleSeconds: settleSeconds) } }
    }

    /// The state pages are told about.
    public var state: BuildState { latest.withLock { $0 } }

    /// Loads, checks and renders the site again, in memory, redoing what the kind of change needs
    /// (`IncrementalBuild`). `changes`, when the watcher saw every change since the last rebuild, spares
    /// looking at the files it does not name. In a province, only the communes the changes concern are
    /// built again: a commune's own files, its own; a shared file, every commune built so far.
    ///
    /// `open`: the first folders of the pages open in a browser. A shared change rebuilds at once only the
    /// communes among them (nil: every commune built so far); the others are marked out of date and built
    /// again when next asked for, so an edit costs what is being looked at, not the whole province.
    @discardableResult
    public func rebuild(changes: KnownChanges? = nil, open: Set<String>? = nil) -> Outcome {
        building.lock()
        defer { building.unlock() }
        let clock = ContinuousClock()
        let start = clock.now
        var pages = 0, remade = 0, communes = 0, good = false
        var diagnostics = Diagnostics()
        var folders: [String]?
        if ProvinceContent.isProvince(options.root) != isProvince {
            // The preview decided at its start whether it serves one site or a province.
            let added = !isProvince
            diagnostics.error(.missingSiteYml, "Content/tinh.yml vừa được \(added ? "thêm" : "xóa"): thư mục \(added ? "trở thành một tỉnh" : "không còn là một tỉnh"); hãy dừng máy chủ xem trước (Ctrl-C) và chạy lại `motcua serve` để xem trang \(added ? "của tỉnh" : "như một trang xã")", at: SourceLocation(path: "Content/" + ProvinceContent.fileName))
            provinceProblems.withLock { $0 = diagnostics }
        } else if let overview {
            let province = overview.load(options, changes: changes)
            provinceProblems.withLock { $0 = province.diagnostics }
            // tinh.yml or the shared theme cannot be used: the last good pages stay, with the errors over them.
            guard province.province != nil, !province.files.isEmpty else {
                return finish(good: false, diagnostics: province.diagnostics, pages: 0, remade: 0, communes: 0, start: start)
            }
            lastProvince.withLock { $0 = province.province }
            let provinceChanged = provinceFiles.withLock { last -> Bool in
                let files = Dictionary(province.files.map { ($0.path, $0.bytes) }) { a, _ in a }
                let copies = Dictionary(province.copies.map { ($0.path, $0.source) }) { a, _ in a }
                defer { last = (province.communes, files, copies) }
                return last.files != files || last.copies != copies
            }
            // The province's page shows shared files (its theme) and every commune's site.yml: it changed when
            // its bytes did or when anything outside the communes' own folders did.
            let communesFolder = "Content/\(ProvinceContent.communesFolder)/"
            let sharedChange = changes.map { $0.paths.contains { !$0.hasPrefix(communesFolder) } } ?? true
            var changed = provinceChanged || sharedChange ? [""] : []
            good = true  // the province's page, at least
            let known = Set(province.communes)
            members.withLock { $0 = $0.filter { known.contains($0.key) } }
            let built = Set(members.withLock { Array($0.keys) })
            var concerned = Self.communesToBuild(changes, built: built, known: known)
            if let open {
                let own = Self.communesToBuild(changes, built: [], known: known)
                for slug in concerned where !open.contains(slug) && !own.contains(slug) {
                    members.withLock { $0[slug] }?.outOfDate.withLock { $0 = true }
                }
                concerned = concerned.filter { open.contains($0) || own.contains($0) }
            }
            // Two communes at once, as the province's build does: each member is its own build.
            let shared = province.province
            let results = ProvinceBuild.twoAtATime(concerned) { slug -> (slug: String, built: Bool, pages: Int, remade: Int) in
                let member = self.members.withLock { $0[slug] } ?? self.newMember(slug)
                let (built, count, redone) = self.build(member, changes: changes, province: shared)
                self.members.withLock { $0[slug] = member }
                return (slug, built, count, redone)
            }
            for result in results {
                good = good || result.built
                if result.built { changed.append(result.slug) }
                communes += 1
                pages += result.pages
                remade += result.remade
            }
            diagnostics = provinceDiagnostics()
            folders = changed.sorted()
        } else if let member = members.withLock({ $0[""] }) {
            (good, pages, remade) = build(member, changes: changes)
            diagnostics = member.diagnostics
        }
        return finish(good: good, diagnostics: diagnostics, pages: pages, remade: remade, communes: communes, start: start,
                      folders: folders)
    }

    /// The state pages are told after a rebuild; `folders`, those of the pages it changed (nil: any).
    private func finish(good: Bool, diagnostics: Diagnostics, pages: Int, remade: Int, communes: Int, start: ContinuousClock.Instant,
                        folders: [String]? = nil) -> Outcome {
        let clock = ContinuousClock()
        var state: BuildState
        if good && !diagnostics.hasErrors {
            let generation = generationCount.withLock { $0 += 1; return $0 }
            state = BuildState(generation: generation)
            state.folders = folders
        } else {
            state = BuildState(generation: generationCount.withLock { $0 }, diagnostics: diagnostics)
            if state.errors.isEmpty && !good {
                // No site and no error to show would leave the editor guessing.
                state.errors = [.init(location: "Content", file: "Content", line: 0, column: 0, message: "không tạo được trang")]
            }
        }
        latest.withLock { $0 = state }
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return Outcome(state: state, diagnostics: diagnostics, pages: pages, remade: remade, communes: communes, seconds: seconds)
    }

    /// The province's problems, then every commune's built so far, a shared file's once.
    private func provinceDiagnostics() -> Diagnostics {
        var diagnostics = provinceProblems.withLock { $0 }
        let said = Set(diagnostics.all)
        let perCommune = members.withLock { $0.sorted { $0.key < $1.key }.map { (slug: $0.key, diagnostics: $0.value.diagnostics) } }
        for d in ProvinceBuild.merged(perCommune).all where !said.contains(d) { diagnostics.append(d) }
        return diagnostics
    }

    /// `change` hears of a commune built on request whose errors change what the open pages show.
    public func onStateChange(_ change: @escaping @Sendable (BuildState) -> Void) {
        stateChanged.withLock { $0 = change }
    }

    /// The communes a change concerns: with the watcher's list, those whose own folder it names, and every
    /// one built so far when it names anything else; without it, every one built so far.
    static func communesToBuild(_ changes: KnownChanges?, built: Set<String>, known: Set<String>) -> [String] {
        guard let changes else { return built.sorted() }
        let folder = "Content/\(ProvinceContent.communesFolder)/"
        var own = Set<String>()
        for path in changes.paths {
            guard path.hasPrefix(folder) else { return built.union(own).sorted() }
            let slug = String(path.dropFirst(folder.count).prefix { $0 != "/" })
            if known.contains(slug) { own.insert(slug) }
        }
        return own.sorted()
    }

    /// A commune's member, not yet in `members`: it goes there once built, so a request never finds a
    /// commune whose first build is still running.
    private func newMember(_ slug: String) -> Member {
        var communeOptions = options
        communeOptions.commune = slug
        return Member(communeOptions, settleSeconds: settleSeconds)
    }

    /// One member built again; whether the build was good, its pages and the pages remade.
    private func build(_ member: Member, changes: KnownChanges?, province: ProvinceContent? = nil) -> (Bool, Int, Int) {
        // Changes it missed are in no list: every file is looked at.
        let missed = member.outOfDate.withLock { missed in
            defer { missed = false }
            return missed
        }
        let outcome = member.builder.rebuild(changes: missed ? nil : changes, province: province ?? lastProvince.withLock { $0 })
        let report = outcome.report
        member.diagnostics = report.diagnostics
        guard let output = outcome.output, !report.diagnostics.hasErrors else {
            member.snapshotIsLastBuild = false
            return (false, outcome.pages, outcome.remade)
        }
        // A patched build names the few files that changed: update those rather than re-index 15,000.
        // Only when the snapshot holds the build that was patched (not an older one, after an error).
        let patched = outcome.changedFiles.map { changed in
            member.snapshot.withLock { current -> Bool in
                guard current != nil, member.snapshotIsLastBuild else { return false }
                for (path, data) in changed { current!.files[path] = data }
                return true
            }
        } ?? false
        if !patched {
            let next = Snapshot(files: output.files, copies: output.copies, archives: output.archives, baseURL: member.builder.baseURL)
            member.snapshot.withLock { $0 = next }
        }
        member.snapshotIsLastBuild = true
        return (true, outcome.pages, outcome.remade)
    }

    /// A commune asked for before any change concerned it, or out of date: built now. That is no news to the
    /// pages already open, so the generation stays.
    private func member(forCommune slug: String) -> Member? {
        if let member = members.withLock({ $0[slug] }), !member.outOfDate.withLock({ $0 }) { return member }
        guard provinceFiles.withLock({ $0.communes.contains(slug) }) else { return nil }
        building.lock()
        defer { building.unlock() }
        // A rebuild may have removed the commune meanwhile.
        guard provinceFiles.withLock({ $0.communes.contains(slug) }) else { return nil }
        let known = members.withLock { $0[slug] }
        let member = known ?? newMember(slug)
        if known == nil || member.outOfDate.withLock({ $0 }) {
            _ = build(member, changes: nil)
            members.withLock { $0[slug] = member }
            // Its errors (or their end) reach the open pages and the terminal; its first good build is no
            // news to them.
            let diagnostics = provinceDiagnostics()
            let errors = BuildState(generation: 0, diagnostics: diagnostics).errors
            let state = latest.withLock { current -> BuildState? in
                guard current.errors != errors else { return nil }
                current = BuildState(generation: current.generation, diagnostics: diagnostics)
                return current
            }
            if let state, let change = stateChanged.withLock({ $0 }) { change(state) }
        }
        return member
    }

    /// What the site holds at a key of `SitePath`.
    enum Lookup {
        case bytes(Data)
        case copy(URL)
        case archive(ZipArchive)
        /// The key is a folder with an index page: redirect to the path with a slash, so relative links work.
        case folder
        case missing
        /// No good build yet.
        case noSite
    }

    func lookup(_ key: String) -> Lookup {
        guard isProvince else {
            guard let member = members.withLock({ $0[""] }) else { return .noSite }
            return lookup(key, in: member)
        }
        let slash = key.firstIndex(of: "/")
        let first = String(key[..<(slash ?? key.endIndex)])
        if let member = member(forCommune: first) {
            guard let slash else { return .folder }
            return lookup(String(key[key.index(after: slash)...]), in: member)
        }
        return provinceFiles.withLock { province -> Lookup in
            if province.communes.isEmpty && province.files.isEmpty { return .noSite }
            if let data = province.files[key] { return .bytes(data) }
            if let url = province.copies[key] { return ProjectFile.isPublishable(url, root: options.root) ? .copy(url) : .missing }
            return .missing
        }
    }

    private func lookup(_ key: String, in member: Member) -> Lookup {
        member.snapshot.withLock { snapshot in
            guard let snapshot else { return .noSite }
            if let data = snapshot.files[key] { return .bytes(data) }
            // The source is looked at again on every request: it may have become a link out of the site.
            if let url = snapshot.copies[key] { return ProjectFile.isPublishable(url, root: options.root) ? .copy(url) : .missing }
            if let archive = snapshot.archives[key] {
                let sources = archive.entries.compactMap { entry -> URL? in
                    if case .file(let url) = entry.source { return url }
                    return nil
                }
                return sources.allSatisfy { ProjectFile.isPublishable($0, root: options.root) } ? .archive(archive) : .missing
            }
            if !key.hasSuffix("index.html"), snapshot.files[key + "/index.html"] != nil { return .folder }
            return .missing
        }
    }

    /// The site's 404 page made to work at any depth of the preview: its links point at the site's
    /// `base_url` (for the real server), which here is the preview's root, or the commune's folder in it.
    func notFoundPage(for key: String = "") -> Data? {
        var folder = "/"
        var member = members.withLock { $0[""] }
        if isProvince, let slash = key.firstIndex(of: "/") {
            let slug = String(key[..<slash])
            member = members.withLock { $0[slug] }
            folder = "/\(slug)/"
        }
        guard let member else { return nil }
        return member.snapshot.withLock { snapshot in
            guard let snapshot, let data = snapshot.files["404.html"], var html = String(data: data, encoding: .utf8) else { return nil }
            if let base = snapshot.baseURL, !base.isEmpty { html = html.replacingOccurrences(of: base, with: folder) }
            if let head = html.range(of: "<head>", options: .caseInsensitive) {
                html.insert(contentsOf: "\n<base href=\"\(folder)\">", at: head.upperBound)
            }
            return Data(html.utf8)
        }
    }

    public var generation: Int { generationCount.withLock { $0 } }
}
