import Foundation

/// Turns one passage of plain text (Markdown already removed) into what an announcer reads aloud as it is.
///
/// One left-to-right scan: at each word start the most specific reading wins, and what has been written so far is
/// the context. Supported forms (Northern readings, see `VietnameseNumberReader`):
/// - document numbers "42/2022/NĐ-CP" → "Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai của Chính
///   phủ"; "45/TB-UBND" → "Thông báo số bốn mươi lăm của Ủy ban nhân dân"; "60/2014/QH13" → "Luật số sáu mươi năm …
///   của Quốc hội khóa mười ba"; without a known type code, "văn bản số …". The type is not repeated after
///   "Nghị định số", and after a bare "số" only the number, year and issuer are read; the issuer is not repeated
///   when the clause goes on to name it ("… ngày 24/6/2022 của Chính phủ");
/// - dates "06/01/2022", "6-1-2022", "6.1.2022", "24 - 7 - 2002" → "ngày mùng sáu tháng một năm …" ("ngày" not
///   repeated after "ngày"); "d/m" after ngày, từ, đến, và, trước, sau, hết, hạn, đêm, sáng, trưa, chiều, tối, hôm,
///   after another date, or before a range dash; "d-m" after ngày, đêm, sáng, trưa, chiều, tối, hôm ("đêm 29-12");
///   day ranges "07-09/4/2018", "5-6/9" → "ngày mùng bảy đến ngày mùng chín tháng tư năm …"; "m/yyyy" and
///   "tháng m yyyy" → "tháng m năm …"; "ngày 6 tháng 4" → "ngày mùng sáu tháng tư"; a fraction before a unit
///   "1/2kg" → "một phần hai ki lô gam", "5 1/2" → "năm và một phần hai"; any other "a/b" → "a trên b"
///   ("24/24 giờ", "số nhà 5/2");
/// - times "7h30", "14h8", "14g30", "7h", "07:45", "07:49:55" → "bảy giờ ba mươi phút", "bảy giờ", "… năm mươi lăm
///   giây"; "7h30–11h30" → "từ … đến …"; "7 giờ 30" → "bảy giờ ba mươi" (plain numbers); "48h", "30p", "45s"
///   glued to a number → "giờ", "phút", "giây";
/// - money "8.000 đồng", "8.000 đ", "8.000đ", "8.000 VNĐ", "10.000₫" → "tám nghìn đồng"; "/" after an amount or a
///   unit is "per": "20.000đ/lần/con" → "hai mươi nghìn đồng một lần một con", "120km/h" → "… ki lô mét một giờ";
///   an amount keeps its reading however many digits it has ("700000000 đồng");
/// - percentages "5%" → "năm phần trăm"; the units and currencies of `unitWords` after a number ("35°C" → "ba mươi
///   lăm độ xê", "100 USD" → "một trăm đô la Mỹ"), and $ € £ before one ("$100" → "một trăm đô la");
/// - ranges "5-7 ngày", "10 - 15%" → "năm đến bảy ngày"; a dash before a number that does not follow one is a
///   sign: "-25" → "âm hai mươi lăm";
/// - phone numbers starting with 0, service numbers "1900 1234", "1800 1091", "+84 …" (read as dialled at home,
///   "không …"), and any digits after gọi, điện thoại, (đường) dây nóng, hotline, số máy, zalo, fax, tel, tổng đài
///   among the last three words, digit by digit in their written groups (long groups in pieces, see
///   `VietnameseNumberReader.phone`); other plain numbers of eight or more digits (IDs) digit by digit;
/// - codes "1.001193", "000.00.12.H23" → parts joined by "chấm", "gạch ngang", "trên"; letters and digits mixed
///   ("H5N1", "3A") → letters as written, numbers in words;
/// - "thứ 4" → "thứ tư", "thứ 1" → "thứ nhất", and so "thứ IV", "thứ I"; Roman numerals after quý, khóa, chương,
///   phần, mục, khoản, điều, phụ lục, thế kỷ, đại hội … (`romanContext`) or opening a block ("I. MỤC ĐÍCH") → numbers;
/// - abbreviations (see `Abbreviations`), web and e-mail addresses (see `SpokenAddress`);
/// - symbols: & + → "và", = → "bằng", % → "phần trăm", "lowercase/lowercase" → "hoặc"; * _ # | ` [ ] < > ~ ^ { }
///   \ and bullets are dropped, and $ when no number follows.
/// Warnings: an ambiguous abbreviation (`radio-ambiguous-abbreviation`) or a word in capitals that is not a
/// Vietnamese syllable and not in the list (`radio-unknown-abbreviation`) is left as written, reported once.
struct SpokenTextWriter {
    let abbreviations: Abbreviations
    /// Host (lowercased, without "www.") → on-air name.
    let hostNames: [String: String]
    var diagnostics = Diagnostics()
    /// Abbreviations already reported, so a notice that repeats "TT" ten times gets one warning.
    private var reported: Set<String> = []

    init(abbreviations: Abbreviations, hostNames: [String: String]) {
        self.abbreviations = abbreviations
        self.hostNames = hostNames
    }

    // MARK: Patterns (anchored at the scan position with prefixMatch)
    // Regex literals are immutable; their compiled program is created once, atomically, so sharing them is safe.

    private nonisolated(unsafe) static let documentNumber = #/([0-9]+[a-e]?)(?:/([0-9]{4}))?/([A-ZĐ][A-Za-zĐđƯư0-9]*(?:-[A-Za-zĐđ][A-Za-zĐđƯư0-9]*)*)/#
    private nonisolated(unsafe) static let fullDate = #/([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])([0-9]{4})/#
    /// A date with a space on both sides of each separator ("24 - 7 - 2002"); apart from `fullDate`, which most
    /// numbers of a notice are tried against.
    private nonisolated(unsafe) static let spacedDate = #/([0-9]{1,2}) ([/.-]) ([0-9]{1,2}) ([/.-]) ([0-9]{4})/#
    /// Two days of one month: "07-09/4/2018", "5-6/9", "27 - 29.4".
    private nonisolated(unsafe) static let dayRange = #/([0-9]{1,2}) ?[-–] ?([0-9]{1,2})([/.])([0-9]{1,2})(?:([/.])([0-9]{4}))?/#
    /// Day and month with a dash, as the press writes them: "đêm 29-12".
    private nonisolated(unsafe) static let dashDayMonth = #/([0-9]{1,2})-([0-9]{1,2})/#
    /// "tháng 1 2024": a month and a year with only a space between.
    private nonisolated(unsafe) static let monthSpaceYear = #/([0-9]{1,2}) ([0-9]{4})/#
    private nonisolated(unsafe) static let monthYear = #/([0-9]{1,2})/([0-9]{4})/#
    private nonisolated(unsafe) static let dayMonth = #/([0-9]{1,2})/([0-9]{1,2})/#
    /// "7h30", "14h8", "14g30" (a "g" only with minutes: "500g" is grams), "07:45", "07:49:55"; a closing quote
    /// some notices put after the minutes ("08h00’") belongs to the time.
    private nonisolated(unsafe) static let time = #/([0-9]{1,2})(?:[hH]([0-9]{1,2})?|[gG]([0-9]{2})|:([0-9]{2})(?::([0-9]{2}))?)['’]?/#
    private nonisolated(unsafe) static let rangeDash = #/\s*[-–—]\s*/#
    /// Groups of up to eight digits: "028.39102126" (read in halves, see `VietnameseNumberReader.phone`).
    private nonisolated(unsafe) static let phone = #/0[0-9]+(?:[ .-][0-9]{1,8})*/#
    private nonisolated(unsafe) static let phoneInParentheses = #/\((0[0-9]{2,4})\)((?:[ .-]?[0-9]{1,4})+)/#
    /// "(+84-28) 38 653 050": the country code and area code in parentheses, read as dialled at home.
    private nonisolated(unsafe) static let internationalAreaCode = #/\(\+84[ .-]?([1-9][0-9]{0,2})\) ?((?:[ .-]?[0-9]{1,4})+)/#
    private nonisolated(unsafe) static let digitGroups = #/[0-9]+(?:[ .-][0-9]{1,8})*/#
    /// Service numbers 1800 (free) and 1900: "1900 1234", "1800.1091", "1900 123 456".
    private nonisolated(unsafe) static let hotline = #/1[89]00[ .][0-9]{2,4}(?:[ .][0-9]{2,4})?/#
    /// "+84 912 345 678", "+84 (0)28 3910 2126": the part after the country code.
    private nonisolated(unsafe) static let internationalPhone = #/\+84[ .-]?(?:\(0\)[ .-]?)?([1-9][0-9]*(?:[ .-][0-9]+)*)/#
    /// "5 1/2": a whole number, then a fraction of one digit over one or two.
    private nonisolated(unsafe) static let mixedFraction = #/ ([0-9])/([0-9]{1,2})/#
    /// A dossier or record code: letters and digits joined by "." "-" "/" ("000.00.12.H23", "H23.15-241105-0001").
    private nonisolated(unsafe) static let code = #/[0-9A-Za-zĐđ]+(?:[.\-/][0-9A-Za-zĐđ]+)+/#
    private nonisolated(unsafe) static let number = #/[0-9]+(?:\.[0-9]+)*(?:,[0-9]+)?/#
    nonisolated(unsafe) static let money = #/ ?(?:đồng|đ|VNĐ|VND|vnđ|₫)/#
    nonisolated(unsafe) static let percent = #/ ?%/#
    private nonisolated(unsafe) static let yearAfterSlash = #/(?:19|20)[0-9]{2}(?![0-9])/#
    private nonisolated(unsafe) static let romanThenYear = #/[IVXL]+/(?:19|20)[0-9]{2}(?![0-9])/#
    private nonisolated(unsafe) static let monthOfDate = #/ tháng (?:[1-9]|0[1-9]|1[0-2]) năm [0-9]{4}/#
    /// `units` as one pattern, in its order: the first alternative that matches is taken.
    nonisolated(unsafe) static let unit = try! Regex(
        " ?(" + unitWritten.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")",
        as: (Substring, Substring).self)
    private nonisolated(unsafe) static let email = #/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/#
    private nonisolated(unsafe) static let bareDomain = #/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info)(?:/[^\s]*)?/#

    /// Units and currencies after a number, each once, longer alternatives before those they start with ("kWh"
    /// before "kW", "km" before "m"). Degrees Celsius are "độ xê" (the letter as it is said) however they are written
    /// ("35°C", "35oC", "35 độ C"), dollars "đô la"; kV and kVA from the power companies' outage notices.
    static let units: [(written: String, spoken: String)] = [
        ("km²", "ki lô mét vuông"), ("km2", "ki lô mét vuông"), ("km", "ki lô mét"), ("kg", "ki lô gam"),
        ("kWh", "ki lô oát giờ"), ("kW", "ki lô oát"), ("kVA", "ki lô vôn am pe"), ("kV", "ki lô vôn"),
        ("MWh", "mê ga oát giờ"), ("MW", "mê ga oát"), ("ha", "héc ta"),
        ("cm²", "xăng ti mét vuông"), ("cm2", "xăng ti mét vuông"), ("cm³", "xăng ti mét khối"),
        ("cm3", "xăng ti mét khối"), ("cm", "xăng ti mét"), ("mm", "mi li mét"), ("mg", "mi li gam"),
        ("ml", "mi li lít"), ("m2", "mét vuông"), ("m²", "mét vuông"), ("m³", "mét khối"), ("m3", "mét khối"),
        ("m", "mét"), ("Hz", "héc"), ("GB", "gi ga bai"), ("MB", "mê ga bai"), ("g", "gam"),
        ("°C", "độ xê"), ("ºC", "độ xê"), ("℃", "độ xê"), ("oC", "độ xê"), ("°", "độ"), ("độ C", "độ xê"),
        ("USD", "đô la Mỹ"), ("$", "đô la"), ("€", "ơ rô"), ("£", "bảng Anh"), ("l", "lít"), ("k", "nghìn"),
    ]
    static let unitWords = Dictionary(uniqueKeysWithValues: units.map { ($0.written, $0.spoken) })
    /// Units that only follow a "per" slash ("120km/h") or are glued to a number ("48h", "30p", "45s").
    static let shortTimeUnits: [String: String] = ["h": "giờ", "p": "phút", "ph": "phút", "s": "giây"]
    /// Currency signs written before the number ("$100", "£20").
    static let currencyBefore: [UInt32: String] = [0x24: "đô la", 0x20AC: "ơ rô", 0xA3: "bảng Anh"]

