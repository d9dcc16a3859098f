import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MotCuaKit
@testable import MotCuaPreview
import Testing

/// `motcua serve --root PROVINCE`: the province's page at the root, each commune under its folder, built
/// when first asked for, and built again when a change concerns it: its own files, or a shared one.
@Suite("Province preview")
struct ProvincePreviewTests {
    let site: SampleSite
    let server: PreviewServer

    /// The sample's catalog, guides and forms shared by three communes; an-phu keeps the sample's
    /// announcements and pages, an-hung does one procedure online in part only.
    init() throws {
        site = try SampleSite()
        let fm = FileManager.default
        for folder in ["thong-bao", "trang"] {
            try fm.createDirectory(at: site.url("Content/xa/an-phu"), withIntermediateDirectories: true)
            try fm.moveItem(at: site.url("Content/\(folder)"), to: site.url("Content/xa/an-phu/\(folder)"))
        }
        try fm.moveItem(at: site.url("Content/site.yml"), to: site.url("Content/xa/an-phu/site.yml"))
        try site.write("Content/tinh.yml", "ten: Thành phố Hải Phòng\ncong_dich_vu_cong: https://dichvucong.gov.vn\n")
        for (slug, name) in [("an-hung", "An Hưng"), ("tien-lang", "Tiên Lãng")] {
            try fm.createDirectory(at: site.url("Content/xa/\(slug)/thu-tuc"), withIntermediateDirectories: true)
            try site.write("Content/xa/\(slug)/site.yml", "ten: Ủy ban nhân dân xã \(name)\ndien_thoai: \"0225 3 000 111\"\n")
        }
        try site.write("Content/xa/an-hung/thu-tuc/khac.yml", "thu_tuc:\n  - ma: \"1.001193\"\n    muc_do: mot-phan\n")
        server = PreviewServer(options: .init(root: site.root), log: { _ in })
        let outcome = server.rebuild(changed: nil)
        #expect(outcome.succeeded, "\(outcome.state.errors)")
    }

