import Foundation
@testable import MotCuaKit
import Testing

func radioAnnouncement(
    title: String = "Thông báo",
    body: String,
    date: String = "2026-11-02",
    signer: String? = nil,
    signerTitle: String? = nil,
    broadcast: Announcement.BroadcastPlan? = nil
) -> Announcement {
    let path = "Content/thong-bao/thong-bao.md"
    return Announcement(
        title: title, number: "12/TB-UBND", date: CalendarDate(parsing: date)!, recipients: [],
        signer: signer, signerTitle: signerTitle, broadcast: broadcast, draft: false,
        slug: Located("thong-bao", at: SourceLocation(path: path, line: 1, column: 1)),
        body: MarkdownSource(text: body, path: path, lineOffset: 9))
}

@Suite("Radio: reading text of an announcement")
struct RadioTextBuilderTests {
    static let builder = RadioTextBuilder(
        abbreviations: Abbreviations(site: ["KDC": "khu dân cư"]),
        hostNames: ["https://dichvucong.gov.vn": "Cổng dịch vụ công quốc gia"],
        issuer: "Ủy ban nhân dân xã An Phú")

    static let body = """
        # Thông báo về việc sử dụng dịch vụ công trực tuyến

        Kính thưa toàn thể nhân dân trong xã!

        Thực hiện **Nghị định số 42/2022/NĐ-CP** của Chính phủ, từ ngày 06/01/2022, UBND xã tiếp nhận hồ sơ
        TTHC qua [Cổng DVC quốc gia](https://dichvucong.gov.vn) và tại https://dichvucong.haiduong.gov.vn.

        ## Giờ tiếp nhận

        - Sáng 7h30–11h30;
        - Chiều 13h30–17h00
        - Mang theo `CCCD` bản chính, *không cần* bản ~~photo~~ sao

        | Thủ tục | Lệ phí |
        |---|---|
        | Chứng thực chữ ký | 10.000 đ |
        | Đăng ký thường trú | 20.000đ |

        Mọi thắc mắc xin liên hệ số điện thoại 0220 3 123 456 hoặc e-mail <ubnd.anphu@haiduong.gov.vn>.

        Xin trân trọng thông báo!

        **Nơi nhận:**
        - Đài truyền thanh xã;
        - Lưu: VP, TP.
        """

    static let expected = """
        Thông báo về việc sử dụng dịch vụ công trực tuyến.

        Kính thưa toàn thể nhân dân trong xã!

        Thực hiện Nghị định số bốn mươi hai năm hai nghìn không trăm hai mươi hai của Chính phủ, \
        từ ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai, Ủy ban nhân dân xã tiếp nhận hồ sơ \
        thủ tục hành chính qua Cổng dịch vụ công quốc gia và tại dịch vụ công chấm hai duong chấm gov chấm vn.

        Giờ tiếp nhận.

        Sáng từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút;
        Chiều từ mười ba giờ ba mươi phút đến mười bảy giờ.
        Mang theo căn cước công dân bản chính, không cần bản sao.

        Thủ tục: Chứng thực chữ ký; Lệ phí: mười nghìn đồng.
        Thủ tục: Đăng ký thường trú; Lệ phí: hai mươi nghìn đồng.

        Mọi thắc mắc xin liên hệ số điện thoại không hai hai không, ba, một hai ba, bốn năm sáu hoặc e-mail \
        u b n d chấm an phu a còng hai duong chấm gov chấm vn.

        Xin trân trọng thông báo!

        Chủ tịch Ủy ban nhân dân xã An Phú, Mạc Duy Xuê.
        """

