import Foundation
import Testing
@testable import MotCuaKit

/// The national record's whole shape (issue #28): each item the record publishes has a key, lands in the model,
/// shows on the procedure page and, for keywords and result codes, in search.
@Suite struct RecordShapeTests {
    /// Built on 20/11/2026 (`TempSite.build`), with the default theme; the review date is 22 months before.
    static let record = """
        linh_vuc: Hộ tịch
        thu_tuc:
          - ma: "1.001193"
            ten: Đăng ký khai sinh
            mo_ta: Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam
            tu_khoa: [giấy khai sinh, trẻ sơ sinh]
            so_quyet_dinh: 1386/QĐ-BTP
            loai_thu_tuc: TTHC được luật giao quy định chi tiết
            cap: Cấp Tỉnh, Cấp Xã
            co_quan: Ủy ban nhân dân xã
            co_quan_tham_quyen: Ủy ban nhân dân cấp xã
            co_quan_duoc_uy_quyen: Trung tâm Phục vụ hành chính công xã
            co_quan_phoi_hop: Công an xã
            thu_tuc_lien_quan: ["1.004194"]
            chi_truc_tuyen: true
            phi_dia_gioi: có
            ngay_ra_soat: 2025-01-15
            nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001193
            cach_thuc:
              - hinh_thuc: Trực tuyến
                mo_ta: Nộp hồ sơ qua Cổng Dịch vụ công quốc gia
                thoi_han: Trong ngày
                le_phi:
                  - ten: Lệ phí
                    so_tien: 8,000
                    ghi_chu: Cấp bản sao trích lục
                  - ten: Phí
                    so_tien: 2000
              - hinh_thuc: Dịch vụ bưu chính
                le_phi: 0
            ho_so:
              - Tờ khai đăng ký khai sinh
              - truong_hop: Trẻ bị bỏ rơi
                giay_to: [Biên bản xác nhận việc trẻ bị bỏ rơi]
                xuat_trinh: [Giấy tờ tùy thân của người đi đăng ký]
            xuat_trinh:
              - ten: Căn cước
                ghi_chu: bản chính để đối chiếu
            ket_qua:
              - ten: Giấy khai sinh (bản chính)
                ma: KQ.G15.000031
              - Trích lục khai sinh
            nhan_ket_qua: Trực tuyến, Dịch vụ bưu chính
          - ma: "1.004194"
            ten: Đăng ký tạm trú
            thu_tuc_lien_quan: "1.001193"

        """

    static func site() throws -> TempSite {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        let theme = site.root.appendingPathComponent("Theme")
        try FileManager.default.removeItem(at: theme)
        try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Theme"), to: theme)
        try site.write("Content/thu-tuc/ho-tich.yml", record)
        return site
    }

