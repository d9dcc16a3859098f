import Foundation
import Testing
@testable import MotCuaKit

/// `dia_chi_cu`: a page's former addresses stay working (issue #28, item 4). Each becomes a small page that
/// sends the reader on, from file:// as from a host; it is no page of its own for the sitemap or search.
/// The errors (an address that is no path of this site, one in a folder of files, one taken) are in
/// Fixtures/bad/former-address-problems.
@Suite struct FormerAddressTests {
    static let catalog = """
        linh_vuc: Hộ tịch
        dia_chi_cu: /linh-vuc/tu-phap-ho-tich/
        thu_tuc:
          - ma: "1.001193"
            ten: Đăng ký khai sinh cho trẻ em
            muc_do: thong-tin
            ho_so:
              - ten: Tờ khai
                bieu_mau: to-khai.docx
            dia_chi_cu:
              - /thu-tuc/dang-ky-khai-sinh/
              - thu-tuc/khai-sinh
              - /thu-tuc/cu/khai-sinh/index.html

        """

    func site(baseURL: Bool) throws -> TempSite {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        if baseURL {
            try site.write("Content/site.yml", "ten: Ủy ban nhân dân xã Mẫu\nbase_url: https://mau.gov.vn\n")
        }
        try site.write("Content/thu-tuc/ho-tich.yml", Self.catalog)
        try site.write("Content/huong-dan/nop-ho-so.md", "---\ntieu_de: Nộp hồ sơ trực tuyến\ndia_chi_cu: huong-dan/nop-ho-so-cu/\n---\n\nXem [giờ làm việc](/lien-he-ubnd/#gio-lam-viec).\n")
        try site.write("Content/thong-bao/lich.md", "---\ntieu_de: Lịch tiếp dân\nngay: 2026-11-02\ndia_chi_cu: /thong-bao/lich-tiep-dan/\n---\n\nNội dung.\n")
        try site.write("Content/trang/lien-he.md", "---\ntieu_de: Liên hệ\ndia_chi_cu: [/lien-he-ubnd/]\n---\n\n## Giờ làm việc\n\nSáng 7h30.\n")
        return site
    }

    @Test func everyFormerAddressSendsTheReaderToThePage() throws {
        let site = try site(baseURL: true)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        let redirects = [
            ("thu-tuc/dang-ky-khai-sinh/", "thu-tuc/dang-ky-khai-sinh-cho-tre-em/", "../dang-ky-khai-sinh-cho-tre-em/index.html", "Đăng ký khai sinh cho trẻ em"),
            ("thu-tuc/khai-sinh/", "thu-tuc/dang-ky-khai-sinh-cho-tre-em/", "../dang-ky-khai-sinh-cho-tre-em/index.html", "Đăng ký khai sinh cho trẻ em"),
            ("thu-tuc/cu/khai-sinh/", "thu-tuc/dang-ky-khai-sinh-cho-tre-em/", "../../dang-ky-khai-sinh-cho-tre-em/index.html", "Đăng ký khai sinh cho trẻ em"),
            ("linh-vuc/tu-phap-ho-tich/", "linh-vuc/ho-tich/", "../ho-tich/index.html", "Hộ tịch"),
            ("huong-dan/nop-ho-so-cu/", "huong-dan/nop-ho-so/", "../nop-ho-so/index.html", "Nộp hồ sơ trực tuyến"),
            ("thong-bao/lich-tiep-dan/", "thong-bao/lich/", "../lich/index.html", "Lịch tiếp dân"),
            ("lien-he-ubnd/", "lien-he/", "../lien-he/index.html", "Liên hệ"),
        ]
        let output = site.root.appendingPathComponent("Output")
        for (from, to, href, title) in redirects {
            let html = try #require(site.read("Output/\(from)index.html"), "no page at \(from)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(href)\">"), "\(from)")
            #expect(html.contains("<p>Trang này đã chuyển tới <a href=\"\(href)\">\(title)</a>.</p>"), "\(from)")
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
            #expect(html.contains("<link rel=\"canonical\" href=\"https://mau.gov.vn/\(to)\">"), "\(from)")
            // The relative link, followed from the redirect's own file as a browser on file:// would, is the page.
            let target = URL(string: href, relativeTo: output.appendingPathComponent(from + "index.html"))!.standardizedFileURL
            #expect(target.path == output.appendingPathComponent(to + "index.html").path)
            #expect(FileManager.default.fileExists(atPath: target.path))
        }
        // A link written to a former address goes straight to the page, and its anchor is that page's.
        let guide = try #require(site.read("Output/huong-dan/nop-ho-so/index.html"))
        #expect(guide.contains("href=\"../../lien-he/index.html#gio-lam-viec\""), "\(guide)")
        // Not pages of their own: not in the sitemap, not found by search.
        let sitemap = try #require(site.read("Output/sitemap.xml"))
        let index = try #require(site.read("Output/search-index.js"))
        for (from, _, _, _) in redirects {
            #expect(!sitemap.contains(from), "\(from) in the sitemap")
            #expect(!index.contains(from), "\(from) in the search index")
        }
        #expect(sitemap.contains("https://mau.gov.vn/thu-tuc/dang-ky-khai-sinh-cho-tre-em/"))
    }