    /// A letter standing alone or beside digits, by the name it is said with in codes and plates: "168a/QĐ-UBND"
    /// → "… a", "Quốc lộ 15C" → "mười lăm xê", "H5N1" → "hát năm en một", "viêm gan B" → "viêm gan bê".
    static let letterNames: [Character: String] = {
        let names: [Character: String] = [
            "a": "a", "b": "bê", "c": "xê", "d": "dê", "đ": "đê", "e": "e", "f": "ép", "g": "giê", "h": "hát",
            "i": "i", "j": "gi", "k": "ca", "l": "e lờ", "m": "em", "n": "en", "o": "o", "p": "pê",
            "q": "quy", "r": "e rờ", "s": "ét", "t": "tê", "u": "u", "v": "vê", "w": "vê kép", "x": "ích", "y": "i", "z": "dét",
        ]
        return names.merging(names.map { (Character($0.key.uppercased()), $0.value) }) { a, _ in a }
    }()

    /// Document type codes, the first part after the number ("NĐ" in "42/2022/NĐ-CP").
    static let documentTypes: [String: String] = [
        "NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "NQ": "Nghị quyết",
        "CT": "Chỉ thị", "TB": "Thông báo", "KH": "Kế hoạch", "HD": "Hướng dẫn", "BC": "Báo cáo", "TTr": "Tờ trình",
        "CV": "Công văn", "GM": "Giấy mời", "CĐ": "Công điện", "QC": "Quy chế", "PL": "Pháp lệnh", "L": "Luật",
        "BB": "Biên bản", "KL": "Kết luận", "GP": "Giấy phép", "GXN": "Giấy xác nhận", "PA": "Phương án",
        "ĐA": "Đề án", "HĐ": "Hợp đồng",
    ]

    /// The document types' names as the tail of the text is matched against them.
    static let typeNames = documentTypes.values.map { $0.lowercased() } + ["văn bản"]
    static let numberedTypeNames = typeNames.map { $0 + " số" }
    static let longestTypeName = numberedTypeNames.map(\.count).max()!

    /// Issuers, the parts after the type ("CP" in "42/2022/NĐ-CP"); other codes are looked up as abbreviations.
    static let issuers: [String: String] = [
        "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
        "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước", "VPCP": "Văn phòng Chính phủ",
        "BTTTT": "Bộ Thông tin và Truyền thông", "BCA": "Bộ Công an", "BTP": "Bộ Tư pháp", "BNV": "Bộ Nội vụ",
        "BTC": "Bộ Tài chính", "BYT": "Bộ Y tế", "BLĐTBXH": "Bộ Lao động Thương binh và Xã hội",
        "BTNMT": "Bộ Tài nguyên và Môi trường", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
        "BNNMT": "Bộ Nông nghiệp và Môi trường", "BGDĐT": "Bộ Giáo dục và Đào tạo", "BXD": "Bộ Xây dựng",
        "BKHCN": "Bộ Khoa học và Công nghệ", "BQP": "Bộ Quốc phòng", "BCT": "Bộ Công Thương",
        "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BGTVT": "Bộ Giao thông vận tải",
        "VP": "Văn phòng", "TP": "Tư pháp", "MTTQ": "Mặt trận Tổ quốc", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
        "TTYT": "Trung tâm Y tế", "TTCP": "Thanh tra Chính phủ", "KSBT": "Trung tâm Kiểm soát bệnh tật",
        "CDC": "Trung tâm Kiểm soát bệnh tật", "SYT": "Sở Y tế", "TYT": "Trạm Y tế", "DP": "Cục Y tế dự phòng", "BCĐ": "Ban Chỉ đạo",
        // The division of the committee's office that drafted it ("UBND-NN"): read as the field it covers.
        "NN": "Nông nghiệp", "KT": "Kinh tế", "VX": "Văn xã", "KGVX": "Khoa giáo văn xã", "NC": "Nội chính",
        "ĐT": "Đô thị", "TH": "Tổng hợp", "CA": "Công an", "BCH": "Ban Chỉ huy", "QS": "Quân sự",
        "BCHQS": "Ban Chỉ huy Quân sự", "SNV": "Sở Nội vụ", "STC": "Sở Tài chính", "STP": "Sở Tư pháp",
        "SNN": "Sở Nông nghiệp", "SNNMT": "Sở Nông nghiệp và Môi trường", "SGDĐT": "Sở Giáo dục và Đào tạo",
        "BHXH": "Bảo hiểm xã hội", "ĐU": "Đảng ủy", "TU": "Tỉnh ủy", "HU": "Huyện ủy", "VPUB": "Văn phòng Ủy ban",
    ]

    /// Words that, among the last three, make the digits after them a phone number whatever their shape
    /// ("gọi ngay số 114" → "một một bốn"). "dây nóng" rather than "đường dây nóng", so "đường dây nóng là 04…" is
    /// within three words.
    static let phoneWords = ["gọi", "điện thoại", "dây nóng", "hotline", "số máy", "zalo", "fax", "tel", "tổng đài"]
    static let phoneNeedles = phoneWords.map { " \($0) " }
    /// Words after which "d/m" is a day and month rather than a ratio.
    static let dateContext: Set<String> = ["ngày", "từ", "đến", "và", "trước", "sau", "hết", "hạn", "đêm", "sáng", "trưa",
                                           "chiều", "tối", "hôm"]
    /// Words after which a Roman numeral is a number ("Quý IV", "khóa XV", "Khoản III", "Phụ lục XII", "thế kỷ XXI",
    /// "Đại hội XIII", "giai đoạn II").
    static let romanContext: Set<String> = ["quý", "khóa", "khoá", "chương", "phần", "mục", "tập", "đợt", "kỳ", "lần", "thứ",
                                            "khoản", "điều", "lục", "kỷ", "kỉ", "hội", "đoạn", "cấp",
                                            "hạng", "tuyến", "vực", "vùng", "bậc", "loại", "nhóm"]
    /// Words after which "d-m" is a day and month ("đêm 29-12", "chiều tối 23-6", "ngày 11-4"); not "từ" and "đến",
    /// after which "5-7" is a range.
    static let dashDateContext: Set<String> = ["ngày", "đêm", "sáng", "trưa", "chiều", "tối", "hôm"]
    /// Words that, after "a-b", make it a range of them ("sáng 7-11 giờ"), not a date.
    static let rangeNouns: Set<String> = ["giờ", "h", "tiếng", "phút", "ngày", "tháng", "tuần", "năm", "độ"]

    // MARK: Scan

    private var out = ""
    private var lastNumeric = false
    /// The last thing read was a date, so "d/m" after a comma is one too ("ngày 08/10, 09/10").
    private var lastDate = false
    /// The last thing read was an amount or a unit ("20.000đ", "120km"), or a "per" after one, so a "/" with a word
    /// after it is "per" ("20.000đ/lần/con" → "hai mươi nghìn đồng một lần một con").
    private var perContext = false
    /// Where (in UTF-8 bytes of the reading) the last "per" unit began: a unit of two words ("đồng/tổ chức/tháng") keeps the chain.
    private var perStart: Int?
    /// The last number was a day after "ngày" ("ngày 03, 10, 17"): a number after it with only "," or ";" between
    /// is a day too. A word read in between ends the list.
    private var dayList = false
    /// The last word read was a listed abbreviation ending in its number ("BĐ2"): a dash before another is "đến".
    private var numberedLevel = false

