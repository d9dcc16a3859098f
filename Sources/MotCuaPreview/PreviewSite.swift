import Foundation
import MotCuaKit

/// The site as the preview serves it: the last good build, held in memory, and the state of the latest
/// attempt. A failed build leaves the last good site in place so the editor can keep browsing it.
public final class PreviewSite: Sendable {
    /// One good build. Rendered pages are kept as bytes; copied files (assets, forms) are read from
    /// their known sources when asked for, so nothing else on the disk is reachable, and form bundles are
    /// zipped from their forms when asked for.
    struct Snapshot: Sendable {
        var generation: Int
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
        public var seconds: Double
        public var succeeded: Bool { state.errors.isEmpty }
    }

    public let options: BuildAction.Options
    private let snapshot = Locked<Snapshot?>(nil)
    private let latest = Locked(BuildState(generation: 0))
    /// One build at a time: the watcher and a test may both ask.
    private let building = NSLock()
    /// Whether the snapshot is the last build rendered (guarded by `building`).
    nonisolated(unsafe) private var snapshotIsLastBuild = false
    /// What the next build can reuse from this one: an edit costs what it touches.
    private let builder: IncrementalBuild

    public init(options: BuildAction.Options) {
        self.options = options
        builder = IncrementalBuild(options: options)
    }

    /// The state pages are told about.
    public var state: BuildState { latest.withLock { $0 } }

    /// Loads, checks and renders the site again, in memory, redoing what the kind of change needs
    /// (`IncrementalBuild`). `changes`, when the watcher saw every change since the last rebuild, spares
    /// looking at the files it does not name.
    @discardableResult
    public func rebuild(changes: KnownChanges? = nil) -> Outcome {
        building.lock()
        defer { building.unlock() }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = builder.rebuild(changes: changes)
        let report = outcome.report
        let generation = snapshot.withLock { $0?.generation ?? 0 }
        var state: BuildState
        if let output = outcome.output, !report.diagnostics.hasErrors {
            // A patched build names the few files that changed: update those rather than re-index 15,000.
            // Only when the snapshot holds the build that was patched (not an older one, after an error).
            let patched = outcome.changedFiles.map { changed in
                snapshot.withLock { current -> Bool in
                    guard current != nil, snapshotIsLastBuild else { return false }
                    for (path, data) in changed { current!.files[path] = data }
                    current!.generation += 1
                    return true
                }
            } ?? false
            if !patched {
                let next = Snapshot(generation: generation + 1, files: output.files, copies: output.copies, archives: output.archives,
                                    baseURL: builder.baseURL)
                snapshot.withLock { $0 = next }
            }
            snapshotIsLastBuild = true
            state = BuildState(generation: generation + 1)
        } else {
            snapshotIsLastBuild = false
            state = BuildState(generation: generation, diagnostics: report.diagnostics)
            if state.errors.isEmpty {
                // No site and no error to show would leave the editor guessing.
                state.errors = [.init(location: "Content", file: "Content", line: 0, column: 0, message: "không tạo được trang")]
            }
        }
        latest.withLock { $0 = state }
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return Outcome(state: state, diagnostics: report.diagnostics, pages: outcome.pages, remade: outcome.remade, seconds: seconds)
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
        snapshot.withLock { snapshot in
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
    /// `base_url` (for the real server), which here is the preview's root.
    func notFoundPage() -> Data? {
        snapshot.withLock { snapshot in
            guard let snapshot, let data = snapshot.files["404.html"], var html = String(data: data, encoding: .utf8) else { return nil }
            if let base = snapshot.baseURL, !base.isEmpty { html = html.replacingOccurrences(of: base, with: "/") }
            if let head = html.range(of: "<head>", options: .caseInsensitive) {
                html.insert(contentsOf: "\n<base href=\"/\">", at: head.upperBound)
            }
            return Data(html.utf8)
        }
    }

    public var generation: Int { snapshot.withLock { $0?.generation ?? 0 } }
}
