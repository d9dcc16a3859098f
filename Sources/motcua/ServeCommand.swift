import ArgumentParser
import Foundation
import MotCuaKit
import MotCuaPreview

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Xem trước trang trên trình duyệt; tự tải lại khi sửa Content/ hoặc Theme/.",
        discussion: "Với một tỉnh (Content/tinh.yml), địa chỉ gốc là trang của tỉnh và mỗi xã ở /<tên-thư-mục-xã>/; trang của xã được dựng khi mở lần đầu."
    )

    @Option(help: "Thư mục của trang (chứa Content/ và Theme/).")
    var root: String = "."

    @Option(help: "Cổng của máy chủ xem trước.")
    var port: Int = 8080

    @Option(help: "Địa chỉ lắng nghe; mặc định chỉ máy này.")
    var host: String = "127.0.0.1"

    @Flag(help: "Không hiện bản nháp (nhap: true).")
    var noDrafts = false

    @Flag(help: "Mở trình duyệt khi máy chủ sẵn sàng.")
    var open = false

    @Flag(help: "Quét thư mục thay vì dùng inotify.")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) không phải cổng hợp lệ (0–65535)") }
    }

    /// The root command is synchronous, so the server runs in a task and this thread waits for it.
    func run() throws {
        let options = PreviewServer.Options(
            root: URL(fileURLWithPath: root), host: host, port: port, includeDrafts: !noDrafts,
            watch: FileWatcher.Settings(forcePolling: poll || ProcessInfo.processInfo.environment["MOTCUA_WATCH"] == "poll"))
        // Unbuffered: the URL must reach a terminal (or a script waiting for it) at once.
        let server = PreviewServer(options: options) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        let openBrowser = open
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await server.run { url in
                    if openBrowser { Self.openBrowser(url) }
                }
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            Console.error("motcua: lỗi: \(message)")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data("Đã dừng máy chủ xem trước.\n".utf8))
    }

    final class Failure: @unchecked Sendable {
        var message: String?
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
