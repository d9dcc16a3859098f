import Foundation
import Testing
@testable import MotCuaKit

/// The preview reuses parsed files and rendered pages between builds, and patches the last build when only
/// Markdown text changed. Whatever it reuses, what it serves must be exactly what a fresh build gives.
@Suite struct IncrementalBuildTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func render(_ site: TempSite, cache: IncrementalBuild?) throws -> [String: Data] {
        try build(site, cache: cache).files
    }

    static func options(_ site: TempSite) -> BuildAction.Options {
        BuildAction.Options(root: site.root, includeDrafts: true, date: CalendarDate(year: 2026, month: 11, day: 20))
    }

    func incremental(_ site: TempSite, settleSeconds: Int) -> IncrementalBuild {
        IncrementalBuild(options: Self.options(site), settleSeconds: settleSeconds)
    }

    /// Through `cache` (the preview's path), or a fresh build into memory when it is nil.
    func build(_ site: TempSite, cache: IncrementalBuild?, changes: KnownChanges? = nil, expectErrors: Bool = false) throws -> (files: [String: Data], remade: Int, diagnostics: Diagnostics) {
        let files: [String: Data], remade: Int, report: BuildAction.Report
        if let cache {
            let outcome = cache.rebuild(changes: changes)
            files = try #require(outcome.output).files
            (remade, report) = (outcome.remade, outcome.report)
        } else {
            var fresh = BuildAction.Report()
            let output = MemoryOutput()
            let made = try #require(BuildAction(options: Self.options(site)).make(into: output, &fresh))
            (files, remade, report) = (output.files, made.plan.pages.count, fresh)
        }
        if !expectErrors { #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)") }
        return (files, remade, report.diagnostics)
    }

    func sampleSite() throws -> TempSite {
        let site = try TempSite(copying: nil)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        return site
    }

    func expectSameAsFresh(_ site: TempSite, _ cached: [String: Data]) throws {
        let fresh = try render(site, cache: nil)
        #expect(cached.keys.sorted() == fresh.keys.sorted())
        let differing = fresh.keys.filter { cached[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "served differently from a fresh build: \(differing.prefix(5))")
    }

    @Test("edits through a cache give the same site as a fresh build", arguments: [
        ("Content/huong-dan/tra-cuu-ho-so.md", "Tra cứu tình trạng hồ sơ", "Tra cứu hồ sơ — đã sửa"),
        ("Content/thu-tuc/ho-tich.yml", "Đăng ký khai sinh", "Đăng ký khai sinh (sửa)"),
        ("Content/site.yml", "An Phú", "An Phú Mới"),
        ("Theme/templates/layout.mustache", "</footer>", "<p>Chân trang mới</p></footer>"),
        ("Content/viet-tat.yml", "PCTT: phòng, chống thiên tai", "PCTT: phòng chống thiên tai và tìm kiếm cứu nạn"),
    ])
    func cachedRebuildMatchesAFreshBuild(path: String, from: String, to: String) throws {
        // Stamps are trusted at once here (0 s) and, as files just written never are, not at all (3 s).
        for settle in [3, 0] {
            let site = try sampleSite()
            let cache = incremental(site, settleSeconds: settle)
            let before = try render(site, cache: cache)
            let text = try #require(site.read(path))
            #expect(text.contains(from), "the sample no longer has \(from) in \(path)")
            try site.write(path, text.replacingOccurrences(of: from, with: to))
            let cached = try render(site, cache: cache)
            try expectSameAsFresh(site, cached)
            let changed = cached.keys.filter { before[$0] != cached[$0] }
            #expect(!changed.isEmpty, "the edit changed nothing")
        }
    }

    @Test("a guide or free page whose Markdown text alone changed is the only page made again", arguments: [
        ("Content/huong-dan/tra-cuu-ho-so.md", "## Mã hồ sơ nằm ở đâu?", "## Mã hồ sơ ghi ở đâu?", "huong-dan/tra-cuu-ho-so/index.html"),
        ("Content/trang/gioi-thieu.md", "## Về trang thông tin này", "## Về trang này", "gioi-thieu/index.html"),
    ])
    func bodyEditPatchesOnePage(path: String, from: String, to: String, page: String) throws {
        let site = try sampleSite()
        let cache = incremental(site, settleSeconds: 0)
        let before = try build(site, cache: cache)
        let text = try #require(site.read(path))
        #expect(text.contains(from))
        try site.write(path, text.replacingOccurrences(of: from, with: to))
        let after = try build(site, cache: cache)
        #expect(after.remade == 1)
        try expectSameAsFresh(site, after.files)
        let changed = after.files.keys.filter { before.files[$0] != after.files[$0] }.sorted()
        #expect(changed == [page, "search-index.js"].sorted())
        #expect(String(decoding: after.files[page] ?? Data(), as: UTF8.self).contains(to.dropFirst(3)))
        // Nothing changed: nothing is made again, and the site is the same.
        let again = try build(site, cache: cache)
        #expect(again.remade == 0)
        #expect(again.files == after.files)
    }

    @Test("a broken link typed into a guide is reported by the patched build, and goes when fixed")
    func patchedBuildReportsAndClearsAnError() throws {
        let site = try sampleSite()
        let cache = incremental(site, settleSeconds: 0)
        _ = try build(site, cache: cache)
        let path = "Content/huong-dan/tra-cuu-ho-so.md"
        let text = try #require(site.read(path))
        try site.write(path, text + "\nXem [trang cũ](../khong-co-trang-nay.md).\n")
        let broken = try build(site, cache: cache, expectErrors: true)
        #expect(broken.remade == 1)
        let errors = broken.diagnostics.all.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == path)
        #expect(errors.first?.location.line == text.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        try site.write(path, text)
        let fixed = try build(site, cache: cache)
        #expect(fixed.remade == 1)
        #expect(!fixed.diagnostics.hasErrors)
        try expectSameAsFresh(site, fixed.files)
    }

    @Test("a new guide, a removed guide and a changed form go through the whole build, same as a fresh one")
    func addedAndRemovedFiles() throws {
        let site = try sampleSite()
        let cache = incremental(site, settleSeconds: 0)
        let before = try build(site, cache: cache)
        let guide = try #require(site.read("Content/huong-dan/tra-cuu-ho-so.md"))
        try site.write("Content/huong-dan/tra-cuu-ho-so-2.md", guide.replacingOccurrences(of: "tieu_de: Tra cứu tình trạng hồ sơ", with: "tieu_de: Tra cứu hồ sơ lần hai"))
        let added = try build(site, cache: cache)
        #expect(added.remade == added.files.keys.filter { $0.hasSuffix(".html") }.count)
        #expect(added.files["huong-dan/tra-cuu-ho-so-2/index.html"] != nil)
        try expectSameAsFresh(site, added.files)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/huong-dan/tra-cuu-ho-so-2.md"))
        let removed = try build(site, cache: cache)
        #expect(removed.files == before.files)
        let forms = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("Content/bieu-mau").path).sorted()
        let form = try #require(forms.first)
        let formURL = site.root.appendingPathComponent("Content/bieu-mau/\(form)")
        var bytes = try Data(contentsOf: formURL)
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: formURL)
        let reformed = try build(site, cache: cache)
        try expectSameAsFresh(site, reformed.files)
    }

    @Test("with the watcher's list of changes, edits, additions, removals and renames give the fresh site, and only listed files are looked at")
    func knownChanges() throws {
        let site = try sampleSite()
        let cache = incremental(site, settleSeconds: 0)
        _ = try build(site, cache: cache)
        let guide = try #require(site.read("Content/huong-dan/tra-cuu-ho-so.md"))
        try site.write("Content/huong-dan/tra-cuu-ho-so.md", guide.replacingOccurrences(of: "## Mã hồ sơ nằm ở đâu?", with: "## Mã hồ sơ ghi ở đâu?"))
        let edited = try build(site, cache: cache, changes: KnownChanges(["Content/huong-dan/tra-cuu-ho-so.md"]))
        #expect(edited.remade == 1)
        try expectSameAsFresh(site, edited.files)

        try site.write("Content/huong-dan/tra-cuu-ho-so-2.md", guide.replacingOccurrences(of: "tieu_de: Tra cứu tình trạng hồ sơ", with: "tieu_de: Tra cứu hồ sơ lần hai"))
        let added = try build(site, cache: cache, changes: KnownChanges(["Content/huong-dan/tra-cuu-ho-so-2.md"]))
        #expect(added.files["huong-dan/tra-cuu-ho-so-2/index.html"] != nil)
        try expectSameAsFresh(site, added.files)

        let folder = site.root.appendingPathComponent("Content/huong-dan")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("tra-cuu-ho-so-2.md"), to: folder.appendingPathComponent("tra-cuu-ho-so-3.md"))
        let renamed = try build(site, cache: cache, changes: KnownChanges(["Content/huong-dan/tra-cuu-ho-so-2.md", "Content/huong-dan/tra-cuu-ho-so-3.md"]))
        #expect(renamed.files["huong-dan/tra-cuu-ho-so-2/index.html"] == nil)
        #expect(renamed.files["huong-dan/tra-cuu-ho-so-3/index.html"] != nil)
        try expectSameAsFresh(site, renamed.files)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("tra-cuu-ho-so-3.md"))
        let removed = try build(site, cache: cache, changes: KnownChanges(["Content/huong-dan/tra-cuu-ho-so-3.md"]))
        #expect(removed.files["huong-dan/tra-cuu-ho-so-3/index.html"] == nil)
        try expectSameAsFresh(site, removed.files)

        // A file the list does not name is taken as unchanged; a rebuild without a list finds the edit,
        // and so does one whose list names the folder (events were lost in it).
        let other = try #require(site.read("Content/huong-dan/dang-ky-tai-khoan.md"))
        try site.write("Content/huong-dan/dang-ky-tai-khoan.md", other + "\nMột đoạn thêm vào cuối.\n")
        let unlisted = try build(site, cache: cache, changes: KnownChanges([]))
        #expect(unlisted.files == removed.files)
        let whole = try build(site, cache: cache, changes: KnownChanges(["Content/huong-dan"]))
        #expect(whole.files["huong-dan/dang-ky-tai-khoan/index.html"] != removed.files["huong-dan/dang-ky-tai-khoan/index.html"])
        try expectSameAsFresh(site, whole.files)
    }

    @Test("a folder holding a symbolic link is always looked at whole: an edit of the link's target names no file in it")
    func linkedGuideIgnoresTheList() throws {
        let site = try sampleSite()
        let cache = incremental(site, settleSeconds: 0)
        let target = site.root.appendingPathComponent("Content/elsewhere.md")
        let guide = try #require(site.read("Content/huong-dan/tra-cuu-ho-so.md"))
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/huong-dan/tra-cuu-ho-so.md"), to: target)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/huong-dan/tra-cuu-ho-so.md").path,
                                                   withDestinationPath: target.path)
        _ = try build(site, cache: cache)
        try Data(guide.replacingOccurrences(of: "## Mã hồ sơ nằm ở đâu?", with: "## Mã hồ sơ ghi ở đâu?").utf8).write(to: target)
        let after = try build(site, cache: cache, changes: KnownChanges([]))
        #expect(String(decoding: after.files["huong-dan/tra-cuu-ho-so/index.html"] ?? Data(), as: UTF8.self).contains("Mã hồ sơ ghi ở đâu?"))
        try expectSameAsFresh(site, after.files)
    }
}
