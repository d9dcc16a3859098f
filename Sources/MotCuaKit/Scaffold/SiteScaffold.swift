import Foundation

/// `motcua new`: a small working site for another commune — Content/ with placeholders to fill in, and the
/// default theme from the copy embedded in the binary (so it works far from any checkout). With a province's
/// name (`motcua new --tinh`), a province of two communes instead (SiteScaffold+Province.swift), made of the
/// same pieces.
public struct SiteScaffold: Sendable {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case notEmpty(String)
        case notAFolder(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let path):
                return "thư mục \(path) đã có nội dung; `motcua new` chỉ tạo trang trong thư mục trống hoặc chưa có"
            case .notAFolder(let path):
                return "\(path) là một tệp, không phải thư mục"
            case .cannotWrite(let path, let reason):
                return "không ghi được \(path): \(reason)"
            }
        }
    }

    /// Where the site goes; created when missing, refused when it already holds anything.
    public var root: URL
    /// The commune as the user typed it (`Xã An Phú`, `An Phú`), or nil for a placeholder.
    public var communeName: String?
    /// A province (`--tinh`) as the user typed it: then the root is a province (Content/tinh.yml) of two communes.
    public var provinceName: String?
    /// The text of files a province's communes share speaks of "cấp xã", not of one commune.
    var sharedByCommunes = false

    public init(root: URL, communeName: String? = nil, provinceName: String? = nil) {
        self.root = root
        self.communeName = communeName
        self.provinceName = provinceName
    }

    /// Files written, relative to the root, in order.
    @discardableResult
    public func create() throws(Failure) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .notAFolder(root.path) }
            let entries = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
            guard entries.isEmpty else { throw .notEmpty(root.path) }
        }
        var written: [String] = []
        for (path, data) in files() {
            let url = root.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            } catch {
                throw .cannotWrite(url.path, error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }

    /// Every file of the new site, relative to its root.
    public func files() -> [(path: String, data: Data)] {
        var result = (provinceName == nil ? content : provinceContent).map { ($0.path, Data($0.text.utf8)) }
        result.append(("Content/bieu-mau/\(Self.formName)", Self.sampleForm(title: "Phiếu yêu cầu chứng thực (mẫu)")))
        for file in JSONSchemaWriter.files() {
            result.append(("\(Self.schemaFolder)/\(file.name)", Data(file.text.utf8)))
        }
        for file in DefaultTheme.files {
            result.append(("Theme/\(file.path)", file.contents.data))
        }
        return result
    }

    // MARK: - Names

    static let placeholder = "(điền tên xã)"
    static let formName = "phieu-yeu-cau-chung-thuc.docx"
    /// The JSON Schemas of the content, beside Content/: each YAML file's first line points its editor there.
    static let schemaFolder = "schema"

    /// The line that tells the YAML extension of VS Code which schema checks a file `depth` folders below the root.
    static func schemaLine(_ id: String, depth: Int) -> String {
        let folder = String(repeating: "../", count: depth) + schemaFolder
        return ContentFileKind.named(id)!.languageServerLine(schemaFolder: folder)
    }

    /// "Xã An Phú" and "An Phú" both give "An Phú"; nothing gives the placeholder.
    var shortName: String {
        guard var name = communeName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return Self.placeholder }
        for prefix in ["Ủy ban nhân dân xã ", "UBND xã ", "Xã ", "xã "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            break
        }
        return name
    }

    /// "xã An Phú" for running text; "cấp xã" in the files a province's communes share.
    var commune: String { sharedByCommunes ? "cấp xã" : "xã \(shortName)" }

    /// A YAML double-quoted scalar: every value that holds the commune's name is written so, since an editor's
    /// name may hold `: `, `#` or quotes.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: - Content

    var content: [(path: String, text: String)] {
        [
            ("Content/site.yml", siteYML),
            ("Content/thu-tuc/chung-thuc.yml", procedureYML),
            ("Content/huong-dan/nop-ho-so.md", guideMD),
            ("Content/thong-bao/2026-01-05-khai-truong-trang.md", announcementMD),
            ("Content/trang/lien-he.md", contactMD),
        ]
    }

    var siteYML: String {
        """
        \(Self.schemaLine("site", depth: 1))
        # Cấu hình trang thông tin thủ tục hành chính.
        # Thay mọi chỗ ghi "(điền …)" bằng thông tin của xã, rồi chạy `motcua build` hoặc `motcua serve`.
        ten: \(Self.quoted("Ủy ban nhân dân \(commune)"))
        tinh: "(điền tên tỉnh)"
        \(Self.contactLines)
        \(Self.portalLines(baseURL: "https://ten-xa.tinh.gov.vn/"))

        """
    }

    /// The commune's own address, phone, email and hours: in site.yml, and in each commune's site.yml of a province.
    static let contactLines = """
        dia_chi: "(điền địa chỉ trụ sở UBND xã)"
        dien_thoai: "(điền số điện thoại của Trung tâm Phục vụ hành chính công xã)"
        email: "(điền email của UBND xã)"
        gio_lam_viec: "(điền giờ làm việc, ví dụ: Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu)"
        """

    /// Portals, addresses and the level scheme: in site.yml, and in a province's tinh.yml for all its communes.
    static func portalLines(baseURL: String) -> String {
        """
        cong_dich_vu_cong: https://dichvucong.gov.vn
        # Bỏ dấu # ở đầu các dòng dưới đây khi đã có địa chỉ thật:
        # cong_tinh: (điền địa chỉ Cổng Dịch vụ công của tỉnh, ví dụ https://dichvucong.tinh.gov.vn)
        # tra_cuu: (điền địa chỉ tra cứu hồ sơ, có {ma_ho_so} ở chỗ mã hồ sơ)
        # base_url: (điền địa chỉ trang khi đưa lên mạng, ví dụ \(baseURL))
        muc_do: nd42
        """
    }

    var procedureYML: String {
        """
        \(Self.schemaLine("thu-tuc", depth: 2))
        # Mỗi tệp trong thu-tuc/ là một lĩnh vực; mỗi mục trong `thu_tuc` là một thủ tục.
        # Chép mục dưới đây để thêm thủ tục; mã thủ tục lấy từ Cơ sở dữ liệu quốc gia về thủ tục hành chính.
        linh_vuc: Chứng thực
        mo_ta: \(Self.quoted("Chứng thực giao dịch tại UBND \(commune)."))
        thu_tuc:
          - ma: "2.001035"
            ten: Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở
            cap: xa
            muc_do: thong-tin
            doi_tuong: [Cá nhân, Tổ chức]
            co_quan: \(Self.quoted("Ủy ban nhân dân \(commune)"))
            noi_nop: \(Self.quoted("Trung tâm Phục vụ hành chính công \(commune)"))
            cach_thuc:
              - hinh_thuc: truc-tiep
                thoi_han: Trong ngày nhận hồ sơ; hợp đồng phức tạp thì không quá 02 ngày làm việc
                le_phi: 50000
            trinh_tu: |
              1. Người yêu cầu nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã.
              2. Người thực hiện chứng thực kiểm tra giấy tờ, năng lực hành vi dân sự và sự tự nguyện của các bên.
              3. Các bên **ký trước mặt** người thực hiện chứng thực; người thực hiện chứng thực ghi lời chứng, ký, đóng dấu.
              4. Ghi vào Sổ chứng thực hợp đồng, giao dịch và trả kết quả.
            ho_so:
              - ten: Phiếu yêu cầu chứng thực hợp đồng, giao dịch
                bieu_mau: \(Self.formName)
                ban_chinh: 1
                ban_sao: 0
              - ten: Dự thảo hợp đồng, giao dịch
                ban_chinh: 1
                ban_sao: 0
              - ten: CCCD hoặc hộ chiếu của người yêu cầu chứng thực
                ban_chinh: 0
                ban_sao: 1
            ket_qua: Hợp đồng, giao dịch được chứng thực
            can_cu:
              - so: 23/2015/NĐ-CP
                trich_yeu: Về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch
                ngay: 2015-02-16
                co_quan_ban_hanh: Chính phủ
            thanh_toan_truc_tuyen: false
            nhan_ket_qua: [truc-tiep]

        """
    }

    var guideMD: String {
        """
        ---
        tieu_de: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã
        mo_ta: \(Self.quoted("Những điều cần chuẩn bị trước khi đến nộp hồ sơ tại UBND \(commune)."))
        thu_tu: 1
        lien_quan: ["2.001035"]
        ---

        Trước khi đến Trung tâm Phục vụ hành chính công \(commune), bà con nên:

        1. Xem trang của thủ tục để biết cần những giấy tờ gì.
        2. Tải biểu mẫu, điền sẵn ở nhà.
        3. Mang theo thẻ Căn cước (hoặc CCCD) hoặc hộ chiếu còn giá trị.

        Nhiều thủ tục nộp được trực tuyến trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID, đăng nhập bằng tài khoản định danh điện tử VNeID mức độ 2.

        (điền thêm hướng dẫn của xã)

        """
    }

    var announcementMD: String {
        """
        ---
        tieu_de: \(Self.quoted("Khai trương trang thông tin thủ tục hành chính của \(commune)"))
        so: (điền số văn bản)
        ngay: 2026-01-05
        ky: (điền họ tên người ký)
        chuc_vu: Chủ tịch
        ---

        UBND \(commune) thông báo: từ nay, bà con tra cứu thủ tục hành chính, tải biểu mẫu và xem hướng dẫn
        trên trang này.

        (điền nội dung thông báo)

        """
    }

    var contactMD: String {
        """
        ---
        tieu_de: Liên hệ
        mo_ta: \(Self.quoted("Địa chỉ, điện thoại và giờ làm việc của UBND \(commune)."))
        ---

        ## Ủy ban nhân dân \(commune)

        - **Địa chỉ:** (điền địa chỉ)
        - **Điện thoại:** (điền số điện thoại)
        - **Email:** (điền email)

        ## Giờ làm việc của Trung tâm Phục vụ hành chính công xã

        (điền giờ làm việc)

        """
    }

    /// A small but real DOCX, so the sample form opens in Word or LibreOffice.
    static func sampleForm(title: String) -> Data {
        let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>\(escaped)</w:t></w:r></w:p><w:p><w:r><w:t>(điền nội dung biểu mẫu)</w:t></w:r></w:p></w:body></w:document>
            """
        // Three entries in memory, a few hundred bytes: no file to read, far under the format's limits.
        return try! ZipArchive(entries: [
            .init(name: "[Content_Types].xml", data: Data(contentTypes.utf8)),
            .init(name: "_rels/.rels", data: Data(rels.utf8)),
            .init(name: "word/document.xml", data: Data(document.utf8)),
        ]).bytes()
    }
}

extension DefaultTheme.Contents {
    var data: Data {
        switch self {
        case .text(let text): return Data(text.utf8)
        case .base64(let encoded): return Data(base64Encoded: encoded) ?? Data()
        }
    }
}

extension SiteScaffold {
    /// The embedded theme, for the test that keeps it equal to Theme/.
    public static var embeddedTheme: [(path: String, data: Data)] {
        DefaultTheme.files.map { ($0.path, $0.contents.data) }
    }
}
