import Foundation
import Testing
@testable import MotCuaKit

@Suite struct ServiceLevelTests {
    @Test func legacyLevelsReadInTheDecree42Scheme() {
        #expect(ServiceLevel.legacy(1).nd42 == .informationOnly)
        #expect(ServiceLevel.legacy(2).nd42 == .informationOnly)
        #expect(ServiceLevel.legacy(3).nd42 == .partlyOnline)
        #expect(ServiceLevel.legacy(4).nd42 == .fullyOnline)
    }

    @Test func decree42LevelsReadInTheLegacyScheme() {
        #expect(ServiceLevel.fullyOnline.legacyLevel(hasForms: false) == 4)
        #expect(ServiceLevel.partlyOnline.legacyLevel(hasForms: true) == 3)
        #expect(ServiceLevel.informationOnly.legacyLevel(hasForms: true) == 2)
        #expect(ServiceLevel.informationOnly.legacyLevel(hasForms: false) == 1)
    }

    @Test func badgesFollowTheSiteScheme() {
        #expect(LevelBadge.badge(for: .legacy(4), scheme: .nd42, hasForms: true).label == "Toàn trình")
        #expect(LevelBadge.badge(for: .partlyOnline, scheme: .legacy, hasForms: true).label == "Mức độ 3")
        #expect(LevelBadge.badge(for: .informationOnly, scheme: .legacy, hasForms: false).label == "Mức độ 1")
    }
}

/// Each truthfulness rule: a warning by default and an error under --strict, at the entry's `muc_do`.
@Suite struct TruthfulLevelTests {
    static let base = """
        linh_vuc: Hộ tịch
        thu_tuc:
          - ma: "1.000001"
            ten: Thủ tục thử
        """

    func site(_ entry: String, scheme: String = "nd42") throws -> TempSite {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/site.yml", "ten: Xã Thử\nmuc_do: \(scheme)\n")
        try site.write("Content/thu-tuc/ho-tich.yml", Self.base + "\n" + entry)
        try site.write("Content/bieu-mau/to-khai.docx", "x")
        return site
    }

    static let rules: [(id: String, scheme: String, entry: String, line: Int)] = [
        ("level-needs-form", "legacy", "    muc_do: 2\n", 5),
        ("level-needs-online-link", "nd42", "    muc_do: mot-phan\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n", 5),
        ("level-needs-online-link", "legacy", "    muc_do: 3\n    nop_truc_tuyen: http://dvc.example.vn/nop\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n", 6),
        ("level-needs-payment", "legacy", "    muc_do: 4\n    nop_truc_tuyen: https://dvc.example.vn/nop\n    cach_thuc:\n      - hinh_thuc: truc-tuyen\n        le_phi: 8000\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n", 5),
        ("level-needs-online-result", "nd42", "    muc_do: toan-trinh\n    nop_truc_tuyen: https://dvc.example.vn/nop\n    nhan_ket_qua: [truc-tiep]\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n", 5),
    ]

    @Test(arguments: rules.indices)
    func ruleWarnsAndIsAnErrorUnderStrict(_ index: Int) throws {
        let rule = Self.rules[index]
        let lenient = try site(rule.entry, scheme: rule.scheme).build()
        let warning = try #require(lenient.diagnostics.all.first { $0.id.rawValue == rule.id })
        #expect(warning.severity == .warning)
        #expect(warning.location.path == "Content/thu-tuc/ho-tich.yml")
        #expect(warning.location.line == rule.line)
        #expect(lenient.succeeded)

        let strict = try site(rule.entry, scheme: rule.scheme).build(strict: true)
        let error = try #require(strict.diagnostics.all.first { $0.id.rawValue == rule.id })
        #expect(error.severity == .error)
        #expect(error.location == warning.location)
        #expect(!strict.succeeded)
    }

    @Test func aTruthfulEntryHasNoFinding() throws {
        let entry = "    muc_do: toan-trinh\n    nop_truc_tuyen: https://dvc.example.vn/nop\n    nhan_ket_qua: [truc-tuyen, buu-chinh]\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n"
        let report = try site(entry).build(strict: true)
        #expect(report.succeeded, "\(report.diagnostics.lines)")
    }
}

/// The repository's own sample site: every badge true, counts adding up.
@Suite struct SampleCatalogTests {
    static let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sampleSiteIsTruthfulUnderStrict() {
        let (site, diagnostics) = ContentLoader(root: Self.repo, includeDrafts: false).load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.lines)")
        let site1 = try! #require(site)
        var findings = CatalogValidator(site: site1, today: CalendarDate(year: 2026, month: 11, day: 20)!).validate()
        findings.promote(ids: DiagnosticID.levelRules)
        #expect(!findings.hasErrors, "\(findings.lines)")
        #expect(site1.procedures.count >= 30)
        #expect(site1.fields.count >= 6)
    }

    @Test func perFieldCountsAddUpToTheCatalogTotal() throws {
        let (loaded, _) = ContentLoader(root: Self.repo, includeDrafts: false).load()
        let site = try #require(loaded)
        let summary = BuildAction.levelSummary(site)
        let perField = summary.map { $0.counts.reduce(0) { $0 + $1.count } }
        #expect(perField == site.fields.map(\.procedures.count))
        #expect(perField.reduce(0, +) == site.procedures.count)
        var perLevel: [String: Int] = [:]
        for field in summary { for c in field.counts { perLevel[c.label, default: 0] += c.count } }
        #expect(perLevel.values.reduce(0, +) == site.procedures.count)
    }
}
