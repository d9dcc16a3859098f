import MotCuaKit
import Testing

/// Search documents shaped like the national record's procedures (issue #28): long titles, numbers written with
/// leading zeros ("mức độ 02", "Mẫu số 01"), codes with a province suffix, and bodies full of legal words
/// ("định", "mục 1", "khoản 2") that match a query's words one by one. Bodies are what `SiteSearch` joins for a
/// procedure: papers, result, steps, applicants.
enum RealRecords {
    static let residence = "Đăng ký thường trú"
    static let identity = "Cấp tài khoản định danh điện tử mức độ 02 đối với công dân Việt Nam"
    static let copy = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp"
    static let birth = "Đăng ký khai sinh"
    static let disability = "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật"
    static let notice = "Cấp giấy chứng sinh tại trạm y tế xã"

    static let documents: [SearchDocument] = [
        procedure(residence, field: "Đăng ký, quản lý cư trú", code: "1.004222", text: """
            Tờ khai thay đổi thông tin cư trú (Mẫu CT01). Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp. Giấy tờ, tài \
            liệu chứng minh quan hệ nhân thân theo mục 1 khi đăng ký thường trú theo khoản 2 Điều 20 Luật Cư trú. \
            Thông báo kết quả giải quyết thủ tục đăng ký cư trú. Người đăng ký nộp hồ sơ tại Công an cấp xã hoặc qua \
            Cổng Dịch vụ công quốc gia, ứng dụng định danh quốc gia; cơ quan đăng ký cập nhật thông tin vào Cơ sở dữ \
            liệu về cư trú và thông báo bằng văn bản hoặc tin nhắn điện tử. Công dân Việt Nam
            """),
        procedure(identity, field: "Định danh và xác thực điện tử", code: nil, text: """
            Phiếu đề nghị cấp tài khoản định danh điện tử (Mẫu TK01) ban hành kèm Nghị định số 69/2024/NĐ-CP. Tài \
            khoản định danh điện tử được kích hoạt trên ứng dụng VNeID. Công dân đến Công an cấp xã hoặc nơi làm thủ \
            tục cấp thẻ căn cước, xuất trình thẻ căn cước; cán bộ thu nhận ảnh chân dung và vân tay, kiểm tra thông \
            tin. Công dân Việt Nam từ đủ 14 tuổi trở lên
            """),
        procedure(copy, field: "Chứng thực", code: "2.000815.000.00.00.H38", text: """
            Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao. Bản sao được chứng thực từ bản chính. Người \
            yêu cầu chứng thực xuất trình bản chính; người thực hiện chứng thực đối chiếu, chứng thực trong ngày
            """),
        procedure(birth, field: "Hộ tịch", code: "1.001193", text: """
            Tờ khai đăng ký khai sinh. Giấy chứng sinh. Trích lục khai sinh bản điện tử được gửi vào tài khoản định \
            danh điện tử mức độ 2 của người yêu cầu. Công dân Việt Nam
            """),
        procedure(disability, field: "Bảo trợ xã hội", code: "1.001699", text: """
            Đơn đề nghị xác định mức độ khuyết tật (Mẫu số 01 ban hành kèm theo Thông tư số 01/2019/TT-BLĐTBXH). Giấy xác nhận khuyết tật. Trong 30 ngày, Chủ tịch \
            UBND xã triệu tập Hội đồng xác định mức độ khuyết tật. Người khuyết tật
            """),
        SearchDocument(kind: .announcement, title: notice, url: "thong-bao/giay-chung-sinh/index.html",
                       text: "Từ ngày 01/07/2025 trạm y tế xã cấp giấy chứng sinh ngay tại chỗ."),
    ]

    static func procedure(_ title: String, field: String, code: String?, text: String) -> SearchDocument {
        SearchDocument(kind: .procedure, title: title, url: "thu-tuc/\(VietnameseText.slug(title))/index.html",
                       field: field, code: code, text: text)
    }
}

@Suite("Search on real records")
struct RealRecordSearchTests {
    static let index = SearchIndex(RealRecords.documents)

    /// (what a citizen types, the titles that must come first, in this order)
    static let cases: [(query: String, first: [String])] = [
        // The issue's case: the title holds five of the six words (and "02" is 2); the residence record only
        // matches word by word in its body and used to come first, being the shorter title.
        ("dinh danh dien tu muc 2", [RealRecords.identity]),
        ("định danh điện tử mức 2", [RealRecords.identity]),
        ("dinh danh dien tu muc do 02", [RealRecords.identity]),
        ("tai khoan dinh danh", [RealRecords.identity]),
        // Both titles hold "mức độ"; only one holds the 2 too. The birth record has all three in its body.
        ("muc do 2", [RealRecords.identity, RealRecords.disability, RealRecords.birth]),
        ("muc do 02", [RealRecords.identity, RealRecords.disability, RealRecords.birth]),
        ("mẫu số 1", [RealRecords.disability]),
        ("01/7/2025", [RealRecords.notice]),
        ("thuong tru", [RealRecords.residence]),
        // Codes keep their inner zeros and are still one word.
        ("2.000815.000.00.00.H38", [RealRecords.copy]),
        ("2.000815", [RealRecords.copy]),
        ("1.001193", [RealRecords.birth]),
        ("1.004222", [RealRecords.residence]),
    ]

    @Test(arguments: RealRecordSearchTests.cases.indices)
    func ranksTheRecordACitizenMeans(_ i: Int) {
        let (query, first) = RealRecordSearchTests.cases[i]
        let results = RealRecordSearchTests.index.search(query).map(\.title)
        #expect(Array(results.prefix(first.count)) == first, "\(query): \(results)")
    }

    @Test func titleWithMostWordsRanksAboveBodyOnlyMatches() {
        let results = RealRecordSearchTests.index.search("dinh danh dien tu muc 2").map(\.title)
        #expect(results.count == 3)
        #expect(results.firstIndex(of: RealRecords.identity)! < results.firstIndex(of: RealRecords.residence)!)
        // Five of six words in a title still come before a body that holds all six.
        let small = SearchIndex([
            RealRecords.procedure("Đăng ký thường trú", field: "Cư trú", code: nil, text: "định danh điện tử mục 2"),
            RealRecords.procedure("Cấp tài khoản định danh điện tử mức độ cao", field: "Cư trú", code: nil,
                                  text: "Hồ sơ mức 2"),
        ])
        #expect(small.search("dinh danh dien tu muc 2").map(\.title)
                    == ["Cấp tài khoản định danh điện tử mức độ cao", "Đăng ký thường trú"])
    }

    @Test func numbersMatchWithoutLeadingZeros() {
        for query in ["muc do 2", "muc do 02", "muc do 002", "mức độ 02"] {
            #expect(RealRecordSearchTests.index.search(query).first?.title == RealRecords.identity, "\(query)")
        }
        let written = SearchIndex([RealRecords.procedure("Cấp thẻ mức 2", field: "X", code: nil, text: "Mẫu số 02, 0.5 ha, 00")])
        #expect(written.search("mau so 2").count == 1)
        #expect(written.search("mau so 02").count == 1)
        #expect(written.search("muc 02").count == 1)
        #expect(written.search("0.5").count == 1)
        #expect(written.search("5 ha").isEmpty)
        // The index keeps the words as matched: the body without the zeros, the title as written.
        #expect(written.javascript().contains(#""Cấp thẻ mức 2","thu-tuc/cap-the-muc-2/index.html","X","","","","Mẫu số 02, 0.5 ha, 00","x mau so 2 0.5 ha 0"]"#))
    }
}
