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
              - hinh_thuc: Hình thức trực tuyến
                mo_ta: Nộp qua ứng dụng VNeID
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

    /// The site with one change to the record, which must hold the text replaced.
    static func site(replacing old: String, with new: String) throws -> TempSite {
        let site = try Self.site()
        #expect(record.contains(old), "\(old)")
        try site.write("Content/thu-tuc/ho-tich.yml", record.replacingOccurrences(of: old, with: new))
        return site
    }

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
                      "Nộp hồ sơ qua Cổng Dịch vụ công quốc gia", "Giấy tờ phải xuất trình", "<span class=\"paper-name\">Căn cước</span><span class=\"paper-note\">bản chính để đối chiếu</span>",
                      "Từ khóa: giấy khai sinh, trẻ sơ sinh", "ngày 15/01/2025", "Thủ tục liên quan", "href=\"../dang-ky-tam-tru/index.html\""] {
            #expect(page.contains(shown), "\(shown)")
        }
        // Listed under both tiers.
        #expect(site.read("Output/cap/tinh/index.html")?.contains("Đăng ký khai sinh") == true)
        #expect(site.read("Output/cap/xa/index.html")?.contains("Đăng ký khai sinh") == true)
    }

    /// Also on a record whose steps alone pass the index's body limit.
    @Test func keywordsAndResultCodesAreSearchable() throws {
        let site = try Self.site()
        let steps = (1...60).map { "      \($0). Cán bộ tiếp nhận kiểm tra, đối chiếu thông tin trong hồ sơ với Cơ sở dữ liệu quốc gia về dân cư." }
        try site.write("Content/thu-tuc/ho-tich.yml", Self.record.replacingOccurrences(of: "    cach_thuc:\n", with: "    trinh_tu: |\n" + steps.joined(separator: "\n") + "\n    cach_thuc:\n"))
        #expect(!site.build().diagnostics.hasErrors)
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
        let site = try Self.site(replacing: "thu_tuc_lien_quan: [\"1.004194\"]", with: "thu_tuc_lien_quan: [\"1.004195\"]")
        let lines = site.build().diagnostics.lines.filter { $0.contains("thu_tuc_lien_quan") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:14:25: error: `thu_tuc_lien_quan`: không có thủ tục mã `1.004195` trong danh mục; có phải `1.004194`?"])
    }

    @Test func anOnlineOnlyProcedureWithoutALinkIsWarned() throws {
        let site = try Self.site(replacing: "    nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001193\n", with: "")
        let lines = site.build().diagnostics.lines.filter { $0.contains("chưa có `nop_truc_tuyen`") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/thu-tuc/ho-tich.yml:3:9: warning: thủ tục `1.001193` chỉ nhận hồ sơ trực tuyến") == true)
    }

    @Test func aWrongTierWordListsTheChoices() throws {
        let site = try Self.site(replacing: "cap: Cấp Tỉnh, Cấp Xã", with: "cap: Cấp Tỉnh, Cấp thôn")
        let lines = site.build().diagnostics.lines.filter { $0.contains("`cap`") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:9:10: error: `cap`: `Cấp thôn` không hợp lệ; chọn trong `xa`, `tinh`, `huyen`, `bo`, ví dụ `cap: xa`"])
    }

    @Test func monthsAreAddedToTheLastDayOfShorterMonths() {
        #expect(CalendarDate(year: 2025, month: 1, day: 31)?.addingMonths(1) == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(CalendarDate(year: 2024, month: 1, day: 31)?.addingMonths(1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 11, day: 15)?.addingMonths(14) == CalendarDate(year: 2027, month: 1, day: 15))
    }

    /// A record in the old keys only: no value of the page shows up in an item that lacks its own (a fee without
    /// a kind, a result without a code, a group without a title, a law without a summary).
    @Test func oldKeysRenderWithoutValuesFromAround() throws {
        let site = try Self.site()
        try site.write("Content/thu-tuc/ho-tich.yml", """
            linh_vuc: Hộ tịch
            thu_tuc:
              - ma: "1.001193"
                ten: Đăng ký khai sinh
                cach_thuc:
                  - hinh_thuc: truc-tiep
                    le_phi: 50000
                ho_so:
                  - Tờ khai
                ket_qua: Giấy khai sinh
                can_cu: ["60/2014/QH13"]

            """)
        #expect(!site.build().diagnostics.hasErrors)
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        for shown in ["<th scope=\"row\">Trực tiếp</th>", "<td data-label=\"Phí, lệ phí\">50.000 đồng</td>",
                      "<dt>Kết quả</dt><dd>Giấy khai sinh</dd>", "<li><strong>60/2014/QH13</strong></li>"] {
            #expect(page.contains(shown), "\(shown)")
        }
        #expect(!page.contains("<h3>"))
    }

    /// A site's own theme written before fee items and result lists still shows both (`fee`, `result`).
    @Test func aThemeWrittenBeforeStillShowsFeeAndResult() throws {
        let site = try Self.site()
        try site.write("Theme/templates/procedure.mustache", "{{<layout}}{{$main}}{{#channels}}[{{fee}}]{{/channels}}({{result}}){{/main}}{{/layout}}")
        _ = site.build()
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(page.contains("[Lệ phí: 8.000 đồng; Phí: 2.000 đồng][Miễn lệ phí](Giấy khai sinh (bản chính); Trích lục khai sinh)"))
    }

    @Test(arguments: [
        ("le_phi: 50000", "50.000 đồng"),
        // Phí and lệ phí are paid together.
        ("le_phi: [{ten: Phí, so_tien: 10000}, {ten: Lệ phí, so_tien: 5000}]", "15.000 đồng"),
        // Unnamed items are alternatives (by contract value, by case): the lowest, "từ".
        ("le_phi: [{so_tien: 50000}, {so_tien: 100000}]", "Từ 50.000 đồng"),
        ("le_phi: [{ten: Lệ phí, so_tien: 50000}, {ten: Lệ phí, so_tien: 100000}]", "Từ 50.000 đồng"),
        ("le_phi: [{so_tien: 0}, {so_tien: 0}]", "Miễn lệ phí"),
        ("le_phi: [{so_tien: Theo biểu phí}]", nil),
        // The portal prints the currency after the amount.
        ("le_phi: 10.000 Đồng", "10.000 đồng"),
        ("le_phi: [{ten: Lệ phí, so_tien: \"8,000 VNĐ\"}]", "8.000 đồng"),
    ] as [(String, String?)])
    func aProcedureListShowsTheLowestFee(_ fee: String, _ shown: String?) throws {
        let site = try Self.site()
        try site.write("Content/thu-tuc/ho-tich.yml", """
            linh_vuc: Hộ tịch
            thu_tuc:
              - ma: "1.001193"
                ten: Đăng ký khai sinh
                cach_thuc:
                  - hinh_thuc: truc-tiep
                    \(fee)

            """)
        let (loaded, diagnostics) = ContentLoader(root: site.root, includeDrafts: false).load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.lines)")
        let procedure = try #require(loaded?.procedures.first)
        #expect(SiteRenderer.summaryFee(procedure) == shown)
    }

    /// Each mistake an editor can make with the new keys, with its exact place and fix.
    @Test(arguments: [
        ("so_tien: 8,000", "so_tien: 9000000000000000000",
         "Content/thu-tuc/ho-tich.yml:25:22: error: `so_tien`: 9.000.000.000.000.000.000 đồng vượt mọi mức phí (tối đa 1.000.000.000.000 đồng); hãy kiểm tra lại số chữ số, hoặc ghi bằng chữ trong ngoặc kép"),
        ("ghi_chu: bản chính để đối chiếu", "ghi_chu: bản chính để đối chiếu\n        bieu_mau: can-cuoc.docx",
         "Content/thu-tuc/ho-tich.yml:40:9: error: khóa không xác định `bieu_mau` trong giấy tờ phải xuất trình (chỉ mang theo để đối chiếu nên không có `bieu_mau`; giấy tờ phải nộp ghi trong `ho_so`); các khóa hợp lệ: `ten`, `ban_chinh`, `ban_sao`, `ghi_chu`"),
        ("thu_tuc_lien_quan: [\"1.004194\"]", "thu_tuc_lien_quan: [\"1.004194\", \"1.001193\"]",
         "Content/thu-tuc/ho-tich.yml:14:37: warning: `thu_tuc_lien_quan`: thủ tục `1.001193` không cần liên quan với chính nó; hãy xóa mã này"),
        ("thu_tuc_lien_quan: [\"1.004194\"]", "thu_tuc_lien_quan: [\"1.004194\", \"1.004194\"]",
         "Content/thu-tuc/ho-tich.yml:14:37: warning: `thu_tuc_lien_quan`: mã `1.004194` đã ghi ở trên; hãy xóa lần ghi thứ hai"),
        ("ngay_ra_soat: 2025-01-15", "ngay_ra_soat: 2031-01-01",
         "Content/thu-tuc/ho-tich.yml:17:19: warning: `ngay_ra_soat`: ngày 01/01/2031 chưa đến (hôm nay 20/11/2026); hãy ghi ngày đã rà soát"),
        ("  - hinh_thuc: Hình thức trực tuyến", "  - hinh_thuc: Nộp hồ sơ trực tiếp",
         "Content/thu-tuc/ho-tich.yml:29:9: warning: thủ tục `1.001193` chỉ nhận hồ sơ trực tuyến (`chi_truc_tuyen: true`) nhưng có cách thực hiện `truc-tiep`; hãy xóa cách này, hoặc bỏ `chi_truc_tuyen`"),
    ])
    func aMistakeIsNamedAtItsPlace(_ written: String, _ mistake: String, _ expected: String) throws {
        let site = try Self.site(replacing: written, with: mistake)
        let lines = site.build().diagnostics.lines.filter { !$0.contains("review-overdue") && !$0.contains("rà soát lần cuối") && !$0.contains("bieu-mau/") }
        #expect(lines == [expected])
    }

    /// A paper line pasted with its own dash ("- - Bản sao …") is named with the quoting fix.
    @Test func aPaperWithTwoDashesIsNamedWithTheFix() throws {
        let site = try Self.site(replacing: "      - Tờ khai đăng ký khai sinh\n", with: "      - - Bản sao giấy tờ tùy thân\n")
        let lines = site.build().diagnostics.lines.filter { $0.contains("danh sách con") }
        #expect(lines == ["Content/thu-tuc/ho-tich.yml:33:9: error: mục này của `ho_so` là một danh sách con vì dòng có hai dấu `- `; nếu dấu `-` thứ hai là chữ của giấy tờ, hãy đặt cả tên trong ngoặc kép, ví dụ `- \"- Bản sao giấy tờ tùy thân\"`"])
    }

    /// "Cấp Bộ, Cơ quan khác" (the national portal's tier of ministries) is a tier with its page.
    @Test func theNationalTierIsRead() throws {
        let site = try Self.site(replacing: "cap: Cấp Tỉnh, Cấp Xã", with: "cap: Cấp Bộ, Cơ quan khác")
        #expect(!site.build().diagnostics.hasErrors)
        #expect(site.read("Output/cap/bo/index.html")?.contains("Đăng ký khai sinh") == true)
        #expect(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html")?.contains("Cấp bộ, cơ quan khác") == true)
    }

    /// A province named alone gets "Tỉnh"; a centrally run city keeps its own words (not "Tỉnh Thành phố …").
    @Test(arguments: [("Hải Dương", "Tỉnh Hải Dương", "tỉnh Hải Dương"),
                      ("Thành phố Hải Phòng", "Thành phố Hải Phòng", "thành phố Hải Phòng")])
    func theProvinceIsNamedAsItCallsItself(_ written: String, _ brand: String, _ inline: String) throws {
        let site = try Self.site()
        let config = try #require(site.read("Content/site.yml"))
        try site.write("Content/site.yml", config + "\ntinh: \(written)\ncong_tinh: https://dichvucong.haiphong.gov.vn\n")
        #expect(!site.build().diagnostics.hasErrors)
        let home = try #require(site.read("Output/index.html"))
        #expect(home.contains("<span class=\"brand-sub\">\(brand)</span>"))
        #expect(home.contains("Cổng dịch vụ công \(inline)</a>"))
    }

    /// A catalog file lost to a YAML error is named with its procedures' codes, not its results' (`ket_qua` items
    /// have a `ma` too).
    @Test func aLostFileCountsItsProceduresOnly() throws {
        let site = try Self.site(replacing: "mo_ta: Đăng ký khai sinh cho", with: "mo_ta: * Đăng ký khai sinh cho")
        let lines = site.build().diagnostics.lines.filter { $0.contains("cả tệp danh mục không đọc được") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("2 thủ tục trong tệp (mã `1.001193`, `1.004194`)") == true, "\(lines)")
    }
}
