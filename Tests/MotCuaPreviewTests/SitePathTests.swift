@testable import MotCuaPreview
import Testing

@Suite("Request paths")
struct SitePathTests {
    @Test("folders and files map to site keys", arguments: [
        ("/", "index.html"),
        ("/huong-dan/", "huong-dan/index.html"),
        ("/assets/style.css", "assets/style.css"),
        ("/bieu-mau/to-khai%20moi.docx", "bieu-mau/to-khai moi.docx"),
        ("/thu-tuc/d%C4%83ng-k%C3%BD/", "thu-tuc/dăng-ký/index.html"),
    ])
    func keys(path: String, key: String) {
        #expect(SitePath.key(for: path) == key)
    }

    @Test("anything that could leave the site is refused", arguments: [
        "/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/%2e%2e%2fetc%2fpasswd",
        "/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/assets//style.css",
        "/./index.html", "/assets\\..\\..\\etc\\passwd", "/assets%5c..%5cetc", "/index.html%00.css",
        "etc/passwd", "/%zz", "/..", "/a/..",
    ])
    func refused(path: String) {
        #expect(SitePath.key(for: path) == nil)
    }

    @Test("content types", arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/search.js", "text/javascript; charset=utf-8"),
        ("tim-kiem/index.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("bieu-mau/a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("bieu-mau/a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("bieu-mau/a.doc", "application/msword"),
        ("bieu-mau/a.xls", "application/vnd.ms-excel"),
        ("bieu-mau/a.pdf", "application/pdf"),
        ("bieu-mau/a.odt", "application/vnd.oasis.opendocument.text"),
        ("bieu-mau/a.ods", "application/vnd.oasis.opendocument.spreadsheet"),
        ("bieu-mau/a.zip", "application/zip"),
        ("assets/logo.png", "image/png"),
        ("assets/logo.svg", "image/svg+xml"),
        ("assets/no-extension", "application/octet-stream"),
        ("a.b/c", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(MediaTypes.type(forPath: path) == type)
    }
}
