import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import MotCuaKit

/// A procedure with two forms gets one ZIP of them, streamed from the forms by both outputs.
@Suite struct FormBundleTests {
    static let procedureFile = "Content/thu-tuc/ho-tich.yml"
    static let zipPath = "bieu-mau/dang-ky-khai-sinh.zip"

    /// The golden site with a second form in its first procedure.
    static func siteWithTwoForms(second: Data?) throws -> TempSite {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("golden/input"))
        let text = try #require(site.read(procedureFile))
        let extra = "        bieu_mau: to-khai.docx\n        ban_chinh: 1\n      - ten: Giấy ủy quyền\n        bieu_mau: giấy ủy quyền.pdf\n"
        try site.write(procedureFile, text.replacingOccurrences(of: "        bieu_mau: to-khai.docx\n        ban_chinh: 1\n", with: extra))
        if let second { try site.write("Content/bieu-mau/giấy ủy quyền.pdf", second) }
        return site
    }

    static func inode(_ path: String) -> UInt {
        var info = stat()
        return stat(path, &info) == 0 ? UInt(info.st_ino) : 0
    }

    @Test("the build writes the bundle with the in-memory writer's bytes, and links it when unchanged")
    func buildWritesTheBundle() throws {
        let pdf = ZipArchiveTests.randomData(ZipArchive.chunkSize + 99)
        let site = try Self.siteWithTwoForms(second: pdf)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let output = site.root.appendingPathComponent("Output/" + Self.zipPath)
        let docx = try Data(contentsOf: site.root.appendingPathComponent("Content/bieu-mau/to-khai.docx"))
        let expected = ZipArchiveTests.oracle([("to-khai.docx", docx), ("giấy ủy quyền.pdf", pdf)])
        #expect(try Data(contentsOf: output) == expected)
        let first = Self.inode(output.path)

        let again = site.build()
        #expect(again.succeeded)
        #expect(Self.inode(output.path) == first, "an unchanged bundle is the old file, linked")
        #expect(again.stats?.changed == 0)

        try site.write("Content/bieu-mau/giấy ủy quyền.pdf", Data("PDF".utf8))
        #expect(site.build().succeeded)
        #expect(try Data(contentsOf: output) == ZipArchiveTests.oracle([("to-khai.docx", docx), ("giấy ủy quyền.pdf", Data("PDF".utf8))]))
    }

    @Test("the preview's output holds the bundle's recipe, not its bytes")
    func memoryOutputHoldsTheRecipe() throws {
        let site = try Self.siteWithTwoForms(second: Data("PDF".utf8))
        let output = MemoryOutput()
        var report = BuildAction.Report()
        let made = BuildAction(options: .init(root: site.root, date: CalendarDate(year: 2026, month: 11, day: 20))).make(into: output, &report)
        #expect(made != nil && !report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        #expect(output.files[Self.zipPath] == nil)
        let archive = try #require(output.archives[Self.zipPath])
        #expect(archive.entries.map(\.name) == ["to-khai.docx", "giấy ủy quyền.pdf"])
        #expect(archive.entries.allSatisfy { if case .file = $0.source { true } else { false } })
    }

    @Test("a bundle over the ZIP limit is left out with a warning at the procedure, its forms still published")
    func anOversizedBundleIsLeftOut() throws {
        let site = try Self.siteWithTwoForms(second: nil)
        // Two holes of 2.5 GiB: no disk, no time, and nothing of them is read by a build into memory.
        for name in ["to-khai.docx", "giấy ủy quyền.pdf"] {
            let fd = open(site.root.appendingPathComponent("Content/bieu-mau/" + name).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            #expect(ftruncate(fd, 5 << 29) == 0)
            close(fd)
        }
        let output = MemoryOutput()
        var report = BuildAction.Report()
        let made = BuildAction(options: .init(root: site.root, date: CalendarDate(year: 2026, month: 11, day: 20))).make(into: output, &report)
        #expect(made != nil)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        #expect(output.archives.isEmpty)
        #expect(output.copies["bieu-mau/giấy ủy quyền.pdf"] != nil)
        let warnings = report.diagnostics.all.filter { $0.id == .formBundleTooLarge }
        #expect(warnings.count == 1)
        let line = try #require(warnings.first?.description)
        #expect(line.hasPrefix("\(Self.procedureFile):4:"), "\(line)")
        #expect(line.contains("warning:") && line.contains(Self.zipPath) && line.contains("4 GiB") && line.contains("từng tệp một"), "\(line)")
        #expect(Array(line.utf8) == Array(VietnameseText.nfc(line).utf8))
    }
}
