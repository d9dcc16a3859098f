import Foundation

/// The preview's first memo point: what each content file (and the theme's templates) gave when loaded,
/// reused while the file's bytes are unchanged, with each section folder's listing. Only the loader reads it;
/// the other stages never see a memo.
public final class LoadMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (stamp: FileStamp?, data: Data, value: Any, diagnostics: Diagnostics)] = [:]

    /// How old (in whole seconds) a file's stamp must be before it is trusted; tests use 0.
    let settleSeconds: Int

    public init(settleSeconds: Int = 3) {
        self.settleSeconds = settleSeconds
    }

    /// The stamp, if old enough to be trusted (see `file`).
    func settled(_ stamp: FileStamp?) -> FileStamp? {
        guard let stamp else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        return now.tv_sec - max(stamp.modified.tv_sec, stamp.changed.tv_sec) >= settleSeconds ? stamp : nil
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The load result of the file at `path`, parsed again only when its bytes differ from last time.
    /// A file whose stamp (inode, size, modification and change times) is as before is not even read: the
    /// change time cannot be set back by any tool, so an unchanged stamp means unchanged bytes. A stamp only
    /// a few seconds old is not trusted (coarse clocks, as on a FAT USB stick, could hide a second write).
    /// `stamp` is the file's settled stamp, taken by the caller's listing pass.
    func file<T>(_ path: String, rootPath: String, stamp: FileStamp?, load: () -> (T?, Diagnostics)) -> (T?, Diagnostics) {
        let full = rootPath + "/" + path
        let hit = locked { files[path] }
        if let hit, let stamp, hit.stamp == stamp, let value = hit.value as? T? {
            return (value, hit.diagnostics)
        }
        // Through ProjectFile, as the load itself reads: a pipe or a link out of Content/ is neither waited on nor
        // read here; `load` then reports it.
        var refused = Diagnostics()
        let data = ProjectFile.read(full, inside: rootPath + "/Content", path: path, folderName: "Content/", &refused)
        if let data, let hit, hit.data == data, let value = hit.value as? T? {
            locked { files[path]?.stamp = stamp }
            return (value, hit.diagnostics)
        }
        let result = load()
        if let data { locked { files[path] = (stamp, data, result.0 as Any, result.1) } }
        return result
    }

    /// One content folder loaded: its file list, their stamps (kept by the preview), and what each file gave.
    struct Section<T> {
        var paths: [String]
        var stamps: [FileStamp?]
        var results: [(T?, Diagnostics)]
        /// The values in file order (files that failed to load have none) and where each file's value sits.
        private(set) var values: [T] = []
        private var slots: [Int?] = []
        private(set) var diagnostics = Diagnostics()

        init(paths: [String], stamps: [FileStamp?], results: [(T?, Diagnostics)]) {
            self.paths = paths
            self.stamps = stamps
            self.results = results
            collect()
        }

        private mutating func collect() {
            values = []
            slots = []
            diagnostics = Diagnostics()
            for (value, d) in results {
                diagnostics.append(contentsOf: d)
                slots.append(value == nil ? nil : values.count)
                if let value { values.append(value) }
            }
        }

        /// New results for some files: values are replaced in place when every one of those files loaded
        /// before and after without a diagnostic (an ordinary edit), and collected again otherwise.
        mutating func replace(_ indices: [Int], with loaded: [(T?, Diagnostics)]) {
            var inPlace = true
            for (i, result) in zip(indices, loaded) {
                if slots[i] == nil || result.0 == nil || !results[i].1.all.isEmpty || !result.1.all.isEmpty { inPlace = false }
                results[i] = result
            }
            guard inPlace else { return collect() }
            for (i, result) in zip(indices, loaded) { values[slots[i]!] = result.0! }
        }
    }

    private var sections: [String: Any] = [:]

    /// Taken out of the memo, so that replacing a few results does not copy the other 40,000.
    func takeSection<T>(_ name: String, of type: T.Type) -> Section<T>? {
        locked { sections.removeValue(forKey: name) as? Section<T> }
    }

    func store<T>(_ name: String, _ section: Section<T>) {
        locked { sections[name] = section }
    }

    /// Each section folder's latest listing, with the folder's stamp when it was settled, and whether every
    /// entry is a plain file or folder (a watcher sees no change made through a symbolic link's target).
    private var listings: [String: (stamp: FileStamp?, files: [String], plain: Bool)] = [:]

    /// The folder's latest listing whatever its stamp, for a caller that knows what changed since;
    /// nil when the folder holds links.
    func knownListing(_ folder: String) -> [String]? {
        locked { listings[folder].flatMap { $0.plain ? $0.files : nil } }
    }

    /// Lists the folder again unless its settled stamp is the one of the latest listing.
    func listing(_ folder: String, stamp: FileStamp?, make: () -> (files: [String], plain: Bool)) -> [String] {
        if let stamp, let hit = locked({ listings[folder] }), hit.stamp == stamp { return hit.files }
        let made = make()
        locked { listings[folder] = (stamp, made.files, made.plain) }
        return made.files
    }

    /// By content folder: a province's commune is read from two (Content/ and Content/xa/<slug>/).
    private var unread: [String: (notFolders: Set<String>, diagnostics: Diagnostics)] = [:]

    /// What Content/ holds that no step reads (`ContentLoader.unreadEntries`), taken from the last load when
    /// the watcher saw only edits of files already there (`holds`): listing 10,000 guides on every save was a
    /// fifth of a preview rebuild.
    func unreadEntries(_ folder: String, holds: Bool, make: () -> (Set<String>, Diagnostics)) -> (Set<String>, Diagnostics) {
        if holds, let hit = locked({ unread[folder] }) { return hit }
        let made = make()
        locked { unread[folder] = made }
        return made
    }

    private var compiledTheme: (key: Data, theme: Theme?, diagnostics: Diagnostics)?

    func theme(_ key: Data, compile: () -> (Theme?, Diagnostics)) -> (Theme?, Diagnostics) {
        if let hit = locked({ compiledTheme }), hit.key == key { return (hit.theme, hit.diagnostics) }
        let (theme, diagnostics) = compile()
        locked { compiledTheme = (key, theme, diagnostics) }
        return (theme, diagnostics)
    }

    /// Drops the files the last load did not use, so a long preview session does not grow without end.
    func keepOnly(files used: Set<String>) {
        locked { files = files.filter { used.contains($0.key) } }
    }
}

/// What `stat` says about a file, enough to tell that it was not written since last time.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// A file inside an open folder: no walk down the whole path for each of 10,000 files.
    /// `path` names the file from `nameOffset` bytes on.
    init?(folder: Int32, path: String, nameOffset: Int) {
        var info = stat()
        let found = path.withCString { name in
            folder >= 0 && path.utf8.count > nameOffset && fstatat(folder, name + nameOffset, &info, 0) == 0
        }
        guard found else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
