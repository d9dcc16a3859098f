import Foundation
import Testing
@testable import MotCuaKit

/// The procedure page on a phone (issue 28, item 5): papers as one line each, sections folded in the order
/// citizens ask, short breadcrumbs, channel wording that matches the channels. The page's height in a browser is
/// measured by Tests/quality/run_quality.py on the real khai sinh record (Tests/quality/fixtures/khai-sinh).
@Suite struct ProcedurePageTests {
    /// The real-record fixture, built with the repository's theme.
    func khaiSinhSite() throws -> TempSite {
        let site = try TempSite(copying: nil)
        let fixture = IncrementalBuildTests.repoRoot.appendingPathComponent("Tests/quality/fixtures/khai-sinh/Content")
        try FileManager.default.copyItem(at: fixture, to: site.root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Theme"),
                                         to: site.root.appendingPathComponent("Theme"))
        return site
    }

    @Test func theRealRecordBuildsWithEveryPaperOnOneLine() throws {
        let site = try khaiSinhSite()
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(page.components(separatedBy: "<li><span class=\"paper-name\">").count - 1 == 33)
        // Counts only where the record has them; a form inline on the paper's line.
        #expect(page.contains(" — <span class=\"paper-count\">1 bản chính</span> · <a href=\"../../bieu-mau/1.TKngkkhaisinh.doc\""))
        #expect(!page.contains("0 bản"))
        #expect(!page.contains("—</td>") && !page.contains(">0</td>"))
        // Folded in the order citizens ask, the papers open.
        let order = ["id=\"ho-so\" open>", "id=\"cach-thuc\">", "id=\"thong-tin-chung\">", "id=\"trinh-tu\">", "id=\"can-cu\">"]
        let positions = order.map { page.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(order)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(page.contains("<summary><h2>Thành phần hồ sơ</h2></summary>"))
        #expect(page.contains("<h3>Giấy tờ phải xuất trình</h3>") && page.contains("<h3>Lưu ý</h3>"))
        #expect(page.contains("assets/procedure.js"))
    }

    @Test func aLongNameIsCutInTheBreadcrumbOnly() throws {
        let site = try khaiSinhSite()
        #expect(!site.build().diagnostics.hasErrors)
        let page = try #require(site.read("Output/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh/index.html"))
        let name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận"
        #expect(page.contains("<h1>\(name)</h1>"))
        #expect(page.contains("<span aria-current=\"page\" title=\"\(name)\">Chứng thực bản sao từ bản chính giấy tờ…</span>"))
        // Information only, submitted in person or by post: the note says both.
        #expect(page.contains("<p class=\"level-note\">Chỉ cung cấp thông tin; nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công hoặc qua bưu chính.</p>"))
        // No time in the record: said, not an empty "Thời hạn".
        #expect(page.contains("<td data-label=\"Thời hạn\">Không quy định</td>"))
    }

    /// An ungrouped list has no group heading; before, the group's missing title found the page's title instead.
    @Test func anUngroupedListHasNoHeading() throws {
        let site = try TempSite(copying: nil)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        #expect(!site.build().diagnostics.hasErrors)
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(!page.contains("<h3>Đăng ký khai sinh</h3>"))
        #expect(page.contains("<ul class=\"papers\">"))
        let grouped = try #require(try khaiSinhSite().read("Content/thu-tuc/ho-tich.yml"))
        #expect(grouped.contains("truong_hop: \"Lưu ý\""))
    }

    @Test func crumbLabelsAreCutAtAWord() {
        #expect(SiteRenderer.crumbLabel("Đăng ký khai sinh") == "Đăng ký khai sinh")
        #expect(SiteRenderer.crumbLabel(String(repeating: "a", count: 50)) == String(repeating: "a", count: 40) + "…")
        #expect(SiteRenderer.crumbLabel("Cấp bản sao trích lục hộ tịch, bản sao Giấy khai sinh") == "Cấp bản sao trích lục hộ tịch, bản sao…")
        #expect(SiteRenderer.crumbLabel("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan") == "Chứng thực bản sao từ bản chính giấy tờ…")
    }

    @Test func countsLeaveOutZeros() {
        func doc(_ o: Int?, _ c: Int?) -> Procedure.Document {
            Procedure.Document(name: "Tờ khai", form: nil, originals: o, copies: c, note: nil, location: SourceLocation(path: "x.yml"))
        }
        #expect(SiteRenderer.documentCount(doc(1, 1)) == "1 bản chính, 1 bản sao")
        #expect(SiteRenderer.documentCount(doc(1, 0)) == "1 bản chính")
        #expect(SiteRenderer.documentCount(doc(nil, 2)) == "2 bản sao")
        #expect(SiteRenderer.documentCount(doc(0, 0)) == nil)
        #expect(SiteRenderer.documentCount(doc(nil, nil)) == nil)
    }

    /// An information-only procedure sent by post is not told to be submitted in person only.
    @Test func theLevelNoteFollowsTheChannels() {
        let b = LevelBadge.nd42Information
        #expect(b.explanation(methods: [.inPerson]) == b.explanation)
        #expect(b.explanation(methods: [.inPerson, .post]).contains("hoặc qua bưu chính"))
        #expect(b.explanation(methods: [.post]) == "Chỉ cung cấp thông tin; nộp hồ sơ qua bưu chính.")
        #expect(LevelBadge.nd42FullyOnline.explanation(methods: [.post]) == LevelBadge.nd42FullyOnline.explanation)
    }
}
