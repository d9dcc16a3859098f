import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MotCuaPreview
import Testing

/// The preview's HTTP behaviour, in-process (no port is opened): `.router` sends requests straight
/// to the responder.
@Suite("Preview server")
struct PreviewServerTests {
    let site: SampleSite
    let server: PreviewServer

    init() throws {
        site = try SampleSite()
        server = PreviewServer(options: .init(root: site.root), log: { _ in })
        let outcome = server.rebuild(changed: nil)
        #expect(outcome.succeeded, "\(outcome.state.errors)")
    }

    @Test("pages, assets and forms are served with their content types")
    func contentTypes() async throws {
        let cases: [(uri: String, type: String)] = [
            ("/", "text/html; charset=utf-8"),
            ("/huong-dan/tra-cuu-ho-so/", "text/html; charset=utf-8"),
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/assets/search.js", "text/javascript; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/bieu-mau/to-khai-dang-ky-khai-sinh.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("/bieu-mau/danh-sach-khai-bao-luu-tru.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("/bieu-mau/don-yeu-cau-hoa-giai-tranh-chap-dat-dai.pdf", "application/pdf"),
            ("/bieu-mau/van-ban-thong-bao-to-chuc-le-hoi.odt", "application/vnd.oasis.opendocument.text"),
        ]
        let docx = try Data(contentsOf: site.url("Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx"))
        try await server.makeApplication().test(.router) { client in
            for item in cases {
                try await client.execute(uri: item.uri, method: .get) { response in
                    #expect(response.status == .ok, "\(item.uri)")
                    #expect(response.headers[.contentType] == item.type, "\(item.uri)")
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
            try await client.execute(uri: "/bieu-mau/to-khai-dang-ky-khai-sinh.docx", method: .get) { response in
                #expect(Data(response.body.readableBytesView) == docx)
            }
            try await client.execute(uri: "/robots.txt", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("HTML gets the live-reload script, other files are served as built")
    func injection() async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<script id=\"motcua-live-reload\">"))
                #expect(html.contains("/__motcua/events"))
                let script = try #require(html.range(of: "motcua-live-reload"))
                let body = try #require(html.range(of: "</body>", options: .backwards))
                #expect(script.upperBound < body.lowerBound)
            }
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                #expect(!String(buffer: response.body).contains("motcua-live-reload"))
            }
        }
        // `motcua build` output never has it.
        let page = try #require(server.site.lookupBytes("index.html"))
        #expect(!String(decoding: page, as: UTF8.self).contains("motcua-live-reload"))
    }