    func body(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get) { response in (response.status, String(buffer: response.body)) }
    }

    @Test("the province's page lists the communes; each commune is its own site under its folder")
    func serves() async throws {
        #expect(server.site.isProvince)
        try await server.makeApplication().test(.router) { client in
            let (status, page) = try await body(client, "/")
            #expect(status == .ok)
            for slug in ["an-hung", "an-phu", "tien-lang"] { #expect(page.contains("href=\"\(slug)/index.html\""), "\(slug)") }
            try await client.execute(uri: "/an-hung", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/an-hung/")
            }
            let (_, home) = try await body(client, "/an-hung/")
            #expect(home.contains("Ủy ban nhân dân xã An Hưng"))
            let (_, own) = try await body(client, "/an-hung/thu-tuc/dang-ky-khai-sinh/")
            let (_, other) = try await body(client, "/tien-lang/thu-tuc/dang-ky-khai-sinh/")
            #expect(own.contains("Một phần") && !own.contains("badge--toan-trinh badge--large"))
            #expect(other.contains("Toàn trình"))
            let (missing, notFound) = try await body(client, "/an-hung/khong-co/")
            #expect(missing == .notFound)
            #expect(notFound.contains("<base href=\"/an-hung/\">"))
            let noCommune = try await body(client, "/khong-co-xa/").0
            #expect(noCommune == .notFound)
        }
    }

    @Test("a commune's own edit rebuilds that commune alone; a shared edit, none until asked for when no page is open")
    func rebuilds() async throws {
        try await server.makeApplication().test(.router) { client in
            _ = try await body(client, "/an-phu/")
            _ = try await body(client, "/an-hung/")
        }
        let announcement = try FileManager.default.contentsOfDirectory(atPath: site.url("Content/xa/an-phu/thong-bao").path).sorted()[0]
        let path = "Content/xa/an-phu/thong-bao/\(announcement)"
        try site.write(path, try site.read(path).replacingOccurrences(of: "tieu_de: ", with: "tieu_de: Sửa thử - "))
        let own = server.rebuild(changed: [path], complete: true)
        #expect(own.succeeded)
        #expect(own.communes == 1)
        // Only an-phu's open pages reload; the province's page did not change.
        #expect(own.state.folders == ["an-phu"])

        let catalog = "Content/thu-tuc/ho-tich.yml"
        try site.write(catalog, try site.read(catalog).replacingOccurrences(of: "ten: Đăng ký khai sinh\n", with: "ten: Đăng ký khai sinh cho trẻ\n"))
        let shared = server.rebuild(changed: [catalog], complete: true)
        #expect(shared.succeeded)
        // No browser listens here: each commune is built again when one of its pages is asked for.
        #expect(shared.communes == 0)
        try await server.makeApplication().test(.router) { client in
            for slug in ["an-phu", "an-hung", "tien-lang"] {
                let (_, page) = try await body(client, "/\(slug)/thu-tuc/dang-ky-khai-sinh/")
                #expect(page.contains("<h1>Đăng ký khai sinh cho trẻ"), "\(slug)")
            }
        }
    }

    @Test("a shared edit rebuilds at once the communes with an open page; another one when it is next opened")
    func openCommunes() async throws {
        try await server.makeApplication().test(.router) { client in
            _ = try await body(client, "/an-phu/")
            _ = try await body(client, "/an-hung/")
        }
        let catalog = "Content/thu-tuc/ho-tich.yml"
        try site.write(catalog, try site.read(catalog).replacingOccurrences(of: "ten: Đăng ký khai sinh\n", with: "ten: Đăng ký khai sinh lần đầu\n"))
        let outcome = server.site.rebuild(changes: KnownChanges([catalog]), open: ["an-phu", ""])
        #expect(outcome.succeeded)
        #expect(outcome.communes == 1)
        // A shared file: the province's page reloads too, with the commune rebuilt.
        #expect(outcome.state.folders == ["", "an-phu"])
        try await server.makeApplication().test(.router) { client in
            for slug in ["an-phu", "an-hung"] {
                let (_, page) = try await body(client, "/\(slug)/thu-tuc/dang-ky-khai-sinh/")
                #expect(page.contains("<h1>Đăng ký khai sinh lần đầu"), "\(slug)")
            }
        }
    }

    @Test("a broken tinh.yml shows its error over the last good pages, which stay served")
    func brokenProvinceFile() async throws {
        try await server.makeApplication().test(.router) { client in
            let status = try await body(client, "/an-hung/").0
            #expect(status == .ok)
        }
        try site.write("Content/tinh.yml", "ten: [Hải Phòng\n")
        let outcome = server.rebuild(changed: ["Content/tinh.yml"], complete: true)
        #expect(!outcome.succeeded)
        #expect(outcome.state.errors.contains { $0.file == "Content/tinh.yml" })
        try await server.makeApplication().test(.router) { client in
            for uri in ["/", "/an-hung/", "/an-hung/thu-tuc/"] {
                let status = try await body(client, uri).0
                #expect(status == .ok, "\(uri)")
            }
        }
    }

    @Test("a commune first opened with an error in its own files shows that error")
    func errorsOfACommuneOpenedLater() async throws {
        try site.write("Content/xa/tien-lang/thu-tuc/sai.yml", "thu_tuc:\n  - ma: \"1.00119\"\n    muc_do: mot-phan\n")
        try await server.makeApplication().test(.router) { client in
            _ = try await body(client, "/tien-lang/")
        }
        #expect(server.site.state.errors.contains { $0.file == "Content/xa/tien-lang/thu-tuc/sai.yml" })
        #expect(server.hub.current.errors.contains { $0.file == "Content/xa/tien-lang/thu-tuc/sai.yml" })
    }

    @Test("an error in one commune is shown with its file; the last good pages stay")
    func errors() async throws {
        try await server.makeApplication().test(.router) { client in
            let status = try await body(client, "/an-hung/").0
            #expect(status == .ok)
        }
        let change = "Content/xa/an-hung/thu-tuc/khac.yml"
        try site.write(change, "thu_tuc:\n  - ma: \"1.00119\"\n    muc_do: mot-phan\n")
        let outcome = server.rebuild(changed: [change], complete: true)
        #expect(!outcome.succeeded)
        #expect(outcome.state.errors.contains { $0.file == change && $0.message.contains("1.001193") })
        try await server.makeApplication().test(.router) { client in
            let status = try await body(client, "/an-hung/").0
            #expect(status == .ok)
        }
    }
}
