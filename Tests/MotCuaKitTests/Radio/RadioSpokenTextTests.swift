import Foundation
@testable import MotCuaKit
import Testing

/// Readings of single passages, through the same path the builder uses.
@Suite("Radio: spoken text")
struct RadioSpokenTextTests {
    static let builder = RadioTextBuilder(
        abbreviations: Abbreviations(site: ["KDC": "khu dân cư", "TP": "Tư pháp"]),
        hostNames: ["https://dichvucong.gov.vn": "Cổng dịch vụ công quốc gia"])

    func speak(_ text: String) -> String { Self.builder.speak(text) }

    @Test(arguments: [
        ("06/01/2022", "ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai"),
        ("6/1/2022", "ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai"),
        ("ngày 06/01/2022", "ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai"),
        ("Ngày 14/4/2026", "Ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi sáu"),
        ("hạn chót 24/12/2026.", "hạn chót ngày hai mươi tư tháng mười hai năm hai nghìn không trăm hai mươi sáu."),
        ("từ ngày 03/11 đến ngày 07/12/2026",
         "từ ngày mùng ba tháng mười một đến ngày mùng bảy tháng mười hai năm hai nghìn không trăm hai mươi sáu"),
        ("03/11 – 07/11/2026",
         "ngày mùng ba tháng mười một đến ngày mùng bảy tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("ngày 6 tháng 1 năm 2022", "ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai"),
        ("tháng 4/2026", "tháng tư năm hai nghìn không trăm hai mươi sáu"),
        ("trong 11/2026", "trong tháng mười một năm hai nghìn không trăm hai mươi sáu"),
        ("số nhà 5/2", "số nhà năm trên hai"),
        ("ngày 08/10, 09/10 và 10/10",
         "ngày mùng tám tháng mười, ngày mùng chín tháng mười và ngày mùng mười tháng mười"),
        ("từ đêm 09/10 đến hết ngày 11/10/2026",
         "từ đêm ngày mùng chín tháng mười đến hết ngày mười một tháng mười năm hai nghìn không trăm hai mươi sáu"),
    ])
    func dates(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("7h30", "bảy giờ ba mươi phút"),
        ("7h", "bảy giờ"),
        ("13h30", "mười ba giờ ba mươi phút"),
        ("07:45", "bảy giờ bốn mươi lăm phút"),
        ("7 giờ 30", "bảy giờ ba mươi"),
        ("lúc 7 giờ 30 phút", "lúc bảy giờ ba mươi phút"),
        ("7h30–11h30", "từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút"),
        ("từ 13h30 - 17h00", "từ mười ba giờ ba mươi phút đến mười bảy giờ"),
        ("Sáng 7h30–11h30, chiều 13h30–17h00",
         "Sáng từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút, chiều từ mười ba giờ ba mươi phút đến mười bảy giờ"),
    ])
    func times(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("8.000 đồng", "tám nghìn đồng"),
        ("8.000 đ", "tám nghìn đồng"),
        ("8.000đ", "tám nghìn đồng"),
        ("phí 20.000 đ/lần.", "phí hai mươi nghìn đồng một lần."),
        ("2.000.000 VNĐ", "hai triệu đồng"),
        ("1,5 triệu đồng", "một phẩy năm triệu đồng"),
        ("1.005 đồng", "một nghìn không trăm linh năm đồng"),
        ("10.000.000đ/tháng", "mười triệu đồng một tháng"),
        ("3.000.000 - 5.000.000 đồng", "ba triệu đến năm triệu đồng"),
        ("1.000.000.000 đồng", "một tỷ đồng"),
    ])
    func money(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("42/2022/NĐ-CP", "Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai của Chính phủ"),
        ("Nghị định số 42/2022/NĐ-CP", "Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai của Chính phủ"),
        ("45/TB-UBND", "Thông báo số bốn mươi lăm của Ủy ban nhân dân"),
        ("Thông báo số 45/TB-UBND", "Thông báo số bốn mươi lăm của Ủy ban nhân dân"),
        ("60/2014/QH13", "Luật số sáu mươi năm hai nghìn không trăm mười bốn của Quốc hội khóa mười ba"),
        ("Luật Cư trú số 68/2020/QH14",
         "Luật Cư trú số sáu mươi tám năm hai nghìn không trăm hai mươi của Quốc hội khóa mười bốn"),
        ("39/2020/TT-BTTTT",
         "Thông tư số ba mươi chín năm hai nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông"),
        ("06/2025/QĐ-TTg", "Quyết định số sáu năm hai nghìn không trăm hai mươi lăm của Thủ tướng Chính phủ"),
        ("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định",
         "Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai ngày hai mươi tư tháng sáu năm hai nghìn không trăm hai mươi hai của Chính phủ quy định"),
        ("văn bản số 123/UBND-VP", "văn bản số một trăm hai mươi ba của Ủy ban nhân dân, Văn phòng"),
    ])
    func documentNumbers(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("5%", "năm phần trăm"),
        ("2,5 %", "hai phẩy năm phần trăm"),
        ("từ 5-7 ngày", "từ năm đến bảy ngày"),
        ("thứ 4 và thứ 7", "thứ tư và thứ bảy"),
        ("lần thứ 1", "lần thứ nhất"),
        ("Quý IV", "Quý bốn"),
        ("mã thủ tục 1.001193", "mã thủ tục một chấm không không một một chín ba"),
        ("500 m2", "năm trăm mét vuông"),
        ("cúm A/H5N1", "cúm A hát năm en một"),
        ("COVID-19", "cô vít mười chín"),
        ("ô số 3A", "ô số ba A"),
        ("Mã hồ sơ: H23.15-241105-0001",
         "Mã hồ sơ: hát hai mươi ba chấm mười lăm gạch ngang hai bốn một một không năm gạch ngang không không không một"),
        ("và/hoặc", "và hoặc"),
        ("xã/phường", "xã hoặc phường"),
        ("CCCD số 001234567890", "căn cước công dân số không không một hai ba bốn năm sáu bảy tám chín không"),
    ])
    func otherNumbers(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("Điện thoại: 0220 3 123 456.", "Điện thoại: không hai hai không, ba, một hai ba, bốn năm sáu."),
        ("gọi 0912.345.678", "gọi không chín một hai, ba bốn năm, sáu bảy tám"),
        ("gọi 114", "gọi một một bốn"),
        ("khi có cháy gọi ngay số 114.", "khi có cháy gọi ngay số một một bốn."),
        ("trực 24/24 giờ", "trực hai mươi tư trên hai mươi tư giờ"),
        ("(0220) 3 123 456", "không hai hai không, ba, một hai ba, bốn năm sáu"),
        ("Tel: 0220.3.123.456", "Tel: không hai hai không, ba, một hai ba, bốn năm sáu"),
        ("Hotline: 1900 1234", "Hotline: một chín không không, một hai ba bốn"),
    ])
    func phones(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("tại https://dichvucong.gov.vn/p/home/dvc-trang-chu.html.",
         "tại Cổng dịch vụ công quốc gia."),
        ("truy cập www.dichvucong.gov.vn", "truy cập Cổng dịch vụ công quốc gia"),
        ("(https://dichvucong.haiduong.gov.vn)", "(dịch vụ công chấm hai duong chấm gov chấm vn)"),
        ("dichvucong.haiduong.gov.vn", "dịch vụ công chấm hai duong chấm gov chấm vn"),
        ("gửi ubnd.anphu@haiduong.gov.vn.",
         "gửi u b n d chấm an phu a còng hai duong chấm gov chấm vn."),
    ])
    func addresses(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test(arguments: [
        ("UBND xã", "Ủy ban nhân dân xã"),
        ("(UBND)", "(Ủy ban nhân dân)"),
        ("UBND, HĐND và MTTQ.", "Ủy ban nhân dân, Hội đồng nhân dân và Mặt trận Tổ quốc."),
        ("UBNDX", "UBNDX"),
        ("ubnd", "ubnd"),
        ("TTHC trên DVCTT", "thủ tục hành chính trên dịch vụ công trực tuyến"),
        ("NĐ-CP và NĐ", "nghị định của Chính phủ và nghị định"),
        ("KDC số 3", "khu dân cư số ba"),
        ("phòng TP", "phòng Tư pháp"),
        ("(TX. Kinh Môn)", "(thị xã Kinh Môn)"),
        ("GD&ĐT", "giáo dục và đào tạo"),
        ("ứng dụng VNeID", "ứng dụng vi en ai đi"),
        ("TT văn hóa", "TT văn hóa"),
    ])
    func abbreviations(_ written: String, _ spoken: String) {
        #expect(speak(written) == spoken)
    }

    @Test func builtInReadingsAreClean() {
        for (_, reading) in Abbreviations.builtIn {
            #expect(RadioText.leftovers(in: reading).isEmpty, "\(reading)")
        }
    }

    @Test func siteOverridesAmbiguous() {
        let builder = RadioTextBuilder(abbreviations: Abbreviations(site: ["TT": "trung tâm"]))
        #expect(builder.speak("TT văn hóa") == "trung tâm văn hóa")
    }

    /// The tidy pass was six regular expressions; the scalar passes must give what they gave.
    @Test func tidyMatchesTheRegularExpressions() throws {
        let rules = try [
            (#"\s+"#, " "), (#" +([,.;:!?…)”])"#, "$1"), (#"([(“]) +"#, "$1"), (#"\(\s*\)"#, ""),
            (#"([,;:])(?=[^\s\d])"#, "$1 "), (#"\s+"#, " "),
        ].map { (try NSRegularExpression(pattern: $0.0), $0.1) }
        func reference(_ text: String) -> String {
            var s = text
            for (pattern, template) in rules {
                s = pattern.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
            }
            return s.trimmingCharacters(in: .whitespaces)
        }
        let pieces = [" ", "  ", "\t", "\n", "\u{A0}", "\u{2003}", "\u{85}", "(", ")", "“", "”", ",", ";", ":", ".", "!",
                      "?", "…", "a", "Việt", "7", "٣", "-", "e\u{301}", "x"]
        var generator = SystemRandomNumberGenerator()
        var cases = ["", " ", "( )", "a ( ) .", "x , y", "1,5 và 2;3", "“ a ”", "(  b  )", " a:b ", "đồng/tháng ( )",
                     "Kính thưa : bà con ( nếu có ) , xin mời ."]
        for _ in 0..<3000 {
            cases.append((0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in cases {
            #expect(SpokenTextWriter.tidy(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// The scalar walk to a word's end stops where the walk over Characters stops, marks and all.
    @Test func wordEndAgreesWithCharacters() {
        let alphabet = ["a", "Z", "7", "đ", "Ư", "ệ", "\u{301}", "\u{323}", " ", ".", "-", "/", "\r\n", "”", "\u{A0}", "👍🏽", "α", "٣", "ǅ", "\u{200D}", "ﬁ"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            var i = text.startIndex
            while i < text.endIndex {
                if SpokenTextWriter.isWordChar(text[i]) {
                    let reference = text[i...].firstIndex { !SpokenTextWriter.isWordChar($0) } ?? text.endIndex
                    let (end, hasDigit) = SpokenTextWriter.wordEnd(in: text, from: i)
                    #expect(end == reference, "\(text.debugDescription)")
                    #expect(hasDigit == text[i..<reference].contains(where: \.isASCIIDigit), "\(text.debugDescription)")
                }
                i = text.index(after: i)
            }
        }
    }

    /// The byte checks in front of the number patterns: the number's end is where its regex stops (or nil, and
    /// the regex decides), and no code the regex finds is ruled out.
    @Test func numberShortcutsAgreeWithTheirPatterns() {
        let number = #/[0-9]+(?:\.[0-9]+)*(?:,[0-9]+)?/#
        let code = #/[0-9A-Za-zĐđ]+(?:[.\-/][0-9A-Za-zĐđ]+)+/#
        let alphabet = ["0", "1", "9", ".", ",", "-", "/", " ", "A", "h", "Đ", "đ", "ĉ", "\u{301}", "ệ", "%"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Substring("1" + (0..<Int.random(in: 0...9, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined())
            guard text.first?.isASCIIDigit == true else { continue }
            if let end = SpokenTextWriter.numberEnd(text) {
                #expect(end == text.prefixMatch(of: number)?.range.upperBound, "\(text.debugDescription)")
            }
            if text.prefixMatch(of: code) != nil {
                #expect(SpokenTextWriter.mayStartCode(text), "\(text.debugDescription)")
            }
        }
    }

    /// The scalar shortcut counts capitals as Character.isUppercase does.
    @Test func abbreviationShortcutCountsCapitalsLikeCharacters() {
        let words = ["UBND", "BCĐ", "XÃ", "AN", "Ủy", "ĐĂNG", "ÉÈ", "E\u{301}E", "e\u{301}E\u{301}", "ǅX", "ΣΑ", "ⅫⅫ", "aB", "abc",
                     "Hà", "TTHC", "Đ", "ĐĐ", "ǈǈ"]
        for word in words {
            let reference = word.filter(\.isUppercase).count >= 2 && !SpokenAddress.isSyllable(VietnameseText.fold(word))
            #expect(SpokenTextWriter.looksLikeAbbreviation(word) == reference, "\(word)")
        }
    }

    /// The byte reading of what follows a number gives what its three patterns give, on texts made to sit on
    /// their edges (a space or not, alternatives that share a start, marks that change the last letter).
    @Test func suffixesReadAsTheirPatterns() {
        let pieces = [" ", "%", "đ", "ồ", "ô", "\u{300}", "n", "g", "V", "N", "Đ", "D", "v", "k", "m", "h", "a", "c",
                      "2", "3", "²", "³", "x", "é", "\u{301}", "đồng", "VNĐ", "m²", "km", "°", "º", "℃", "C", "o", "W",
                      "H", "z", "G", "B", "l", "U", "S", "$", "€", "£", "₫", "km²", "kWh"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = VietnameseText.nfc((0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
            func check(_ alternatives: [String], _ reference: (Substring) -> (String.Index, String)?) {
                let found = SpokenTextWriter.suffix(text, at: text.startIndex, alternatives) { nil }
                let expected = reference(text[...])
                if let found {
                    #expect(found.end == expected?.0 && found.written == expected?.1, "\(text.debugDescription)")
                } else if expected != nil {
                    // nil from the bytes is either no match or "ask the pattern"; the latter must be the reason.
                    let asked = SpokenTextWriter.suffix(text, at: text.startIndex, alternatives) { (text.endIndex, "asked") }
                    #expect(asked?.written == "asked", "\(text.debugDescription)")
                }
            }
            check(SpokenTextWriter.percentWritten) { $0.prefixMatch(of: SpokenTextWriter.percent).map { ($0.range.upperBound, "%") } }
            check(SpokenTextWriter.moneyWritten) { t in
                t.prefixMatch(of: SpokenTextWriter.money).map { m in
                    (m.range.upperBound, String(m.output.hasPrefix(" ") ? m.output.dropFirst() : m.output)) }
            }
            check(SpokenTextWriter.unitWritten) { $0.prefixMatch(of: SpokenTextWriter.unit).map { ($0.range.upperBound, String($0.output.1)) } }
            // The first-byte table only skips what no alternative starts with.
            let plain = SpokenTextWriter.suffix(text, at: text.startIndex, SpokenTextWriter.unitWritten) { (text.endIndex, "asked") }
            let tabled = SpokenTextWriter.suffix(text, at: text.startIndex, SpokenTextWriter.unitWritten,
                                                 firstBytes: SpokenTextWriter.unitFirstBytes) { (text.endIndex, "asked") }
            #expect(plain?.end == tabled?.end && plain?.written == tabled?.written, "\(text.debugDescription)")
        }
    }
}
