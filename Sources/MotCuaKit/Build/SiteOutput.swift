import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a build's files go, each handed over as soon as it is made (pages from both cores at once).
/// Two implementations: `OutputWriter.Session` (`motcua build`: a staging folder swapped in whole at the
/// end) and `MemoryOutput` (the preview and tests: made files in memory, the others by where they come from).
public protocol SiteOutput: AnyObject, Sendable {
    /// A file made by the build, at a path relative to the site root ("thu-tuc/x/index.html").
    func put(_ path: String, _ bytes: Data)
    /// A file published as it is (theme assets, forms), read from `source`.
    func copy(_ path: String, from source: URL)
    /// A ZIP of files (a procedure's forms), written by streaming from its entries' sources: never held whole.
    func zip(_ path: String, _ archive: ZipArchive)
}

/// The site in memory: made files as bytes, copied files by their source and ZIPs by their recipe (both read
/// when served, a chunk at a time).
public final class MemoryOutput: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Data] = [:]
    private var copied: [String: URL] = [:]
    private var zipped: [String: ZipArchive] = [:]

    public init() {}

    public func put(_ path: String, _ bytes: Data) {
        lock.withLock { made[path] = bytes }
    }

    public func copy(_ path: String, from source: URL) {
        lock.withLock { copied[path] = source }
    }

    public func zip(_ path: String, _ archive: ZipArchive) {
        lock.withLock { zipped[path] = archive }
    }

    /// Every made file by path.
    public var files: [String: Data] { lock.withLock { made } }
    /// Every copied file's source by path.
    public var copies: [String: URL] { lock.withLock { copied } }
    /// Every ZIP's recipe by path.
    public var archives: [String: ZipArchive] { lock.withLock { zipped } }

    public subscript(path: String) -> Data? { lock.withLock { made[path] } }
}

/// A file read in order, at most `ZipArchive.chunkSize` bytes at a time: how forms and assets are copied, zipped
/// and served without ever being held whole. Exactly the size it had when opened is read (a file cut short
/// meanwhile is an error, bytes added are not read), so a length announced beforehand holds. One thread at a
/// time; the descriptor closes with the value.
public final class ChunkedFile: @unchecked Sendable {
    public let path: String
    /// The size when opened: the bytes the reads give in all.
    public let size: Int
    private let fd: Int32
    private let opened: stat
    private var position = 0

    public init(_ url: URL) throws {
        path = url.path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ZipArchive.Problem.unreadable(url.path, SystemError.reason(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = SystemError.reason(errno)
            Glibc.close(fd)
            throw ZipArchive.Problem.unreadable(url.path, reason)
        }
        opened = info
        size = Int(info.st_size)
    }

    deinit { Glibc.close(fd) }

    /// A file's size without opening it.
    static func size(of path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ZipArchive.Problem.unreadable(path, SystemError.reason(errno)) }
        return Int(info.st_size)
    }

    /// The next `count` bytes (at most a chunk, and no further than `size`).
    public func read(_ count: Int) throws -> Data {
        var chunk = Data(count: min(count, ZipArchive.chunkSize, size - position))
        try chunk.withUnsafeMutableBytes { try fill($0) }
        return chunk
    }

    /// The next piece of the file, or nil once `size` bytes were read.
    public func next() throws -> Data? {
        position == size ? nil : try read(ZipArchive.chunkSize)
    }

    /// The CRC-32 of the rest of the file, read through one chunk-sized buffer.
    func crc32() throws -> UInt32 {
        var crc: UInt32 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipArchive.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while position < size {
            let part = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, size - position)])
            try fill(part)
            crc = ZipArchive.crc32(continuing: crc, UnsafeRawBufferPointer(part))
        }
        return crc
    }

    func rewind() throws {
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw ZipArchive.Problem.unreadable(path, SystemError.reason(errno)) }
        position = 0
    }

    /// True while the file has the size and modification time it had when opened.
    var isUnchanged: Bool {
        var now = stat()
        return fstat(fd, &now) == 0 && now.st_size == opened.st_size
            && now.st_mtim.tv_sec == opened.st_mtim.tv_sec && now.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
    }

    /// Fills `buffer` from the file; a file that ends first was cut since it was opened.
    private func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        var got = 0
        while got < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + got, buffer.count - got)
            if n < 0 {
                if errno == EINTR { continue }
                throw ZipArchive.Problem.unreadable(path, SystemError.reason(errno))
            }
            if n == 0 { throw ZipArchive.Problem.changed(path) }
            got += n
        }
        position += got
    }

    /// Copies the rest of the file to a new file at `target`.
    func copy(to target: String) throws {
        let out = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard out >= 0 else { throw OutputWriter.failure(target, errno) }
        defer { Glibc.close(out) }
        while let chunk = try next() { try Self.writeAll(chunk, to: out, path: target) }
    }

    /// Whether two files have the same bytes, compared a chunk at a time (sizes first).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let first = try? ChunkedFile(URL(fileURLWithPath: a)), let second = try? ChunkedFile(URL(fileURLWithPath: b)),
              first.size == second.size else { return false }
        do {
            while let x = try first.next() {
                guard x == (try second.next()) else { return false }
            }
            return true
        } catch {
            return false
        }
    }

    static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputWriter.failure(path, errno)
                }
                offset += n
            }
        }
    }
}
