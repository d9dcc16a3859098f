import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import MotCuaKit
#if canImport(Glibc)
import Glibc
#endif

/// `motcua serve`: builds the site in memory, serves it, rebuilds on every change, and tells open pages.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        public var port: Int
        public var includeDrafts: Bool
        public var watch: FileWatcher.Settings

        public init(root: URL, host: String = "127.0.0.1", port: Int = 8080, includeDrafts: Bool = true,
                    watch: FileWatcher.Settings = FileWatcher.Settings()) {
            self.root = root
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.watch = watch
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                return "cổng \(port) trên \(host) đang được chương trình khác dùng; chọn cổng khác, ví dụ `motcua serve --port \(port + 1)`"
            case .cannotListen(let host, let port, let reason):
                return "không mở được máy chủ tại \(host):\(port): \(reason)"
            }
        }
    }

    public let options: Options
    public let site: PreviewSite
    public let hub: LiveReloadHub
    /// Progress lines for the terminal (URL, rebuilds, diagnostics); tests pass a silent one.
    let log: @Sendable (String) -> Void
    private let stopRequest = Locked<CheckedContinuation<Void, Never>?>(nil)
    private let stopRequested = Locked(false)

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.options = options
        self.log = log
        var build = BuildAction.Options(root: options.root, includeDrafts: options.includeDrafts)
        build.preview = true
        site = PreviewSite(options: build)
        hub = LiveReloadHub()
        // A commune built when first opened may bring errors: the open pages and the terminal hear of them.
        site.onStateChange { [hub, log] state in
            hub.publish(state)
            for problem in state.errors { log("\(problem.location): lỗi: \(problem.message)") }
        }
    }

    /// The HTTP application, without binding anything until it runs; tests drive it in-process.
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> Application<PreviewResponder> {
        Application(
            responder: PreviewResponder(site: site, hub: hub),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil,
                                 backlog: Self.backlog),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: Self.quietLogger)
    }

    /// Connections the kernel holds until the server accepts them. A burst beyond it (1,000 at once in the load
    /// check) is dropped and each dropped client waits a second to retry; hummingbird's default is 256.
    static let backlog = 1024

    /// The server's and the service group's own logs are for their developers; ours go through `log`.
    static var quietLogger: Logger {
        var logger = Logger(label: "motcua.preview")
        logger.logLevel = .critical
        return logger
    }

    /// Starts the watcher, builds, then runs the server until SIGINT or SIGTERM (or `stop()`).
    /// `onReady` gets the URL once the port is open.
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        // Watching starts before the first build, so an edit made while it runs starts a rebuild too.
        let watcher = FileWatcher(root: options.root, settings: options.watch) { [self] changes in
            rebuild(changed: changes.paths, complete: changes.complete)
        }
        let mode = watcher.start()
        defer { watcher.stop() }
        rebuild(changed: nil)
        if mode == .polling { log("Theo dõi thay đổi bằng cách quét thư mục mỗi \(options.watch.pollInterval) (không có inotify).") }

        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let app = makeApplication { [log] port in
            let url = "http://\(host):\(port)/"
            log("Đang xem trước tại \(url) (Ctrl-C để dừng)")
            onReady(url)
        }
        let signals = handleSignals ? SignalWatcher(signals: [SIGINT, SIGTERM]) { [self] in stop() } : nil
        defer { signals?.cancel() }

        // The server stops gracefully, never by cancellation: cancelling it can drop a connection that was
        // accepted but not yet served, and NIO traps on that ("Deinited NIOAsyncWriter without calling finish()").
        var configuration = ServiceGroupConfiguration(services: [app], logger: Self.quietLogger)
        configuration.maximumGracefulShutdownDuration = Self.gracefulShutdownLimit
        let services = ServiceGroup(configuration: configuration)
        let pings = Task { [hub] in
            // Keeps connections alive and lets departed pages be noticed.
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                hub.ping()
            }
        }
        defer { pings.cancel() }

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            group.addTask { [self] in await waitForStop() }
            do {
                // The first task to end is a stop request, or the server failing (a port in use).
                try await group.next()
            } catch {
                hub.close()
                group.cancelAll()
                throw Self.describe(error, host: options.host, port: options.port)
            }
            // Pages must stop listening first: their streams end properly before the server goes.
            hub.close()
            await hub.drain()
            await services.triggerGracefulShutdown()
            // Ends the stop waiter too, in case the server was the task that ended.
            stop()
            while let _ = try? await group.next() {}
        }
    }

    /// How long open connections get to finish after Ctrl-C before the server is cancelled.
    static let gracefulShutdownLimit: Duration = .seconds(5)

    /// Asks a running server to stop (what Ctrl-C does).
    public func stop() {
        let continuation = stopRequest.withLock { c -> CheckedContinuation<Void, Never>? in
            defer { c = nil }
            return c
        }
        stopRequested.withLock { $0 = true }
        continuation?.resume()
    }

    private func waitForStop() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let already = stopRequested.withLock { $0 }
                if already {
                    continuation.resume()
                } else {
                    stopRequest.withLock { $0 = continuation }
                }
            }
        } onCancel: { [self] in
            stop()
        }
    }

    /// Renders again and tells the pages; prints what changed, how long it took, and any problem.
    /// `complete`: `changed` is everything that changed since the last rebuild, so no other file is looked at.
    @discardableResult
    public func rebuild(changed: Set<String>?, complete: Bool = false) -> PreviewSite.Outcome {
        let outcome = site.rebuild(changes: complete ? changed.map(KnownChanges.init) : nil, open: hub.openFolders)
        hub.publish(outcome.state)
        let ms = Int((outcome.seconds * 1000).rounded())
        let printer = DiagnosticPrinter(useColor: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        for diagnostic in outcome.diagnostics.sorted {
            log(printer.format(diagnostic))
        }
        let what = changed.map { " sau khi sửa " + $0.sorted().prefix(3).joined(separator: ", ") + ($0.count > 3 ? "…" : "") } ?? ""
        if outcome.succeeded {
            let remade = outcome.remade < outcome.pages ? " (làm lại \(outcome.remade))" : ""
            // A province's communes are built when first opened, then again when what they show changes.
            let communes = site.isProvince ? " của \(outcome.communes) xã và trang của tỉnh" : ""
            log("Đã dựng \(outcome.pages) trang\(remade)\(communes) trong \(ms) ms\(what).")
        } else {
            log("Có \(outcome.state.errors.count) lỗi\(what); vẫn hiện bản dựng tốt gần nhất.")
        }
        return outcome
    }

    /// A bind failure as one line a person can act on.
    static func describe(_ error: any Error, host: String, port: Int) -> any Error {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
            return Failure.portInUse(host: host, port: port)
        }
        return Failure.cannotListen(host: host, port: port, reason: text)
    }
}

/// Turns SIGINT and SIGTERM into a call, so the server can end its streams and stop cleanly.
final class SignalWatcher: @unchecked Sendable {
    /// Only touched in `init` and `cancel`, both by the owner.
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], action: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