    @Test("a folder without its slash redirects, so relative links keep working")
    func folderRedirect() async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/huong-dan/tra-cuu-ho-so?x=1", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/huong-dan/tra-cuu-ho-so/?x=1")
            }
        }
    }

    @Test("missing pages get the site's 404 page with status 404")
    func notFound() async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/khong-co/trang-nay/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("Trang bạn tìm không có"))
                #expect(html.contains("<base href=\"/\">"))
                #expect(html.contains("motcua-live-reload"))
            }
        }
    }

    @Test("traversal attempts are a 404, never a file from outside the site", arguments: [
        "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2e%2e%2fContent%2fsite.yml", "/assets/../../Content/site.yml",
        "/assets/%2e%2e/%2e%2e/Content/site.yml", "//etc/passwd", "/%2Fetc%2Fpasswd", "/assets/..%5c..%5cContent%5csite.yml",
        "/index.html%00", "/../../../../../../etc/passwd", "/Content/site.yml", "/Theme/templates/layout.mustache",
    ])
    func traversal(uri: String) async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                let body = String(buffer: response.body)
                #expect(!body.contains("muc_do: nd42"))
                #expect(!body.contains("root:"))
                #expect(!body.contains("{{"))
            }
        }
    }

    @Test("only GET and HEAD")
    func methods() async throws {
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    @Test("the event stream sends the state, then reload after a file changes, then errors, and ends when the server stops")
    func eventStream() async throws {
        let watcher = FileWatcher(root: site.root) { [server] changes in server.rebuild(changed: changes.paths, complete: changes.complete) }
        watcher.start()
        defer { watcher.stop() }
        let guide = "Content/huong-dan/tra-cuu-ho-so.md"
        let original = try site.read(guide)
        try await server.makeApplication().test(.router) { [site, server] client in
            async let response = client.execute(uri: "/__motcua/events", method: .get)
            #expect(try await eventually { server.hub.subscriberCount == 1 })

            try site.write(guide, original.replacingOccurrences(of: "Tra cứu tình trạng hồ sơ", with: "Tra cứu hồ sơ (đã sửa)"))
            #expect(try await eventually { server.hub.current.generation == 2 })
            let page = try #require(server.site.lookupBytes("huong-dan/tra-cuu-ho-so/index.html"))
            #expect(String(decoding: page, as: UTF8.self).contains("Tra cứu hồ sơ (đã sửa)"))

            try site.write("Content/thu-tuc/chung-thuc.yml", try site.read("Content/thu-tuc/chung-thuc.yml")
                .replacingOccurrences(of: "    muc_do: mot-phan", with: "    muc_do: [khong, hop, le"))
            #expect(try await eventually { !server.hub.current.errors.isEmpty })
            #expect(server.hub.current.generation == 2, "the last good site stays")

            server.hub.close()
            let stream = try await response
            let events = String(buffer: stream.body)
            let state = try #require(events.range(of: "event: state\ndata: {\"errors\":[],\"generation\":1}"))
            let reload = try #require(events.range(of: "event: reload\ndata: {\"errors\":[],\"generation\":2}"))
            let errors = try #require(events.range(of: "event: errors\ndata: {\"errors\":[{"))
            #expect(state.upperBound < reload.lowerBound && reload.upperBound < errors.lowerBound)
            #expect(events.contains("Content/thu-tuc/chung-thuc.yml:"))
            #expect(stream.headers[.contentType] == "text/event-stream; charset=utf-8")
        }
    }

    @Test("a page served while the content is broken carries the errors, and shows the last good site")
    func errorsOnLoad() async throws {
        try site.write("Content/thu-tuc/ho-tich.yml", "linh_vuc: [\n")
        let outcome = server.rebuild(changed: ["Content/thu-tuc/ho-tich.yml"])
        #expect(!outcome.succeeded)
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Content/thu-tuc/ho-tich.yml:"))
                #expect(html.contains("\"generation\":1"))
            }
        }
    }

    @Test("a form or asset replaced by a link out of the site after the last good build is no longer served")
    func sourcesTurnedIntoOutsideLinks() async throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = outside.appendingPathComponent("bi-mat.txt")
        try Data("BI-MAT-NGOAI-TRANG".utf8).write(to: secret)
        for path in ["Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx", "Theme/assets/style.css"] {
            try FileManager.default.removeItem(at: site.url(path))
            try FileManager.default.createSymbolicLink(at: site.url(path), withDestinationURL: secret)
        }
        // The rebuild fails (the form is refused), so the last good site, which listed both files, stays.
        let outcome = server.rebuild(changed: ["Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx", "Theme/assets/style.css"])
        #expect(!outcome.succeeded)
        try await server.makeApplication().test(.router) { client in
            for uri in ["/bieu-mau/to-khai-dang-ky-khai-sinh.docx", "/assets/style.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(!String(buffer: response.body).contains("BI-MAT-NGOAI-TRANG"), "\(uri)")
                }
            }
        }
    }

    /// Content that once stopped the program (a Swift runtime failure ends `motcua serve` with it): each is now
    /// an error the page shows over the last good site, and the server keeps going.
    /// Each case: the file, the text to find (empty: put the new text first) and what replaces it. Named, so the
    /// test's printed arguments stay short.
    static let crashingEdits: [String: (path: String, find: String, replace: String)] = [
        "so_tuan past any date": ("Content/thong-bao/2026-10-08-phong-chong-bao-so-8.md", "  so_tuan: 1", "  so_tuan: 9223372036854775807"),
        "a template that includes itself": ("Theme/templates/layout.mustache", "</body>", "{{> layout}}</body>"),
        "30,000 nested template blocks": ("Theme/templates/page.mustache", "", String(repeating: "{{#a}}", count: 30_000) + String(repeating: "{{/a}}", count: 30_000)),
    ]

    @Test("content that once crashed the preview is shown as errors over the last good site",
          arguments: ["so_tuan past any date", "a template that includes itself", "30,000 nested template blocks"])
    func crashingContentIsShown(_ name: String) async throws {
        let (path, find, replace) = try #require(Self.crashingEdits[name])
        let original = try #require(String(data: Data(contentsOf: site.url(path)), encoding: .utf8))
        try site.write(path, find.isEmpty ? replace + original : original.replacingOccurrences(of: find, with: replace))
        let outcome = server.rebuild(changed: [path])
        #expect(!outcome.succeeded)
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\(path):"))
            }
        }
        try site.write(path, original)
        #expect(server.rebuild(changed: [path]).succeeded)
    }

    @Test("before any good build, every page says what is wrong")
    func noSite() async throws {
        let broken = try SampleSite()
        try broken.write("Content/site.yml", "ten: [\n")
        let server = PreviewServer(options: .init(root: broken.root), log: { _ in })
        #expect(!server.rebuild(changed: nil).succeeded)
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/huong-dan/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let html = String(buffer: response.body)
                #expect(html.contains("Content/site.yml:"))
                #expect(html.contains("motcua-live-reload"))
            }
        }
    }
}

extension PreviewSite {
    func lookupBytes(_ key: String) -> Data? {
        if case .bytes(let data) = lookup(key) { return data }
        return nil
    }
}
