/// The abbreviations a radio text spells out, because an announcer cannot read "UBND" on air.
///
/// Matching is whole-word and case-sensitive: a word boundary is any character that is not a letter or digit,
/// so "UBND," and "(UBND)" match and "UBNDX" does not. An entry may itself contain punctuation ("NĐ-CP", "GD&ĐT");
/// the longest entry wins. The site's `Content/viet-tat.yml` adds entries and overrides built-in ones, including the
/// ambiguous ones, which are otherwise left as written and reported.
public struct Abbreviations: Sendable {
    /// How a written abbreviation is read.
    public enum Reading: Sendable, Hashable {
        case expansion(String)
        /// Several readings are common ("TT": thông tư / thị trấn / trung tâm); only the site can choose.
        case ambiguous([String])
    }

    /// Readings every commune uses; capitalised where the expansion names an institution.
    public static let builtIn: [String: String] = [
        "UBND": "Ủy ban nhân dân",
        "HĐND": "Hội đồng nhân dân",
        "TTHC": "thủ tục hành chính",
        "DVC": "dịch vụ công",
        "DVCTT": "dịch vụ công trực tuyến",
        "CCCD": "căn cước công dân",
        "CMND": "chứng minh nhân dân",
        "BHXH": "bảo hiểm xã hội",
        "BHYT": "bảo hiểm y tế",
        "MTTQ": "Mặt trận Tổ quốc",
        "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
        "THCS": "trung học cơ sở",
        "THPT": "trung học phổ thông",
        "HTX": "hợp tác xã",
        "PCCC": "phòng cháy chữa cháy",
        "QĐ": "quyết định",
        "NĐ": "nghị định",
        "NĐ-CP": "nghị định của Chính phủ",
        "QĐ-TTg": "quyết định của Thủ tướng Chính phủ",
        "NQ": "nghị quyết",
        "TP": "thành phố",
        "TX": "thị xã",
        "HCM": "Hồ Chí Minh",
        "VP": "văn phòng",
        "CP": "Chính phủ",
        "TTg": "Thủ tướng Chính phủ",
        "CSGT": "cảnh sát giao thông",
        "ATGT": "an toàn giao thông",
        "ATTP": "an toàn thực phẩm",
        "ANTT": "an ninh trật tự",
        "KT-XH": "kinh tế xã hội",
        "GD&ĐT": "giáo dục và đào tạo",
        "LĐTBXH": "lao động thương binh và xã hội",
        "CNTT": "công nghệ thông tin",
        "NTM": "nông thôn mới",
        "BQL": "ban quản lý",
        "CLB": "câu lạc bộ",
        "NCT": "người cao tuổi",
        "HCC": "hành chính công",
        "GCN": "giấy chứng nhận",
        "QSDĐ": "quyền sử dụng đất",
        "GPLX": "giấy phép lái xe",
        "SĐT": "số điện thoại",
        "ĐT": "điện thoại",
        "VNĐ": "đồng",
        // How the Ministry of Public Security's own material pronounces the app's name.
        "VNeID": "vi en ai đi",
        "COVID": "cô vít",
        // Grown from real notices (issue #30): document types and issuers also written outside a document number.
        "V/v": "về việc",
        "v/v": "về việc",
        "TTYT": "Trung tâm Y tế",
        "TYT": "trạm y tế",
        "TTCP": "Thanh tra Chính phủ",
        "KSBT": "kiểm soát bệnh tật",
        "CMT": "chứng minh thư",
        "KH": "kế hoạch",
        "VND": "đồng",
        "CV": "công văn",
        "TTr": "tờ trình",
        "BC": "báo cáo",
        "PA": "phương án",
        "SYT": "Sở Y tế",
        // Health notices and company names.
        "BS": "bác sĩ",
        "ThS": "thạc sĩ",
        "CTCP": "công ty cổ phần",
        "LĐ,TB&XH": "Lao động, Thương binh và Xã hội",
        "LĐ-TB&XH": "Lao động, Thương binh và Xã hội",
        "LĐTB&XH": "Lao động, Thương binh và Xã hội",
        // Flood warning levels of the hydrological service.
        "BĐ1": "báo động một",
        "BĐ2": "báo động hai",
        "BĐ3": "báo động ba",
        // Power companies' outage notices.
        "TBA": "trạm biến áp",
        "MBA": "máy biến áp",
    ]

