import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches Content/ and Theme/ (and folders created in them later) and reports a batch of changed
/// paths once the files have been quiet for `debounce`: an editor's save (temporary file, rename, write)
/// is one change, not three. inotify on Linux; a modification-time scan where inotify is missing or
/// out of watches.
public final class FileWatcher: Sendable {
    public enum Mode: String, Sendable {
        case inotify
        case polling
    }

    public struct Settings: Sendable {
        public var debounce: Duration = .milliseconds(50)
        /// A batch is reported after this long even if changes keep coming (a big copy into Content/).
        public var maximumDelay: Duration = .milliseconds(500)
        public var pollInterval: Duration = .milliseconds(500)
        public var forcePolling = false

        public init(debounce: Duration = .milliseconds(50), pollInterval: Duration = .milliseconds(500), forcePolling: Bool = false) {
            self.debounce = debounce
            self.pollInterval = pollInterval
            self.forcePolling = forcePolling
        }
    }

    /// Folders under the root that hold the site's sources.
    public static let folders = ["Content", "Theme"]

    /// One batch of changes.
    public struct Changes: Sendable {
        /// Relative to the root; a folder stands for everything in it.
        public var paths: Set<String>
        /// Nothing else changed since the last batch: inotify lost no event. A scan compares only times
        /// and sizes, so its list is never taken as complete.
        public var complete: Bool

        public init(paths: Set<String>, complete: Bool) {
            self.paths = paths
            self.complete = complete
        }
    }

    let root: URL
    let settings: Settings
    let onChange: @Sendable (Changes) -> Void
    private let stopped = Locked(false)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Locked(false)

    /// `onChange` receives each batch (paths relative to the root) and runs on the watcher's own thread;
    /// changes made while it runs are reported in the next batch.
    public init(root: URL, settings: Settings = Settings(), onChange: @escaping @Sendable (Changes) -> Void) {
        self.root = root.standardizedFileURL
        self.settings = settings
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own; returns how.
    @discardableResult
    public func start() -> Mode {
        started.withLock { $0 = true }
        #if canImport(Glibc)
        if !settings.forcePolling, let inotify = Inotify(root: root) {
            Thread.detachNewThread { [self] in
                runInotify(inotify)
                finished.signal()
            }
            return .inotify
        }
        #endif
        Thread.detachNewThread { [self] in
            runPolling()
            finished.signal()
        }
        return .polling
    }

    /// Stops watching and waits for the thread to end (at most one poll interval).
    public func stop() {
        stopped.withLock { $0 = true }
        if started.withLock({ $0 }) { finished.wait() }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    // MARK: - Debounce

    /// Collects changes and says when a batch is due.
    struct Batch {
        var paths = Set<String>()
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?

        mutating func add(_ path: String, at now: ContinuousClock.Instant) {
            paths.insert(path)
            if first == nil { first = now }
            last = now
        }

        func isDue(at now: ContinuousClock.Instant, _ settings: Settings) -> Bool {
            guard let first, let last else { return false }
            return now - last >= settings.debounce || now - first >= settings.maximumDelay
        }

        /// How long to wait for more events before the batch is due.
        func wait(at now: ContinuousClock.Instant, _ settings: Settings) -> Duration? {
            guard let first, let last else { return nil }
            return max(.zero, min(settings.debounce - (now - last), settings.maximumDelay - (now - first)))
        }
    }

    /// Editors' temporary and backup files: a change to them alone is not a change to the site.
    /// Emacs autosaves are `#name#`; a name that only begins with `#` is a file the loader reads, so it is watched.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }

    // MARK: - inotify

    #if canImport(Glibc)
    private func runInotify(_ inotify: Inotify) {
        defer { inotify.close() }
        let clock = ContinuousClock()
        var batch = Batch()
        while !isStopped {
            let timeout = batch.wait(at: clock.now, settings).map { Int32(($0 / .milliseconds(1)).rounded(.up)) } ?? 100
            for change in inotify.read(timeoutMilliseconds: min(timeout, 100)) {
                batch.add(change, at: clock.now)
            }
            if batch.isDue(at: clock.now, settings) {
                let paths = batch.paths
                batch = Batch()
                onChange(Changes(paths: paths, complete: !inotify.takeLostEvents()))
            }
        }
    }
    #endif

    // MARK: - Polling

    struct Stamp: Equatable {
        var modified: Double
        var size: Int
    }

    /// Modification time and size of every file and folder under Content/ and Theme/.
    func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let fm = FileManager.default
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder)
            guard let attributes = try? fm.attributesOfItem(atPath: base.path) else { continue }
            result[folder] = Self.stamp(attributes)
            guard let enumerator = fm.enumerator(atPath: base.path) else { continue }
            while let item = enumerator.nextObject() as? String {
                if Self.isIgnored((item as NSString).lastPathComponent) { continue }
                if let attributes = enumerator.fileAttributes {
                    result["\(folder)/\(item)"] = Self.stamp(attributes)
                }
            }
        }
        return result
    }

    static func stamp(_ attributes: [FileAttributeKey: Any]) -> Stamp {
        Stamp(modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
              size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
    }

    private func runPolling() {
        var known = scan()
        while !isStopped {
            sleep(settings.pollInterval)
            var current = scan()
            guard current != known else { continue }
            // Wait until the files stop changing, so a save in progress is one batch.
            while !isStopped {
                sleep(settings.debounce)
                let again = scan()
                if again == current { break }
                current = again
            }
            let changed = Set(current.keys.filter { current[$0] != known[$0] } + known.keys.filter { current[$0] == nil })
            known = current
            onChange(Changes(paths: changed, complete: false))
        }
    }

    /// Sleeps in short steps so `stop()` is prompt.
    private func sleep(_ duration: Duration) {
        var left = duration
        while left > .zero, !isStopped {
            let step = min(left, .milliseconds(100))
            Thread.sleep(forTimeInterval: Double(step / .milliseconds(1)) / 1000)
            left -= step
        }
    }
}

