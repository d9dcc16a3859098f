import Foundation

/// One content key as editors write it. The loader, the JSON Schema files, the editors' guide's key tables and
/// the test that keeps them in step all read this one declaration.
public struct SchemaKey: Sendable {
    /// What a key's value may be, as the loader reads it.
    public indirect enum ValueType: Sendable {
        /// Any scalar, kept as written: an unquoted number keeps its digits (`YAMLReader.string`).
        case text
        /// Text rendered as Markdown.
        case markdown
        /// A whole number, not negative; "8.000" groups thousands (`YAMLReader.int`). The range, when given,
        /// is what the loader accepts.
        case integer(ClosedRange<Int>?)
        /// `YAMLReader.bool`: the spellings in `SchemaKey.trueWords` and `SchemaKey.falseWords`.
        case boolean
        /// `CalendarDate(parsing:)`: year-month-day, or day/month/year.
        case date
        /// `YAMLReader.url`: a full http(s) address.
        case url
        /// A URL component: lowercase ASCII letters, digits and single inner dashes (`VietnameseText.isValidSlug`).
        case slug
        /// One of a fixed set; the loader also takes any text whose slug is allowed (`YAMLReader.choice`).
        case choice([String])
        /// A list. `single`: one value without `- ` is a list of one (`YAMLReader.stringList`).
        case list(ValueType, single: Bool)
        /// A nested mapping whose keys the loader checks.
        case object(ContentSchema)
        /// Any of these shapes (a document written as its name alone, or as a mapping).
        case anyOf([ValueType])
        /// Keys chosen by the editor (host names, abbreviations), each mapped to a value of this type.
        case mapping(ValueType)
    }

    public let name: String
    public let type: ValueType
    public let required: Bool
    /// A value as written after `name: `; for a mapping, one `key: value` entry. nil where the value is a nested
    /// mapping or a list of them: their own keys carry the examples.
    public let example: String?
    /// One line of Vietnamese for editors.
    public let description: String

    public init(_ name: String, _ type: ValueType, required: Bool = false, example: String?, _ description: String) {
        self.name = name
        self.type = type
        self.required = required
        self.example = example
        self.description = description
    }

    /// What `YAMLReader.bool` takes, compared after lowercasing.
    public static let trueWords = ["true", "có", "yes", "on", "co"]
    public static let falseWords = ["false", "không", "no", "off", "khong"]

    /// The written Vietnamese of choice values, which `YAMLReader.choice` takes because their slug is the value.
    /// A test holds each spelling's slug equal to its value.
    public static let spellings: [String: String] = [
        "xa": "xã", "tinh": "tỉnh", "huyen": "huyện", "bo": "bộ",
        "thong-tin": "thông tin", "mot-phan": "một phần", "toan-trinh": "toàn trình",
        "truc-tiep": "trực tiếp", "truc-tuyen": "trực tuyến", "buu-chinh": "bưu chính",
        "dang-ky": "đăng ký", "nop-ho-so": "nộp hồ sơ", "tra-cuu": "tra cứu", "khac": "khác",
        "thuong": "thường", "uu-tien": "ưu tiên", "khan-cap": "khẩn cấp",
    ]

    /// How the national portal's procedure pages print a value: an editor pastes them as they are, and the
    /// loader takes them case and diacritics aside (`YAMLReader.chosen`). The guide lists them beside the value.
    public static let portalWording: [String: [String]] = [
        "xa": ["Cấp Xã", "Cấp Phường", "Cấp Đặc khu"], "tinh": ["Cấp Tỉnh"], "huyen": ["Cấp Huyện"],
        "bo": ["Cấp Bộ", "Cơ quan khác", "Cấp Trung ương"],
        "thong-tin": ["Cung cấp thông tin trực tuyến", "Thông tin trực tuyến"],
        "mot-phan": ["Dịch vụ công trực tuyến một phần", "DVC trực tuyến một phần"],
        "toan-trinh": ["Dịch vụ công trực tuyến toàn trình", "DVC trực tuyến toàn trình"],
        "1": ["Mức độ 1"], "2": ["Mức độ 2"], "3": ["Mức độ 3"], "4": ["Mức độ 4"],
        "truc-tiep": ["Nộp trực tiếp", "Nộp hồ sơ trực tiếp", "Hình thức trực tiếp"],
        "truc-tuyen": ["Nộp trực tuyến", "Nộp hồ sơ trực tuyến", "Hình thức trực tuyến", "Dịch vụ trực tuyến"],
        "buu-chinh": ["Dịch vụ bưu chính", "Dịch vụ bưu chính công ích", "Qua bưu chính", "Nộp qua bưu chính",
                      "Nộp hồ sơ qua bưu chính", "Hình thức bưu chính"],
    ]
}