    /// Latin words announcers read as they are written, lowercased: service and brand names, and words every
    /// listener knows. They are no Vietnamese syllables, yet draw no `radio-foreign-word` warning. A site
    /// adds its own in viet-tat.yml with the word as its reading (`Vinmec: Vinmec`).
    public static let knownNames: Set<String> = [
        "zalo", "facebook", "fanpage", "google", "gmail", "youtube", "tiktok", "internet", "online", "email", "website",
        "web", "wifi", "video", "radio", "taxi", "covid", "vneid", "viettel", "vnpt", "mobifone", "vinaphone",
        "vietnamobile", "agribank", "vietcombank", "vietinbank", "bidv", "momo", "viettelpay", "smartphone",
        "livestream", "app", "android", "iphone", "ok", "pdf", "word", "excel", "camera", "container", "mail",
        "hotline", "fax", "tivi", "karaoke", "gas", "latinh",
        // Places and peoples of Tây Nguyên and the north-west whose names no Vietnamese syllable spells.
        "pleiku", "sapa", "kar", "gar", "jút", "ana", "wy", "ksor", "bahnar", "jrai", "raglai", "jun", "kuin",
    ]

    /// Left as written, with a warning, unless the site defines them.
    public static let builtInAmbiguous: [String: [String]] = [
        "TT": ["thông tư", "thị trấn", "trung tâm"],
        "CT": ["chỉ thị", "chủ tịch", "công ty"],
        "TB": ["thông báo", "trung bình"],
        "KT": ["kinh tế", "ký thay", "kiểm tra"],
        "TH": ["tiểu học", "trường hợp"],
    ]

    public private(set) var entries: [String: Reading]
    /// Entries by first character, longest first, so matching is one short scan per word.
    private var byFirst: [Character: [(written: [Character], reading: Reading)]] = [:]
    /// The first scalars of the entries (NFC): most words start with none of them, and a scalar is checked far
    /// more cheaply than a Character is hashed.
    private var firstScalars: Set<UInt32> = []

    /// The built-in lists, extended and overridden by `site` (written → read, from `Content/viet-tat.yml`).
    public init(site: [String: String] = [:]) {
        var entries: [String: Reading] = [:]
        for (written, read) in Self.builtIn { entries[written] = .expansion(read) }
        for (written, reads) in Self.builtInAmbiguous { entries[written] = .ambiguous(reads) }
        for (written, read) in site {
            let key = VietnameseText.nfc(written.trimmingCharacters(in: .whitespaces))
            let value = VietnameseText.nfc(read.trimmingCharacters(in: .whitespaces))
            guard !key.isEmpty, !value.isEmpty else { continue }
            entries[key] = .expansion(value)
        }
        self.entries = entries
        for (written, reading) in entries {
            guard let first = written.first else { continue }
            byFirst[first, default: []].append((Array(written), reading))
            if let scalar = VietnameseText.nfc(String(first)).unicodeScalars.first { firstScalars.insert(scalar.value) }
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.written.count > $1.written.count } }
    }

    public func reading(of written: String) -> Reading? { entries[written] }

    /// Whether some entry starts with this scalar: a word starting otherwise cannot be one.
    func mayStart(with scalar: UInt32) -> Bool { firstScalars.contains(scalar) }

    /// The longest entry written at `index` and followed by a word boundary (the caller checks the one before).
    /// `text` is in NFC, as the radio texts are.
    func match(in text: String, at index: String.Index) -> (written: String, end: String.Index, reading: Reading)? {
        guard firstScalars.contains(text.unicodeScalars[index].value), let candidates = byFirst[text[index]] else { return nil }
        for candidate in candidates {
            var i = index
            var ok = true
            for c in candidate.written {
                guard i < text.endIndex, text[i] == c else { ok = false; break }
                i = text.index(after: i)
            }
            guard ok else { continue }
            if i < text.endIndex, text[i].isLetter || text[i].isNumber { continue }
            return (String(candidate.written), i, candidate.reading)
        }
        return nil
    }
}
