import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import MotCuaKit

@Suite struct ZipArchiveTests {
    /// The bit-by-bit definition of CRC-32 (IEEE 802.3), against which the table-driven one is checked.
    static func referenceCRC(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The in-memory writer the streamed one replaced, kept here as the oracle: same inputs, same bytes.
    static func oracle(_ entries: [(name: String, data: Data)]) -> Data {
        var out = Data()
        var central = Data()
        let dosTime: UInt16 = 0
        let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
        for entry in entries {
            let name = Data(entry.name.utf8)
            let crc = referenceCRC(entry.data)
            let offset = UInt32(out.count)
            var local = Data()
            local.append(le32: 0x0403_4B50)
            local.append(le16: 20)
            local.append(le16: 0x0800)
            local.append(le16: 0)
            local.append(le16: dosTime)
            local.append(le16: dosDate)
            local.append(le32: crc)
            local.append(le32: UInt32(entry.data.count))
            local.append(le32: UInt32(entry.data.count))
            local.append(le16: UInt16(name.count))
            local.append(le16: 0)
            out.append(local)
            out.append(name)
            out.append(entry.data)

            central.append(le32: 0x0201_4B50)
            central.append(le16: 20)
            central.append(le16: 20)
            central.append(le16: 0x0800)
            central.append(le16: 0)
            central.append(le16: dosTime)
            central.append(le16: dosDate)
            central.append(le32: crc)
            central.append(le32: UInt32(entry.data.count))
            central.append(le32: UInt32(entry.data.count))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le16: 0)
            central.append(le32: 0o100644 << 16)
            central.append(le32: offset)
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32: 0x0605_4B50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(entries.count))
        out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(central.count))
        out.append(le32: centralOffset)
        out.append(le16: 0)
        return out
    }

    static func randomData(_ size: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var data = Data(count: size)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            var i = 0
            while i < size {
                let word = generator.next() as UInt64
                for k in 0..<min(8, size - i) { raw[i + k] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(k))) }
                i += 8
            }
        }
        return data
    }

    static func tempFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A file of `size` bytes that takes no disk and no time: a hole, read as zeros.
    static func sparseFile(_ url: URL, size: Int) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(ftruncate(fd, off_t(size)) == 0)
    }

    /// The streamed archive of these entries, written to a file through a descriptor as the build does.
    static func streamed(_ archive: ZipArchive, in dir: URL) throws -> Data {
        let file = dir.appendingPathComponent("out-\(UUID().uuidString).zip")
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        try archive.write(to: fd, path: file.path)
        close(fd)
        return try Data(contentsOf: file)
    }

    @Test("CRC-32 gives the standard check value and agrees with the bitwise definition")
    func crcMatchesTheStandard() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32(Data()) == 0)
        for size in [1, 7, 255, 4_096, 100_003] {
            let data = Self.randomData(size)
            #expect(ZipArchive.crc32(data) == Self.referenceCRC(data), "size \(size)")
        }
    }

    @Test("the streamed archive has the in-memory writer's bytes, from files and from memory")
    func streamedBytesMatchTheOracle() throws {
        let dir = try Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chunk = ZipArchive.chunkSize
        let inputs: [[(name: String, size: Int)]] = [
            [],
            [("một.docx", 0)],
            [("tờ khai.docx", 50_000), ("giấy ủy quyền.pdf", 3)],
            [("a", chunk - 1), ("b", chunk), ("c", chunk + 1), ("d", 0), ("Đơn đề nghị.xlsx", 3 * chunk + 5)],
        ]
        for (n, input) in inputs.enumerated() {
            var contents: [(name: String, data: Data)] = []
            var fromFiles: [ZipArchive.Entry] = []
            var fromMemory: [ZipArchive.Entry] = []
            for (i, item) in input.enumerated() {
                let data = Self.randomData(item.size)
                let url = dir.appendingPathComponent("\(n)-\(i)")
                try data.write(to: url)
                contents.append((item.name, data))
                fromFiles.append(.init(name: item.name, source: url))
                fromMemory.append(.init(name: item.name, data: data))
            }
            let expected = Self.oracle(contents)
            let archive = ZipArchive(entries: fromFiles)
            #expect(try archive.byteCount() == expected.count, "input \(n)")
            #expect(try Self.streamed(archive, in: dir) == expected, "input \(n), from files")
            #expect(try ZipArchive(entries: fromMemory).bytes() == expected, "input \(n), from memory")
            // Every piece is bounded by the chunk size, whatever the files' sizes.
            let reader = try archive.reader()
            while let piece = try reader.next() { #expect(!piece.isEmpty && piece.count <= chunk) }
        }
    }

    @Test("an archive of forms passes Python's zipfile check and unzip -t, names, sizes and bytes intact")
    func archiveTestsClean() throws {
        let dir = try Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let form = Self.randomData(2 * ZipArchive.chunkSize + 17)
        try form.write(to: dir.appendingPathComponent("form"))
        try Data("PDF".utf8).write(to: dir.appendingPathComponent("pdf"))
        let zip = ZipArchive(entries: [.init(name: "tờ khai.docx", source: dir.appendingPathComponent("form")),
                                       .init(name: "giấy ủy quyền.pdf", source: dir.appendingPathComponent("pdf"))])
        let file = dir.appendingPathComponent("bieu-mau.zip")
        try Self.streamed(zip, in: dir).write(to: file)
        let python = try Self.run("/usr/bin/python3", ["-c", """
            import sys, zipfile, zlib
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(";".join(f"{i.filename}={i.file_size}:{zlib.crc32(z.read(i)):08x}" for i in z.infolist()))
            """, file.path])
        #expect(python.status == 0, "\(python.output)")
        let crc = String(ZipArchive.crc32(form), radix: 16).leftPadded(8)
        #expect(python.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "tờ khai.docx=\(form.count):\(crc);giấy ủy quyền.pdf=3:\(String(ZipArchive.crc32(Data("PDF".utf8)), radix: 16).leftPadded(8))")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            let unzip = try Self.run("/usr/bin/unzip", ["-t", file.path])
            #expect(unzip.status == 0, "\(unzip.output)")
        }
    }

    @Test("an archive past the 32-bit limits is refused before anything is read, at exactly the limit")
    func limitsAreRefusedNotOverflowed() throws {
        let dir = try Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two holes whose archive is exactly 4 GiB - 1 bytes: the largest the format describes.
        let names = ["a.pdf", "b.pdf"]
        let overhead = 22 + names.reduce(0) { $0 + 30 + 46 + 2 * $1.utf8.count }
        let first = (ZipArchive.maxBytes - overhead) / 2
        let second = ZipArchive.maxBytes - overhead - first
        try Self.sparseFile(dir.appendingPathComponent("a"), size: first)
        try Self.sparseFile(dir.appendingPathComponent("b"), size: second)
        let fits = ZipArchive(entries: [.init(name: names[0], source: dir.appendingPathComponent("a")),
                                        .init(name: names[1], source: dir.appendingPathComponent("b"))])
        #expect(try fits.byteCount() == ZipArchive.maxBytes)
        try Self.sparseFile(dir.appendingPathComponent("b"), size: second + 1)
        #expect(throws: ZipArchive.Problem.tooLarge(ZipArchive.maxBytes + 1)) { try fits.byteCount() }
        #expect(throws: ZipArchive.Problem.tooLarge(ZipArchive.maxBytes + 1)) { try fits.reader() }
        // One entry of 4 GiB alone.
        try Self.sparseFile(dir.appendingPathComponent("c"), size: 1 << 32)
        #expect(throws: ZipArchive.Problem.self) { try ZipArchive(entries: [.init(name: "c", source: dir.appendingPathComponent("c"))]).byteCount() }
        // 65,535 entries would need ZIP64's count.
        let many = ZipArchive(entries: (0...ZipArchive.maxEntries).map { .init(name: "\($0)", data: Data()) })
        #expect(throws: ZipArchive.Problem.tooManyEntries(ZipArchive.maxEntries + 1)) { try many.byteCount() }
        var most = many
        most.entries.removeLast()
        #expect(try most.bytes().count == most.byteCount())
    }

    @Test("a form cut while it is zipped fails the archive instead of giving wrong bytes")
    func aFileCutMidwayFails() throws {
        let dir = try Self.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("form")
        try Self.randomData(3 * ZipArchive.chunkSize).write(to: url)
        let reader = try ZipArchive(entries: [.init(name: "form", source: url), .init(name: "x", data: Data("x".utf8))]).reader()
        _ = try reader.next()  // the local header, after the CRC pass
        #expect(truncate(url.path, off_t(ZipArchive.chunkSize)) == 0)
        #expect(throws: ZipArchive.Problem.changed(url.path)) { while try reader.next() != nil {} }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
