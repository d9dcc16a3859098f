import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
@testable import MotCuaPreview
import Testing

/// The real server on a real port: only 127.0.0.1, a port the kernel picks, and it stops by itself.
@Suite("Preview server lifecycle", .serialized)
struct PreviewServerLifecycleTests {
    @Test("runs on 127.0.0.1, serves, and stops when asked, even with a page listening")
    func runAndStop() async throws {
        let site = try SampleSite()
        let server = PreviewServer(options: .init(root: site.root, host: "127.0.0.1", port: 0), log: { _ in })
        let ready = Locked<String?>(nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(handleSignals: false) { url in ready.withLock { $0 = url } } }
            #expect(try await eventually { ready.withLock { $0 } != nil })
            let url = try #require(ready.withLock { $0 })
            #expect(url.hasPrefix("http://127.0.0.1:"))
            let (data, response) = try await URLSession.shared.data(from: URL(string: url + "huong-dan/")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self).contains("motcua-live-reload"))

            let listener = Task { try await URLSession.shared.data(from: URL(string: url + "__motcua/events")!) }
            #expect(try await eventually { server.hub.subscriberCount == 1 })
            let clock = ContinuousClock()
            let start = clock.now
            server.stop()
            try await group.next()
            // A hang check, not a speed target: an open event stream would hold the server forever (there is no
            // shutdown timeout); under six parallel builds a prompt stop took up to 6.8 s.
            #expect(clock.now - start < .seconds(30))
            let (events, _) = try await listener.value
            #expect(String(decoding: events, as: UTF8.self).contains("event: state"))
        }
    }

    @Test("a port in use is a clear error")
    func portInUse() async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let site = try SampleSite()
        let server = PreviewServer(options: .init(root: site.root, host: "127.0.0.1", port: port), log: { _ in })
        do {
            try await server.run(handleSignals: false)
            Issue.record("the server started on a port in use")
        } catch let failure as PreviewServer.Failure {
            guard case .portInUse(_, port) = failure else {
                Issue.record("unexpected failure \(failure)")
                return
            }
            #expect(failure.description.contains("cổng \(port)"))
            #expect(!failure.description.contains("\n"))
        }
    }
}
