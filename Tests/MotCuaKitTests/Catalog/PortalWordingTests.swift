import Foundation
import Testing
@testable import MotCuaKit

/// A record pasted as the national portal publishes it reads as the editor meant: the portal's wording for
/// levels and channels, commas inside parentheses, the portal's thousands separator, a 266-character name.
/// The name is that of procedure 2.000815.000.00.00.H38, as published at
/// https://dichvucong.laocai.gov.vn/trang-chu/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=47936&represent=1 (its fee
/// "2.000 Đồng" per page and its channels "Trực tiếp", "Dịch vụ bưu chính" are the portal's words too); the
/// name stopped the build (issue #28: "File name too long").
@Suite struct PortalWordingTests {
    static let longName = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận"

    @Test func aRecordInThePortalsWordsLoadsAsMeant() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/chung-thuc.yml", """
            linh_vuc: Chứng thực
            thu_tuc:
              - ma: "2.000815.000.00.00.H38"
                ten: \(Self.longName)
                cap: Cấp xã
                doi_tuong: [Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX), Người nước ngoài]
                cach_thuc:
                  - hinh_thuc: Trực tiếp
                    le_phi: 2,000
                  - hinh_thuc: Dịch vụ bưu chính
                    le_phi: 2.000
                nhan_ket_qua: [Trực tiếp, Dịch vụ bưu chính]

            """)
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        let (loaded, _) = ContentLoader(root: site.root, includeDrafts: false).load()
        let procedure = try #require(loaded?.procedures.first { $0.code.value == "2.000815.000.00.00.H38" })
        #expect(procedure.tiers == [.commune])
        #expect(procedure.applicants == ["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Người nước ngoài"])
        #expect(procedure.channels.map(\.method) == [.inPerson, .post])
        #expect(procedure.channels.map { $0.fees.map(\.amount) } == [[.amount(2_000)], [.amount(2_000)]])
        #expect(procedure.resultDelivery == [.inPerson, .post])
        // The address is cut after a word within 80 letters: the folder name the 266-character name made
        // was longer than a file system allows, and an address is typed from paper.
        #expect(procedure.slug.value == "chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan-to-chuc-co-tham-quyen")
        #expect(site.read("Output/thu-tuc/\(procedure.slug.value)/index.html") != nil)
    }

    /// A 259-character name, as real records have them, builds with no problem and gets an address a person
    /// can read from a notice: the name's first whole words within 80 letters.
    @Test func aNameOf259CharactersGetsAReadableAddress() throws {
        let name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan tổ chức có thẩm quyền của nước ngoài; cơ quan tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan tổ chức có thẩm quyền nước ngoài cấp hoặc chứng nhận"
        #expect(name.count == 259)
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/chung-thuc.yml", "linh_vuc: Chứng thực\nthu_tuc:\n  - ma: \"2.000815\"\n    ten: \(name)\n")
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(report.diagnostics.lines.isEmpty, "\(report.diagnostics.lines)")
        let page = try #require(site.read("Output/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan-to-chuc-co-tham-quyen/index.html"))
        #expect(page.contains("cấp hoặc chứng nhận"))
    }

    /// Two long names alike in their first 80 letters would share an address: the error says which pages, and
    /// suggests the longer address of the name as a `slug:`.
    @Test func twoLongNamesAlikeAreToldTheirLongerAddress() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/chung-thuc.yml", """
            linh_vuc: Chứng thực
            thu_tuc:
              - ma: "2.000815"
                ten: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận
              - ma: "2.000843"
                ten: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận

            """)
        let report = site.build()
        #expect(report.diagnostics.lines.contains("Content/thu-tuc/chung-thuc.yml:6:10: error: hai trang cùng địa chỉ `/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan-to-chuc-co-tham-quyen/` (đã dùng bởi Content/thu-tuc/chung-thuc.yml:4:10); đặt `slug:` khác cho một trong hai, ví dụ `slug: chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan-to-chuc-co-tham-quyen-cua-nuoc-ngoai-cap-hoac-chung-nhan`"), "\(report.diagnostics.lines)")
    }

    @Test("a slug is cut after its last whole word", arguments: [
        ("abc-def-ghi", 7, "abc-def"),
        ("abc-def-ghi", 8, "abc-def"),
        ("abc-def-ghi", 6, "abc"),
        ("abc-def-ghi", 11, "abc-def-ghi"),
        ("abcdefghij", 4, "abcd"),
    ])
    func slugsAreCutAtAWord(slug: String, limit: Int, cut: String) {
        #expect(VietnameseText.cutAtWord(slug, limit: limit) == cut)
    }

    /// The portal's thousands separator reads as the amount when it can be nothing else: groups of three
    /// digits. A decimal comma (`8,5`) or a short group is no amount of đồng, and is shown as written.
    @Test("le_phi with a thousands separator", arguments: [
        ("8,000", 8_000), ("1,200,000", 1_200_000), ("8.000", 8_000), ("25.000", 25_000), ("0", 0),
        ("8,5", nil), ("8,00", nil), ("8,0000", nil), ("1.200,000", nil), (",000", nil),
    ] as [(String, Int?)])
    func thousandsSeparators(written: String, amount: Int?) {
        #expect(YAMLReader.parseInteger(written) == amount, "\(written)")
    }

    @Test func aFeeWithACommaIsShownAsAnAmount() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/ho-tich.yml", """
            linh_vuc: Hộ tịch
            thu_tuc:
              - ma: "1.001193"
                ten: Đăng ký khai sinh
                cach_thuc:
                  - hinh_thuc: truc-tiep
                    le_phi: 8,000
                  - hinh_thuc: buu-chinh
                    le_phi: 8,5
                ho_so:
                  - ten: Tờ khai
                    bieu_mau: to-khai.docx

            """)
        let report = site.build()
        #expect(report.diagnostics.lines.isEmpty, "\(report.diagnostics.lines)")
        let (loaded, _) = ContentLoader(root: site.root, includeDrafts: false).load()
        #expect(loaded?.procedures.first?.channels.map { $0.fees.map(\.amount) } == [[.amount(8_000)], [.text("8,5")]])
        #expect(loaded?.procedures.first?.channels.first?.fees.first?.amount.display == "8.000 đồng")
    }

    /// A Tab inside a `|` block's text (real records have them between a step's number and its text) is text,
    /// not indentation: the file loads whole, with no message (Fixtures/bad/yaml-tab-inside-block-accepted),
    /// and the step keeps its words.
    @Test func aTabInsideABlocksTextIsKept() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/ho-tich.yml", "linh_vuc: Hộ tịch\nthu_tuc:\n  - ma: \"1.001193\"\n    ten: Đăng ký khai sinh\n    trinh_tu: |\n      1.\tNộp tờ khai.\n      2.\tNhận kết quả.\n    ho_so:\n      - ten: Tờ khai\n        bieu_mau: to-khai.docx\n")
        let report = site.build()
        #expect(report.diagnostics.lines.isEmpty, "\(report.diagnostics.lines)")
        let (loaded, _) = ContentLoader(root: site.root, includeDrafts: false).load()
        #expect(loaded?.procedures.first?.steps?.value == "1.\tNộp tờ khai.\n2.\tNhận kết quả.")
    }

    /// Invisible marks pasted with real text (U+200E inside "đăng k‎ý", issue #28) are dropped before anything
    /// reads the file: the name on the page and in search is the word the editor sees, and a key with one works.
    @Test func invisibleMarksAreDropped() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/ho-tich.yml", """
            linh_vuc: Hộ tịch
            thu_tuc:
              - ma: "1.001193"
                ten: Đăng k\u{200E}ý khai sinh\u{200B}
                m\u{200B}uc_do: thong-tin\u{FEFF}

            """)
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        // Each is said where it was: the editor can clean the file.
        #expect(report.diagnostics.all.filter { $0.id == .invisibleCharacter }.map(\.location.description) == [
            "Content/thu-tuc/ho-tich.yml:4:16", "Content/thu-tuc/ho-tich.yml:4:28", "Content/thu-tuc/ho-tich.yml:5:6", "Content/thu-tuc/ho-tich.yml:5:23",
        ])
        let (loaded, _) = ContentLoader(root: site.root, includeDrafts: false).load()
        let procedure = try #require(loaded?.procedures.first)
        #expect(procedure.name.value == "Đăng ký khai sinh")
        #expect(procedure.level != nil)
    }

    /// A form whose name has a space and a `#` keeps its name on disk; its link on the procedure page is encoded.
    @Test func aFormNameWithSpacesIsLinkedEncoded() throws {
        let site = try TempSite(copying: nil)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx"),
                                         to: site.root.appendingPathComponent("Content/bieu-mau/Tờ khai #1.docx"))
        let catalog = try #require(site.read("Content/thu-tuc/ho-tich.yml"))
        try site.write("Content/thu-tuc/ho-tich.yml", catalog.replacingOccurrences(of: "bieu_mau: to-khai-dang-ky-khai-sinh.docx", with: "bieu_mau: \"Tờ khai #1.docx\""))
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        let page = try #require(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(page.contains("href=\"../../bieu-mau/T%E1%BB%9D%20khai%20%231.docx\""))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/bieu-mau/Tờ khai #1.docx").path))
    }

    /// A time written per case on its own lines keeps its lines on the page; a channel without a time says so.
    @Test func aTimeOnSeveralLinesKeepsThemAndAMissingOneIsSaid() throws {
        let site = try TempSite(copying: nil)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        // The first procedure of chung-thuc.yml (2.000815) has an in-person and an online channel.
        let catalog = try #require(site.read("Content/thu-tuc/chung-thuc.yml"))
        let once = "        thoi_han: Trong ngày; nếu nhận yêu cầu sau 15 giờ thì trả trong ngày làm việc tiếp theo\n"
        let online = "        thoi_han: Trong ngày (chứng thực bản sao điện tử từ bản chính; người yêu cầu xuất trình bản chính tại Trung tâm Phục vụ hành chính công xã)\n"
        #expect(catalog.contains(once) && catalog.contains(online), "the sample no longer has these channel times")
        var edited = catalog.replacingOccurrences(of: once, with: "        thoi_han: |\n          Trường hợp thông thường: trong ngày\n          Trường hợp cần xác minh: 03 ngày làm việc <x>\n", options: [], range: catalog.range(of: once))
        edited = edited.replacingOccurrences(of: online, with: "")
        try site.write("Content/thu-tuc/chung-thuc.yml", edited)
        let report = site.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.lines)")
        let page = try #require(site.read("Output/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh/index.html"))
        #expect(page.contains("Trường hợp thông thường: trong ngày<br>Trường hợp cần xác minh: 03 ngày làm việc &lt;x&gt;"))
        #expect(page.contains("<td data-label=\"Thời hạn\">Không quy định</td>"))
    }

    /// Items on lines of their own are never joined, even with a parenthesis left open.
    @Test func blockListItemsStayApart() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        try site.write("Content/thu-tuc/ho-tich.yml", """
            linh_vuc: Hộ tịch
            thu_tuc:
              - ma: "1.001193"
                ten: Đăng ký khai sinh
                doi_tuong:
                  - Công dân (kể cả người dưới 18 tuổi
                  - Người nước ngoài

            """)
        let (loaded, _) = ContentLoader(root: site.root, includeDrafts: false).load()
        #expect(loaded?.procedures.first?.applicants == ["Công dân (kể cả người dưới 18 tuổi", "Người nước ngoài"])
    }
}
