import ArgumentParser
import Foundation
import MotCuaKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo trang mới cho một xã: Content/ mẫu và giao diện mặc định."
    )

    @Argument(help: "Thư mục của trang mới (trống hoặc chưa có).")
    var directory: String

    @Option(help: "Tên xã, ví dụ \"Xã An Phú\".")
    var ten: String?

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        do {
            let files = try SiteScaffold(root: root, communeName: ten).create()
            print("Đã tạo \(files.count) tệp trong \(root.path).")
            print("Tiếp theo: sửa các chỗ \"(điền …)\" trong Content/site.yml, rồi chạy `motcua serve --root \(directory)`.")
        } catch {
            Console.error("motcua: lỗi: \(error)")
            throw ExitCode(1)
        }
    }
}