    @Test func everyItemOfTheRecordLandsInTheModel() throws {
        let site = try Self.site()
        let (loaded, diagnostics) = ContentLoader(root: site.root, includeDrafts: false).load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.lines)")
        let p = try #require(loaded?.procedures.first)
        #expect(p.summary == "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam")
        #expect(p.keywords == ["giấy khai sinh", "trẻ sơ sinh"])
        #expect(p.decision == "1386/QĐ-BTP")
        #expect(p.kind == "TTHC được luật giao quy định chi tiết")
        #expect(p.tiers == [.province, .commune])
        #expect(p.competentAgency == "Ủy ban nhân dân cấp xã")
        #expect(p.authorisedAgency == "Trung tâm Phục vụ hành chính công xã")
        #expect(p.coordinatingAgency == "Công an xã")
        #expect(p.related.map(\.value) == ["1.004194"])
        #expect(p.onlineOnly && p.anyCentre)
        #expect(p.reviewed?.value == CalendarDate(year: 2025, month: 1, day: 15))
        #expect(p.channels[0].description == "Nộp hồ sơ qua Cổng Dịch vụ công quốc gia")
        #expect(p.channels[0].fees == [.init(label: "Lệ phí", amount: .amount(8_000), note: "Cấp bản sao trích lục"),
                                       .init(label: "Phí", amount: .amount(2_000))])
        #expect(p.channels[1].fees == [.init(amount: .amount(0))])
        #expect(p.resultDelivery == [.online, .post])
        #expect(p.results == [.init(name: "Giấy khai sinh (bản chính)", code: "KQ.G15.000031"), .init(name: "Trích lục khai sinh")])
        #expect(p.documentGroups.map(\.title) == [nil, "Trẻ bị bỏ rơi"])
        #expect(p.documentGroups[0].documents.map(\.name) == ["Tờ khai đăng ký khai sinh"])
        #expect(p.documentGroups[0].shown.map(\.name) == ["Căn cước"])
        #expect(p.documentGroups[1].shown.map(\.name) == ["Giấy tờ tùy thân của người đi đăng ký"])
    }

    @Test func thePageShowsEachItem() throws {
        let site = try Self.site()
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        for shown in ["Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam", "Chỉ nhận hồ sơ trực tuyến.", "Phi địa giới:",
                      "Cấp tỉnh, Cấp xã", "<dt>Cơ quan có thẩm quyền</dt><dd>Ủy ban nhân dân cấp xã</dd>",
                      "<dt>Cơ quan được ủy quyền</dt>", "<dt>Cơ quan phối hợp</dt><dd>Công an xã</dd>",
                      "<dt>Loại thủ tục</dt>", "<dd>Số 1386/QĐ-BTP</dd>",
                      "Giấy khai sinh (bản chính) <span class=\"code\">(mã KQ.G15.000031)</span><br>Trích lục khai sinh",
                      "Lệ phí: 8.000 đồng <span class=\"meta\">(Cấp bản sao trích lục)</span><br>Phí: 2.000 đồng",
                      "Nộp hồ sơ qua Cổng Dịch vụ công quốc gia", "Giấy tờ phải xuất trình", "<li>Căn cước <span class=\"meta\">(bản chính để đối chiếu)</span></li>",
                      "Từ khóa: giấy khai sinh, trẻ sơ sinh", "ngày 15/01/2025", "Thủ tục liên quan", "href=\"../dang-ky-tam-tru/index.html\""] {
            #expect(page.contains(shown), "\(shown)")
        }
        // Listed under both tiers.
        #expect(site.read("Output/cap/tinh/index.html")?.contains("Đăng ký khai sinh") == true)
        #expect(site.read("Output/cap/xa/index.html")?.contains("Đăng ký khai sinh") == true)
    }

    @Test func keywordsAndResultCodesAreSearchable() throws {
        let site = try Self.site()
        _ = site.build()
        let index = try #require(site.read("Output/search-index.js"))
        let folded = VietnameseText.fold(index)
        #expect(folded.contains("tre so sinh"))
        #expect(folded.contains("kq.g15.000031"))
    }

    @Test func aReviewOlderThanTheSitesAgeIsWarnedAtItsLine() throws {
        let site = try Self.site()
        var lines = site.build().diagnostics.lines.filter { $0.contains("review-overdue") || $0.contains("rà soát") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:17:19: warning: thủ tục `1.001193` rà soát lần cuối ngày 15/01/2025, đã quá 12 tháng; hãy đối chiếu phí, lệ phí, thời hạn và căn cứ pháp lý với Cổng Dịch vụ công quốc gia rồi sửa `ngay_ra_soat` (số tháng đặt ở `ra_soat_sau_thang` trong site.yml)"])
        let config = try #require(site.read("Content/site.yml"))
        try site.write("Content/site.yml", config + "\nra_soat_sau_thang: 24\n")
        lines = site.build().diagnostics.lines.filter { $0.contains("rà soát lần cuối") }
        #expect(lines.isEmpty)
    }

    @Test func anUnknownRelatedProcedureIsAnErrorAtItsCode() throws {
        let site = try Self.site()
        try site.write("Content/thu-tuc/ho-tich.yml", Self.record.replacingOccurrences(of: "thu_tuc_lien_quan: [\"1.004194\"]", with: "thu_tuc_lien_quan: [\"1.004195\"]"))
        let lines = site.build().diagnostics.lines.filter { $0.contains("thu_tuc_lien_quan") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:14:25: error: `thu_tuc_lien_quan`: không có thủ tục mã `1.004195` trong danh mục; có phải `1.004194`?"])
    }

    @Test func anOnlineOnlyProcedureWithoutALinkIsWarned() throws {
        let site = try Self.site()
        try site.write("Content/thu-tuc/ho-tich.yml", Self.record.replacingOccurrences(of: "    nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001193\n", with: ""))
        let lines = site.build().diagnostics.lines.filter { $0.contains("chi_truc_tuyen") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/thu-tuc/ho-tich.yml:3:9: warning: thủ tục `1.001193` chỉ nhận hồ sơ trực tuyến") == true)
    }

    @Test func aWrongTierWordListsTheChoices() throws {
        let site = try Self.site()
        try site.write("Content/thu-tuc/ho-tich.yml", Self.record.replacingOccurrences(of: "cap: Cấp Tỉnh, Cấp Xã", with: "cap: Cấp Tỉnh, Cấp Bộ"))
        let lines = site.build().diagnostics.lines.filter { $0.contains("`cap`") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:9:10: error: `cap`: `Cấp Bộ` không hợp lệ; chọn trong `xa`, `tinh`, `huyen`, ví dụ `cap: xa`"])
    }

    @Test func monthsAreAddedToTheLastDayOfShorterMonths() {
        #expect(CalendarDate(year: 2025, month: 1, day: 31)?.addingMonths(1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2024, month: 1, day: 31)?.addingMonths(1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 11, day: 15)?.addingMonths(14) == CalendarDate(year: 2027, month: 1, day: 15))
    }
}