    @Test func wholeAnnouncement() {
        let announcement = radioAnnouncement(
            title: "Thông báo về việc sử dụng dịch vụ công trực tuyến", body: Self.body,
            signer: "Mạc Duy Xuê", signerTitle: "Chủ tịch")
        let radio = Self.builder.build(announcement)
        #expect(radio.text == Self.expected)
        #expect(RadioText.leftovers(in: radio.text, abbreviations: Self.builder.abbreviations).isEmpty)
        #expect(radio.syllableCount == radio.text.split(whereSeparator: \.isWhitespace).count)
        #expect(!radio.text.contains("Nơi nhận"))
        #expect(!radio.text.contains("Đài truyền thanh"))
        // The table is read, with a warning at its line in the file (body line 14 + 9 lines of front matter).
        let table = radio.diagnostics.all.filter { $0.id == .radioTable }
        #expect(table.map(\.location) == [SourceLocation(path: "Content/thong-bao/thong-bao.md", line: 23)])
        #expect(radio.diagnostics.all.count == 1)
    }

    @Test func ambiguousAbbreviationIsLeftAndReported() {
        let body = "Mời bà con đến TT văn hóa xã.\n\nTại TT văn hóa, gặp cán bộ\nTT phụ trách."
        let radio = Self.builder.build(radioAnnouncement(body: body))
        #expect(radio.text.contains("đến TT văn hóa"))
        let warnings = radio.diagnostics.all.filter { $0.id == .radioAmbiguousAbbreviation }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        // Line 10 of the file, where the first "TT" is: "Mời bà con đến " is 15 characters.
        #expect(warnings.first?.location == SourceLocation(path: "Content/thong-bao/thong-bao.md", line: 10, column: 16))
        #expect(warnings.first?.message.contains("`TT`") == true)
        #expect(RadioText.leftovers(in: radio.text) == ["TT"])
    }

    @Test func ambiguousWarningPointsAtItsLine() {
        let body = "Dòng một,\ndòng hai có TT ở đây."
        let radio = Self.builder.build(radioAnnouncement(body: body))
        #expect(radio.diagnostics.all.map(\.location.line) == [11])
    }

    @Test func unknownAbbreviationIsReported() {
        let radio = Self.builder.build(radioAnnouncement(body: "Họp BCĐ PCTT tại KDC số 3. THÔNG BÁO KHẨN."))
        #expect(radio.text.contains("khu dân cư số ba"))
        let unknown = radio.diagnostics.all.filter { $0.id == .radioUnknownAbbreviation }
        #expect(unknown.map(\.message).allSatisfy { $0.contains("BCĐ") || $0.contains("PCTT") })
        #expect(unknown.count == 2)
    }

    /// Words no Vietnamese syllable spells are named where they are, once; known names, Vietnamese words of
    /// any spelling (nghiêng, khuya, quốc, giường) and Tây Nguyên names (Đắk Lắk, Krông) are not.
    @Test func foreignWordsAreReported() {
        let body = "Dòng một.\nNhận hàng ở container số 3, tải Zalo; hỏi Cookie và cookie.\nĐắk Lắk, Krông Búk, đường nghiêng, khuya, quốc lộ, giường, online, Facebook."
        let radio = Self.builder.build(radioAnnouncement(body: body))
        let foreign = radio.diagnostics.all.filter { $0.id == .radioForeignWord }
        // "Cookie" and "cookie" are one word to fix: said once, where it first stands.
        #expect(foreign.map { $0.message.split(separator: "`")[0] } == ["Cookie"])
        #expect(foreign.map(\.location.line) == [11])
        #expect(foreign.first?.location.column == 43)
        #expect(radio.text.contains("Cookie"))
        // "Tul": Ea Tul, Đắk Lắk (RadioRealNoticeTests); "pass" ends in a consonant no syllable ends in.
        for word in ["container", "Zalo", "email", "pass", "Tôi", "nghiêng", "Đắk", "Krông", "xoong", "Tul"] {
            let bytes = Array(word.utf8)
            let foreign = bytes.withUnsafeBufferPointer { SpokenTextWriter.isForeign($0, from: 0, to: $0.count) }
            #expect(foreign == ["container", "Zalo", "email", "pass"].contains(word), "\(word)")
        }
    }

