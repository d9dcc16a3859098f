import Foundation

/// Where a build's files go, each handed over as soon as it is made (pages from both cores at once).
/// Two implementations: `OutputWriter.Session` (`motcua build`: a staging folder swapped in whole at the
/// end) and `MemoryOutput` (the preview and tests: every file held in memory).
public protocol SiteOutput: AnyObject, Sendable {
    /// A file made by the build, at a path relative to the site root ("thu-tuc/x/index.html").
    func put(_ path: String, _ bytes: Data)
    /// A file published as it is (theme assets, forms), read from `source`.
    func copy(_ path: String, from source: URL)
}

/// The site in memory: made files as bytes, copied files by their source (read when served).
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Data] = [:]
    private var copied: [String: URL] = [:]

    public init() {}

    public func put(_ path: String, _ bytes: Data) {
        lock.withLock { made[path] = bytes }
    }

    public func copy(_ path: String, from source: URL) {
        lock.withLock { copied[path] = source }
    }

    /// Every made file by path.
    public var files: [String: Data] { lock.withLock { made } }
    /// Every copied file's source by path.
    public var copies: [String: URL] { lock.withLock { copied } }

    public subscript(path: String) -> Data? { lock.withLock { made[path] } }
}