/// The keys one YAML mapping may hold: a whole file, a file's front matter, or a mapping nested in one.
///
/// The loader names every key it reads through this value (`schema.ten`), so reading a key the table does not
/// declare is caught: debug builds record each read (`SchemaReads`), and SchemaTests loads a file holding every
/// declared key and fails on an undeclared read or a declared key never read.
@dynamicMemberLookup
public struct ContentSchema: Sendable {
    /// Names the mapping for the read records: the file kind, then the path of nested keys.
    public let id: String
    /// How diagnostics name such a mapping ("thủ tục", "cách thực hiện").
    public let what: String
    public let keys: [SchemaKey]
    /// For a mapping of free keys (viet-tat.yml): what each entry is.
    public let freeKeys: SchemaKey?

    init(_ id: String, what: String, _ keys: [SchemaKey]) {
        self.id = id
        self.what = what
        self.keys = keys
        self.freeKeys = nil
    }

    init(_ id: String, what: String, freeKeys: SchemaKey) {
        self.id = id
        self.what = what
        self.keys = []
        self.freeKeys = freeKeys
    }

    /// What the unknown-key check accepts, in the table's order (its message lists them so).
    public var keyNames: [String] { keys.map(\.name) }

    public func key(_ name: String) -> SchemaKey? {
        keys.first { $0.name == name }
    }

    /// A declared key by its name: `ContentSchema.procedure.ma`.
    public subscript(dynamicMember name: String) -> ContentKey {
        let declared = key(name)
        #if DEBUG
        SchemaReads.shared.note(schema: id, key: name, declared: declared != nil)
        #endif
        return ContentKey(key: declared ?? SchemaKey(name, .text, example: nil, ""), what: what)
    }
}

/// A key as the loader reads it: the declaration and the name of the mapping it sits in.
public struct ContentKey: Sendable {
    public let key: SchemaKey
    public let what: String
    public var name: String { key.name }

    /// The values a choice accepts.
    var allowed: [String] {
        if case .choice(let values) = key.type { return values }
        return []
    }

    var range: ClosedRange<Int>? {
        if case .integer(let range) = key.type { return range }
        return nil
    }
}

#if DEBUG
/// The keys read through a schema in this process, for the test that keeps the loader and the table in step.
public final class SchemaReads: @unchecked Sendable {
    public static let shared = SchemaReads()
    private let lock = NSLock()
    private var read: Set<String> = []
    private var undeclared: Set<String> = []

    func note(schema: String, key: String, declared: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if declared { read.insert(schema + " " + key) } else { undeclared.insert(schema + " " + key) }
    }

    /// "schema key" for every key read.
    public var keysRead: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return read
    }

    /// "schema key" for every name read that its schema does not declare.
    public var undeclaredReads: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return undeclared
    }
}
#endif

// MARK: - The table

extension ContentSchema {
    public static let siteRadio = ContentSchema("site/phat_thanh", what: "`phat_thanh`", [
        SchemaKey("toc_do", .integer(60...400), example: "180",
                  "Tốc độ đọc trên đài (âm tiết/phút) để ước tính thời lượng bản tin; mặc định 180, thường 160–220"),
        SchemaKey("ten_goi", .mapping(.text), example: "dichvucong.gov.vn: Cổng Dịch vụ công quốc gia",
                  "Tên đọc trên đài của các địa chỉ web: mỗi dòng `tên máy chủ: cách đọc`, không ghi `https://`, `www.` hay đường dẫn"),
    ])