    /// An ordered list's items begin with their number, unless an item counts itself; a second word that only
    /// starts like the number word ("ban" and "ba") does not count.
    @Test func orderedListItemsAreCounted() {
        let radio = Self.builder.build(radioAnnouncement(body: "1. Thời gian: sáng\n2. Bước 2: nộp\n3. Ủy ban nhân dân xã chỉ đạo"))
        #expect(radio.text.hasSuffix("Một. Thời gian: sáng.\nBước hai: nộp.\nBa. Ủy ban nhân dân xã chỉ đạo."), "\(radio.text)")
    }

    /// Headings in capitals are words, not abbreviations: "GIỮ GÌN" ("gi" before a final consonant) is read as
    /// written and draws no warning; "UBND" and "BCĐ" still are abbreviations.
    @Test func capitalisedSyllablesAreNotAbbreviations() {
        for word in ["GÌN", "GIỮ", "GIẶT", "GIÀ", "NGHIÊNG", "QUỐC", "KHUYA", "XÃ"] {
            #expect(!SpokenTextWriter.looksLikeAbbreviation(word), "\(word)")
        }
        for word in ["UBND", "BCĐ", "TTYT", "GTVT", "GN"] {
            #expect(SpokenTextWriter.looksLikeAbbreviation(word), "\(word)")
        }
        let radio = Self.builder.build(radioAnnouncement(body: "GIỮ GÌN VỆ SINH MÔI TRƯỜNG"))
        #expect(radio.diagnostics.all.isEmpty, "\(radio.diagnostics.all)")
    }

    /// A warned word whose visible text is not written as such in the line (markup around it) is still placed
    /// on its letters, not at the line's start.
    @Test func warningsFindWordsInsideMarkup() {
        let radio = Self.builder.build(radioAnnouncement(body: "Dòng một.\nXem `Content/`. Rồi **§**."))
        #expect(radio.diagnostics.all.map(\.location.column) == [6, 23], "\(radio.diagnostics.all)")
    }

    /// The excerpt marks the word where it stands alone, and says where the sentence was cut.
    @Test func excerptMarksTheWordItself() {
        #expect(SiteRenderer.markedExcerpt("Đội TTYT họp. Sau đó TT báo cáo", "TT") == "Sau đó <mark>TT</mark> báo cáo")
        #expect(SiteRenderer.markedExcerpt("gọi <a & b> ngay", "&") == "gọi &lt;a <mark>&amp;</mark> b&gt; ngay")
        let long = String(repeating: "chữ ", count: 30) + "pass" + String(repeating: " chữ", count: 30)
        let excerpt = SiteRenderer.markedExcerpt(long, "pass") ?? ""
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…") && excerpt.contains("<mark>pass</mark>"))
        #expect(SiteRenderer.markedExcerpt("Ngắn: foo và bar.", "foo") == "Ngắn: <mark>foo</mark> và bar")
    }

    /// A symbol kept in the reading text that no one can say is named where it is; pauses are not.
    @Test func unsayableSymbolsAreReported() {
        let radio = Self.builder.build(radioAnnouncement(body: "Theo § 3 (mục “a”): gọi ☎ ngay… rồi ☎️ lại ‹x› 5‐6."))
        let symbols = radio.diagnostics.all.filter { $0.id == .radioSymbol }
        #expect(symbols.map { $0.message.split(separator: "`")[1] } == ["§", "☎"], "\(symbols)")
        #expect(symbols.map(\.location.column) == [6, 25])
    }

