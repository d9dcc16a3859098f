import Foundation

/// `motcua new --tinh`: a province (Content/tinh.yml) of two communes. The shared catalog, guide and form are
/// the single site's, written for every commune ("cấp xã"); each commune gets its site.yml, an announcement
/// and a contact page made by the single site's pieces, and the first commune a change to the catalog (its
/// level, where and how to apply), so the example shows what a commune may do differently.
extension SiteScaffold {
    /// A commune of the new province: its folder under Content/xa/ (its address, `Output/<slug>/`) and its name.
    struct Commune {
        var slug: String
        var name: String?
    }

    /// Real communes of the province when MotCua knows some, else two placeholders to rename.
    /// Hải Phòng's: xã An Phú (khoản 75) and xã Tiên Lãng (khoản 57), Điều 1 of Nghị quyết 1669/NQ-UBTVQH15
    /// (16/6/2025), in force from 1/7/2025 (docs/sample-sources.md).
    var provinceCommunes: [Commune] {
        let known: [String: [Commune]] = [
            "hai phong": [Commune(slug: "an-phu", name: "An Phú"), Commune(slug: "tien-lang", name: "Tiên Lãng")],
        ]
        let folded = VietnameseText.fold(provinceTitle)
        if let communes = known.first(where: { folded.hasSuffix($0.key) })?.value { return communes }
        return [Commune(slug: "xa-thu-nhat", name: nil), Commune(slug: "xa-thu-hai", name: nil)]
    }

    /// The communes' folders from the root (`Content/xa/an-phu/`); none for a single site.
    public var communeFolders: [String] {
        provinceName == nil ? [] : provinceCommunes.map { "Content/\(ProvinceContent.communesFolder)/\($0.slug)/" }
    }

    /// "Thành phố Hải Phòng" as typed; the placeholder when nothing was.
    var provinceTitle: String {
        let name = provinceName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return name.isEmpty ? "(điền tên tỉnh)" : name
    }

    /// The scaffold of one commune's files: the single site's texts with its name.
    func scaffold(of commune: Commune) -> SiteScaffold {
        SiteScaffold(root: root.appendingPathComponent("Content/\(ProvinceContent.communesFolder)/\(commune.slug)"), communeName: commune.name)
    }

    var provinceContent: [(path: String, text: String)] {
        var shared = self
        shared.sharedByCommunes = true
        var files: [(path: String, text: String)] = [
            ("Content/\(ProvinceContent.fileName)", provinceYML),
            ("Content/thu-tuc/chung-thuc.yml", shared.procedureYML),
            ("Content/huong-dan/nop-ho-so.md", shared.guideMD),
        ]
        for (i, commune) in provinceCommunes.enumerated() {
            let folder = "Content/\(ProvinceContent.communesFolder)/\(commune.slug)"
            let own = scaffold(of: commune)
            files.append(("\(folder)/site.yml", own.communeSiteYML))
            if i == 0 { files.append(("\(folder)/thu-tuc/chung-thuc.yml", own.catalogChangeYML)) }
            files.append(("\(folder)/thong-bao/2026-01-05-khai-truong-trang.md", own.announcementMD))
            files.append(("\(folder)/trang/lien-he.md", own.contactMD))
        }
        return files
    }

    var provinceYML: String {
        """
        \(Self.schemaLine("tinh", depth: 1))
        # Thông tin chung của tỉnh: các xã trong Content/xa/ dùng chung mọi khóa dưới đây, trừ khi site.yml của
        # xã ghi khóa đó. Danh mục thủ tục (thu-tuc/), hướng dẫn (huong-dan/) và biểu mẫu (bieu-mau/) trong
        # Content/ là của mọi xã. Thay các chỗ ghi "(điền …)", rồi chạy `motcua build`.
        # Trang của mỗi xã ở địa chỉ `base_url` cộng tên thư mục của xã, ví dụ …/xa/an-phu/.
        ten: \(Self.quoted(provinceTitle))
        \(Self.portalLines(baseURL: "https://dichvucong.tinh.gov.vn/xa/"))

        """
    }

    /// A commune's site.yml: its name and contacts; the rest comes from tinh.yml.
    var communeSiteYML: String {
        """
        \(Self.schemaLine("site", depth: 3))
        # Thông tin riêng của xã; khóa nào không ghi ở đây thì lấy theo Content/tinh.yml.
        ten: \(Self.quoted("Ủy ban nhân dân \(commune)"))
        \(Self.contactLines)

        """
    }

    /// What this commune does differently from the province's catalog: here it takes applications online.
    var catalogChangeYML: String {
        """
        \(Self.schemaLine("xa-thu-tuc", depth: 4))
        # Những gì xã làm khác danh mục chung của tỉnh (Content/thu-tuc/), theo mã thủ tục.
        # Chỉ ghi `ma` và các khóa xã làm khác; tên, hồ sơ, trình tự, căn cứ giữ như danh mục chung.
        thu_tuc:
          - ma: "2.001035"
            muc_do: mot-phan
            co_quan: \(Self.quoted("Ủy ban nhân dân \(commune)"))
            noi_nop: \(Self.quoted("Trung tâm Phục vụ hành chính công \(commune)"))
            nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=2.001035
            cach_thuc:
              - hinh_thuc: truc-tiep
                thoi_han: Trong ngày nhận hồ sơ; hợp đồng phức tạp thì không quá 02 ngày làm việc
                le_phi: 50000
              - hinh_thuc: truc-tuyen
                thoi_han: Trong ngày nhận hồ sơ; các bên đến ký trước mặt người thực hiện chứng thực
                le_phi: 50000

        """
    }
}
