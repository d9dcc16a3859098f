import Foundation
import Hummingbird
import MotCuaKit

/// Answers every request of the preview: the event stream, and the site from memory.
///
/// A plain responder rather than a `Router`: there is one route of our own, and every other path must go
/// through `SitePath`, which refuses anything that could leave the site.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let site: PreviewSite
    let hub: LiveReloadHub

    public init(site: PreviewSite, hub: LiveReloadHub) {
        self.site = site
        self.hub = hub
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Chỉ hỗ trợ GET và HEAD.", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == ReloadScript.eventsPath {
            return events(page: Self.queryValue("page", in: request.uri.query))
        }
        let response = serve(path: path, query: request.uri.query)
        return request.method == .head ? Self.withoutBody(response) : response
    }

    /// Server-sent events; the stream ends when the hub closes (the server stops) or the page goes away.
    func events(page: String? = nil) -> Response {
        let stream = hub.subscribe(page: page)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { [hub] writer in
            try await hub.write(stream, { try await writer.write(ByteBuffer(string: $0)) }, finish: { try await writer.finish(nil) })
        })
    }

    func serve(path: String, query: String?) -> Response {
        guard let key = SitePath.key(for: path) else { return notFound() }
        switch site.lookup(key) {
        case .bytes(let data):
            let body = MediaTypes.isHTML(key) ? ReloadScript.inject(into: data, state: hub.current) : data
            return Self.file(body, type: MediaTypes.type(forPath: key))
        case .copy(let url):
            // Read now, not at build time: an asset edited since is served fresh (the rebuild it
            // triggers only reloads the page).
            guard let file = try? ChunkedFile(url) else { return notFound() }
            return Self.streamed(file.size, type: MediaTypes.type(forPath: key)) { try file.next() }
        case .archive(let archive):
            // Zipped now from the forms as they are, like a copied file.
            guard let reader = try? archive.reader() else { return notFound() }
            return Self.streamed(reader.byteCount, type: MediaTypes.type(forPath: key)) { try reader.next() }
        case .folder:
            let location = path + "/" + (query.map { "?" + $0 } ?? "")
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .missing:
            return notFound(key)
        case .noSite:
            return noSite()
        }
    }

    func notFound(_ key: String = "") -> Response {
        let page = site.notFoundPage(for: key) ?? Data("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1></body></html>\n".utf8)
        var response = Self.file(ReloadScript.inject(into: page, state: hub.current), type: MediaTypes.byExtension["html"]!)
        response.status = .notFound
        return response
    }

    /// Before the first good build there is no site to show: a bare page with the errors over it,
    /// which reloads by itself once the content is fixed.
    func noSite() -> Response {
        let page = Data("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chưa tạo được trang</title></head>
            <body><main><h1>Chưa tạo được trang</h1><p>Nội dung có lỗi nên chưa có bản xem trước. Sửa lỗi rồi lưu tệp: trang sẽ tự tải lại.</p></main></body></html>

            """.utf8)
        var response = Self.file(ReloadScript.inject(into: page, state: hub.current), type: MediaTypes.byExtension["html"]!)
        response.status = .serviceUnavailable
        return response
    }

    /// One value of a query string, percent-decoded.
    static func queryValue(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return String(parts[1]).removingPercentEncoding }
        }
        return nil
    }

    /// Every response says `no-store`: a preview must never show a page the browser kept from before.
    static func file(_ data: Data, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A body of `count` bytes handed over a chunk at a time, so a download costs a chunk of memory, not the file.
    /// Each chunk is read on a Dispatch thread: a read never holds the threads that serve the other requests.
    /// A source that fails midway (a file cut meanwhile) ends the connection short of `count`, which the
    /// browser reports as a failed download.
    static func streamed(_ count: Int, type: String, next: @escaping @Sendable () throws -> Data?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: count) { writer in
            while let chunk = try await Self.offThread(next) { try await writer.write(ByteBuffer(bytes: chunk)) }
            try await writer.finish(nil)
        })
    }

    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var response = file(Data((message + "\n").utf8), type: MediaTypes.byExtension["txt"]!)
        response.status = status
        response.headers.append(contentsOf: extra)
        return response
    }

    static func withoutBody(_ response: Response) -> Response {
        var head = response
        head.body = ResponseBody()
        head.headers[.contentLength] = String(response.body.contentLength ?? 0)
        return head
    }
}