#if canImport(Glibc)
/// The inotify instance: one watch per folder, added for new folders as they appear.
final class Inotify: @unchecked Sendable {
    private let fd: Int32
    private let root: String
    /// Watch descriptor → folder path relative to the root ("" for the root itself).
    private var folders: [Int32: String] = [:]
    /// Set when the kernel's queue overflowed since the last batch.
    private var lostEvents = false

    /// Whether events were lost since the last call.
    func takeLostEvents() -> Bool {
        defer { lostEvents = false }
        return lostEvents
    }

    static let folderMask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
        | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
    /// The root only matters when Content/ or Theme/ appears or goes.
    static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    /// nil when inotify is not available or the watch limit is reached: the caller polls instead.
    init?(root: URL) {
        self.root = root.path
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard add("", mask: Self.rootMask) else {
            Glibc.close(fd)
            return nil
        }
        for folder in FileWatcher.folders where !addRecursively(folder) {
            Glibc.close(fd)
            return nil
        }
    }

    func close() {
        Glibc.close(fd)
    }

    private func add(_ relative: String, mask: UInt32) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        let wd = inotify_add_watch(fd, path, mask)
        if wd >= 0 {
            folders[wd] = relative
            return true
        }
        // A folder that vanished in the meantime is fine; running out of watches is not.
        return errno == ENOENT || errno == ENOTDIR
    }

    /// Watches a folder and every folder below it; false when the kernel refuses more watches. A link to a
    /// folder is not followed (two links to their own folder would be a tree without end): a change made
    /// through one is caught because the loader takes every stamp of a folder that holds a link.
    @discardableResult
    private func addRecursively(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        let path = root + "/" + relative
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return true }
        guard add(relative, mask: Self.folderMask) else { return false }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !FileWatcher.isIgnored(name) {
            var info = stat()
            if lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, !addRecursively(relative + "/" + name) {
                return false
            }
        }
        return true
    }

    /// Waits up to the timeout for events; returns the changed paths relative to the root.
    func read(timeoutMilliseconds: Int32) -> [String] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, max(0, timeoutMilliseconds)) > 0 else { return [] }
        var changes: [String] = []
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(fd, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameBytes = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameBytes) : ""
                offset += header + Int(event.len)
                changes.append(contentsOf: handle(event, name: name))
            }
        }
        return changes
    }

    private func handle(_ event: inotify_event, name: String) -> [String] {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again and rebuild everything.
            lostEvents = true
            for folder in FileWatcher.folders { addRecursively(folder) }
            return FileWatcher.folders
        }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: event.wd)
            return []
        }
        guard let folder = folders[event.wd] else { return [] }
        if name.isEmpty { return folder.isEmpty ? [] : [folder] }
        if FileWatcher.isIgnored(name) { return [] }
        if folder.isEmpty, !FileWatcher.folders.contains(name) { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // A new folder: watch it, and count what was put in it before the watch existed.
            addRecursively(path)
        }
        return [path]
    }
}
#endif
