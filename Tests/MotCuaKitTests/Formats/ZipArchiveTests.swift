import Foundation
import Testing
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

    @Test("CRC-32 gives the standard check value and agrees with the bitwise definition")
    func crcMatchesTheStandard() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32(Data()) == 0)
        var generator = SystemRandomNumberGenerator()
        for size in [1, 7, 255, 4_096, 100_003] {
            let data = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(ZipArchive.crc32(data) == Self.referenceCRC(data), "size \(size)")
        }
    }

    @Test("an archive of forms passes Python's zipfile check, names and sizes intact")
    func archiveTestsClean() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let form = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let zip = ZipArchive(entries: [.init(name: "tờ khai.docx", data: form), .init(name: "giấy ủy quyền.pdf", data: Data("PDF".utf8))])
        let file = dir.appendingPathComponent("bieu-mau.zip")
        try zip.bytes().write(to: file)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(";".join(f"{i.filename}={i.file_size}" for i in z.infolist()))
            """, file.path]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "tờ khai.docx=50000;giấy ủy quyền.pdf=3")
    }
}
