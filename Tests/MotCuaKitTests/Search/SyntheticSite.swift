import Foundation
import MotCuaKit

/// A commune site made up for the search tests: 35 procedures in 8 fields (with body text about as long as the
/// sample catalog's documents, result and steps), guides, announcements and pages. Titles mix old and new tone
/// placement on purpose (Hòa giải, thủy lợi; Gia đình văn hoá).
enum SyntheticSite {
    static let procedures: [(field: String, code: String, title: String, badge: LevelBadge)] = [
        ("Hộ tịch", "1.001193", "Đăng ký khai sinh", .nd42FullyOnline),
        ("Hộ tịch", "1.000894", "Đăng ký kết hôn", .nd42PartlyOnline),
        ("Hộ tịch", "1.000656", "Đăng ký khai tử", .nd42FullyOnline),
        ("Hộ tịch", "1.001022", "Đăng ký nhận cha, mẹ, con", .nd42PartlyOnline),
        ("Hộ tịch", "1.000689", "Đăng ký giám hộ", .nd42PartlyOnline),
        ("Hộ tịch", "1.001669", "Đăng ký chấm dứt giám hộ", .nd42PartlyOnline),
        ("Hộ tịch", "1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", .nd42PartlyOnline),
        ("Hộ tịch", "2.000635", "Cấp bản sao trích lục hộ tịch", .nd42FullyOnline),
        ("Hộ tịch", "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", .nd42FullyOnline),
        ("Hộ tịch", "1.003583", "Đăng ký khai sinh lưu động", .nd42Information),
        ("Chứng thực", "2.000815", "Chứng thực bản sao từ bản chính", .nd42PartlyOnline),
        ("Chứng thực", "2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", .nd42Information),
        ("Chứng thực", "2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", .nd42Information),
        ("Chứng thực", "2.001019", "Chứng thực di chúc", .nd42Information),
        ("Chứng thực", "2.000913", "Chứng thực văn bản thỏa thuận phân chia di sản", .nd42Information),
        ("Chứng thực", "2.000927", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", .nd42Information),
        ("Cư trú", "1.004194", "Đăng ký thường trú", .nd42FullyOnline),
        ("Cư trú", "1.004222", "Đăng ký tạm trú", .nd42FullyOnline),
        ("Cư trú", "1.004206", "Xóa đăng ký thường trú", .nd42FullyOnline),
        ("Cư trú", "1.004193", "Khai báo tạm vắng", .nd42FullyOnline),
        ("Cư trú", "1.004212", "Thông báo lưu trú", .nd42FullyOnline),
        ("Cư trú", "1.004198", "Gia hạn tạm trú", .nd42FullyOnline),
        ("Cư trú", "1.004227", "Điều chỉnh thông tin trong Cơ sở dữ liệu về cư trú", .nd42FullyOnline),
        ("Bảo trợ xã hội", "1.001776", "Trợ cấp xã hội hàng tháng", .nd42PartlyOnline),
        ("Bảo trợ xã hội", "1.001758", "Hỗ trợ chi phí mai táng", .nd42PartlyOnline),
        ("Bảo trợ xã hội", "1.001699", "Xác định mức độ khuyết tật", .nd42PartlyOnline),
        ("Bảo trợ xã hội", "1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", .nd42PartlyOnline),
        ("Bảo trợ xã hội", "2.000744", "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở", .nd42Information),
        ("Đất đai", "1.003554", "Hòa giải tranh chấp đất đai", .nd42Information),
        ("Đất đai", "2.001234", "Đăng ký biến động đất đai", .nd42PartlyOnline),
        ("Thủy lợi", "1.003446", "Cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", .nd42Information),
        ("Hộ kinh doanh", "2.000720", "Đăng ký hộ kinh doanh", .nd42FullyOnline),
        ("Hộ kinh doanh", "2.000575", "Thay đổi nội dung đăng ký hộ kinh doanh", .nd42FullyOnline),
        ("Văn hóa", "1.000954", "Công nhận Gia đình văn hoá", .nd42Information),
        ("Văn hóa", "1.003622", "Đăng ký tổ chức lễ hội", .nd42PartlyOnline),
    ]

    static func procedureText(_ title: String, field: String) -> String {
        let lower = title.prefix(1).lowercased() + title.dropFirst()
        return """
        Hồ sơ: Tờ khai \(lower) theo mẫu; Giấy tờ tùy thân (Căn cước công dân, hộ chiếu hoặc giấy tờ khác có ảnh \
        do cơ quan có thẩm quyền cấp, còn giá trị sử dụng); Văn bản ủy quyền có chứng thực nếu nộp thay; giấy tờ \
        chứng minh nội dung yêu cầu theo quy định của lĩnh vực \(field.lowercased()). Kết quả: văn bản giải quyết \
        \(lower) (bản giấy hoặc bản điện tử có giá trị như bản giấy). Trình tự: 1. Người yêu cầu nộp hồ sơ tại Bộ \
        phận một cửa UBND xã An Phú, qua Cổng Dịch vụ công quốc gia hoặc qua dịch vụ bưu chính công ích. \
        2. Công chức tiếp nhận kiểm tra tính đầy đủ của hồ sơ; nếu chưa đầy đủ thì hướng dẫn bổ sung một lần. \
        3. Công chức chuyên môn thẩm định, trình Chủ tịch UBND xã ký; trường hợp cần xác minh thì thời hạn kéo dài \
        không quá 05 ngày làm việc. 4. Trả kết quả tại Bộ phận một cửa, gửi bản điện tử vào tài khoản của người \
        yêu cầu hoặc qua bưu chính. Lệ phí theo Nghị quyết của Hội đồng nhân dân tỉnh; miễn cho người thuộc hộ \
        nghèo, người khuyết tật, người có công với cách mạng.
        """
    }

    static var documents: [SearchDocument] {
        var docs = procedures.map { p in
            SearchDocument(
                kind: .procedure, title: p.title, url: "thu-tuc/\(VietnameseText.slug(p.title))/index.html",
                field: p.field, badge: p.badge.label, badgeKey: p.badge.key, code: p.code,
                text: procedureText(p.title, field: p.field)
                    + (p.code == "1.001193" ? " Giấy chứng sinh do cơ sở y tế cấp." : ""))
        }
        docs += [
            SearchDocument(kind: .guide, title: "Đăng ký tài khoản trên Cổng Dịch vụ công quốc gia",
                           url: "huong-dan/dang-ky-tai-khoan/index.html",
                           text: "Truy cập dichvucong.gov.vn, chọn Đăng ký, dùng tài khoản định danh điện tử VNeID mức độ 2. "
                               + "Sau khi đăng nhập, kiểm tra thông tin cá nhân và số điện thoại nhận mã OTP."),
            SearchDocument(kind: .guide, title: "Nộp hồ sơ khai sinh trực tuyến",
                           url: "huong-dan/nop-ho-so-khai-sinh-truc-tuyen/index.html",
                           text: "Thủ tục 1.001193 Đăng ký khai sinh có thể nộp hoàn toàn trực tuyến. Chuẩn bị ảnh chụp "
                               + "Giấy chứng sinh, điền tờ khai điện tử, ký số hoặc xác thực bằng VNeID, theo dõi hồ sơ."),
            SearchDocument(kind: .guide, title: "Khai sinh", url: "huong-dan/khai-sinh/index.html",
                           text: "Những điều cha mẹ cần biết khi đăng ký khai sinh cho con trong 60 ngày."),
            SearchDocument(kind: .guide, title: "Tra cứu tình trạng hồ sơ", url: "huong-dan/tra-cuu/index.html",
                           text: "Nhập mã hồ sơ trên giấy tiếp nhận để xem hồ sơ đang ở bước nào."),
            SearchDocument(kind: .announcement, title: "Cấp giấy chứng sinh tại trạm y tế xã",
                           url: "thong-bao/2025-07-01-giay-chung-sinh/index.html",
                           text: "Từ ngày 01/7/2025 trạm y tế xã cấp giấy chứng sinh ngay tại chỗ."),
            SearchDocument(kind: .announcement, title: "Lịch tiếp công dân tháng 8",
                           url: "thong-bao/2025-08-01-lich-tiep-cong-dan/index.html",
                           text: "Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở."),
            SearchDocument(kind: .announcement, title: "Phòng chống lụt bão, bảo vệ công trình thuỷ lợi",
                           url: "thong-bao/2025-08-15-lut-bao/index.html",
                           text: "Các thôn kiểm tra đê, kênh mương; không lấn chiếm hành lang bảo vệ công trình thuỷ lợi."),
            SearchDocument(kind: .page, title: "Giới thiệu xã An Phú", url: "gioi-thieu/index.html",
                           text: "Xã An Phú có 12 thôn, diện tích 18,5 km², dân số 14.200 người."),
            SearchDocument(kind: .page, title: "Liên hệ", url: "lien-he/index.html",
                           text: "Bộ phận một cửa: thôn Phú Lộc, xã An Phú. Điện thoại 0220 3 123 456."),
        ]
        return docs
    }

    /// A big site for the size benchmark: the synthetic documents repeated with distinct titles and URLs,
    /// plus longer guide-like bodies.
    static func big(count: Int) -> [SearchDocument] {
        let base = documents
        return (0..<count).map { i in
            var d = base[i % base.count]
            d.title += " (\(i))"
            d.url = d.url.replacingOccurrences(of: "/index.html", with: "-\(i)/index.html")
            if d.kind != .procedure { d.text += " " + procedureText(d.title, field: "Khác") }
            return d
        }
    }
}