    @Test func withoutABaseURLThereIsNoCanonicalLink() throws {
        let site = try site(baseURL: false)
        #expect(site.build().succeeded)
        let html = try #require(site.read("Output/thu-tuc/khai-sinh/index.html"))
        #expect(!html.contains("canonical"))
        #expect(html.contains("url=../dang-ky-khai-sinh-cho-tre-em/index.html"))
    }

    /// A theme may give the redirect page its own look; one without the template (every theme written before
    /// `dia_chi_cu`) gets MotCua's.
    @Test func aThemesOwnRedirectTemplateIsUsed() throws {
        let site = try site(baseURL: false)
        try site.write("Theme/templates/redirect.mustache", "<p>Đã chuyển: <a href=\"{{href}}\">{{title}}</a></p>\n")
        #expect(site.build().succeeded)
        #expect(site.read("Output/thu-tuc/khai-sinh/index.html") == "<p>Đã chuyển: <a href=\"../dang-ky-khai-sinh-cho-tre-em/index.html\">Đăng ký khai sinh cho trẻ em</a></p>\n")
    }

    /// A page renamed with its old address in `dia_chi_cu` leaves no published address behind: the next
    /// build's removed-page warning (which lists what printed addresses would lose) has nothing to list.
    @Test func aRenameWithItsOldAddressRemovesNoPage() throws {
        let site = try TempSite(copying: Fixtures.root.appendingPathComponent("bad/_base"))
        let first = site.build()
        #expect(first.succeeded, "\(first.diagnostics.lines)")
        #expect(site.read("Output/thu-tuc/dang-ky-khai-sinh/index.html") != nil)
        try site.write("Content/thu-tuc/ho-tich.yml", Self.catalog)
        let second = site.build()
        #expect(second.succeeded, "\(second.diagnostics.lines)")
        #expect(second.stats?.removedPages == [], "\(second.stats?.removedPages ?? [])")
        // Without it, the old address is listed.
        try site.write("Content/thu-tuc/ho-tich.yml", Self.catalog.replacingOccurrences(of: "      - /thu-tuc/dang-ky-khai-sinh/\n", with: ""))
        let third = site.build()
        #expect(third.stats?.removedPages == ["thu-tuc/dang-ky-khai-sinh/"])
    }

    /// The preview's rebuild with redirects equals a fresh build, after an entry gains a former address.
    @Test func aCachedRebuildWithRedirectsMatchesAFreshBuild() throws {
        let builds = IncrementalBuildTests()
        let site = try site(baseURL: false)
        let cache = builds.incremental(site, settleSeconds: 0)
        _ = try builds.render(site, cache: cache)
        try site.write("Content/thu-tuc/ho-tich.yml", Self.catalog.replacingOccurrences(of: "  - thu-tuc/khai-sinh\n", with: "  - thu-tuc/khai-sinh\n      - /thu-tuc/giay-khai-sinh/\n"))
        let cached = try builds.render(site, cache: cache)
        #expect(cached["thu-tuc/giay-khai-sinh/index.html"] != nil)
        try builds.expectSameAsFresh(site, cached)
    }

    @Test("a former address as editors write it is one page path", arguments: [
        ("/thu-tuc/dang-ky-khai-sinh/", "thu-tuc/dang-ky-khai-sinh/"),
        ("thu-tuc/dang-ky-khai-sinh", "thu-tuc/dang-ky-khai-sinh/"),
        ("  /thu-tuc/abc  ", "thu-tuc/abc/"),
        ("/thu-tuc/abc/index.html", "thu-tuc/abc/"),
        ("//lien-he//", "lien-he/"),
        ("/a/b/c/", "a/b/c/"),
    ])
    func formerPathsAreNormalised(written: String, path: String) throws {
        #expect(try SitePlan.formerPath(written).get() == path)
    }

    @Test("what is no address of this site is refused", arguments: [
        ("https://xa.gov.vn/thu-tuc/abc/", DiagnosticID.invalidFormerAddress),
        ("xa.gov.vn/thu-tuc/abc/", .invalidFormerAddress),
        ("/thu-tuc/abc/?ma=1", .invalidFormerAddress),
        ("/thu-tuc/abc#ho-so", .invalidFormerAddress),
        ("/thu-tuc/../abc/", .invalidFormerAddress),
        ("./abc", .invalidFormerAddress),
        ("/thu-tuc//abc/", .invalidFormerAddress),
        ("/thu-tuc/Đăng ký/", .invalidFormerAddress),
        ("/thu-tuc/abc.html", .invalidFormerAddress),
        ("\\thu-tuc\\abc", .invalidFormerAddress),
        ("/", .invalidFormerAddress),
        ("/assets/style/", .reservedFormerAddress),
        ("bieu-mau/to-khai", .reservedFormerAddress),
    ])
    func invalidFormerPathsAreRefused(written: String, id: DiagnosticID) {
        guard case .failure(let problem) = SitePlan.formerPath(written) else {
            Issue.record("\(written) was taken")
            return
        }
        #expect(problem.id == id, "\(written)")
        // A web address, with or without its scheme, is answered with its path.
        if written.contains(".gov.vn") {
            #expect(problem.message.hasSuffix("hãy viết `dia_chi_cu: /thu-tuc/abc/`"), "\(problem.message)")
        } else {
            #expect(!problem.message.contains("tên miền"), "\(problem.message)")
        }
    }
}