    public static let site = ContentSchema("site", what: "site.yml", [
        SchemaKey("ten", .text, required: true, example: "Ủy ban nhân dân xã An Phú", "Tên cơ quan, hiện ở đầu mọi trang"),
        SchemaKey("tinh", .text, example: "Thành phố Hải Phòng", "Tỉnh hoặc thành phố trực thuộc trung ương; tên không có chữ “Tỉnh” hay “Thành phố” ở đầu thì trang tự thêm “Tỉnh”"),
        SchemaKey("dia_chi", .text, example: "Trụ sở UBND xã An Phú, thành phố Hải Phòng", "Địa chỉ trụ sở, hiện ở chân trang"),
        SchemaKey("dien_thoai", .text, example: "\"0225 3 123 456\"", "Số điện thoại; trên điện thoại, bấm vào là gọi. Nên đặt trong ngoặc kép"),
        SchemaKey("email", .text, example: "ubnd.anphu@haiphong.gov.vn", "Thư điện tử của UBND"),
        SchemaKey("gio_lam_viec", .text, example: "\"Sáng 7h30–11h30, chiều 13h30–17h00\"", "Giờ làm việc của Trung tâm Phục vụ hành chính công xã"),
        SchemaKey("cong_dich_vu_cong", .url, example: "https://dichvucong.gov.vn", "Cổng Dịch vụ công quốc gia"),
        SchemaKey("cong_tinh", .url, example: "https://dichvucong.haiphong.gov.vn", "Cổng Dịch vụ công của tỉnh"),
        SchemaKey("tra_cuu", .url, example: "https://dichvucong.haiphong.gov.vn/tra-cuu-ho-so?ma={ma_ho_so}",
                  "Trang tra cứu hồ sơ của tỉnh, dùng cho ô Tra cứu hồ sơ; `{ma_ho_so}` là chỗ điền mã hồ sơ người dân nhập"),
        SchemaKey("base_url", .url, example: "https://anphu.haiphong.gov.vn/",
                  "Địa chỉ chính thức của trang, chỉ dùng cho sitemap.xml, bản tin và liên kết chuẩn; tự thêm `/` ở cuối"),
        SchemaKey("muc_do", .choice(LevelScheme.allCases.map(\.rawValue)), example: "nd42",
                  "Cách hiển thị nhãn mức độ: `nd42` (Toàn trình / Một phần / Thông tin, mặc định) hoặc `legacy` (Mức độ 1–4)"),
        SchemaKey("phat_thanh", .object(siteRadio), example: nil, "Thiết lập cho bản đọc trên đài"),
        SchemaKey("ra_soat_sau_thang", .integer(1...120), example: "12",
                  "Sau bao nhiêu tháng kể từ `ngay_ra_soat` thì cảnh báo thủ tục cần rà soát lại (phí, căn cứ pháp lý hay đổi); mặc định 12"),
        SchemaKey("cho_phep_html", .boolean, example: "false",
                  "Cho phép mã HTML viết trong Markdown; mặc định không (thẻ nguy hiểm luôn bị vô hiệu)"),
    ])

    public static let channel = ContentSchema("thu-tuc/cach_thuc", what: "cách thực hiện", [
        SchemaKey("hinh_thuc", .choice(Procedure.Method.allCases.map(\.rawValue)), required: true, example: "truc-tiep",
                  "Cách nộp: trực tiếp tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính"),
        SchemaKey("thoi_han", .text, example: "Trong ngày", "Thời hạn giải quyết"),
        SchemaKey("le_phi", .anyOf([.text, .list(.anyOf([.text, .object(fee)]), single: false)]), example: "8.000",
                  "Phí, lệ phí (đồng): một số tiền (`8.000` hay `8,000`), `0` là miễn lệ phí, một câu chữ giữ nguyên khi hiển thị, hoặc danh sách các khoản, mỗi khoản có `ten`, `so_tien`, `ghi_chu`"),
        SchemaKey("mo_ta", .text, example: "Nộp hồ sơ qua Cổng Dịch vụ công quốc gia, nhận kết quả qua bưu chính",
                  "Mô tả của cách thực hiện này, như cột Mô tả trên Cổng Dịch vụ công"),
    ])

    public static let fee = ContentSchema("thu-tuc/le_phi", what: "khoản phí, lệ phí", [
        SchemaKey("ten", .text, example: "Lệ phí", "Loại khoản: Phí hoặc Lệ phí"),
        SchemaKey("so_tien", .text, required: true, example: "8.000",
                  "Số tiền (đồng): một số, `0` là miễn, hoặc một câu chữ giữ nguyên khi hiển thị"),
        SchemaKey("ghi_chu", .text, example: "Cấp bản sao trích lục hộ tịch", "Khoản này thu cho việc gì, ai được miễn"),
    ])

    public static let result = ContentSchema("thu-tuc/ket_qua", what: "kết quả", [
        SchemaKey("ten", .text, required: true, example: "Giấy khai sinh (bản chính)", "Tên kết quả"),
        SchemaKey("ma", .text, example: "KQ.G15.000031", "Mã kết quả trong Cơ sở dữ liệu quốc gia; tìm kiếm được trên trang"),
    ])

