import Foundation
import Testing
@testable import MotCuaKit

/// Tests/Fixtures/real-records: 52 real records of the national procedure database (2025), pasted as published
/// into a commune's site with the default theme (issue #28). Their sources are in the fixture's SOURCES.md. The
/// site must build with no error and no warning, and what the records say in the record's new keys must reach
/// the pages.
@Suite struct RealRecordsTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/real-records")
    /// The day the records were checked (their `ngay_ra_soat`); building on it keeps review-age warnings out.
    static let day = CalendarDate(year: 2026, month: 12, day: 6)!

    /// The fixture's Content with the project's default theme, built once per test.
    final class Built: @unchecked Sendable {
        let site: TempSite
        let report: BuildAction.Report
        let procedures: [Procedure]

        init() throws {
            site = try TempSite(copying: nil)
            try FileManager.default.copyItem(at: RealRecordsTests.fixture.appendingPathComponent("Content"),
                                             to: site.root.appendingPathComponent("Content"))
            try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Theme"),
                                             to: site.root.appendingPathComponent("Theme"))
            report = BuildAction(options: .init(root: site.root, date: RealRecordsTests.day)).run()
            procedures = ContentLoader(root: site.root, includeDrafts: false).load().0?.procedures ?? []
        }

        /// The procedure page of the record with this code.
        func page(_ code: String) throws -> String {
            let procedure = try #require(procedures.first { $0.code.value == code }, "no record \(code)")
            return try #require(site.read("Output/thu-tuc/\(procedure.slug.value)/index.html"), "no page for \(code)")
        }
    }

    @Test func buildsWithNoErrorAndNoWarning() throws {
        let built = try Built()
        #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
        #expect(built.report.diagnostics.errorCount == 0, "\(built.report.diagnostics.lines)")
        #expect(built.report.diagnostics.warningCount == 0, "\(built.report.diagnostics.lines)")
        #expect(built.procedures.count == 52)
        // Every record has its page, long names included (1.013225's name has 256 characters).
        for procedure in built.procedures {
            #expect(built.site.read("Output/thu-tuc/\(procedure.slug.value)/index.html") != nil, "\(procedure.code.value)")
        }
    }

    /// Số quyết định, the result with its code (KQ.G15.000031) and the tier the portal export writes as "Xã".
    @Test func birthRegistrationKeepsDecisionAndResultCode() throws {
        let built = try Built()
        let page = try built.page("1.001193")
        #expect(page.contains("QĐ/0001-BTP"))
        #expect(page.contains("KQ.G15.000031"))
        #expect(page.contains("Giấy khai sinh"))
        // Papers to bring and papers to show stay apart; the text before a record's Tab is there.
        #expect(page.contains("Giấy chứng sinh; trường hợp không có Giấy chứng sinh"))
        #expect(page.contains("được hệ thống điền tự động thì không phải tải lên (theo hình thức trực tuyến)"))
        // The result code is searchable, though this record's papers alone pass the index's 4,000-letter body limit.
        let index = try #require(built.site.read("Output/search-index.js"))
        let line = try #require(index.split(separator: "\n").first { $0.contains("\"1.001193\"") })
        #expect(line.lowercased().contains("kq.g15.000031"))
        // A record with few papers keeps its result in the search text.
        let copy = try #require(index.split(separator: "\n").first { $0.contains("\"2.000908\"") })
        #expect(copy.contains("ban sao duoc cap tu so goc"))
    }

    /// A whole national page: decision, kind of procedure, competent authority, five groups of papers, two
    /// dated legal texts, and a comma-joined "Đối tượng thực hiện" whose commas inside parentheses do not split.
    @Test func electricityRecordKeepsEveryLabel() throws {
        let built = try Built()
        let page = try built.page("3.000001")
        #expect(page.contains("4221/EVN-KDMBD"))
        #expect(page.contains("Loại khác"))
        #expect(page.contains("Tập đoàn Điện lực Việt Nam"))
        #expect(page.contains("Khách hàng tách công tơ dùng chung"))
        #expect(page.contains("30/11/2024"))
        let record = try #require(built.procedures.first { $0.code.value == "3.000001" })
        #expect(record.applicants == ["Công dân Việt Nam", "Người nước ngoài", "Doanh nghiệp", "Doanh nghiệp có vốn đầu tư nước ngoài",
                                      "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Tổ chức nước ngoài", "Hợp tác xã"])
    }

    /// Several fee items per channel, each with its note, and the channel's description (đăng ký tạm trú).
    @Test func temporaryResidenceKeepsFeeItemsAndChannelDescriptions() throws {
        let built = try Built()
        let page = try built.page("1.004194")
        #expect(page.contains("10.000"))
        #expect(page.contains("15.000"))
        #expect(page.contains("7.000"))
        #expect(page.contains("Trường hợp công dân nộp hồ sơ trực tiếp thu 15.000 đồng/lần đăng ký"))
        #expect(page.contains("Nộp hồ sơ trực tiếp tại Công an cấp xã."))
        #expect(page.contains("ứng dụng VNeID"))
    }

    /// Papers to show (xuất trình) and a channel's fee note on the marriage record; the portal's channel words.
    @Test func marriageKeepsPapersToShowAndPostalChannel() throws {
        let built = try Built()
        let page = try built.page("1.000894")
        #expect(page.contains("chứng minh về nhân thân của người có yêu cầu đăng ký kết hôn"))
        #expect(page.contains("Thông tư số 281/2016/TT-BTC"))
        #expect(page.contains("Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính."))
        let record = try #require(built.procedures.first { $0.code.value == "1.000894" })
        #expect(record.channels.map(\.method) == [.inPerson, .online, .post])
    }

    /// The ten records checked on 2026-12-06 show that day; built a year and a day later, each of them (and only
    /// they) gets the review warning at its `ngay_ra_soat` line.
    @Test func reviewDatesAreShownAndWarnWhenOld() throws {
        let built = try Built()
        #expect(try built.page("2.000635").contains("06/12/2026"))
        let later = BuildAction(options: .init(root: built.site.root, date: CalendarDate(year: 2027, month: 12, day: 7)!)).run()
        #expect(!later.diagnostics.hasErrors, "\(later.diagnostics.lines)")
        let warned = later.diagnostics.sorted.filter { $0.severity == .warning }
        #expect(warned.allSatisfy { $0.id == .reviewOverdue }, "\(later.diagnostics.lines)")
        let codes = warned.compactMap { $0.message.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(codes.sorted() == ["1.000894", "1.001193", "1.004194", "1.004873", "1.013227",
                                   "2.000635", "2.000815", "2.000884", "2.000908", "3.000001"])
    }

    /// A record done at two tiers ("thực hiện tại cấp tỉnh,  cấp xã") shows both.
    @Test func twoTiersAreShown() throws {
        let built = try Built()
        let page = try built.page("1.012575")
        #expect(page.contains("Cấp tỉnh"))
        #expect(page.contains("Cấp xã"))
    }

    /// Two records whose names differ only by a final full stop keep their own addresses (one carries a slug).
    @Test func namesDifferingByAFullStopKeepTheirOwnPages() throws {
        let built = try Built()
        let a = try built.page("1.012750")
        let b = try built.page("1.012789")
        #expect(a.contains("1.012750") && !a.contains("1.012789"))
        #expect(b.contains("1.012789"))
    }
}
