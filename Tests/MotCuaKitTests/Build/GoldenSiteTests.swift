import Foundation
import Testing
@testable import MotCuaKit

/// Builds Fixtures/golden/input and compares every written file with Fixtures/golden/expected.
/// A missing expected folder, or MOTCUA_RECORD=1, records it (then review the diff in git).
@Suite struct GoldenSiteTests {
    @Test func wholeSiteMatchesTheRecordedOutput() throws {
        let golden = Fixtures.root.appendingPathComponent("golden")
        let site = try TempSite(copying: golden.appendingPathComponent("input"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let output = site.root.appendingPathComponent("Output")
        let expected = golden.appendingPathComponent("expected")
        let actualFiles = try files(in: output)
        if Fixtures.recording || !FileManager.default.fileExists(atPath: expected.path) {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.copyItem(at: output, to: expected)
            return
        }
        #expect(actualFiles == (try files(in: expected)))
        for file in actualFiles {
            let a = FileManager.default.contents(atPath: output.appendingPathComponent(file).path)
            let e = FileManager.default.contents(atPath: expected.appendingPathComponent(file).path)
            #expect(a == e, "\(file) differs from the recorded output")
        }
    }

    @Test func linksAreRelativeAndWorkFromDisk() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("golden/input"))
        #expect(site.build().succeeded)
        let guide = try #require(site.read("Output/huong-dan/nop-ho-so/index.html"))
        #expect(guide.contains("href=\"../../thu-tuc/dang-ky-khai-sinh/index.html\""))
        #expect(guide.contains("href=\"../../lien-he/index.html#dia-chi\""))
        #expect(!guide.contains("<script>alert"))
        let procedure = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(!procedure.contains("href=\"/"))
    }

    func files(in folder: URL) throws -> [String] {
        var result: [String] = []
        let e = FileManager.default.enumerator(atPath: folder.path)
        while let item = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(item).path, isDirectory: &isDir)
            // The output marker is git-ignored, so a fresh clone's expected folder lacks it.
            if !isDir.boolValue, item != OutputWriter.markerName { result.append(item) }
        }
        return result.sorted()
    }
}