    /// What every paper has, handed in or shown.
    static let paperKeys: [SchemaKey] = [
        SchemaKey("ten", .text, required: true, example: "Tờ khai đăng ký khai sinh", "Tên giấy tờ"),
        SchemaKey("ban_chinh", .integer(nil), example: "1", "Số bản chính; mặc định 0"),
        SchemaKey("ban_sao", .integer(nil), example: "0", "Số bản sao; mặc định 0"),
        SchemaKey("ghi_chu", .text, example: "Nộp bản sao hoặc xuất trình bản chính để đối chiếu.", "Ghi chú thêm về giấy tờ"),
    ]

    public static let document = ContentSchema("thu-tuc/giay_to", what: "giấy tờ", [paperKeys[0],
        SchemaKey("bieu_mau", .text, example: "to-khai-dang-ky-khai-sinh.docx",
                  "Tên tệp mẫu nằm ngay trong Content/bieu-mau/, không có đường dẫn; trang hiện nút tải về"),
    ] + paperKeys.dropFirst())

    /// A paper shown at the desk is not handed in, so it has no form to fill in.
    public static let shownDocument = ContentSchema("thu-tuc/xuat_trinh", what: "giấy tờ phải xuất trình (chỉ mang theo để đối chiếu nên không có `bieu_mau`; giấy tờ phải nộp ghi trong `ho_so`)", paperKeys)

    public static let documentGroup = ContentSchema("thu-tuc/truong_hop", what: "nhóm giấy tờ theo trường hợp", [
        SchemaKey("truong_hop", .text, example: "Người khuyết tật", "Tên trường hợp, hiện làm tiêu đề nhóm"),
        SchemaKey("giay_to", .list(.anyOf([.text, .object(document)]), single: false), example: nil,
                  "Các giấy tờ phải nộp của trường hợp này, viết như giấy tờ trong `ho_so`"),
        SchemaKey("xuat_trinh", .list(.anyOf([.text, .object(shownDocument)]), single: false), example: nil,
                  "Các giấy tờ phải xuất trình (mang theo để đối chiếu, không nộp) của trường hợp này"),
    ])

    public static let legal = ContentSchema("thu-tuc/can_cu", what: "căn cứ pháp lý", [
        SchemaKey("so", .text, required: true, example: "60/2014/QH13", "Số, ký hiệu văn bản"),
        SchemaKey("trich_yeu", .text, example: "Luật Hộ tịch", "Trích yếu, tên văn bản"),
        SchemaKey("ngay", .date, example: "2014-11-20", "Ngày ban hành (hiển thị 20/11/2014)"),
        SchemaKey("co_quan_ban_hanh", .text, example: "Quốc hội", "Cơ quan ban hành"),
    ])