    /// The preview lists a notice's reading-text warnings under its reading text, the words marked where the
    /// radio would read them; a built site never shows them.
    @Test func previewMarksTheWarnedWords() throws {
        let site = try TempSite()
        let root = site.root
        try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Theme"), to: root.appendingPathComponent("Theme"))
        let path = "Content/thong-bao/2026-10-08-phong-chong-bao-so-8.md"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let parts = text.components(separatedBy: "---\n")
        try Data((parts[0] + "---\n" + parts[1] + "---\nĐội xung kích trực <☎> & gọi Zalo; ứng phó theo § 3.\n\n"
                  + parts.dropFirst(2).joined(separator: "---\n")).utf8).write(to: root.appendingPathComponent(path))
        func page(preview: Bool) throws -> String {
            var options = BuildAction.Options(root: root, date: CalendarDate(year: 2026, month: 11, day: 20))
            options.preview = preview
            let output = MemoryOutput()
            var report = BuildAction.Report()
            _ = BuildAction(options: options).make(into: output, &report)
            let bytes = try #require(output.files["thong-bao/2026-10-08-phong-chong-bao-so-8/index.html"])
            return String(decoding: bytes, as: UTF8.self)
        }
        let preview = try page(preview: true)
        #expect(preview.contains("<span class=\"radio-excerpt\">Đội xung kích trực <mark>☎</mark> và gọi Zalo; ứng phó theo § ba</span>"))
        #expect(preview.contains("<code>\(path):14:21</code> ký hiệu `☎`"))
        #expect(preview.contains("<mark>§</mark>"))
        #expect(!(try page(preview: false)).contains("radio-problems"))
    }

    @Test func filingLinesAndDistributionListAreNotRead() {
        let body = """
            Nội dung chính.
            Lưu: VT, VP.

            ## Nơi nhận
            - UBND huyện;
            """
        let radio = Self.builder.build(radioAnnouncement(title: "Tiêu đề", body: body))
        #expect(radio.text == "Tiêu đề.\n\nNội dung chính.")
    }

    @Test func signatureForms() {
        let builder = RadioTextBuilder()
        #expect(builder.build(radioAnnouncement(body: "", signer: "Mạc Duy Xuê", signerTitle: "KT. Chủ tịch UBND xã"))
            .text == "Thông báo.\n\nKý thay Chủ tịch Ủy ban nhân dân xã, Mạc Duy Xuê.")
        #expect(builder.build(radioAnnouncement(body: "", signer: "Mạc Duy Xuê")).text == "Thông báo.\n\nMạc Duy Xuê.")
        #expect(builder.build(radioAnnouncement(body: "")).text == "Thông báo.")
    }

    @Test func codeNestedListsAndQuotes() {
        let body = """
            > Trích: thời hạn 5 ngày

            1. Bước 1: nộp hồ sơ
               - tờ khai
               - [x] bản sao CCCD
            2. Bước 2: nhận kết quả

            ```
            Mã hồ sơ 000.00.12.H23
            ```
            ![ảnh](anh.png) <b>Chú ý</b> 2.5
            """
        // A title of one capital is said by the letter's name.
        let radio = RadioTextBuilder().build(radioAnnouncement(title: "T", body: body))
        #expect(radio.text == """
            Tê.

            Trích: thời hạn năm ngày.

            Bước một: nộp hồ sơ.
            Tờ khai.
            Bản sao căn cước công dân.
            Bước hai: nhận kết quả.

            Mã hồ sơ không không không chấm không không chấm mười hai chấm hát hai mươi ba.

            Chú ý hai chấm năm.
            """)
        #expect(RadioText.leftovers(in: radio.text).isEmpty)
    }

    @Test(arguments: [
        ("Số 5 tại UBND, xem www.x.vn", ["5", "www.x.vn", "UBND"]),
        ("**đậm** và `mã` [liên kết]", ["**đậm**", "`mã`", "[liên", "kết]"]),
        ("gửi a@b.vn hoặc xem gov.vn", ["a@b.vn", "gov.vn"]),
        ("Văn bản sạch, đọc được.", []),
    ])
    func leftovers(_ text: String, _ expected: [String]) {
        #expect(RadioText.leftovers(in: text) == expected)
    }

    @Test func readingTime() {
        let radio = RadioText(text: String(repeating: "một ", count: 180))
        #expect(radio.syllableCount == 180)
        #expect(radio.readingSeconds(syllablesPerMinute: 180) == 60)
        #expect(radio.readingSeconds(syllablesPerMinute: 200) == 54)
    }
}
