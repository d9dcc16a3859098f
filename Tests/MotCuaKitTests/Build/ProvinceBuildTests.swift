import Foundation
import Testing
@testable import MotCuaKit

/// Tests/Fixtures/province (issue #29): a province of three real communes of Hải Phòng over 19 real national
/// records (sources in the fixture's SOURCES.md), built with the project's default theme. An Hưng changes a
/// level, Kiến Thụy leaves a procedure out and has one of its own with its own form, Tiên Lãng replaces a
/// shared guide and has its own base_url; An Hưng has its own layout. Each commune's site is checked page by
/// page, against the other communes' sites.
@Suite struct ProvinceBuildTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/province")
    /// The day the shared records were checked (their `ngay_ra_soat`).
    static let day = CalendarDate(year: 2026, month: 12, day: 6)!
    static let communes = ["an-hung", "kien-thuy", "tien-lang"]

    /// Codes of the fixture, by what each commune does with them.
    static let changedLevel = "1.004194"      // Đăng ký tạm trú: `mot-phan` in An Hưng only
    static let leftOut = "2.000884"           // chứng thực chữ ký: left out by Kiến Thụy
    static let ownProcedure = "1.000656"      // Thủ tục đăng ký khai tử: Kiến Thụy's own
    static let sharedForm = "phieu-yeu-cau-chung-thuc.docx"   // used by 2.000884 alone
    static let ownForm = "to-khai-dang-ky-khai-tu.docx"       // Kiến Thụy's own
    static let ownGuideText = "Điểm hỗ trợ nộp hồ sơ trực tuyến"          // Tiên Lãng's guide
    static let sharedGuideText = "tài khoản do Cổng cấp riêng cho công dân"  // the shared guide it replaces
    static let layoutNote = "Trang dịch vụ công của xã An Hưng, thành phố Hải Phòng."  // An Hưng's layout

    /// A copy of the fixture with the default theme; `edit` changes it before the first build.
    final class Province: @unchecked Sendable {
        let site: TempSite

        init(_ edit: (TempSite) throws -> Void = { _ in }) throws {
            site = try TempSite(copying: nil)
            try FileManager.default.copyItem(at: ProvinceBuildTests.fixture.appendingPathComponent("Content"),
                                             to: site.root.appendingPathComponent("Content"))
            try FileManager.default.copyItem(at: IncrementalBuildTests.repoRoot.appendingPathComponent("Theme"),
                                             to: site.root.appendingPathComponent("Theme"))
            try edit(site)
        }

        func build(_ selection: [String] = []) -> ProvinceBuild.Report {
            ProvinceBuild(options: .init(root: site.root, date: ProvinceBuildTests.day), selection: selection).run()
        }

        func read(_ path: String) -> String? { site.read("Output/" + path) }

        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/" + path).path)
        }

        /// Every file of the output (or of one folder of it) and its bytes.
        func files(under folder: String = "") throws -> [String: Data] {
            let base = site.root.appendingPathComponent("Output/" + folder).path
            var out: [String: Data] = [:]
            let walker = try #require(FileManager.default.enumerator(atPath: base))
            while let item = walker.nextObject() as? String {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: base + "/" + item, isDirectory: &isDir), !isDir.boolValue else { continue }
                out[item] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + item))
            }
            return out
        }

        /// The catalog a commune sees.
        func procedures(in commune: String) throws -> [Procedure] {
            let loader = ContentLoader(root: site.root, includeDrafts: false)
            let province = try #require(loader.loadProvince().0)
            return try #require(loader.loadCommune(commune, of: province).0).procedures
        }

        /// A procedure's address in a commune's site.
        func slug(_ code: String, in commune: String) throws -> String {
            try #require(try procedures(in: commune).first { $0.code.value == code }, "\(commune) has no \(code)").slug.value
        }
    }

    /// The fixture built once; the tests that only read it share it.
    static let built: (province: Province, report: ProvinceBuild.Report)? = {
        guard let province = try? Province() else { return nil }
        return (province, province.build())
    }()

    static func fixtureBuilt() throws -> Province {
        let built = try #require(Self.built)
        #expect(built.report.succeeded, "\(built.report.diagnostics.lines) \(built.report.failure ?? "")")
        return built.province
    }

    // MARK: - The fixture, page by page

    @Test func buildsEveryCommuneWithNoErrorAndNoWarning() throws {
        let report = try #require(Self.built).report
        #expect(report.succeeded, "\(report.failure ?? "")")
        #expect(report.diagnostics.lines.isEmpty, "\(report.diagnostics.lines)")
        #expect(report.communes.map(\.slug) == Self.communes)
        #expect(report.communeCount == 3)
        let province = try Self.fixtureBuilt()
        for commune in Self.communes {
            for page in ["index.html", "404.html", "thu-tuc/index.html", "huong-dan/index.html", "thong-bao/index.html",
                         "bieu-mau/index.html", "muc-do/index.html", "tim-kiem/index.html", "linh-vuc/chung-thuc/index.html",
                         "linh-vuc/cu-tru/index.html", "sitemap.xml", "robots.txt", "search-index.js", "assets/style.css",
                         "assets/search.js", "huong-dan/tra-cuu-ho-so/index.html", "huong-dan/nop-ho-so-truc-tuyen/index.html"] {
                #expect(province.exists("\(commune)/\(page)"), "\(commune)/\(page)")
            }
            // Each commune's own site: its name in the header of its pages, nobody else's.
            let home = try #require(province.read("\(commune)/index.html"))
            let name = ["an-hung": "xã An Hưng", "kien-thuy": "xã Kiến Thụy", "tien-lang": "xã Tiên Lãng"][commune]!
            #expect(home.contains("Ủy ban nhân dân " + name))
            for other in Self.communes where other != commune {
                let otherName = ["an-hung": "An Hưng", "kien-thuy": "Kiến Thụy", "tien-lang": "Tiên Lãng"][other]!
                #expect(!home.contains("Ủy ban nhân dân xã " + otherName), "\(commune) names \(other)")
            }
            // The shared catalog's 19 procedures: 18 in Kiến Thụy (one left out, one of its own: 19).
            for code in ["2.000815", "2.000908", "1.004194", "1.010028", "1.001612", "2.000575"] {
                let slug = try province.slug(code, in: commune)
                #expect(province.exists("\(commune)/thu-tuc/\(slug)/index.html"), "\(commune) \(code)")
            }
        }
        #expect(province.exists("index.html"))
        #expect(province.exists("assets/style.css"))
        #expect(!province.exists("sitemap.xml"), "the province's root is not a site of its own")
    }

    /// `muc_do` changed by An Hưng: its page and its counts say `Một phần`; the other communes' say `Thông tin`.
    /// A file every commune publishes from one source (an asset, a shared form, a bundle of shared forms) is
    /// written once into a new output and linked for the others: same bytes, one inode.
    @Test func sharedFilesAreWrittenOnce() throws {
        let province = try Self.fixtureBuilt()
        func inode(_ path: String) throws -> (ino_t, Data) {
            let full = province.site.root.appendingPathComponent("Output/" + path).path
            var info = stat()
            #expect(stat(full, &info) == 0, "\(path)")
            return (info.st_ino, try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        for path in ["assets/search.js", "bieu-mau/\(Self.sharedForm)"] {
            let (first, bytes) = try inode("an-hung/" + path)
            let (second, same) = try inode("tien-lang/" + path)
            #expect(first == second, "\(path)")
            #expect(bytes == same && !bytes.isEmpty)
        }
        // An Hưng's own layout does not touch its assets; Kiến Thụy's own form is its alone.
        #expect(!province.exists("an-hung/bieu-mau/\(Self.ownForm)"))
    }

    @Test func changedLevelShowsOnlyInItsCommune() throws {
        let province = try Self.fixtureBuilt()
        let slug = try province.slug(Self.changedLevel, in: "an-hung")
        let own = try #require(province.read("an-hung/thu-tuc/\(slug)/index.html"))
        #expect(own.contains("badge--mot-phan"))
        #expect(own.contains("ma_thu_tuc=1.004194"), "the changed nop_truc_tuyen link")
        #expect(Self.count("mot-phan", in: try #require(province.read("an-hung/index.html"))) == 1)
        #expect(Self.count("thong-tin", in: try #require(province.read("an-hung/index.html"))) == 18)
        #expect(Self.count("mot-phan", in: try #require(province.read("an-hung/linh-vuc/cu-tru/index.html"))) == 1)
        for commune in ["kien-thuy", "tien-lang"] {
            let page = try #require(province.read("\(commune)/thu-tuc/\(slug)/index.html"))
            #expect(!page.contains("badge--mot-phan"), "\(commune)")
            #expect(page.contains("badge--thong-tin"), "\(commune)")
            let home = try #require(province.read("\(commune)/index.html"))
            #expect(Self.count("mot-phan", in: home) == 0, "\(commune)")
            #expect(Self.count("thong-tin", in: home) == 19, "\(commune)")
            #expect(Self.count("mot-phan", in: try #require(province.read("\(commune)/linh-vuc/cu-tru/index.html"))) == 0, "\(commune)")
        }
    }

    /// The count shown beside a badge of one level on a home or field page ("1 một phần"), 0 when not shown.
    static func count(_ level: String, in page: String) -> Int {
        let marker = "class=\"badge badge--\(level)\""
        guard let at = page.range(of: marker) else { return 0 }
        let after = page[at.upperBound...].drop { $0 != ">" }.dropFirst()
        return Int(after.prefix { $0.isNumber }) ?? 0
    }

    /// `khong_ap_dung: true` in Kiến Thụy: no page, no list entry, no search row, no sitemap line, no form of
    /// its own, no "related" link from a shared guide; all of them in the other communes.
    @Test func leftOutProcedureIsGoneFromItsCommuneOnly() throws {
        let province = try Self.fixtureBuilt()
        let slug = try province.slug(Self.leftOut, in: "an-hung")
        #expect(try province.procedures(in: "kien-thuy").contains { $0.code.value == Self.leftOut } == false)
        #expect(try province.procedures(in: "kien-thuy").count == 19)
        for commune in Self.communes {
            let present = commune != "kien-thuy"
            let what = "\(commune) \(Self.leftOut)"
            #expect(province.exists("\(commune)/thu-tuc/\(slug)/index.html") == present, "\(what) page")
            for list in ["thu-tuc/index.html", "linh-vuc/chung-thuc/index.html", "index.html", "muc-do/index.html",
                         "huong-dan/nop-ho-so-truc-tuyen/index.html", "bieu-mau/index.html"] {
                let page = try #require(province.read("\(commune)/\(list)"), "\(commune)/\(list)")
                let links = page.contains("\(slug)/index.html") || page.contains(Self.sharedForm)
                if list == "index.html" || list == "muc-do/index.html" {
                    #expect(!page.contains("\(slug)/index.html") || present, "\(what) in \(list)")
                } else {
                    #expect(links == present, "\(what) in \(list)")
                }
            }
            let index = try #require(province.read("\(commune)/search-index.js"))
            #expect(index.contains("\"\(Self.leftOut)\"") == present, "\(what) in search-index.js")
            let sitemap = try #require(province.read("\(commune)/sitemap.xml"))
            #expect(sitemap.contains("thu-tuc/\(slug)/") == present, "\(what) in sitemap.xml")
            #expect(province.exists("\(commune)/bieu-mau/\(Self.sharedForm)") == present, "\(what): its form")
            // The field's count: 5 procedures of chứng thực, 4 where one is left out.
            let field = try #require(province.read("\(commune)/linh-vuc/chung-thuc/index.html"))
            #expect(field.contains("\(present ? 5 : 4) thủ tục"), "\(what): field count")
        }
    }

    /// Tiên Lãng's huong-dan/nop-ho-so-truc-tuyen.md takes the shared guide's place there, and only there.
    @Test func replacingGuideOnlyInItsCommune() throws {
        let province = try Self.fixtureBuilt()
        for commune in Self.communes {
            let own = commune == "tien-lang"
            let page = try #require(province.read("\(commune)/huong-dan/nop-ho-so-truc-tuyen/index.html"))
            #expect(page.contains(Self.ownGuideText) == own, "\(commune)")
            #expect(page.contains(Self.sharedGuideText) == !own, "\(commune)")
            #expect(page.contains("Nộp hồ sơ trực tuyến tại xã Tiên Lãng") == own, "\(commune)")
            let list = try #require(province.read("\(commune)/huong-dan/index.html"))
            #expect(list.contains("Nộp hồ sơ trực tuyến tại xã Tiên Lãng") == own, "\(commune)")
            let index = try #require(province.read("\(commune)/search-index.js"))
            #expect(index.contains("diem ho tro nop ho so truc tuyen") == own, "\(commune) search")
            #expect(index.contains("cong cap rieng cho cong dan") == !own, "\(commune) search")
            // The other shared guide stays, once.
            #expect(province.exists("\(commune)/huong-dan/tra-cuu-ho-so/index.html"))
        }
    }

    /// Kiến Thụy's own procedure (in a field of its own), its form, and every commune's announcements appear in
    /// their commune's site only.
    @Test func ownProcedureAnnouncementAndFormOnlyInTheirCommune() throws {
        let province = try Self.fixtureBuilt()
        let slug = try province.slug(Self.ownProcedure, in: "kien-thuy")
        let announcements = [
            "an-hung": ["2025-07-01-xa-an-hung-di-vao-hoat-dong", "2025-10-01-ho-so-truc-tuyen"],
            "kien-thuy": ["2025-07-01-xa-kien-thuy-di-vao-hoat-dong"],
            "tien-lang": ["2025-07-01-xa-tien-lang-di-vao-hoat-dong"],
        ]
        for commune in Self.communes {
            let own = commune == "kien-thuy"
            #expect(province.exists("\(commune)/thu-tuc/\(slug)/index.html") == own, "\(commune)")
            #expect(province.exists("\(commune)/linh-vuc/ho-tich/index.html") == own, "\(commune)")
            #expect(province.exists("\(commune)/bieu-mau/\(Self.ownForm)") == own, "\(commune)")
            let forms = try #require(province.read("\(commune)/bieu-mau/index.html"))
            #expect(forms.contains(Self.ownForm) == own, "\(commune)")
            let index = try #require(province.read("\(commune)/search-index.js"))
            #expect(index.contains("\"\(Self.ownProcedure)\"") == own, "\(commune)")
            let sitemap = try #require(province.read("\(commune)/sitemap.xml"))
            #expect(sitemap.contains("thu-tuc/\(slug)/") == own, "\(commune)")
            let list = try #require(province.read("\(commune)/thong-bao/index.html"))
            for (owner, names) in announcements {
                for name in names {
                    let mine = owner == commune
                    #expect(province.exists("\(commune)/thong-bao/\(name)/index.html") == mine, "\(commune) \(name)")
                    #expect(list.contains("\(name)/") == mine, "\(commune) lists \(name)")
                    #expect(sitemap.contains("thong-bao/\(name)/") == mine, "\(commune) sitemap \(name)")
                }
            }
        }
        let page = try #require(province.read("kien-thuy/thu-tuc/\(slug)/index.html"))
        #expect(page.contains("Thủ tục đăng ký khai tử"))
        #expect(page.contains("../../bieu-mau/\(Self.ownForm)"))
        let source = Self.fixture.appendingPathComponent("Content/xa/kien-thuy/bieu-mau/\(Self.ownForm)")
        #expect(try Data(contentsOf: province.site.root.appendingPathComponent("Output/kien-thuy/bieu-mau/\(Self.ownForm)"))
                == Data(contentsOf: source))
    }

    /// An Hưng's Theme/templates/layout.mustache: on every page of An Hưng, on no page of the others.
    @Test func themeOverrideOnlyInItsCommune() throws {
        let province = try Self.fixtureBuilt()
        for commune in Self.communes {
            let pages = try province.files(under: commune).filter { $0.key.hasSuffix("index.html") }
            #expect(pages.count > 30, "\(commune): \(pages.count) pages")
            let marked = pages.filter { String(decoding: $0.value, as: UTF8.self).contains(Self.layoutNote) }
            if commune == "an-hung" {
                // Every page that has the layout: all but the redirect pages (none here).
                #expect(marked.count == pages.count, "\(pages.keys.filter { marked[$0] == nil }.sorted())")
            } else {
                #expect(marked.isEmpty, "\(commune): \(marked.keys.sorted())")
            }
        }
        #expect(!(try #require(province.read("index.html"))).contains(Self.layoutNote))
    }

    /// Output/index.html: the three communes with address, phone and hours, linked relatively, and the shared
    /// catalog's counts per level.
    @Test func provincePageListsTheCommunes() throws {
        let province = try Self.fixtureBuilt()
        let page = try #require(province.read("index.html"))
        let expected = [
            ("an-hung", "Ủy ban nhân dân xã An Hưng", "Trụ sở UBND xã An Hưng, thành phố Hải Phòng", "0225 3 871 001",
             "Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"),
            ("kien-thuy", "Ủy ban nhân dân xã Kiến Thụy", "Trụ sở UBND xã Kiến Thụy, thành phố Hải Phòng", "0225 3 881 002",
             "Sáng 7h00–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"),
            ("tien-lang", "Ủy ban nhân dân xã Tiên Lãng", "Trụ sở UBND xã Tiên Lãng, thành phố Hải Phòng", "0225 3 891 003",
             "Sáng 7h30–11h30, chiều 14h00–17h30, thứ Hai đến thứ Sáu"),
        ]
        var previous = page.startIndex
        for (slug, name, address, phone, hours) in expected {
            let link = try #require(page.range(of: "<a href=\"\(slug)/index.html\">\(name)</a>"), "\(slug)")
            #expect(link.lowerBound > previous, "\(slug) in order")
            previous = link.lowerBound
            // The commune's card: from its link to the next card.
            let card = try #require(page[link.upperBound...].components(separatedBy: "</ul>").first)
            #expect(card.contains("Địa chỉ: \(address)"), "\(slug)")
            #expect(card.contains(">\(phone)</a>"), "\(slug)")
            #expect(card.contains("Giờ làm việc: \(hours)"), "\(slug)")
            #expect(province.exists("\(slug)/index.html"))
        }
        #expect(page.contains("Dịch vụ công của 3 xã, phường"))
        #expect(page.contains("19 thủ tục trong 3 lĩnh vực"))
        #expect(page.contains("<li>Toàn trình: 0</li>"))
        #expect(page.contains("<li>Một phần: 0</li>"))
        #expect(page.contains("<li>Thông tin: 19</li>"))
        #expect(page.contains("href=\"assets/style.css\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://dichvucong.haiphong.gov.vn/xa/\">"))
    }

    /// Each commune's sitemap and feed use its base_url: the province's plus its folder, or its own.
    @Test func sitemapAndFeedUseEachCommunesBaseURL() throws {
        let province = try Self.fixtureBuilt()
        let bases = ["an-hung": "https://dichvucong.haiphong.gov.vn/xa/an-hung/",
                     "kien-thuy": "https://dichvucong.haiphong.gov.vn/xa/kien-thuy/",
                     "tien-lang": "https://tienlang.haiphong.gov.vn/"]
        for (commune, base) in bases {
            let sitemap = try #require(province.read("\(commune)/sitemap.xml"))
            let locs = Self.between("<loc>", "</loc>", in: sitemap)
            #expect(locs.count > 30, "\(commune)")
            #expect(locs.allSatisfy { $0.hasPrefix(base) }, "\(commune): \(locs.filter { !$0.hasPrefix(base) }.prefix(3))")
            #expect(locs.contains(base) || locs.contains(base + "index.html"), "\(commune): the home page")
            let feedPath = province.exists("\(commune)/thong-bao/feed.xml") ? "\(commune)/thong-bao/feed.xml" : "\(commune)/feed.xml"
            let feed = try #require(province.read(feedPath), "\(commune) feed")
            let hrefs = Self.between("href=\"", "\"", in: feed)
            #expect(!hrefs.isEmpty, "\(commune)")
            #expect(hrefs.allSatisfy { $0.hasPrefix(base) }, "\(commune): \(hrefs.filter { !$0.hasPrefix(base) })")
            let robots = try #require(province.read("\(commune)/robots.txt"))
            #expect(robots.contains("Sitemap: \(base)sitemap.xml"), "\(commune): \(robots)")
        }
    }

    static func between(_ start: String, _ end: String, in text: String) -> [String] {
        text.components(separatedBy: start).dropFirst().compactMap { $0.components(separatedBy: end).first }
    }

    // MARK: - Diagnostics

    /// The one error of a build, printed as the editor sees it.
    static func errors(_ report: ProvinceBuild.Report) -> [Diagnostic] {
        report.diagnostics.sorted.filter { $0.severity == .error }
    }

    @Test func changeOfAnUnknownCodeSuggestsTheNearest() throws {
        let province = try Province { site in
            try site.write("Content/xa/an-hung/thu-tuc/thay-doi.yml", """
                thu_tuc:
                  - ma: "1.004195"
                    muc_do: mot-phan
                """)
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.count == 1, "\(report.diagnostics.lines)")
        let error = try #require(errors.first)
        #expect(error.id == .unknownChangedCode)
        #expect(error.location == SourceLocation(path: "Content/xa/an-hung/thu-tuc/thay-doi.yml", line: 2, column: 9))
        #expect(error.message.contains("mã `1.004195` không có trong danh mục chung của tỉnh"))
        #expect(error.message.contains("có phải là `1.004194`?"))
    }

    /// A shared guide linking to the page of a procedure one commune leaves out: that commune's build says so,
    /// and where the entry that leaves it out is, rather than only "no such page".
    @Test func linkToALeftOutProcedureNamesItsEntry() throws {
        let slug = try Self.fixtureBuilt().slug(Self.leftOut, in: "an-hung")
        let province = try Province { site in
            try site.write("Content/huong-dan/chung-thuc.md", """
                ---
                tieu_de: Chứng thực chữ ký
                ---

                Xem [thủ tục chứng thực](/thu-tuc/\(slug)/).
                """)
        }
        let report = province.build()
        let errors = Self.errors(report)
        #expect(errors.count == 1, "\(report.diagnostics.lines)")
        let error = try #require(errors.first)
        #expect(error.id == .brokenLink)
        #expect(error.location.path == "Content/huong-dan/chung-thuc.md")
        #expect(error.message.contains("thủ tục `\(Self.leftOut)`"), "\(error.message)")
        #expect(error.message.contains("khong_ap_dung: true` ở Content/xa/kien-thuy/thu-tuc/khong-ap-dung.yml:3:9"), "\(error.message)")
        #expect(error.message.contains("kien-thuy"))
    }

    @Test func keysOnlyTheCatalogSetsAreRefused() throws {
        let province = try Province { site in
            try site.write("Content/xa/an-hung/thu-tuc/thay-doi.yml", """
                thu_tuc:
                  - ma: "1.004194"
                    ho_so:
                      - ten: Tờ khai thay đổi thông tin cư trú
                    muc_do: mot-phan
                    nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004194
                """)
            // A name under a file-level field, for a code the catalog has: not a rename, not a new procedure.
            try site.write("Content/xa/tien-lang/thu-tuc/ten.yml", """
                linh_vuc: Cư trú
                thu_tuc:
                  - ma: "1.002755"
                    ten: Gia hạn tạm trú tại xã Tiên Lãng
                """)
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.unchangeableKey, .unchangeableKey], "\(report.diagnostics.lines)")
        try #require(errors.count == 2)
        #expect(errors.map(\.location) == [SourceLocation(path: "Content/xa/an-hung/thu-tuc/thay-doi.yml", line: 3, column: 5),
                                           SourceLocation(path: "Content/xa/tien-lang/thu-tuc/ten.yml", line: 4, column: 10)])
        #expect(errors[0].message.hasPrefix("`ho_so`: xã không đổi riêng được khóa này"))
        #expect(errors[0].message.contains("`muc_do`"))
        #expect(errors[1].message.contains("mã `1.002755` đã có trong danh mục chung của tỉnh (Content/thu-tuc/cu-tru.yml)"))
    }

    @Test func ownProcedureNeedsAField() throws {
        let province = try Province { site in
            try site.write("Content/xa/kien-thuy/thu-tuc/ho-tich.yml", """
                thu_tuc:
                  - ma: "1.000656"
                    ten: Thủ tục đăng ký khai tử
                """)
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        // The form it no longer uses is said too, as a warning; the error is the field.
        #expect(errors.map(\.id) == [.missingKey], "\(report.diagnostics.lines)")
        #expect(errors.first?.location.path == "Content/xa/kien-thuy/thu-tuc/ho-tich.yml")
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.message.contains("thêm dòng `linh_vuc: …` ở đầu tệp") == true)
    }

    @Test func communeFolderNeedsAValidNameAndSiteFile() throws {
        let province = try Province { site in
            try site.write("Content/xa/Vĩnh Bảo/site.yml", "ten: Ủy ban nhân dân xã Vĩnh Bảo\n")
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/xa/hung-thang/thong-bao"),
                                                    withIntermediateDirectories: true)
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.invalidCommuneFolder, .noCommune], "\(report.diagnostics.lines)")
        #expect(errors.map(\.location.path) == ["Content/xa/Vĩnh Bảo", "Content/xa/hung-thang"])
        try #require(errors.count == 2)
        #expect(errors[0].message.contains("hãy đổi tên thư mục thành `vinh-bao`"))
        #expect(errors[1].message.contains("thư mục của xã chưa có site.yml; tạo tệp Content/xa/hung-thang/site.yml"))
        #expect(!province.exists("index.html"), "nothing written")
    }

    /// A commune folder that is a link out of Content/xa/ would publish files from anywhere: refused at it.
    @Test func communeFolderLinkedOutsideIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("ten: Ủy ban nhân dân xã Ngoài\n".utf8).write(to: outside.appendingPathComponent("site.yml"))
        let province = try Province { site in
            try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/xa/xa-ngoai"), withDestinationURL: outside)
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.contentOutside], "\(report.diagnostics.lines)")
        #expect(errors.first?.location.path == "Content/xa/xa-ngoai")
        #expect(!province.exists("xa-ngoai"))
    }

    /// Content/xa/ itself a link out of the project: every commune in it is refused, not read from there.
    @Test func communesFolderLinkedOutsideIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-outside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let province = try Province { site in
            let xa = site.root.appendingPathComponent("Content/xa")
            try FileManager.default.moveItem(at: xa, to: outside)
            try FileManager.default.createSymbolicLink(at: xa, withDestinationURL: outside)
        }
        let report = province.build()
        #expect(!report.succeeded)
        #expect(Self.errors(report).map(\.id) == [.contentOutside, .contentOutside, .contentOutside], "\(report.diagnostics.lines)")
        #expect(!province.exists("index.html"))
    }

    /// Two entries for one code in a commune: the second is an error naming the first, whatever the files' order.
    @Test func twoChangesOfOneCodeAreRefused() throws {
        let province = try Province { site in
            try site.write("Content/xa/an-hung/thu-tuc/them.yml", "thu_tuc:\n  - ma: \"1.004194\"\n    khong_ap_dung: true\n")
        }
        let report = province.build()
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.duplicateCode], "\(report.diagnostics.lines)")
        #expect(errors.first?.location == SourceLocation(path: "Content/xa/an-hung/thu-tuc/them.yml", line: 2, column: 9))
        #expect(errors.first?.message.contains("đã có một mục thay đổi ở Content/xa/an-hung/thu-tuc/thay-doi.yml:3:9") == true)
    }

    /// A field whose every procedure the commune leaves out has no page, no row and no count there.
    @Test func fieldLeftOutWholeHasNoPage() throws {
        let province = try Province { site in
            try site.write("Content/xa/an-hung/thu-tuc/ho-kinh-doanh.yml", "thu_tuc:\n"
                + ["1.001612", "2.000720", "1.001570", "1.001266", "2.000575"].map { "  - ma: \"\($0)\"\n    khong_ap_dung: true\n" }.joined())
        }
        let report = province.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let field = "linh-vuc/" + VietnameseText.nameSlug("Thành lập và hoạt động của hộ kinh doanh") + "/index.html"
        #expect(!province.exists("an-hung/" + field))
        #expect(province.exists("tien-lang/" + field))
        #expect(province.read("an-hung/thu-tuc/index.html")?.contains("hộ kinh doanh") == false)
    }

    /// `--xa` into an output that never had the other communes: they are not linked, and a warning says why.
    @Test func xaOptionIntoANewOutputLinksOnlyWhatIsThere() throws {
        let province = try Province()
        let report = province.build(["an-hung"])
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        #expect(report.keptCommunes == 0)
        #expect(report.diagnostics.all.filter { $0.severity == .warning }.map(\.location.path) == ["Content/xa/kien-thuy", "Content/xa/tien-lang"])
        let page = try #require(province.read("index.html"))
        #expect(page.contains("href=\"an-hung/index.html\""))
        #expect(!page.contains("kien-thuy/index.html") && !page.contains("tien-lang/index.html"))
    }

    @Test func provinceWithoutCommunes() throws {
        let province = try Province { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/xa"))
        }
        let report = province.build()
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.noCommune], "\(report.diagnostics.lines)")
        #expect(errors.first?.location.path == "Content/xa")
        #expect(errors.first?.message.hasPrefix("tỉnh chưa có xã nào") == true)
        #expect(!province.exists("index.html"))
    }

    @Test func unknownCommuneOfXaOption() throws {
        let province = try Province()
        let report = province.build(["kien-thuyy"])
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.map(\.id) == [.unknownCommune], "\(report.diagnostics.lines)")
        #expect(errors.first?.message.contains("--xa kien-thuyy: tỉnh không có xã này") == true)
        #expect(errors.first?.message.contains("có phải là `kien-thuy`?") == true)
        #expect(!province.exists("index.html"))
    }

    /// `--xa kien-thuy` after a full build: Kiến Thụy's site is made again from its changed content, the other
    /// communes' folders stay byte for byte as they were, though their content changed too.
    @Test func xaOptionKeepsTheOtherCommunes() throws {
        let province = try Province()
        #expect(province.build().succeeded)
        let before = try province.files()
        try province.site.write("Content/xa/kien-thuy/thong-bao/2025-10-01-ho-so-truc-tuyen.md", """
            ---
            tieu_de: Thông báo về việc nhận hồ sơ đăng ký cư trú trực tuyến
            ngay: 2025-10-01
            ---

            Từ ngày 01/10/2025, đăng ký thường trú, đăng ký tạm trú và thông báo lưu trú chỉ nhận hồ sơ trực tuyến.
            """)
        // A change the others would show, were they built: a shared guide's text.
        try province.site.write("Content/huong-dan/tra-cuu-ho-so.md",
                                try #require(province.site.read("Content/huong-dan/tra-cuu-ho-so.md")) + "\nĐoạn thêm sau lần tạo trước.\n")
        let report = province.build(["kien-thuy"])
        #expect(report.succeeded, "\(report.diagnostics.lines) \(report.failure ?? "")")
        #expect(report.communes.map(\.slug) == ["kien-thuy"])
        let after = try province.files()
        for (path, bytes) in before where !path.hasPrefix("kien-thuy/") && path != "index.html" {
            #expect(after[path] == bytes, "\(path) changed")
        }
        #expect(Set(after.keys.filter { !$0.hasPrefix("kien-thuy/") }) == Set(before.keys.filter { !$0.hasPrefix("kien-thuy/") }))
        #expect(province.exists("kien-thuy/thong-bao/2025-10-01-ho-so-truc-tuyen/index.html"))
        #expect(try #require(province.read("kien-thuy/huong-dan/tra-cuu-ho-so/index.html")).contains("Đoạn thêm sau lần tạo trước."))
        #expect(try #require(province.read("an-hung/huong-dan/tra-cuu-ho-so/index.html")).contains("Đoạn thêm sau lần tạo trước.") == false)
        // The province page still lists every commune.
        let page = try #require(province.read("index.html"))
        for slug in Self.communes { #expect(page.contains("href=\"\(slug)/index.html\""), "\(slug)") }
    }

    /// A commune that fails to build fails the whole build: every file of the previous output stays.
    @Test func failingCommuneLeavesThePreviousOutputWhole() throws {
        let province = try Province()
        #expect(province.build().succeeded)
        let before = try province.files()
        try province.site.write("Content/xa/tien-lang/thu-tuc/sai.yml", """
            thu_tuc:
              - ma: "9.999999"
                khong_ap_dung: true
            """)
        try province.site.write("Content/xa/an-hung/thong-bao/2026-01-05-moi.md", "---\ntieu_de: Thông báo mới\nngay: 2026-01-05\n---\n\nNội dung.\n")
        let report = province.build()
        #expect(!report.succeeded)
        #expect(Self.errors(report).map(\.id) == [.unknownChangedCode], "\(report.diagnostics.lines)")
        let after = try province.files()
        #expect(after == before, "\(Set(after.keys).symmetricDifference(before.keys).sorted())")
    }
}