    public static let procedure = ContentSchema("thu-tuc/thu_tuc", what: "thủ tục", [
        SchemaKey("ma", .text, required: true, example: "\"1.001193\"",
                  "Mã thủ tục theo Cơ sở dữ liệu quốc gia, không trùng trong cả danh mục; luôn đặt trong ngoặc kép"),
        SchemaKey("ten", .text, required: true, example: "Đăng ký khai sinh", "Tên thủ tục; địa chỉ trang lấy từ tên này nếu không có `slug`"),
        SchemaKey("cap", .list(.choice(Procedure.Tier.allCases.map(\.rawValue)), single: true), example: "xa",
                  "Cấp thực hiện: xã (mặc định), tỉnh, bộ (bộ, cơ quan trung ương) hoặc huyện (cấp huyện cũ, trước 01/7/2025); nhiều cấp viết `[tinh, xa]` hoặc như trên Cổng: `Cấp Tỉnh, Cấp Xã`"),
        SchemaKey("muc_do", .choice(ServiceLevel.allowedValues), example: "toan-trinh",
                  "Mức độ dịch vụ công trực tuyến theo Nghị định 42/2022 (thong-tin, mot-phan, toan-trinh) hoặc cách cũ 1–4"),
        SchemaKey("doi_tuong", .list(.text, single: true), example: "[Công dân Việt Nam]", "Đối tượng thực hiện"),
        SchemaKey("co_quan", .text, example: "Ủy ban nhân dân xã An Phú", "Cơ quan thực hiện"),
        SchemaKey("co_quan_tham_quyen", .text, example: "Ủy ban nhân dân cấp xã", "Cơ quan có thẩm quyền, khi khác cơ quan thực hiện"),
        SchemaKey("co_quan_duoc_uy_quyen", .text, example: "Trung tâm Phục vụ hành chính công xã", "Cơ quan được ủy quyền"),
        SchemaKey("co_quan_phoi_hop", .text, example: "Công an xã", "Cơ quan phối hợp"),
        SchemaKey("noi_nop", .text, example: "Trung tâm Phục vụ hành chính công xã An Phú", "Địa chỉ nơi tiếp nhận hồ sơ"),
        SchemaKey("cach_thuc", .list(.object(channel), single: false), example: nil,
                  "Các cách nộp hồ sơ, mỗi cách có thời hạn và lệ phí riêng"),
        SchemaKey("trinh_tu", .markdown, example: "1. Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã.", "Các bước thực hiện (thường viết sau dấu `|`)"),
        SchemaKey("ho_so", .list(.anyOf([.text, .object(document), .object(documentGroup)]), single: false), example: nil,
                  "Thành phần hồ sơ: danh sách giấy tờ (một giấy tờ có thể viết gọn bằng tên), hoặc danh sách nhóm theo trường hợp"),
        SchemaKey("xuat_trinh", .list(.anyOf([.text, .object(shownDocument)]), single: false), example: nil,
                  "Giấy tờ phải xuất trình (mang theo để đối chiếu, không nộp), viết như giấy tờ trong `ho_so`; `ho_so` là giấy tờ phải nộp"),
        SchemaKey("ket_qua", .anyOf([.text, .list(.anyOf([.text, .object(result)]), single: false)]), example: "Giấy khai sinh (bản chính)",
                  "Kết quả người dân nhận được: một câu, hoặc danh sách kết quả, mỗi kết quả có `ten` và `ma` (mã KQ trên Cổng)"),
        SchemaKey("yeu_cau", .markdown, example: "Không", "Yêu cầu, điều kiện"),
        SchemaKey("mien_le_phi", .list(.text, single: true), example: "[Người thuộc hộ nghèo, Người khuyết tật]",
                  "Các đối tượng được miễn lệ phí"),
        SchemaKey("can_cu", .list(.anyOf([.text, .object(legal)]), single: false), example: nil,
                  "Căn cứ pháp lý; một văn bản có thể viết gọn chỉ bằng số văn bản"),
        SchemaKey("nop_truc_tuyen", .text, example: "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.001193",
                  "Địa chỉ nộp hồ sơ trực tuyến; nút Nộp trực tuyến chỉ hiện với địa chỉ `https://`, cần cho mot-phan, toan-trinh, 3, 4"),
        SchemaKey("thanh_toan_truc_tuyen", .boolean, example: "true", "Có thanh toán lệ phí trực tuyến không (cần cho mức độ 4 khi có lệ phí)"),
        SchemaKey("nhan_ket_qua", .list(.choice(Procedure.Method.allCases.map(\.rawValue)), single: true), example: "[truc-tiep, buu-chinh]",
                  "Các cách nhận kết quả; toàn trình cần `truc-tuyen` hoặc `buu-chinh`"),
        SchemaKey("mo_ta", .text, example: "Thủ tục đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
                  "Mô tả thủ tục, như mục Mô tả trên Cổng Dịch vụ công; hiện dưới tên thủ tục"),
        SchemaKey("tu_khoa", .list(.text, single: true), example: "[khai sinh, giấy khai sinh, trẻ sơ sinh]",
                  "Từ khóa: những từ người dân hay gõ để tìm thủ tục này; tìm kiếm trên trang dùng các từ này"),
        SchemaKey("so_quyet_dinh", .text, example: "1386/QĐ-BTP",
                  "Số quyết định công bố thủ tục (mục Số quyết định trên Cổng)"),
        SchemaKey("loai_thu_tuc", .text, example: "TTHC được luật giao quy định chi tiết", "Loại thủ tục, ghi như trên Cổng"),
        SchemaKey("thu_tuc_lien_quan", .list(.text, single: true), example: "[\"1.004194\", \"1.004222\"]",
                  "Mã các thủ tục liên quan, mỗi mã trong ngoặc kép; trang dẫn sang các thủ tục đó. Mã phải có trong danh mục"),
        SchemaKey("chi_truc_tuyen", .boolean, example: "true",
                  "Chỉ nhận hồ sơ trực tuyến (như 25 dịch vụ công thiết yếu từ 01/10/2025); trang hiện rõ điều này"),
        SchemaKey("phi_dia_gioi", .boolean, example: "true",
                  "Phi địa giới: nộp hồ sơ ở bất kỳ Trung tâm Phục vụ hành chính công nào trong tỉnh; trang hiện rõ điều này"),
        SchemaKey("ngay_ra_soat", .date, example: "2026-11-15",
                  "Ngày rà soát lần cuối với Cơ sở dữ liệu quốc gia; quá `ra_soat_sau_thang` tháng (site.yml) thì có cảnh báo"),
        SchemaKey("slug", .slug, example: "dang-ky-khai-sinh", "Đặt cố định địa chỉ trang `/thu-tuc/<slug>/`"),
        SchemaKey("dia_chi_cu", .list(.text, single: true), example: "/thu-tuc/dang-ky-khai-sinh-cho-tre-em/",
                  "Địa chỉ cũ của trang thủ tục (đã in, đã chia sẻ) trước khi đổi tên hoặc `slug`, viết như `/thu-tuc/ten-cu/`; mỗi địa chỉ thành một trang nhỏ tự chuyển người xem tới địa chỉ mới"),
    ])

