import Foundation
import Testing
@testable import MotCuaKit

/// Each folder in Fixtures/bad/ is a small site (the `_base` site with the case's files laid over it) and
/// `expected.txt`, the exact diagnostics an editor would see. MOTCUA_RECORD=1 re-records them.
@Suite struct BadInputTests {
    static let folder = Fixtures.root.appendingPathComponent("bad")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }
            .sorted()
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func diagnosticsAreExactlyAsExpected(_ name: String) throws {
        let caseURL = Self.folder.appendingPathComponent(name)
        let site = try TempSite(copying: Self.folder.appendingPathComponent("_base"))
        try overlay(caseURL.appendingPathComponent("files"), onto: site.root)
        let report = site.build()
        let actual = report.diagnostics.lines.joined(separator: "\n") + "\n"
        let expectedURL = caseURL.appendingPathComponent("expected.txt")
        if Fixtures.recording || !FileManager.default.fileExists(atPath: expectedURL.path) {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "case \(name)")
        // An error never produces a half-written site.
        if report.diagnostics.hasErrors {
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        }
    }

    @Test func decomposedTextIsPublishedInNFC() throws {
        let site = try TempSite(copying: Self.folder.appendingPathComponent("_base"))
        try overlay(Self.folder.appendingPathComponent("nfd-normalised/files"), onto: site.root)
        #expect(site.build().succeeded)
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(page.contains("Đăng ký khai sinh"))
        #expect(page == page.precomposedStringWithCanonicalMapping)
    }

    @Test func aliasBombIsRejectedFast() throws {
        let site = try TempSite(copying: Self.folder.appendingPathComponent("_base"))
        try overlay(Self.folder.appendingPathComponent("yaml-alias-bomb/files"), onto: site.root)
        let start = ContinuousClock.now
        let report = site.build()
        #expect(report.diagnostics.hasErrors)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    func overlay(_ source: URL, onto root: URL) throws {
        let fm = FileManager.default
        guard let items = fm.enumerator(atPath: source.path) else { return }
        while let item = items.nextObject() as? String {
            let from = source.appendingPathComponent(item)
            let to = root.appendingPathComponent(item)
            let attributes = try fm.attributesOfItem(atPath: from.path)
            if attributes[.type] as? FileAttributeType == .typeDirectory { continue }
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: to)
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                try fm.createSymbolicLink(atPath: to.path, withDestinationPath: try fm.destinationOfSymbolicLink(atPath: from.path))
            } else {
                try fm.copyItem(at: from, to: to)
            }
        }
    }
}

extension BadInputTests {
    /// Text fields are data, never markup: every `<script>` an editor types is escaped on every page.
    @Test func htmlInTextFieldsIsEscapedEverywhere() throws {
        let site = try TempSite(copying: Self.folder.appendingPathComponent("_base"))
        try overlay(Self.folder.appendingPathComponent("html-in-every-field/files"), onto: site.root)
        // The fixture theme prints only some fields; the default theme prints them all.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Theme"))
        try FileManager.default.copyItem(at: Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Theme"),
                                         to: site.root.appendingPathComponent("Theme"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let output = site.root.appendingPathComponent("Output")
        let pages = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        #expect(pages.count > 10)
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            // Escaped text may still read "onerror=alert"; what must never appear is a live tag.
            for tag in ["<script>", "<img", "<b>", "<i>", "<div onclick", "<a href=javascript"] {
                #expect(!html.contains(tag), "\(page) contains \(tag)")
            }
        }
        let procedure = try String(contentsOf: output.appendingPathComponent("thu-tuc/dang-ky-khai-sinh-script-alert-ten-script/index.html"), encoding: .utf8)
        #expect(procedure.contains("&lt;script&gt;"))
    }
}
