/// The files a watcher saw change since the last build, when it saw every change (inotify with no event
/// lost). The preview then looks at these files only, instead of taking the stamps of 40,000 unchanged ones:
/// an edit that no watcher event names would not have started a rebuild either.
public struct KnownChanges: Sendable {
    /// Paths relative to the site root ("Content/huong-dan/a.md"); a folder stands for everything in it.
    public var paths: Set<String>

    public init(_ paths: Set<String>) {
        self.paths = paths
    }

    /// Whether `folder` itself, or a folder above it, changed (renamed, replaced, or events were lost in it):
    /// then nothing in it can be taken as unchanged.
    func coversWhole(_ folder: String) -> Bool {
        var current = Substring(folder)
        while true {
            if paths.contains(String(current)) { return true }
            guard let slash = current.lastIndex(of: "/") else { return false }
            current = current[..<slash]
        }
    }

    /// The changed paths directly inside `folder`.
    func entries(of folder: String) -> [String] {
        let prefix = folder + "/"
        return paths.filter { $0.hasPrefix(prefix) && !$0.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "/")) }
    }
}
