import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MotCuaKit
@testable import MotCuaPreview
import Testing

/// Forms and form bundles are served a chunk at a time, over a real connection, with their length announced.
@Suite("Preview downloads")
struct StreamedDownloadTests {
    @Test("a large form and its procedure's bundle download whole, several at once, with their Content-Length")
    func parallelDownloads() async throws {
        let site = try SampleSite()
        let catalog = "Content/thu-tuc/ho-tich.yml"
        let anchor = "      - ten: Giấy chứng sinh do cơ sở y tế cấp\n"
        try site.write(catalog, try site.read(catalog).replacingOccurrences(
            of: anchor, with: "      - ten: Tờ khai đăng ký kết hôn\n        bieu_mau: to-khai-dang-ky-ket-hon.docx\n" + anchor))
        // Several chunks, and not a whole number of them.
        var form = Data(count: 5 * ZipArchive.chunkSize + 12_345)
        form.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in for i in raw.indices { raw[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 7) } }
        try form.write(to: site.url("Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx"))
        let server = PreviewServer(options: .init(root: site.root), log: { _ in })
        let outcome = server.rebuild(changed: nil)
        #expect(outcome.succeeded, "\(outcome.state.errors)")
        let bundle = try ZipArchive(entries: [
            .init(name: "to-khai-dang-ky-khai-sinh.docx", source: site.url("Content/bieu-mau/to-khai-dang-ky-khai-sinh.docx")),
            .init(name: "to-khai-dang-ky-ket-hon.docx", source: site.url("Content/bieu-mau/to-khai-dang-ky-ket-hon.docx")),
        ]).bytes()
        let downloads: [(uri: String, bytes: Data)] = [
            ("/bieu-mau/to-khai-dang-ky-khai-sinh.docx", form), ("/bieu-mau/dang-ky-khai-sinh.zip", bundle),
            ("/bieu-mau/to-khai-dang-ky-khai-sinh.docx", form), ("/bieu-mau/dang-ky-khai-sinh.zip", bundle),
        ]
        try await server.makeApplication().test(.live) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for item in downloads {
                    group.addTask {
                        try await client.execute(uri: item.uri, method: .get) { response in
                            #expect(response.status == .ok, "\(item.uri)")
                            #expect(response.headers[.contentLength] == String(item.bytes.count), "\(item.uri)")
                            #expect(Data(response.body.readableBytesView) == item.bytes, "\(item.uri)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await client.execute(uri: "/bieu-mau/dang-ky-khai-sinh.zip", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/zip")
                #expect(response.headers[.contentLength] == String(bundle.count))
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