    public static let field = ContentSchema("thu-tuc", what: "tệp lĩnh vực", [
        SchemaKey("linh_vuc", .text, required: true, example: "Hộ tịch", "Tên lĩnh vực"),
        SchemaKey("mo_ta", .text, example: "Đăng ký khai sinh, kết hôn, khai tử và các việc hộ tịch khác.", "Một câu giới thiệu lĩnh vực"),
        SchemaKey("slug", .slug, example: "ho-kinh-doanh", "Đặt cố định địa chỉ trang lĩnh vực `/linh-vuc/<slug>/`"),
        SchemaKey("dia_chi_cu", .list(.text, single: true), example: "/linh-vuc/dang-ky-kinh-doanh/",
                  "Địa chỉ cũ của trang lĩnh vực (đã in, đã chia sẻ) trước khi đổi tên hoặc `slug`, viết như `/thu-tuc/ten-cu/`; mỗi địa chỉ thành một trang nhỏ tự chuyển người xem tới địa chỉ mới"),
        SchemaKey("thu_tuc", .list(.object(procedure), single: false), example: nil,
                  "Danh sách thủ tục của lĩnh vực, mỗi mục bắt đầu bằng `- ma:`; thiếu thì có cảnh báo"),
    ])

    /// What a commune may change of a procedure in its province's catalog (Content/xa/<slug>/thu-tuc/), by
    /// `ma`: how and where it is done there. The record itself (name, papers, steps, legal basis) is the
    /// province's, the same for every commune, so that one edit reaches them all.
    public static let changeableByCommune = ["muc_do", "co_quan", "noi_nop", "cach_thuc", "nop_truc_tuyen",
                                             "thanh_toan_truc_tuyen", "nhan_ket_qua", "mien_le_phi", "tu_khoa"]

    public static let procedureChange = ContentSchema("xa/thu-tuc/thu_tuc", what: "thay đổi của xã", [
        SchemaKey("ma", .text, required: true, example: "\"1.001193\"",
                  "Mã thủ tục trong danh mục chung của tỉnh mà xã này làm khác; luôn đặt trong ngoặc kép"),
        SchemaKey("khong_ap_dung", .boolean, example: "true",
                  "Xã không thực hiện thủ tục này: trang của xã không có thủ tục, kể cả trong danh sách và tìm kiếm"),
    ] + changeableByCommune.map { procedure.key($0)! })

    public static let catalogChanges = ContentSchema("xa/thu-tuc", what: "tệp thủ tục của xã", [
        SchemaKey("linh_vuc", .text, example: "Hộ tịch",
                  "Lĩnh vực của các thủ tục riêng của xã trong tệp (mục có `ten`); không cần khi tệp chỉ đổi thủ tục của tỉnh"),
        SchemaKey("thu_tuc", .list(.anyOf([.object(procedureChange), .object(procedure)]), single: false), example: nil,
                  "Mỗi mục một thủ tục: `ma` và các khóa xã làm khác, hoặc `ma` và `khong_ap_dung: true`, hoặc một thủ tục riêng của xã viết đầy đủ như trong danh mục"),
    ])