    /// `location(offset)` maps a character offset in `text` to the file, for warnings.
    mutating func speak(_ input: String, location: (Int) -> SourceLocation) -> String {
        out = ""
        lastNumeric = false
        lastDate = false
        perContext = false
        perStart = nil
        dayList = false
        numberedLevel = false
        let text = VietnameseText.nfc(input)
        let bytes = ContiguousArray(text.utf8)
        var i = text.startIndex
        // The character before `i`, kept rather than found again: stepping back over a String is costly.
        var previous: Character?
        func jump(to end: String.Index) {
            previous = end > text.startIndex ? text[text.index(before: end)] : nil
            i = end
        }
        while i < text.endIndex {
            let at = text.utf8.distance(from: text.startIndex, to: i)
            let b = bytes[at]
            // A space or plain punctuation that is a Character of its own (ASCII after it, or the end):
            // no step before `symbol` takes it, and `symbol` writes it as it is; the general steps would cost
            // two grapheme breaks and six tests for each.
            if Self.passesThrough(b), at + 1 == bytes.count || bytes[at + 1] < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(b))
                if b != 0x20, b != 0x0A, b != 0x09 { lastNumeric = false }
                perContext = false
                // A list of days goes on over "," and ";" only; a "per" unit of two words has no punctuation in it.
                if b != 0x20, b != 0x2C, b != 0x3B { dayList = false }
                if b != 0x20 { perStart = nil }
                previous = Character(Unicode.Scalar(b))
                i = text.utf8.index(after: i)
                continue
            }
            let atWordStart = previous.map { !Self.isWordChar($0) } ?? true
            if atWordStart {
                let plain = bytes.withUnsafeBufferPointer { b -> (String, Int, UInt32)? in
                    guard let (end, last) = plainWordEnd(b, from: at) else { return nil }
                    return (String(decoding: UnsafeBufferPointer(rebasing: b[at..<end]), as: UTF8.self), end, last)
                }
                if let (word, end, last) = plain {
                    if bytes.withUnsafeBufferPointer({ Self.isForeign($0, from: at, to: end) }) {
                        warnForeign(word) { location(text.distance(from: text.startIndex, to: i)) }
                    }
                    emit(word)
                    previous = Character(Unicode.Scalar(last)!)
                    i = text.utf8.index(text.startIndex, offsetBy: end)
                    continue
                }
            }
            let c = text[i]
            if atWordStart, Self.isWordChar(c), let (end, spoken) = address(in: text, at: i) {
                emit(spoken)
                jump(to: end)
                continue
            }
            if atWordStart, c.isASCIIDigit {
                let (end, spoken) = numeric(in: text, at: i,
                                            location: { location(text.distance(from: text.startIndex, to: $0)) })
                emit(spoken, numeric: true)
                jump(to: end)
                continue
            }
            if c == "(", let match = text[i...].prefixMatch(of: Self.phoneInParentheses) {
                let groups = match.output  // built anew on each access
                emit(VietnameseNumberReader.phone(groups.1 + " " + groups.2), numeric: true)
                jump(to: match.range.upperBound)
                continue
            }
            if c == "(", text.utf8[text.utf8.index(after: i)...].first == UInt8(ascii: "+"),
               let match = text[i...].prefixMatch(of: Self.internationalAreaCode) {
                let groups = match.output
                emit(VietnameseNumberReader.phone("0" + groups.1 + " " + groups.2), numeric: true)
                jump(to: match.range.upperBound)
                continue
            }
            if VietnameseText.isLetter(c), atWordStart || previous?.isNumber == true {
                // (Not "I/2024" of "Học kỳ I/2024-2025": a Roman numeral, then its year.)
                if atWordStart, Self.chunkContains(text, from: i, where: { $0 == "." || $0 == "-" || $0 == "/" }),
                   text[i...].prefixMatch(of: Self.romanThenYear) == nil,
                   let m = text[i...].prefixMatch(of: Self.code), Self.isCode(m.output) {
                    emit(codeReading(m.output), numeric: true)
                    jump(to: m.range.upperBound)
                    continue
                }
                jump(to: word(in: text, at: i, atWordStart: atWordStart,
                              location: { location(text.distance(from: text.startIndex, to: $0)) }))
                continue
            }
            if let end = symbol(c, in: text, at: i, previous: previous,
                                location: { location(text.distance(from: text.startIndex, to: $0)) }) {
                jump(to: end)
            } else {
                previous = c
                i = text.index(after: i)
            }
        }
        return Self.tidy(out)
    }

    /// Whether a word of letters cannot be one Vietnamese syllable: it has f, j, w or z, two groups of vowels
    /// ("online", "Zalo"), or ends in a consonant no syllable ends in ("pass"; k and l are let through for
    /// place names of Tây Nguyên such as "Đắk", "Ea Tul"). A word with no vowel (a unit, "km") is not judged. One pass over
    /// the bytes of `start..<end`, which hold letters only.
    static func isForeign(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var groups = 0
        var inVowel = false
        var last: UInt32 = 0
        var k = start
        while k < end {
            let (v, length) = UTF8Text.decode(bytes, at: k)
            if v < 0x80 {
                let lower = v | 0x20
                if lower == 0x66 || lower == 0x6A || lower == 0x77 || lower == 0x7A { return true }  // f j w z
            }
            let vowel = isVowel(Unicode.Scalar(v)!)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
            last = v | 0x20
            k += length
        }
        guard groups > 0 else { return false }
        if groups > 1 { return true }
        // c ch m n ng nh p t, and k, l.
        return !inVowel && ![0x63, 0x68, 0x6D, 0x6E, 0x67, 0x70, 0x74, 0x6B, 0x6C].contains(last)
    }

    /// A foreign word left as written, reported once per notice unless it is a known name.
    /// Its location is found only for a warning: a word met again costs a set look-up, not a walk to it.
    private mutating func warnForeign(_ word: String, at location: () -> SourceLocation) {
        let lower = word.lowercased()
        // "Pass" at a sentence's start and "pass" later are one word to fix.
        guard !Abbreviations.knownNames.contains(lower), reported.insert("foreign\u{0}" + lower).inserted else { return }
        diagnostics.warning(.radioForeignWord,
            "`\(word)` không phải tiếng Việt nên người đọc trên đài có thể đọc mỗi người một kiểu; hãy viết bằng tiếng Việt, hoặc khai báo cách đọc trong Content/viet-tat.yml, ví dụ `\(word): …` (muốn đọc đúng như viết thì ghi `\(word): \(word)`; mỗi cách viết hoa một dòng)",
            at: location(), subject: word)
    }

    /// The end (a byte offset) and last letter of a word at a word start that the steps below would write as it
    /// is; nil when one of them might read it otherwise. Such a word is a run of ASCII and Latin letters (each
    /// its own Character) ending at ASCII that is not a digit, or at the end, with no "." "-" "/" before the next
    /// white space (no address, code, date or document number), at most one capital (no abbreviation warning),
    /// not all Roman-numeral letters, and a first letter no abbreviation starts with. Most words of a notice are
    /// such runs, and the general steps ask each of them those questions a Character at a time; one byte scan
    /// answers them all.
    private func plainWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, UInt32)? {
        let n = bytes.count
        var k = start
        var capitals = 0
        var allRoman = true
        var hasVowel = false
        var last: UInt32 = 0
        while k < n {
            let (v, length) = UTF8Text.decode(bytes, at: k)
            if v < 0x80 {
                guard (v | 0x20) >= 0x61, (v | 0x20) <= 0x7A else { break }
                if v <= 0x5A { capitals += 1 }
                if v != 0x49 && v != 0x56 && v != 0x58 && v != 0x4C { allRoman = false }  // I V X L
            } else {
                guard VietnameseText.isLatinLetter(v) else { return nil }
                if VietnameseText.isUppercase(Unicode.Scalar(v)!) { capitals += 1 }
                allRoman = false
            }
            if !hasVowel { hasVowel = Self.isVowel(Unicode.Scalar(v)!) }
            last = v
            k += length
        }
        // Words with no vowel ("km", "tb") and a capital standing alone ("viêm gan B") have rules of their own
        // in `word`.
        guard k > start, capitals < 2, !allRoman, hasVowel, capitals == 0 || k - start > 1,
              k == n || bytes[k] < 0x30 || bytes[k] > 0x39,
              !abbreviations.mayStart(with: UTF8Text.decode(bytes, at: start).0),
              !Self.chunkContains(bytes, from: k, where: { $0 == "." || $0 == "-" || $0 == "/" }) else { return nil }
        return (k, last)
    }

    /// Space, tab, line feed and the punctuation `symbol` writes as it is: , . ; : ! ? " ' ) (not CR, which
    /// joins a following LF into one Character).
    static func passesThrough(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x0A, 0x09, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x29: return true
        default: return false
        }
    }

    /// A letter or a digit. `Character.isLetter` and `isNumber` look at the first scalar only, so this does too.
    static func isWordChar(_ c: Character) -> Bool {
        isWordScalar(c.unicodeScalars.first!)
    }

    private mutating func emit(_ spoken: String, numeric: Bool = false) {
        // A character's kind is its first scalar's, so the spoken text's first scalar is enough.
        if let first = spoken.unicodeScalars.first, Self.isWordScalar(first), endsWithWordOrParenthesis() {
            out.append(" ")
        }
        out += spoken
        lastNumeric = numeric
        if !numeric { dayList = false }
        numberedLevel = false
        lastDate = numeric && (spoken.hasPrefix("ngày ") || UTF8Text.contains(spoken, " tháng "))
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // ASCII without the Unicode property tables: most characters of a notice are.
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return VietnameseText.isLetter(s) || s.properties.numericType != nil
    }

    /// The last character written is a letter, a digit or ")". Two ASCII bytes at the end are two characters
    /// (or CR LF, which is neither), so the Character is looked at only otherwise.
    private func endsWithWordOrParenthesis() -> Bool {
        let bytes = out.utf8
        guard let last = bytes.last else { return false }
        if last < 0x80, bytes.count == 1 || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] < 0x80 {
            return last == UInt8(ascii: ")") || Self.isWordScalar(Unicode.Scalar(last))
        }
        return out.last.map { Self.isWordChar($0) || $0 == ")" } ?? false
    }

    /// The text written so far ends with `phrase` as whole words (ignoring case, trailing spaces and colons,
    /// within its last 80 characters).
    private func tailEnds(with phrase: String) -> Bool {
        Self.tail(loweredTail(phrase.count + 1), endsWith: phrase)
    }

    /// The last `count` characters before the trailing spaces and colons, within the last 80 characters,
    /// lowercased: all that `tail(_:endsWith:)` looks at for a phrase one character shorter. Walking back only
    /// that far: lowercasing and reversing the whole window was a sixth of making a radio text.
    private func loweredTail(_ count: Int) -> String {
        var end = out.endIndex
        var walked = 0
        while end > out.startIndex, walked < 80 {
            let before = out.index(before: end)
            guard out[before] == " " || out[before] == ":" else { break }
            end = before
            walked += 1
        }
        var start = end
        var taken = 0
        while start > out.startIndex, taken < count, walked < 80 {
            start = out.index(before: start)
            taken += 1
            walked += 1
        }
        return out[start..<end].lowercased()
    }

    private static func tail(_ tail: String, endsWith phrase: String) -> Bool {
        guard tail.hasSuffix(phrase) else { return false }
        let before = tail.dropLast(phrase.count)
        return before.last.map { !isWordChar($0) } ?? true
    }

    /// One of `phoneWords` is among the last three words (within the last 80 characters).
    private var phoneContext: Bool {
        let recent = " " + lastWords(3, within: 80).reversed().map { $0.lowercased() }.joined(separator: " ") + " "
        return Self.phoneNeedles.contains { UTF8Text.contains(recent, $0) }
    }

    /// At most two words read since the last "per" ("một tổ chức"), so a "/" after them is "per" too.
    private var perUnitGoesOn: Bool {
        guard let start = perStart, start <= out.utf8.count else { return false }
        return out.utf8.dropFirst(start).split(separator: UInt8(ascii: " ")).count <= 2
    }

    /// "sáng nay", "hôm qua", "ngày mai" …: a "d/m" after them is a date ("sáng nay 22/7"); after "đến nay" or
    /// "đã qua" it is a fraction ("đến nay 3/4 số hộ").
    private var afterTimeOfDay: Bool {
        let words = lastWords(2, within: 20).map { $0.lowercased() }
        return words.count == 2 && ["nay", "mai", "qua"].contains(words[0])
            && ["sáng", "trưa", "chiều", "tối", "đêm", "hôm", "ngày"].contains(words[1])
    }

    /// After a number, what lets it be a day named by "ngày" before it: the end, "," ";" ")" or a full stop, or
    /// one of và, đến, tới, hoặc, hàng, trở ("ngày 15 hàng tháng", "từ ngày 20 trở đi").
    static func dayEnds(_ text: String, at i: String.Index) -> Bool {
        let rest = text[i...].drop { $0 == " " }
        guard let next = rest.first else { return true }
        if ",;)".contains(next) { return true }
        if next == "." { return !(rest.dropFirst().first?.isASCIIDigit ?? false) }
        guard next.isLetter else { return false }
        let word = rest.prefix { $0.isLetter }
        return ["và", "đến", "tới", "hoặc", "hàng", "trở"].contains(word.lowercased())
    }

    /// "… ngày 31 tháng 3 và": a date, then "và", so "1-4" after it is a date too ("các ngày 31-3 và 1-4").
    private var afterDateAnd: Bool {
        let words = lastWords(4, within: 40).map { $0.lowercased() }
        return words.first == "và" && words.dropFirst(2).contains("tháng")
    }

    /// The last run of word characters, lowercased (within the last 40 characters).
    private var lastWord: String {
        lastWords(1, within: 40).first?.lowercased() ?? ""
    }

    /// Up to `count` runs of word characters, last first, within the last `limit` characters (a run cut by the
    /// limit counts as it is). Backwards from the end, word by word, rather than lowercasing and splitting the
    /// whole window for each number.
    private func lastWords(_ count: Int, within limit: Int) -> [Substring] {
        var words: [Substring] = []
        var i = out.endIndex
        var wordEnd: String.Index?
        var walked = 0
        while i > out.startIndex, walked < limit, words.count < count {
            let before = out.index(before: i)
            if Self.isWordChar(out[before]) {
                if wordEnd == nil { wordEnd = i }
            } else if let end = wordEnd {
                words.append(out[i..<end])
                wordEnd = nil
            }
            i = before
            walked += 1
        }
        if let end = wordEnd, words.count < count { words.append(out[i..<end]) }
        return words
    }

    // MARK: Addresses

    private func address(in text: String, at i: String.Index) -> (String.Index, String)? {
        let rest = text[i...]
        let first = text.utf8[i]
        if first == UInt8(ascii: "h") || first == UInt8(ascii: "w"),
           rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") {
            let end = Self.chunkEnd(in: text, from: i)
            return (end, SpokenAddress.url(String(text[i..<end]), names: hostNames))
        }
        // Both patterns below need a dot before the next space; most words have none, and a regex tried on every
        // word is far dearer than looking for the dot.
        guard Self.chunkContains(text, from: i, where: { $0 == "." }) else { return nil }
        if let match = rest.prefixMatch(of: Self.email) {
            var end = match.range.upperBound
            while end > i, ".-".contains(text[text.index(before: end)]) { end = text.index(before: end) }
            return (end, SpokenAddress.email(String(text[i..<end]), names: hostNames))
        }
        if let match = rest.prefixMatch(of: Self.bareDomain),
           match.range.upperBound == text.endIndex || !Self.isWordChar(text[match.range.upperBound]) {
            let end = Self.chunkEnd(in: text, from: i)
            return (end, SpokenAddress.url(String(text[i..<end]), names: hostNames))
        }
        return nil
    }

    /// Whether a character before the next white space (or the end) satisfies `test`.
    /// By scalar: a Character is white space when its first scalar is, and the tests look for ASCII marks.
    private static func chunkContains(_ text: String, from i: String.Index, where test: (Unicode.Scalar) -> Bool) -> Bool {
        var text = text
        let start = text.utf8.distance(from: text.startIndex, to: i)
        return text.withUTF8 { chunkContains($0, from: start, where: test) }
    }

    /// The same on the text's UTF-8 bytes, from a byte offset.
    private static func chunkContains(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                      where test: (Unicode.Scalar) -> Bool) -> Bool {
        var j = start
        while j < bytes.count {
            let (v, length) = UTF8Text.decode(bytes, at: j)
            if VietnameseText.isWhiteSpace(v) { return false }
            if test(Unicode.Scalar(v)!) { return true }
            j += length
        }
        return false
    }

    /// A URL runs to the next space; closing punctuation that ends the sentence is not part of it.
    private static func chunkEnd(in text: String, from i: String.Index) -> String.Index {
        var end = text[i...].firstIndex(where: \.isWhitespace) ?? text.endIndex
        while end > i, ".,;:!?)]}\"'”’>".contains(text[text.index(before: end)]) { end = text.index(before: end) }
        return end
    }

    // MARK: Numbers

    private func boundaryAfter(_ end: String.Index, in text: String) -> Bool {
        end == text.endIndex || !Self.isWordChar(text[end])
    }

    private mutating func numeric(in text: String, at i: String.Index,
                                  location: (String.Index) -> SourceLocation) -> (String.Index, String) {
        perContext = false
        let rest = text[i...]
        func followed(_ end: String.Index) -> Bool { boundaryAfter(end, in: text) }
        func notSlash(_ end: String.Index) -> Bool { end == text.endIndex || text[end] != "/" }

        // What follows the run of digits rules out most patterns before a regex is tried: each of the date, time
        // and document patterns needs "/" (or one of ". - – h H g G :", or a space and then a separator, a digit)
        // right after a run of at most two digits.
        let digitEnd = rest.utf8.firstIndex { $0 < 0x30 || $0 > 0x39 } ?? rest.endIndex
        let digitCount = rest.utf8.distance(from: rest.startIndex, to: digitEnd)
        func byte(_ offset: Int) -> UInt8 {
            guard let k = rest.utf8.index(digitEnd, offsetBy: offset, limitedBy: rest.endIndex), k < rest.endIndex else { return 0 }
            return rest.utf8[k]
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let after = byte(0)
        let slash = after == UInt8(ascii: "/")
        let shortRun = digitCount <= 2
        let dash = after == UInt8(ascii: "-")
        // "24 - 7 - 2002", "27 - 29.4": a space, then a separator.
        let spacedSeparator = after == 0x20 && (byte(1) == UInt8(ascii: "-") || byte(1) == UInt8(ascii: "/")
                                                || byte(1) == UInt8(ascii: ".") || byte(1) == 0xE2)
        // "168a/QĐ-UBND": a letter a to e between the number and the slash (not a unit: "5000đ/Kg", "500g/Hộ").
        let letterThenSlash = after >= 0x61 && after <= 0x65 && byte(1) == UInt8(ascii: "/")
        if slash || letterThenSlash, let m = rest.prefixMatch(of: Self.documentNumber), followed(m.range.upperBound),
           notSlash(m.range.upperBound) {
            let o = m.output
            return (m.range.upperBound, documentReading(number: String(o.1), year: o.2.map(String.init),
                                                        code: o.3, after: text[m.range.upperBound...],
                                                        location: location))
        }
        if shortRun, slash || after == UInt8(ascii: ".") || dash || spacedSeparator,
           let m = rest.prefixMatch(of: spacedSeparator ? Self.spacedDate : Self.fullDate), case let o = m.output, o.2 == o.4,
           followed(m.range.upperBound),
           let date = CalendarDate(year: Int(o.5)!, month: Int(o.3)!, day: Int(o.1)!) {
            let spoken = VietnameseNumberReader.date(date)
            // "ngày 15, 16, 17/4/2020": the last day of a list that "ngày" opened takes no "ngày" of its own.
            let listed = dayList
            dayList = false
            return (m.range.upperBound, tailEnds(with: "ngày") || listed ? String(spoken.dropFirst("ngày ".count)) : spoken)
        }
        if shortRun, dash || spacedSeparator || after == 0xE2, let m = rest.prefixMatch(of: Self.dayRange),
           followed(m.range.upperBound), notSlash(m.range.upperBound), case let o = m.output,
           let first = Int(o.1), let last = Int(o.2), let month = Int(o.4), first < last, last <= 31, (1...12).contains(month),
           o.5 == nil || o.5 == o.3,
           o.6.map({ CalendarDate(year: Int($0)!, month: month, day: last) != nil }) ?? true,
           // "5-7.5 điểm", "1-2/3 diện tích" are numbers unless a year follows or a word before speaks of days.
           o.6 != nil || Self.dashDateContext.contains(lastWord) {
            // "07-09/4/2018" → "ngày mùng bảy đến ngày mùng chín tháng tư năm …": "ngày" before each day, as a
            // range of two full dates is read.
            var spoken = "ngày \(VietnameseNumberReader.day(first)) đến ngày \(VietnameseNumberReader.day(last)) tháng "
                + VietnameseNumberReader.month(month)
            if let year = o.6 { spoken += " năm " + VietnameseNumberReader.words(Int(year)!) }
            return (m.range.upperBound, tailEnds(with: "ngày") ? String(spoken.dropFirst("ngày ".count)) : spoken)
        }
        if shortRun, dash, isDigit(byte(1)), let m = rest.prefixMatch(of: Self.dashDayMonth), followed(m.range.upperBound),
           case let end = m.range.upperBound, !Self.numberGoesOn(text, at: end),
           case let o = m.output, let day = Int(o.1), let month = Int(o.2), (1...31).contains(day), (1...12).contains(month),
           case let word = lastWord, Self.dashDateContext.contains(word) || afterDateAnd,
           !Self.rangeNounFollows(text, at: end) {
            let spoken = "\(VietnameseNumberReader.day(day)) tháng \(VietnameseNumberReader.month(month))"
            return (end, word == "ngày" ? spoken : "ngày " + spoken)
        }
        if shortRun, slash, let m = rest.prefixMatch(of: Self.monthYear), followed(m.range.upperBound), case let o = m.output,
           let month = Int(o.1), (1...12).contains(month) {
            let spoken = "\(VietnameseNumberReader.month(month)) năm \(VietnameseNumberReader.words(Int(o.2)!))"
            return (m.range.upperBound, tailEnds(with: "tháng") ? spoken : "tháng " + spoken)
        }
        // "tháng 1 2024": the year without "năm" after the month.
        // The year must end the phrase: in "tháng 5 2000 lượt người" the second number counts people.
        if shortRun, after == 0x20, isDigit(byte(1)), isDigit(byte(4)), !isDigit(byte(5)),
           let m = rest.prefixMatch(of: Self.monthSpaceYear), followed(m.range.upperBound), case let o = m.output,
           let month = Int(o.1), (1...12).contains(month), lastWord == "tháng", Self.endsPhrase(text, at: m.range.upperBound) {
            return (m.range.upperBound, "\(VietnameseNumberReader.month(month)) năm \(VietnameseNumberReader.words(Int(o.2)!))")
        }
        if shortRun, slash, let m = rest.prefixMatch(of: Self.dayMonth), notSlash(m.range.upperBound) {
            let o = m.output
            let day = Int(o.1)!, month = Int(o.2)!
            let end = m.range.upperBound
            let dateLike = (1...31).contains(day) && (1...12).contains(month)
            let rangeFollows = text[end...].prefixMatch(of: Self.rangeDash)
                .map { $0.range.upperBound < text.endIndex && text[$0.range.upperBound].isASCIIDigit } ?? false
            if followed(end), dateLike && (Self.dateContext.contains(lastWord) || rangeFollows || lastDate || dayList
                                           || afterTimeOfDay) {
                let spoken = "\(VietnameseNumberReader.day(day)) tháng \(VietnameseNumberReader.month(month))"
                let listed = dayList
                dayList = false
                return (end, lastWord == "ngày" || listed ? spoken : "ngày " + spoken)
            }
            // "1/2kg", "3/4 ha": a fraction of a unit.
            if day < month, let u = unitSuffix(in: text, at: end) {
                perContext = true
                return (u.end, "\(VietnameseNumberReader.fraction(day, month)) \(u.spoken)")
            }
            // Anything else written "a/b" (a house number, a ratio) is read "a trên b"; "24/24h" → "hai mươi tư trên
            // hai mươi tư giờ".
            let ratio = "\(VietnameseNumberReader.words(day)) trên \(VietnameseNumberReader.words(month))"
            if followed(end) { return (end, ratio) }
            if let unit = Self.shortTimeUnit(text, at: end) { return (unit.end, ratio + " " + unit.spoken) }
        }
        if shortRun, after == UInt8(ascii: "h") || after == UInt8(ascii: "H") || after == UInt8(ascii: ":")
            || after == UInt8(ascii: "g") || after == UInt8(ascii: "G"),
           let m = rest.prefixMatch(of: Self.time), followed(m.range.upperBound), case let o = m.output, let hour = Int(o.1), hour <= 24 {
            let writtenMinute = o.2 ?? o.3 ?? o.4
            let minute = Int(writtenMinute ?? "0") ?? 0
            let second = o.5.flatMap { Int($0) }
            if minute < 60, (second ?? 0) < 60 {
                var spoken = VietnameseNumberReader.time(hour: hour, minute: minute, second: second)
                var end = m.range.upperBound
                if let dash = text[end...].prefixMatch(of: Self.rangeDash),
                   let m2 = text[dash.range.upperBound...].prefixMatch(of: Self.time), followed(m2.range.upperBound),
                   case let o2 = m2.output, let hour2 = Int(o2.1), hour2 <= 24, let minute2 = Int(o2.2 ?? o2.3 ?? o2.4 ?? "0"),
                   minute2 < 60 {
                    spoken = (tailEnds(with: "từ") ? "" : "từ ") + spoken + " đến "
                        + VietnameseNumberReader.time(hour: hour2, minute: minute2, second: o2.5.flatMap { Int($0) })
                    end = m2.range.upperBound
                } else if writtenMinute != nil, text[end...].hasPrefix(" phút"),
                          case let p = text.index(end, offsetBy: 5), followed(p) {
                    end = p  // "7h30 phút": the minutes are already said
                }
                return (end, spoken)
            }
        }
        // After "gọi", "dây nóng" …: three digits or more ("113", "0912…") are a number to dial; "trực 24 giờ" and
        // "10 cán bộ" are not.
        if phoneContext, digitCount >= 3 || rest.utf8.first == UInt8(ascii: "0"),
           let m = rest.prefixMatch(of: Self.digitGroups), cleanEnd(m.range.upperBound, in: text),
           !Self.rangeNounFollows(text, at: m.range.upperBound) {
            return (m.range.upperBound, VietnameseNumberReader.phone(m.output))
        }
        // All three need what the bytes show first: a phone number starts "0" and a digit, a service number "1800"
        // or "1900" and a separator, a code has a separator after its first part.
        // "04.32 818 818": a two-digit area code only with more digit groups after it (not "01 bản"), nine digits or
        // more in all.
        if digitCount >= 3 || (digitCount == 2 && (after == 0x20 || after == UInt8(ascii: ".")) && isDigit(byte(1))),
           rest.utf8.first == UInt8(ascii: "0"), let m = rest.prefixMatch(of: Self.phone), cleanEnd(m.range.upperBound, in: text),
           digitCount >= 3 || m.output.utf8.lazy.filter(isDigit).count >= 9 {
            return (m.range.upperBound, VietnameseNumberReader.phone(m.output))
        }
        if digitCount == 4, after == 0x20 || after == UInt8(ascii: "."),
           rest.utf8.starts(with: "1900".utf8) || rest.utf8.starts(with: "1800".utf8), let m = rest.prefixMatch(of: Self.hotline),
           cleanEnd(m.range.upperBound, in: text), [8, 10].contains(m.output.utf8.lazy.filter(isDigit).count) {
            return (m.range.upperBound, VietnameseNumberReader.phone(m.output))
        }
        if Self.mayStartCode(rest), let m = rest.prefixMatch(of: Self.code), Self.isCode(m.output) {
            return (m.range.upperBound, codeReading(m.output))
        }
        // "08 giờ 00 phút" → "tám giờ": no minutes are said.
        if digitCount == 2, rest.utf8.starts(with: "00 ph".utf8), rest.hasPrefix("00 phút"),
           case let e = text.index(i, offsetBy: 7), followed(e), lastWord == "giờ",
           !(text[e...].drop { $0 == " " }.first?.isASCIIDigit ?? false) {  // "00 phút 30 giây" keeps its minutes
            return (e, "")
        }
        var end = Self.numberEnd(rest) ?? rest.prefixMatch(of: Self.number)!.range.upperBound
        let written = end
        var fraction = ""
        // "5 1/2" → "năm và một phần hai".
        if written == digitEnd, after == 0x20, isDigit(byte(1)), byte(2) == UInt8(ascii: "/"),
           let m = text[written...].prefixMatch(of: Self.mixedFraction), case let o = m.output,
           let a = Int(o.1), let b = Int(o.2), a < b, followed(m.range.upperBound), notSlash(m.range.upperBound) {
            fraction = " và " + VietnameseNumberReader.fraction(a, b)
            end = m.range.upperBound
        }
        var suffix = ""
        let from = end
        if let p = Self.suffix(text, at: from, Self.percentWritten, orPattern: {
            text[from...].prefixMatch(of: Self.percent).map { ($0.range.upperBound, "%") } }) {
            suffix = " phần trăm"
            end = p.end
        } else if let money = Self.suffix(text, at: from, Self.moneyWritten, orPattern: {
            text[from...].prefixMatch(of: Self.money).map { ($0.range.upperBound, "") } }), followed(money.end) {
            suffix = " đồng"
            end = money.end
        } else if let u = unitSuffix(in: text, at: from) {
            suffix = " " + u.spoken
            end = u.end
        } else if fraction.isEmpty, let unit = Self.shortTimeUnit(text, at: from) {
            suffix = " " + unit.spoken  // "48h", "30p", "45s"
            end = unit.end
        }
        perContext = !suffix.isEmpty
        let monthFollows = text[written...].hasPrefix(" tháng ")
        let spoken = numberReading(String(text[i..<written]),
                                   datedMonth: monthFollows && text[written...].prefixMatch(of: Self.monthOfDate) != nil,
                                   dayEnds: monthFollows || Self.dayEnds(text, at: written),
                                   amount: !suffix.isEmpty || !fraction.isEmpty)
        return (end, spoken + fraction + suffix)
    }

    /// A unit or currency after a number, or after a fraction ("1/2kg"), with a word boundary after it.
    private func unitSuffix(in text: String, at end: String.Index) -> (end: String.Index, spoken: String)? {
        guard let u = Self.suffix(text, at: end, Self.unitWritten, firstBytes: Self.unitFirstBytes, orPattern: {
            text[end...].prefixMatch(of: Self.unit).map { ($0.range.upperBound, String($0.output.1)) } }),
            boundaryAfter(u.end, in: text) else { return nil }
        return (u.end, Self.unitWords[u.written]!)
    }

    /// "h", "p", "ph", "s" glued to a number and ending the word: "48h" → "giờ", "30p" → "phút", "45s" → "giây".
    /// (A clock time such as "7h30" is read before this.)
    static func shortTimeUnit(_ text: String, at end: String.Index) -> (end: String.Index, spoken: String)? {
        let utf8 = text.utf8
        guard end < utf8.endIndex else { return nil }
        let b = utf8[end]
        guard b == UInt8(ascii: "h") || b == UInt8(ascii: "p") || b == UInt8(ascii: "s") else { return nil }
        var stop = utf8.index(after: end)
        if b == UInt8(ascii: "p"), stop < utf8.endIndex, utf8[stop] == UInt8(ascii: "h") { stop = utf8.index(after: stop) }
        guard stop == utf8.endIndex || !isWordChar(text[stop]) else { return nil }
        return (stop, shortTimeUnits[String(text[end..<stop])]!)
    }

    /// A separator with a digit after it: the number written so far is part of a longer one ("3-8-2024", "3-8.5").
    static func numberGoesOn(_ text: String, at end: String.Index) -> Bool {
        guard end < text.endIndex, "-/.,".contains(text[end]) else { return false }
        let next = text.index(after: end)
        return next < text.endIndex && text[next].isASCIIDigit
    }

    /// Whether the word after "a-b" (past spaces) makes it a range: "sáng 7-11 giờ", "10-15%".
    /// Digits read as one number, or one by one when there are too many for any number to be meant
    /// (a pasted 30-digit code, which `Int` cannot hold).
    static func wholeNumber(_ digits: some StringProtocol) -> String {
        Int(digits).map(VietnameseNumberReader.words) ?? VietnameseNumberReader.digits(String(digits))
    }

    /// Whether the dash at `i`, glued to a number, is a minus sign ("nhiệt độ -2°C", "ở mức -25", "(-5)"). At the
    /// start of a line or after ",", ";" or ":" it is a list dash of pasted papers ("-01 ảnh 3x4, -02 bản sao").
    static func signFollows(_ text: String, before i: String.Index) -> Bool {
        guard let previous = text[..<i].reversed().first(where: { $0 != " " && $0 != "\t" }) else { return false }
        return !(previous == "\n" || previous == "," || previous == ";" || previous == ":")
    }

    /// Nothing but punctuation or the end of the line after `end`.
    static func endsPhrase(_ text: String, at end: String.Index) -> Bool {
        guard let next = text[end...].first else { return true }
        return next == "," || next == "." || next == ";" || next == ")" || next == "\n" || next == ":"
    }

    static func rangeNounFollows(_ text: String, at end: String.Index) -> Bool {
        let after = text[end...].drop { $0 == " " }
        if after.first == "%" { return true }
        let word = after.prefix { isWordChar($0) }
        return rangeNouns.contains(word.lowercased())
    }

    /// The alternatives of `percent`, `money` and `unit`, in their order.
    static let percentWritten = ["%"]
    static let moneyWritten = ["đồng", "đ", "VNĐ", "VND", "vnđ", "₫"]
    static let unitWritten = units.map(\.written)
    /// Which bytes start one of `unitWritten`: the unit list is three times as long as the other two, and most numbers
    /// are followed by a word that starts none of them.
    static let unitFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for unit in unitWritten { table[Int(unit.utf8.first!)] = true }
        return table
    }()

    /// What a pattern " ?(a|b|…)" matches right after a number, on bytes: with the space first, then without, the
    /// first alternative written there. Three such patterns follow every plain number, and matching them was about
    /// two fifths of reading one. When the match would end before a non-ASCII byte (perhaps a mark that makes its
    /// last letter another Character), the pattern itself decides.
    static func suffix(_ text: String, at end: String.Index, _ alternatives: [String], firstBytes: [Bool]? = nil,
                       orPattern: () -> (String.Index, String)?) -> (end: String.Index, written: String)? {
        let utf8 = text.utf8
        var undecided = false
        func attempt(from start: String.Index) -> (end: String.Index, written: String)? {
            if let firstBytes, start < utf8.endIndex, !firstBytes[Int(utf8[start])] { return nil }
            guard let written = alternatives.first(where: { utf8[start...].starts(with: $0.utf8) }) else { return nil }
            let p = utf8.index(start, offsetBy: written.utf8.count)
            if p < utf8.endIndex, utf8[p] >= 0x80 { undecided = true }
            return (p, written)
        }
        var found: (end: String.Index, written: String)?
        if end < utf8.endIndex, utf8[end] == 0x20 { found = attempt(from: utf8.index(after: end)) }
        if found == nil { found = attempt(from: end) }
        guard !undecided else { return orPattern().map { (end: $0.0, written: $0.1) } }
        return found
    }

    /// Whether `code` could match here: after a run of ASCII letters and digits, Đ and đ comes one of . - / and then
    /// one of those again.
    static func mayStartCode(_ rest: Substring) -> Bool {
        var bytes = rest.utf8.makeIterator()
        func isCodeByte(_ b: UInt8, _ bytes: inout Substring.UTF8View.Iterator) -> Bool {
            if (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) { return true }
            // Đ and đ are C4 90 and C4 91; any other lead byte ends the run.
            return b == 0xC4 && bytes.next().map { $0 == 0x90 || $0 == 0x91 } == true
        }
        while let b = bytes.next() {
            if isCodeByte(b, &bytes) { continue }
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "/") else { return false }
            guard let after = bytes.next() else { return false }
            return isCodeByte(after, &bytes)
        }
        return false
    }

    /// The end of `number` (digits, groups after dots, one comma part) read on bytes; nil when the match would end
    /// before a non-ASCII scalar (perhaps a mark on the last digit), where the regex decides.
    static func numberEnd(_ rest: Substring) -> String.Index? {
        let bytes = rest.utf8
        var i = bytes.startIndex
        func digits(from start: Substring.UTF8View.Index) -> Substring.UTF8View.Index {
            var j = start
            while j < bytes.endIndex, bytes[j] >= 0x30, bytes[j] <= 0x39 { j = bytes.index(after: j) }
            return j
        }
        i = digits(from: i)
        guard i > bytes.startIndex else { return nil }
        // Groups after dots, then one part after a comma: each separator counts only with a digit after it.
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            let next = bytes.index(after: i)
            let end = digits(from: next)
            guard end > next else { break }
            i = end
        }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ",") {
            let next = bytes.index(after: i)
            let end = digits(from: next)
            if end > next { i = end }
        }
        if i < bytes.endIndex, bytes[i] >= 0x80 { return nil }
        return i
    }

    /// Starting with a digit: a later part starts with a capital ("000.00.12.H23"), or there are four or more parts
    /// that are not thousands ("1.2.3.4"); "8.000đ/tháng" (money) and "1.000.000.000" (a number) are not codes.
    /// Starting with a letter: it has a digit and three or more parts ("H23.15-241105-0001"; not "COVID-19").
    static func isCode(_ text: Substring) -> Bool {
        let parts = text.split { ".-/".contains($0) }
        guard let first = text.first else { return false }
        if first.isLetter {
            return first.isUppercase && parts.count >= 3 && text.contains(where: \.isASCIIDigit)
        }
        if parts.dropFirst().contains(where: { $0.first?.isUppercase == true }) { return true }
        return parts.count >= 4 && !parts.joined().contains(where: \.isLetter)
            && VietnameseNumberReader.grouped(text) == nil
    }

    /// The match is not the start of a longer code ("0220" in "0220.3.H1").
    private func cleanEnd(_ end: String.Index, in text: String) -> Bool {
        guard end < text.endIndex else { return true }
        if Self.isWordChar(text[end]) { return false }
        let next = text.index(after: end)
        return !(".-/".contains(text[end]) && next < text.endIndex && Self.isWordChar(text[next]))
    }

    /// "000.00.12.H23" → "không không không chấm không không chấm mười hai chấm H hai mươi ba": numbers of up to
    /// three digits without a leading zero in words, others digit by digit, letters as written.
    private func codeReading(_ code: some StringProtocol) -> String {
        var words: [String] = []
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            if run.first!.isASCIIDigit {
                words.append(run.first == "0" || run.count > 3
                    ? VietnameseNumberReader.digits(run) : Self.wholeNumber(run))
            } else {
                words.append(run.count == 1 ? Self.letterNames[run.first!] ?? run : run)
            }
            run = ""
        }
        for c in code {
            switch c {
            case ".": flush(); words.append("chấm")
            case "-": flush(); words.append("gạch ngang")
            case "/": flush(); words.append("trên")
            default:
                if let last = run.last, last.isASCIIDigit != c.isASCIIDigit { flush() }
                run.append(c)
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// A plain number, with the reading its context asks for.
    /// `amount`: a unit or currency follows, so a long run of digits is a number ("700000000 đồng"), not an ID.
    /// `datedMonth`: " tháng m năm yyyy" follows, so the number is a day ("trước 07 tháng 5 năm 2020").
    /// `dayEnds`: what follows lets a number after "ngày" be a day (`dayEnds(_:at:)`).
    private mutating func numberReading(_ written: String, datedMonth: Bool, dayEnds: Bool, amount: Bool) -> String {
        let intPart = written.split(separator: ",").first.map(String.init) ?? written
        let inDayList = dayList
        dayList = false
        if !written.contains(","), !written.contains("."), let value = Int(written) {
            if written.count >= 8, !amount || written.first == "0" { return VietnameseNumberReader.digits(written) }  // IDs, hotlines
            let lastWord = self.lastWord
            // "ngày 15", "ngày 03, 10, 17": after "ngày" a number is the day of a month ("3 ngày" counts days),
            // unless a noun follows it ("ngày 2 lần", "3 ngày 2 đêm") or a colon ("Ngày 1: khai mạc").
            if !amount, (1...31).contains(value), datedMonth || (lastWord == "ngày" || inDayList) && dayEnds {
                dayList = !datedMonth
                return VietnameseNumberReader.day(value)
            }
            if lastWord == "tháng", (1...12).contains(value) { return VietnameseNumberReader.month(value) }
            if lastWord == "thứ" { return VietnameseNumberReader.ordinal(value) }
            return VietnameseNumberReader.words(value)
        }
        if let spoken = VietnameseNumberReader.written(written) { return spoken }
        // Dots that are not thousands separators: a code or a section number ("1.001193", "2.3").
        let groups = intPart.split(separator: ".").map { group in
            group.first == "0" || group.count > 3
                ? VietnameseNumberReader.digits(group) : Self.wholeNumber(group)
        }
        var spoken = groups.joined(separator: " chấm ")
        if let comma = written.firstIndex(of: ",") {
            spoken += " phẩy " + VietnameseNumberReader.decimals(written[written.index(after: comma)...])
        }
        return spoken
    }

    /// "42/2022/NĐ-CP" → "Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai của Chính phủ".
    /// The type is not repeated when the text already names it ("Nghị định số 42/2022/NĐ-CP") or says "số",
    /// nor the issuer when the text goes on to name it ("42/2022/NĐ-CP của Chính phủ").
    private mutating func documentReading(number written: String, year: String?, code: Substring, after: Substring,
                                          location: (String.Index) -> SourceLocation) -> String {
        var parts = code.split(separator: "-")
        var type: String?
        // "168a": the number, then its letter by name.
        var number = written
        var letter: String?
        if let last = written.last, !last.isASCIIDigit {
            number = String(written.dropLast())
            letter = Self.letterNames[last] ?? String(last)
        }
        if let first = parts.first, let name = Self.documentTypes[String(first)] {
            type = name
            parts.removeFirst()
        } else if parts.count == 1, parts[0].hasPrefix("QH") {
            type = "Luật"  // "60/2014/QH13": a law of the 13th National Assembly
        }
        let issuers = parts.map { part -> String in
            let (name, known) = issuerReading(String(part))
            if !known, reported.insert(String(part)).inserted {
                diagnostics.warning(.radioUnknownAbbreviation,
                    "`\(part)` trong số hiệu văn bản `\(written)/\(year.map { $0 + "/" } ?? "")\(code)` chưa có trong danh sách chữ viết tắt nên được để nguyên trong bản đọc phát thanh; khai báo cách đọc trong Content/viet-tat.yml, ví dụ `\(part): …`",
                    at: location(part.startIndex), subject: String(part))
            }
            return name
        }
        // "01/2021/TT-TTCP" → "số một": Decree 30/2020/NĐ-CP has numbers below 10 written with a 0 before them,
        // so the 0 is how the number is typed, not part of it.
        var reading = Int(number).map(VietnameseNumberReader.words) ?? Self.wholeNumber(number)
        if let letter { reading += " " + letter }
        if let year, let y = Int(year) { reading += " năm " + VietnameseNumberReader.words(y) }
        let ofIssuers = "của " + issuers.joined(separator: ", ")
        // "42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ": the issuer follows within the clause.
        let clause = after.prefix(60).prefix { !".;\n".contains($0) }.lowercased()
        let namedAfter = clause.contains(ofIssuers.lowercased())
        if !issuers.isEmpty, !namedAfter { reading += " " + ofIssuers }
        let tail = loweredTail(Self.longestTypeName + 1)
        if Self.numberedTypeNames.contains(where: { Self.tail(tail, endsWith: $0) }) || Self.tail(tail, endsWith: "số") {
            return reading
        }
        if Self.typeNames.contains(where: { Self.tail(tail, endsWith: $0) }) { return "số " + reading }
        return (type ?? "văn bản") + " số " + reading
    }

    /// "CP" → "Chính phủ", "QH13" → "Quốc hội khóa mười ba"; unknown codes through the abbreviations, else as written.
    private func issuerReading(_ code: String) -> (name: String, known: Bool) {
        let letters = String(code.prefix { !$0.isASCIIDigit })
        let digits = code.dropFirst(letters.count)
        let name: String
        var known = true
        if let issuer = Self.issuers[letters] {
            name = issuer
        } else if case .expansion(let expansion)? = abbreviations.reading(of: letters) {
            name = expansion
        } else {
            name = letters
            // A word that reads as it is ("Huế" in "12/TB-Huế") is no leftover.
            known = !Self.looksLikeAbbreviation(letters) && letters.count > 1
        }
        guard !digits.isEmpty, let n = Int(digits) else { return (name, known) }
        return (letters.hasSuffix("QH") ? "\(name) khóa \(VietnameseNumberReader.words(n))"
            : "\(name) \(VietnameseNumberReader.words(n))", known)
    }

    // MARK: Words

    private mutating func word(in text: String, at i: String.Index, atWordStart: Bool,
                               location: (String.Index) -> SourceLocation) -> String.Index
    {
        // Not right after a number: "7 h. Ông …" is hours, not "huyện".
        if atWordStart, !lastNumeric, let place = Self.placeAbbreviation(in: text, at: i) {
            emit(place.reading)
            return place.end
        }
        // "gọi ĐT 113": after a word of calling, ĐT is the telephone.
        if atWordStart, let road = Self.roadCode(in: text, at: i), !(text[i...].hasPrefix("ĐT") && phoneContext) {
            emit(road.reading)
            return road.end
        }
        if atWordStart, let match = abbreviations.match(in: text, at: i) {
            switch match.reading {
            case .expansion(let spoken):
                // "Công ty CP" is a joint-stock company, not the government. (A rule here rather than an entry
                // "Công ty CP": an entry starting with "c" would be tried at most words of a notice.)
                if match.written == "CP", lastWords(2, within: 12).map({ $0.lowercased() }) == ["ty", "công"] {
                    emit("cổ phần")
                } else {
                    emit(spoken)
                }
                numberedLevel = match.written.last?.isASCIIDigit == true
                // "TP. Hải Dương": the abbreviation's dot is not a full stop.
                if ["TP", "TX", "BS", "ThS"].contains(match.written), text[match.end...].hasPrefix(". "),
                   text[match.end...].dropFirst(2).first?.isUppercase == true {
                    return text.index(after: match.end)
                }
            case .ambiguous(let readings):
                emit(match.written)
                if reported.insert(match.written).inserted {
                    diagnostics.warning(.radioAmbiguousAbbreviation,
                        "chữ viết tắt `\(match.written)` có nhiều cách đọc (\(readings.joined(separator: ", "))) nên được để nguyên trong bản đọc phát thanh; khai báo cách đọc trong Content/viet-tat.yml, ví dụ `\(match.written): \(readings[0])`",
                        at: location(i), subject: match.written)
                }
            }
            return match.end
        }
        let (end, hasDigit) = Self.wordEnd(in: text, from: i)
        let word = String(text[i..<end])
        if let value = Self.romanValue(word),
           Self.romanContext.contains(lastWord)
            || (out.allSatisfy(\.isWhitespace) && end < text.endIndex && ".)".contains(text[end])) {
            emit(lastWord == "thứ" ? VietnameseNumberReader.ordinal(value) : VietnameseNumberReader.words(value), numeric: true)
            return end
        }
        if hasDigit, let unit = Self.unitWords[word] {
            emit(unit)  // "mỗi m2" → "mỗi mét vuông"
            return end
        }
        if hasDigit {
            // "H5N1": digits in words, a single letter by its name, longer runs as written ("BC15", a rice
            // variety, not "báo cáo"), warned when no one can read them so.
            var run = ""
            var runStart = 0  // in Characters from `i`, found again only for a warning
            var offset = 0
            var runIsDigits = false
            func flush(_ me: inout SpokenTextWriter) {
                guard !run.isEmpty else { return }
                if runIsDigits {
                    me.emit(Self.wholeNumber(run), numeric: true)
                } else if run.count == 1, atWordStart || !"xX".contains(run), let name = Self.letterNames[run.first!] {
                    // (Not the "x" of "3x4", a size.)
                    me.emit(name)
                } else {
                    // Two capitals or more inside a code are an acronym even when they spell a syllable ("OM4900").
                    if Self.looksUnreadable(run) || run.utf8.count > 1 && run.allSatisfy(\.isUppercase) {
                        me.warnUnknown(run, at: location(text.index(i, offsetBy: runStart)))
                    }
                    me.emit(run)
                }
                run = ""
            }
            for c in word {
                if c.isASCIIDigit != runIsDigits {
                    flush(&self)
                    runStart = offset
                }
                runIsDigits = c.isASCIIDigit
                run.append(c)
                offset += 1
            }
            flush(&self)
            return end
        }
        // A capital standing alone, not a Roman numeral in its place, or a letter glued to a number: "viêm gan B"
        // → "viêm gan bê", "Quốc lộ 15c" → "… mười lăm xê".
        // Not a vowel, whose name is itself ("Nguyễn Văn A", "Trạm Y tế"), not I V X L (a Roman numeral outside
        // the words that announce one stays as written), and after a number only a to e ("15c", not "5k").
        if text.unicodeScalars.index(after: i) == end, let letter = word.first,
           letter.isUppercase ? !"IVXLAEOUY".contains(letter)
               : !atWordStart && "abcde".contains(letter) && (end == text.endIndex || !Self.isWordChar(text[end])),
           let name = Self.letterNames[letter] {
            emit(name)
            return end
        }
        // Stops at the first vowel, in most words the first or second letter.
        let hasVowel = word.unicodeScalars.contains(where: Self.isVowel)
        // A unit standing alone ("mỗi km", "Km 15"): read as after a number; one letter ("m", "g") stays a letter.
        if !hasVowel, word.utf8.count > 1, word != "MB", word != "GB",
           let unit = Self.unitWords[word] ?? (word.first == "K" ? Self.unitWords["k" + word.dropFirst()] : nil) {
            emit(unit)
            return end
        }
        if Self.looksUnreadable(word, hasVowel: hasVowel) || Self.capitalsAmongWords(word, in: text, from: i, to: end) {
            warnUnknown(word, at: location(i))
        } else if word.allSatisfy(\.isLetter), Array(word.utf8).withUnsafeBufferPointer({ Self.isForeign($0, from: 0, to: $0.count) }) {
            warnForeign(word) { location(i) }
        }
        emit(word)
        return end
    }

    /// Roads by their number: "QL1A", "QL.14" → "quốc lộ …", "ĐT.741", "ĐT 602" → "đường tỉnh …" (not "điện
    /// thoại": a phone number starts with 0, and "ĐT:" has its colon), "TL" → "tỉnh lộ", "ĐH" → "đường huyện".
    /// The number is read as a number, a letter after it by its name. Returns the end and the reading.
    static func roadCode(in text: String, at i: String.Index) -> (end: String.Index, reading: String)? {
        // By scalar: most words start with none of these pairs, and a Character costs a grapheme break.
        let scalars = text.unicodeScalars
        let second = scalars.index(after: i)
        guard second < scalars.endIndex else { return nil }
        let reading: String
        switch (scalars[i].value, scalars[second].value) {
        case (0x51, 0x4C): reading = "quốc lộ"  // QL
        case (0x110, 0x54): reading = "đường tỉnh"  // ĐT
        case (0x54, 0x4C): reading = "tỉnh lộ"  // TL
        case (0x110, 0x48): reading = "đường huyện"  // ĐH
        default: return nil
        }
        do {
            var end = scalars.index(after: second)
            if end < text.endIndex, text[end] == "." || text[end] == " " { end = text.index(after: end) }
            guard end < text.endIndex, let digit = text[end].asciiValue, digit >= 0x31 && digit <= 0x39 else { return nil }
            let digitsEnd = text[end...].firstIndex { !$0.isASCIIDigit } ?? text.endIndex
            // A road has at most three digits ("QL279"); "ĐT 1900 9095", "ĐH 2025" are a phone and a year. "ĐT"
            // or "ĐH" without a dot takes three digits, not a service number ("ĐT 113").
            let digits = text[end..<digitsEnd]
            let dotted = text[scalars.index(after: second)] == "."
            guard digits.count <= 3, reading == "quốc lộ" || reading == "tỉnh lộ" || dotted
                    || digits.count == 3 && !(111...119).contains(Int(digits) ?? 0),
                  !text[digitsEnd...].hasPrefix(" ") || !(text[digitsEnd...].dropFirst().first?.isASCIIDigit ?? false)
            else { return nil }
            var spoken = reading + " " + wholeNumber(text[end..<digitsEnd])
            end = digitsEnd
            // "QL1A", "15C": one letter after the number, by its name.
            if end < text.endIndex, let name = letterNames[text[end]] {
                let after = text.index(after: end)
                guard after == text.endIndex || !isWordChar(text[after]) else { return nil }
                spoken += " " + name
                end = after
            } else if end < text.endIndex, isWordChar(text[end]) {
                return nil
            }
            return (end, spoken)
        }
    }

    /// Address abbreviations with their dot, read before a place name: "tp." → "thành phố", "q." → "quận",
    /// "p." → "phường", "x." → "xã", "h." → "huyện", "tx." → "thị xã", "kp." → "khu phố" (any case: "TP.", "Tp.").
    /// Two-letter ones need a capitalised word or a number after the dot ("Tp. Huế", "KP.3"); one-letter ones a
    /// number ("Q.1", "P. 5") or two capitalised words ("P. Tân Định"), so a sentence ending in a letter ("… loại
    /// P. Tiếp theo") is left alone. Returns the end (after the dot) and the reading.
    static func placeAbbreviation(in text: String, at i: String.Index) -> (end: String.Index, reading: String)? {
        let utf8 = text.utf8
        // Byte pre-check: the first letter must be one of t q p x h k (either case).
        let first = utf8[i] | 0x20
        guard first == 0x74 || first == 0x71 || first == 0x70 || first == 0x78 || first == 0x68 || first == 0x6B
        else { return nil }
        var j = i
        var letters: [UInt8] = []
        while j < utf8.endIndex, letters.count < 3 {
            let b = utf8[j]
            guard (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A else { break }
            letters.append(b)
            j = utf8.index(after: j)
        }
        guard j < utf8.endIndex, utf8[j] == UInt8(ascii: "."), (1...2).contains(letters.count) else { return nil }
        let written = String(decoding: letters, as: UTF8.self)
        // "TP", "Tp", "tp": not "tP".
        guard written == written.lowercased() || written == written.uppercased()
            || (written.first!.isUppercase && written.dropFirst() == written.dropFirst().lowercased()) else { return nil }
        let reading: String
        switch written.lowercased() {
        case "tp": reading = "thành phố"
        case "tx": reading = "thị xã"
        case "kp": reading = "khu phố"
        case "q": reading = "quận"
        case "p": reading = "phường"
        case "x": reading = "xã"
        case "h": reading = "huyện"
        default: return nil
        }
        let end = utf8.index(after: j)
        // What follows: optional spaces, then a number or capitalised words.
        let rest = text[end...].drop { $0 == " " }
        guard let next = rest.first else { return nil }
        if next.isASCIIDigit { return (end, reading) }
        guard next.isUppercase else { return nil }
        if letters.count == 2 { return (end, reading) }
        let words = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, words[0].allSatisfy(\.isLetter), words[1].first?.isUppercase == true
        else { return nil }
        return (end, reading)
    }

    /// Where the run of word characters from `i` ends, and whether it has an ASCII digit. By scalar while the run is
    /// ASCII letters and digits or Latin letters and ends at ASCII (each scalar is then a whole character);
    /// by Character otherwise: walking Characters was the largest part of reading words.
    static func wordEnd(in text: String, from i: String.Index) -> (String.Index, Bool) {
        let scalars = text.unicodeScalars
        var j = i
        var hasDigit = false
        while j < scalars.endIndex {
            let v = scalars[j].value
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 {
                    hasDigit = true
                } else if (v | 0x20) < 0x61 || (v | 0x20) > 0x7A {
                    return (j, hasDigit)
                }
            } else if !VietnameseText.isLatinLetter(v) {
                // Perhaps a mark that belongs to the letter before it.
                let end = text[i...].firstIndex { !isWordChar($0) } ?? text.endIndex
                return (end, text[i..<end].contains(where: \.isASCIIDigit))
            }
            j = scalars.index(after: j)
        }
        return (j, hasDigit)
    }

    /// A word of plain capitals (A–Z, no tone mark) between words that are not capitals: "uốn ván VAT cho phụ
    /// nữ". It spells a syllable, so `looksLikeAbbreviation` lets it pass, but a heading in capitals ("TIÊM VẮC
    /// XIN") would have its neighbours in capitals too. Words on either side must both not be all capitals.
    static func capitalsAmongWords(_ word: String, in text: String, from i: String.Index, to end: String.Index) -> Bool {
        guard word.utf8.count >= 2, word.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        func capitals(_ w: Substring) -> Bool { w.contains(where: \.isLetter) && !w.contains(where: \.isLowercase) }
        // The nearest words with a letter on each side ("( VAT): Cho" → "ván", "Cho"), within the line.
        let hasLetter = { (w: Substring) in w.contains(where: \.isLetter) }
        // Only the nearest non-empty line on each side is split, not the whole text around the word: a heading
        // in capitals asks this for every word.
        let head = text[..<i].reversed().drop { $0 == "\n" }.prefix { $0 != "\n" }
        let tail = text[end...].drop { $0 == "\n" }.prefix { $0 != "\n" }
        let before = String(head.reversed())[...].split(whereSeparator: \.isWhitespace).last(where: hasLetter)
        let after = tail.split(whereSeparator: \.isWhitespace).first(where: hasLetter)
        let neighbours = [before, after].compactMap { $0 }
        return !neighbours.isEmpty && !neighbours.contains(where: capitals)
    }

    /// An abbreviation, or two letters or more with no vowel ("kV", "Km", "TP"): no one can read it as written.
    /// `hasVowel`, when the caller has looked already.
    static func looksUnreadable(_ word: String, hasVowel: Bool? = nil) -> Bool {
        looksLikeAbbreviation(word) || (word.utf8.count > 1 && !(hasVowel ?? word.unicodeScalars.contains(where: isVowel)))
    }

    /// a e i o u y in either case, or any other Latin letter but đ (NFC: the marked vowels are single scalars).
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value | 0x20 {  // ASCII letters in lower case
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
        default:
            let v = scalar.value
            return v >= 0x80 && v != 0x110 && v != 0x111 && VietnameseText.isLatinLetter(v)
        }
    }

    private mutating func warnUnknown(_ word: String, at location: SourceLocation) {
        guard reported.insert(word).inserted else { return }
        diagnostics.warning(.radioUnknownAbbreviation,
            "`\(word)` có vẻ là chữ viết tắt chưa có trong danh sách nên được để nguyên trong bản đọc phát thanh; khai báo cách đọc trong Content/viet-tat.yml, ví dụ `\(word): …`",
            at: location, subject: word)
    }

    /// Two or more capitals that do not spell a Vietnamese syllable ("UBND", "BCĐ"; not "XÃ", "AN").
    static func looksLikeAbbreviation(_ word: String) -> Bool {
        // By scalar when no combining mark is present (NFC text: one scalar per letter); Characters otherwise.
        var capitals = 0
        for scalar in word.unicodeScalars {
            if scalar.value >= 0x300 && scalar.value <= 0x36F {
                capitals = word.lazy.filter(\.isUppercase).prefix(2).count
                break
            }
            if VietnameseText.isUppercase(scalar) { capitals += 1 }
        }
        guard capitals >= 2 else { return false }
        return !SpokenAddress.isSyllable(VietnameseText.fold(word))
    }

    static func romanValue(_ word: String) -> Int? {
        guard !word.isEmpty, word.utf8.count <= 6, word.utf8.allSatisfy({ "IVXL".utf8.contains($0) }) else { return nil }
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
        var total = 0
        let digits = word.map { values[$0]! }
        for (k, v) in digits.enumerated() {
            total += k + 1 < digits.count && v < digits[k + 1] ? -v : v
        }
        // Only canonical numerals, so a stray "VX" is not read as a number.
        return total > 0 && total <= 50 && roman(total) == word ? total : nil
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, s = ""
        for (v, r) in table { while n >= v { s += r; n -= v } }
        return s
    }

    // MARK: Symbols

    /// Writes the reading of the symbol at `i`. Returns where the scan goes on when the reading took more than the
    /// symbol ("+84 912 345 678", "$100", "km/h"); nil when it goes on after the symbol.
    private mutating func symbol(_ c: Character, in text: String, at i: String.Index,
                                 previous prevChar: Character?,
                                 location: (String.Index) -> SourceLocation) -> String.Index? {
        // Only "/", "+", dashes and currency signs look at the next character, so it is found only when asked, not
        // for every space and comma: finding it is a grapheme break.
        var next: String.Index { text.index(after: i) }
        var nextChar: Character? { next < text.endIndex ? text[next] : nil }
        // By scalar value: comparing a Character with twenty string literals, one by one, is twenty calls for every
        // symbol of a radio text. A character of several scalars is none of these.
        var scalars = c.unicodeScalars.makeIterator()
        let first = scalars.next()?.value ?? 0
        let value = scalars.next() == nil ? first : 0
        // Anything but a "/" ends a run of "per" readings.
        let per = perContext
        perContext = false
        // $ € £ before a number: "$100" → "một trăm đô la".
        if value == 0x24 || value == 0x20AC || value == 0xA3, nextChar?.isASCIIDigit == true,
           let currency = Self.currencyBefore[value] {
            let (end, spoken) = numeric(in: text, at: text.index(after: i), location: location)
            emit(spoken + " " + currency, numeric: true)
            perContext = true  // "$5/kg"
            return end
        }
        switch value {
        case 0x2A, 0x5F, 0x23, 0x7C, 0x60, 0x5B, 0x5D, 0x3C, 0x3E, 0x7E, 0x5E, 0x7B, 0x7D, 0x5C, 0x24,  // * _ # | ` [ ] < > ~ ^ { } \ $
             0x2022, 0x25BA, 0x2192, 0x2713:  // • ► → ✓
            out.append(" ")
        case 0x25: emit("phần trăm")  // %
        case 0x2B where nextChar == "8":  // "+84 912 345 678": read as it is dialled at home, "0912 345 678"
            if let m = text[i...].prefixMatch(of: Self.internationalPhone), cleanEnd(m.range.upperBound, in: text) {
                emit(VietnameseNumberReader.phone("0" + m.output.1), numeric: true)
                return m.range.upperBound
            }
            emit("và")
        case 0x26, 0x2B: emit("và")  // & +
        case 0x3D: emit("bằng")  // =
        case 0x40: emit("a còng")  // @
        case 0x2F where prevChar == "." && nextChar == ".":  // "./.", the mark that ends a notice: one full stop
            return text.index(after: next)
        case 0x2F:  // /
            if nextChar?.isLetter == true, per || tailEnds(with: "đồng") || perUnitGoesOn {
                // "per" after an amount or a unit: "8.000 đồng/bản" → "tám nghìn đồng một bản", "20.000đ/lần/con"
                // → "… một lần một con", "120km/h" → "… ki lô mét một giờ".
                emit("một")
                perContext = true
                perStart = out.utf8.count
                let (end, _) = Self.wordEnd(in: text, from: next)
                let word = String(text[next..<end])
                if let unit = Self.unitWords[word] ?? Self.shortTimeUnits[word] {
                    emit(unit)
                    return end
                }
            } else if prevChar?.isLowercase == true, nextChar?.isLowercase == true, !text[next...].hasPrefix("hoặc") {
                emit("hoặc")  // "xã/phường" → "xã hoặc phường"; "và/hoặc" → "và hoặc"
            } else if let prev = prevChar, "IVXL".contains(prev), text[next...].prefixMatch(of: Self.yearAfterSlash) != nil {
                emit("năm")  // "Quý I/2024" → "Quý một năm hai nghìn …"
            } else if prevChar.map(Self.isWordChar) == true, nextChar?.isASCIIDigit == true {
                emit("trên")  // "trụ 31B/82" → "… bê trên tám mươi hai"
            } else {
                out.append(" ")
            }
        case 0x2D, 0x2010, 0x2011, 0x2013, 0x2014, 0x2015, 0x2212:  // - ‐ ‑ – — ― −
            let after = text[next...].drop { $0 == " " }
            if lastNumeric, after.first?.isASCIIDigit == true {
                emit("đến")
                out.append(" ")
            } else if numberedLevel, nextChar?.isLetter == true {
                emit("đến")  // "BĐ2-BĐ3" → "báo động hai đến báo động ba"
                out.append(" ")
            } else if prevChar.map(Self.isWordChar) == true, nextChar?.isASCIIDigit == true {
                out.append(" ")  // "COVID-19"
            } else if nextChar?.isASCIIDigit == true {
                // A sign: "nhiệt độ -25", "(-2°C)"; a range dash comes after a number; a list dash is not read.
                if Self.signFollows(text, before: i) { emit("âm") } else { out.append(" ") }
            } else {
                out.append(c)
            }
        default:
            out.append(c)
            if !(c.asciiValue.map { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) } ?? c.isWhitespace) { lastNumeric = false }
            // By its first scalar: "☎" and "☎️" (with a variation selector) are one symbol to fix.
            if !c.isWhitespace, !c.isLetter, !c.isNumber, !Self.pauses.contains(c),
               reported.insert("symbol\u{0}" + String(first)).inserted {
                diagnostics.warning(.radioSymbol,
                    "ký hiệu `\(c)` không đọc thành lời được nên người đọc trên đài sẽ bỏ qua hoặc đọc mỗi người một kiểu; hãy viết bằng chữ (ví dụ `§ 3` → `mục 3`, `☎` → `điện thoại`) hoặc xóa đi",
                    at: location(i), subject: String(c))
            }
        }
        return nil
    }

    /// Punctuation a reader takes as a pause, or leaves unsaid, so it stays in the reading text without a word.
    static let pauses: Set<Character> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "“", "”", "‘", "’", "„", "‚", "…",
                                         "«", "»", "‹", "›", "–", "—"]

    /// Single spaces, none before closing punctuation or inside brackets, no empty brackets, a space after
    /// , ; : before a word. Six passes over the scalars, one per rule, in this order (each was once a regular
    /// expression: `\s+` → " ", ` +([,.;:!?…)”])` → "$1", `([(“]) +` → "$1", `\(\s*\)` → "",
    /// `([,;:])(?=[^\s\d])` → "$1 ", `\s+` → " "; a test still compares with them), then trimmed.
    static func tidy(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        // Two buffers the passes write into in turn; only the fifth pass adds scalars (a space after each , ; :),
        // and the others never lengthen the text, so twice its length is room enough. Raw buffers: an Array
        // append checked uniqueness each time.
        let capacity = 2 * scalars.count + 1
        let a = UnsafeMutableBufferPointer<Unicode.Scalar>.allocate(capacity: capacity)
        let b = UnsafeMutableBufferPointer<Unicode.Scalar>.allocate(capacity: capacity)
        defer { a.deallocate(); b.deallocate() }
        _ = a.initialize(from: scalars)
        var s = a, out = b
        var n = scalars.count
        // Each rule is its own loop: a `switch` on the step inside one loop was taken for every scalar.
        for step in 0..<6 {
            var o = 0
            var i = 0
            switch step {
            case 0, 5:  // runs of white space → one space
                while i < n {
                    if isSpace(s[i]) {
                        while i < n, isSpace(s[i]) { i += 1 }
                        out[o] = " "; o += 1
                    } else {
                        out[o] = s[i]; o += 1
                        i += 1
                    }
                }
            case 1:  // no space before closing punctuation
                while i < n {
                    if s[i] == " " {
                        var j = i
                        while j < n, s[j] == " " { j += 1 }
                        if j == n || !closesTight(s[j]) {
                            for k in i..<j { out[o] = s[k]; o += 1 }
                        }
                        i = j
                    } else {
                        out[o] = s[i]; o += 1
                        i += 1
                    }
                }
            case 2:  // no space after an opening bracket or quote
                while i < n {
                    out[o] = s[i]; o += 1
                    i += 1
                    if s[i - 1] == "(" || s[i - 1] == "“" { while i < n, s[i] == " " { i += 1 } }
                }
            case 3:  // empty brackets go
                while i < n {
                    if s[i] == "(" {
                        var j = i + 1
                        while j < n, isSpace(s[j]) { j += 1 }
                        if j < n, s[j] == ")" {
                            i = j + 1
                            continue
                        }
                    }
                    out[o] = s[i]; o += 1
                    i += 1
                }
            default:  // a space after , ; : unless a digit follows
                while i < n {
                    out[o] = s[i]; o += 1
                    if s[i] == "," || s[i] == ";" || s[i] == ":", i + 1 < n, !isSpace(s[i + 1]),
                       s[i + 1].properties.numericType != .decimal {
                        out[o] = " "; o += 1
                    }
                    i += 1
                }
            }
            swap(&s, &out)
            n = o
        }
        // Trimmed as `trimmingCharacters(in: .whitespaces)` did.
        var start = 0, end = n
        while start < end, VietnameseText.isFoundationWhitespace(s[start].value) { start += 1 }
        while end > start, VietnameseText.isFoundationWhitespace(s[end - 1].value) { end -= 1 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * (end - start))
        for k in start..<end { UTF8Text.append(s[k].value, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Punctuation that sits right after a word, with no space before it.
    static func closesTight(_ c: Unicode.Scalar) -> Bool {
        switch c { case ",", ".", ";", ":", "!", "?", "…", ")", "”": return true; default: return false }
    }

    /// What `\s` matched.
    static func isSpace(_ s: Unicode.Scalar) -> Bool { VietnameseText.isWhiteSpace(s.value) }

    /// `prewarm` started on a spare core, once per process (the preview's later rebuilds find it done).
    static let prewarmInBackground: Void = { DispatchQueue.global().async { prewarm() } }()

    /// Compiles every pattern (Swift regexes compile on first use, ICU loads its data on first use) so a
    /// build can do it on a spare core while it reads the content, and the first radio text does not wait for it.
    static func prewarm() {
        let sample = "0"
        _ = sample.prefixMatch(of: documentNumber)
        _ = sample.prefixMatch(of: fullDate)
        _ = sample.prefixMatch(of: spacedDate)
        _ = sample.prefixMatch(of: dayRange)
        _ = sample.prefixMatch(of: dashDayMonth)
        _ = sample.prefixMatch(of: monthSpaceYear)
        _ = sample.prefixMatch(of: hotline)
        _ = sample.prefixMatch(of: internationalPhone)
        _ = sample.prefixMatch(of: mixedFraction)
        _ = sample.prefixMatch(of: monthYear)
        _ = sample.prefixMatch(of: dayMonth)
        _ = sample.prefixMatch(of: phone)
        _ = sample.prefixMatch(of: digitGroups)
        _ = sample.prefixMatch(of: number)
        _ = sample.prefixMatch(of: time)
        _ = sample.prefixMatch(of: rangeDash)
        _ = sample.prefixMatch(of: phoneInParentheses)
        _ = sample.prefixMatch(of: code)
        _ = sample.prefixMatch(of: money)
        _ = sample.prefixMatch(of: percent)
        _ = sample.prefixMatch(of: unit)
        _ = sample.prefixMatch(of: email)
        _ = sample.prefixMatch(of: bareDomain)
    }
}
