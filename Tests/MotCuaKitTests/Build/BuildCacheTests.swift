import Foundation
import Testing
@testable import MotCuaKit

/// The preview reuses parsed files, radio texts and rendered pages between builds. Whatever it reuses, what it
/// serves must be exactly what a fresh build of the same files gives.
@Suite struct BuildCacheTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func render(_ site: TempSite, cache: BuildCache?) throws -> [String: Data] {
        var report = BuildAction.Report()
        let options = BuildAction.Options(root: site.root, includeDrafts: true, date: CalendarDate(year: 2026, month: 11, day: 20))
        let rendered = try #require(BuildAction(options: options).render(&report, cache: cache))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        return Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.bytes) })
    }

    @Test("edits through a cache give the same site as a fresh build", arguments: [
        ("Content/huong-dan/tra-cuu-ho-so.md", "Tra cứu tình trạng hồ sơ", "Tra cứu hồ sơ — đã sửa"),
        ("Content/thu-tuc/ho-tich.yml", "Đăng ký khai sinh", "Đăng ký khai sinh (sửa)"),
        ("Content/site.yml", "An Phú", "An Phú Mới"),
        ("Theme/templates/layout.mustache", "</footer>", "<p>Chân trang mới</p></footer>"),
        ("Content/viet-tat.yml", "PCTT: phòng, chống thiên tai", "PCTT: phòng chống thiên tai và tìm kiếm cứu nạn"),
    ])
    func cachedRebuildMatchesAFreshBuild(path: String, from: String, to: String) throws {
        let site = try TempSite(copying: nil)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        let cache = BuildCache()
        let before = try render(site, cache: cache)
        let text = try #require(site.read(path))
        #expect(text.contains(from), "the sample no longer has \(from) in \(path)")
        try site.write(path, text.replacingOccurrences(of: from, with: to))
        let cached = try render(site, cache: cache)
        let fresh = try render(site, cache: nil)
        #expect(cached.keys.sorted() == fresh.keys.sorted())
        let differing = fresh.keys.filter { cached[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "served differently from a fresh build: \(differing.prefix(5))")
        let changed = fresh.keys.filter { before[$0] != fresh[$0] }
        #expect(!changed.isEmpty, "the edit changed nothing")
    }
}