    /// tinh.yml: the province, and every key a commune's site.yml may set, for the communes that do not.
    public static let province = ContentSchema("tinh", what: "tinh.yml", [
        SchemaKey("ten", .text, required: true, example: "Thành phố Hải Phòng",
                  "Tên tỉnh hoặc thành phố, đầu trang của tỉnh; là `tinh` của mọi xã"),
    ] + site.keys.filter { $0.name != "ten" && $0.name != "tinh" })

    public static let guide = ContentSchema("huong-dan", what: "hướng dẫn", [
        SchemaKey("tieu_de", .text, required: true, example: "Hướng dẫn nộp hồ sơ trực tuyến", "Tiêu đề bài"),
        SchemaKey("mo_ta", .text, example: "Hướng dẫn tạo tài khoản trên Cổng Dịch vụ công quốc gia.", "Tóm tắt, hiện trong danh sách hướng dẫn"),
        SchemaKey("thu_tu", .integer(nil), example: "1", "Thứ tự trong danh sách: số nhỏ đứng trước; bài không ghi xếp sau, theo vần"),
        SchemaKey("nhom", .choice(Guide.groups), example: "dang-ky",
                  "Nhóm trong trang Hướng dẫn: Đăng ký tài khoản, Nộp hồ sơ, Tra cứu hồ sơ, Hướng dẫn khác (mặc định `khac`)"),
        SchemaKey("lien_quan", .list(.text, single: true), example: "[\"1.001193\", \"1.004194\"]",
                  "Mã các thủ tục liên quan, mỗi mã trong ngoặc kép; trang thủ tục dẫn ngược về bài. Mã phải có trong danh mục"),
        SchemaKey("nhap", .boolean, example: "true", "Bản nháp: không đăng, chỉ hiện khi chạy `motcua build --drafts`"),
        SchemaKey("slug", .slug, example: "cai-dat-vneid", "Đặt địa chỉ khác với tên tệp"),
        SchemaKey("dia_chi_cu", .list(.text, single: true), example: "/huong-dan/cai-dat-ung-dung-vneid/",
                  "Địa chỉ cũ của bài (đã in, đã chia sẻ) trước khi đổi tên hoặc `slug`, viết như `/thu-tuc/ten-cu/`; mỗi địa chỉ thành một trang nhỏ tự chuyển người xem tới địa chỉ mới"),
    ])

    public static let broadcast = ContentSchema("thong-bao/phat_thanh", what: "`phat_thanh`", [
        SchemaKey("muc_uu_tien", .choice(Announcement.Priority.allCases.map(\.rawValue)), example: "khan-cap",
                  "Mức ưu tiên: thông thường (mặc định), ưu tiên, khẩn cấp"),
        SchemaKey("bat_dau", .date, example: "2026-11-03", "Ngày bắt đầu phát; mặc định bằng `ngay`"),
        SchemaKey("so_tuan", .integer(0...520), example: "5", "Phát trong bao nhiêu tuần (tối đa 520, mười năm); mặc định 1"),
        SchemaKey("so_lan_moi_tuan", .integer(0...70), example: "2", "Số lần phát mỗi tuần (tối đa 70, mười lần mỗi ngày); mặc định 2"),
    ])

    public static let announcement = ContentSchema("thong-bao", what: "thông báo", [
        SchemaKey("tieu_de", .text, required: true, example: "Thông báo về việc …", "Tiêu đề (trích yếu) thông báo"),
        SchemaKey("so", .text, example: "45/TB-UBND", "Số, ký hiệu văn bản"),
        SchemaKey("ngay", .date, required: true, example: "2026-11-02", "Ngày ban hành; danh sách thông báo xếp theo ngày, mới nhất trước"),
        SchemaKey("noi_nhan", .list(.text, single: true), example: "[Đài truyền thanh xã, Các thôn]", "Nơi nhận"),
        SchemaKey("ky", .text, example: "Nguyễn Văn Thành", "Người ký"),
        SchemaKey("chuc_vu", .text, example: "Chủ tịch", "Chức vụ người ký"),
        SchemaKey("phat_thanh", .object(broadcast), example: nil,
                  "Kế hoạch phát trên Đài truyền thanh xã; có khóa này thì thông báo vào Lịch phát thanh"),
        SchemaKey("nhap", .boolean, example: "true", "Bản nháp, không đăng"),
        SchemaKey("slug", .slug, example: "lich-tiem-chung-thang-12", "Đặt địa chỉ khác với tên tệp"),
        SchemaKey("dia_chi_cu", .list(.text, single: true), example: "/thong-bao/lich-tiem-chung/",
                  "Địa chỉ cũ của thông báo (đã in, đã chia sẻ) trước khi đổi tên hoặc `slug`, viết như `/thu-tuc/ten-cu/`; mỗi địa chỉ thành một trang nhỏ tự chuyển người xem tới địa chỉ mới"),
    ])

