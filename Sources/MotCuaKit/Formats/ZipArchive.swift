import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A ZIP of files (stored entries, no compression), written by streaming: forms are already compressed (DOCX,
/// XLSX) or small, and a fixed timestamp keeps the archive's bytes identical between builds.
///
/// The value is only the recipe — each entry's name and where its bytes are — so an output can hold it and
/// write or serve it later. `reader()` hands the archive out in pieces of at most `chunkSize` bytes: what a
/// bundle costs in memory is a chunk, not its forms. The local header, which comes before an entry's data,
/// carries the data's CRC-32, so each file is read twice: once for the CRC, then for the data.
///
/// Plain (32-bit) ZIP only: an archive over 4 GiB or with 65,535 entries or more is refused
/// (`Problem.tooLarge`, `.tooManyEntries`) before anything is written, never cut or overflowed.
public struct ZipArchive: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case file(URL)
        case bytes(Data)
    }

    public struct Entry: Sendable, Equatable {
        public var name: String
        public var source: Source

        public init(name: String, source: URL) {
            self.name = name
            self.source = .file(source)
        }

        public init(name: String, data: Data) {
            self.name = name
            self.source = .bytes(data)
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The most bytes a piece of the archive, or a read of one of its files, holds.
    public static let chunkSize = 1 << 20
    /// The largest archive the 32-bit offsets and sizes describe.
    public static let maxBytes = Int(UInt32.max)
    /// 0xFFFF in the entry count means "see the ZIP64 record", so one fewer is the most.
    public static let maxEntries = Int(UInt16.max) - 1

    public enum Problem: Error, Equatable, CustomStringConvertible, LocalizedError {
        /// The archive would have this many bytes, over `maxBytes`.
        case tooLarge(Int)
        /// More entries than `maxEntries`.
        case tooManyEntries(Int)
        /// A file that could not be read (its path and the system's reason).
        case unreadable(String, String)
        /// A file whose size or time changed while it was read.
        case changed(String)

        public var description: String {
            switch self {
            case .tooLarge(let bytes):
                return "tệp ZIP sẽ có \(bytes) byte, quá giới hạn 4 GiB của định dạng ZIP"
            case .tooManyEntries(let count):
                return "tệp ZIP sẽ có \(count) tệp, quá giới hạn \(ZipArchive.maxEntries) tệp của định dạng ZIP"
            case .unreadable(let path, let reason):
                return "không đọc được \(path) (\(reason))"
            case .changed(let path):
                return "tệp \(path) bị sửa trong lúc đang được đọc; hãy build lại"
            }
        }

        public var errorDescription: String? { description }
    }

    /// The archive's size in bytes, from its entries' sizes alone (no file is read); throws when the archive
    /// would break the format's limits or a file is missing.
    public func byteCount() throws -> Int {
        try layout().total
    }

    /// Every entry's data size, and the archive's.
    func layout() throws -> (sizes: [Int], total: Int) {
        guard entries.count <= Self.maxEntries else { throw Problem.tooManyEntries(entries.count) }
        var sizes: [Int] = []
        var total = 22  // end of central directory
        for entry in entries {
            let size: Int
            switch entry.source {
            case .bytes(let data): size = data.count
            case .file(let url): size = try ChunkedFile.size(of: url.path)
            }
            let name = entry.name.utf8.count
            sizes.append(size)
            total += 30 + name + size + 46 + name
            // A name's length is 16 bits; file names are far shorter, but a longer one is refused, not cut.
            guard total <= Self.maxBytes, name <= Int(UInt16.max) else { throw Problem.tooLarge(total) }
        }
        return (sizes, total)
    }

    /// The archive's bytes in order, a piece at a time.
    public func reader() throws -> Reader {
        let layout = try layout()
        return Reader(entries: entries, sizes: layout.sizes, byteCount: layout.total)
    }

    /// Writes the whole archive to an open file descriptor, a chunk at a time.
    public func write(to fd: Int32, path: String) throws {
        let reader = try reader()
        while let chunk = try reader.next() { try ChunkedFile.writeAll(chunk, to: fd, path: path) }
    }

    /// The whole archive as bytes: for small archives made in memory (the sample form of `motcua new`).
    public func bytes() throws -> Data {
        let reader = try reader()
        var out = Data(capacity: reader.byteCount)
        while let chunk = try reader.next() { out.append(chunk) }
        return out
    }

    /// Hands the archive out as pieces: each entry's local header, its data in chunks, then the central
    /// directory and its end record. One thread at a time (the preview moves it between threads, one call
    /// after another).
    public final class Reader: @unchecked Sendable {
        /// The archive's size, known before any file is read (an HTTP Content-Length).
        public let byteCount: Int
        private let entries: [Entry]
        private let sizes: [Int]
        private var index = 0
        private var offset = 0
        private var central = Data()
        private var file: ChunkedFile?
        private var data: Data?
        private var remaining = 0
        private var finished = false

        init(entries: [Entry], sizes: [Int], byteCount: Int) {
            self.entries = entries
            self.sizes = sizes
            self.byteCount = byteCount
        }

        /// The next piece (at most `chunkSize` bytes, never empty), or nil at the end.
        public func next() throws -> Data? {
            if remaining > 0 { return try nextData() }
            if index < entries.count { return try startEntry() }
            guard !finished else { return nil }
            finished = true
            var end = central
            end.append(le32: 0x0605_4B50)
            end.append(le16: 0)
            end.append(le16: 0)
            end.append(le16: UInt16(entries.count))
            end.append(le16: UInt16(entries.count))
            end.append(le32: UInt32(central.count))
            end.append(le32: UInt32(offset))
            end.append(le16: 0)
            offset += end.count
            central = Data()
            return end
        }

        /// 1980-01-01 00:00 in DOS format: the archive depends only on its contents.
        private static let dosTime: UInt16 = 0
        private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

        /// The entry's CRC over its whole data (the first read of a file), then its local header.
        private func startEntry() throws -> Data {
            let entry = entries[index], size = sizes[index]
            let crc: UInt32
            switch entry.source {
            case .bytes(let bytes):
                crc = ZipArchive.crc32(bytes)
                data = bytes
            case .file(let url):
                let opened = try ChunkedFile(url)
                guard opened.size == size else { throw Problem.changed(url.path) }
                crc = try opened.crc32()
                try opened.rewind()
                file = opened
            }
            index += 1
            remaining = size
            let name = Data(entry.name.utf8)
            // Every value below is in range: `layout` refused any archive over the 32-bit limits.
            var local = Data()
            local.append(le32: 0x0403_4B50)
            local.append(le16: 20)          // version needed
            local.append(le16: 0x0800)      // UTF-8 names
            local.append(le16: 0)           // stored
            local.append(le16: Self.dosTime)
            local.append(le16: Self.dosDate)
            local.append(le32: crc)
            local.append(le32: UInt32(size))
            local.append(le32: UInt32(size))
            local.append(le16: UInt16(name.count))
            local.append(le16: 0)
            local.append(name)

            central.append(le32: 0x0201_4B50)
            central.append(le16: 20)
            central.append(le16: 20)
            central.append(le16: 0x0800)
            central.append(le16: 0)
            central.append(le16: Self.dosTime)
            central.append(le16: Self.dosDate)
            central.append(le32: crc)
            central.append(le32: UInt32(size))
            central.append(le32: UInt32(size))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le32: 0o100644 << 16)
            central.append(le32: UInt32(offset))
            central.append(name)
            offset += local.count + size
            if size == 0 { finishEntry() }
            return local
        }

        private func nextData() throws -> Data {
            let count = min(remaining, ZipArchive.chunkSize)
            let chunk: Data
            if let file {
                chunk = try file.read(count)
            } else {
                let bytes = data!
                let start = bytes.startIndex + (bytes.count - remaining)
                chunk = bytes.subdata(in: start..<start + count)
            }
            remaining -= count
            if remaining == 0 {
                // A file rewritten while it was read would give data that does not match its CRC.
                if let file, !file.isUnchanged { throw Problem.changed(file.path) }
                finishEntry()
            }
            return chunk
        }

        private func finishEntry() {
            file = nil
            data = nil
        }
    }

    static let crcTable: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { crc32(continuing: 0, $0) }
    }

    /// The CRC of `crc`'s bytes followed by `bytes` (start from 0), over the raw bytes with the table borrowed
    /// once: Data's iterator costs far more per byte, and every byte of every form is summed.
    static func crc32(continuing crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = crc ^ 0xFFFF_FFFF
        crcTable.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