    public static let page = ContentSchema("trang", what: "trang", [
        SchemaKey("tieu_de", .text, required: true, example: "Liên hệ", "Tiêu đề trang"),
        SchemaKey("mo_ta", .text, example: "Địa chỉ, điện thoại, giờ làm việc của UBND xã An Phú.", "Mô tả ngắn của trang, dùng cho máy tìm kiếm"),
        SchemaKey("thu_tu", .integer(nil), example: "2", "Thứ tự trang khi liệt kê (giao diện mặc định hiện chưa dùng)"),
        SchemaKey("nhap", .boolean, example: "true", "Bản nháp, không đăng"),
        SchemaKey("slug", .slug, example: "hoi-dap", "Đặt địa chỉ khác với tên tệp"),
        SchemaKey("dia_chi_cu", .list(.text, single: true), example: "/hoi-dap-cu/",
                  "Địa chỉ cũ của trang (đã in, đã chia sẻ) trước khi đổi tên hoặc `slug`, viết như `/thu-tuc/ten-cu/`; mỗi địa chỉ thành một trang nhỏ tự chuyển người xem tới địa chỉ mới"),
    ])

    public static let abbreviations = ContentSchema("viet-tat", what: "viet-tat.yml", freeKeys:
        SchemaKey("(chữ viết tắt)", .text, example: "BPMC: Bộ phận một cửa",
                  "Cách đọc đầy đủ trên đài của một chữ viết tắt; bổ sung hoặc thay danh sách có sẵn. Phân biệt chữ hoa, chữ thường"))
}

/// A kind of content file, its schema and where its JSON Schema goes.
public struct ContentFileKind: Sendable {
    /// "site", "thu-tuc": the JSON Schema is `<id>.schema.json`, the guide's table sits between
    /// `<!-- schema:<id> -->` and `<!-- /schema:<id> -->`.
    public let id: String
    /// The files, as a path from the site's root.
    public let files: String
    /// Vietnamese title of the JSON Schema.
    public let title: String
    public let schema: ContentSchema
    /// Markdown front matter: editors' YAML extensions do not check it.
    public let frontMatter: Bool

    public var schemaFileName: String { id + ".schema.json" }

    public static let all: [ContentFileKind] = [
        ContentFileKind(id: "site", files: "Content/site.yml", title: "Tệp site.yml: thông tin chung của trang", schema: .site, frontMatter: false),
        ContentFileKind(id: "thu-tuc", files: "Content/thu-tuc/*.yml", title: "Tệp lĩnh vực trong thu-tuc/: một lĩnh vực và các thủ tục của nó", schema: .field, frontMatter: false),
        ContentFileKind(id: "huong-dan", files: "Content/huong-dan/*.md", title: "Phần khai báo của bài hướng dẫn", schema: .guide, frontMatter: true),
        ContentFileKind(id: "thong-bao", files: "Content/thong-bao/*.md", title: "Phần khai báo của thông báo", schema: .announcement, frontMatter: true),
        ContentFileKind(id: "trang", files: "Content/trang/*.md", title: "Phần khai báo của trang tự do", schema: .page, frontMatter: true),
        ContentFileKind(id: "viet-tat", files: "Content/viet-tat.yml", title: "Tệp viet-tat.yml: chữ viết tắt khi đọc trên đài", schema: .abbreviations, frontMatter: false),
        ContentFileKind(id: "tinh", files: "Content/tinh.yml", title: "Tệp tinh.yml: thông tin chung của tỉnh và các xã", schema: .province, frontMatter: false),
        ContentFileKind(id: "xa-thu-tuc", files: "Content/xa/*/thu-tuc/*.yml", title: "Tệp thủ tục của một xã: những gì xã làm khác danh mục chung", schema: .catalogChanges, frontMatter: false),
    ]

    public static func named(_ id: String) -> ContentFileKind? {
        all.first { $0.id == id }
    }
}
