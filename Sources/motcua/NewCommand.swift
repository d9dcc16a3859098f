import ArgumentParser
import Foundation
import MotCuaKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo trang mới cho một xã (hoặc một tỉnh, với --tinh): Content/ mẫu và giao diện mặc định."
    )

    @Argument(help: "Thư mục của trang mới (trống hoặc chưa có).")
    var directory: String

    @Option(help: "Tên xã, ví dụ \"Xã An Phú\".")
    var ten: String?

    @Option(help: "Tạo một tỉnh có hai xã (Content/tinh.yml, Content/xa/), ví dụ --tinh \"Thành phố Hải Phòng\".")
    var tinh: String?

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        if tinh != nil, ten != nil {
            Console.error("motcua: lỗi: --ten dùng cho trang của một xã; với --tinh, tên mỗi xã ghi trong Content/xa/<tên-xã>/site.yml")
            throw ExitCode(2)
        }
        do {
            let scaffold = SiteScaffold(root: root, communeName: ten, provinceName: tinh)
            let files = try scaffold.create()
            print("Đã tạo \(files.count) tệp trong \(root.path).")
            if tinh != nil {
                print("Các xã: \(scaffold.communeFolders.joined(separator: ", ")).")
                print("Tiếp theo: sửa các chỗ \"(điền …)\" trong Content/tinh.yml và site.yml của mỗi xã, rồi chạy `motcua build --root \(directory)` và mở Output/index.html.")
            } else {
                print("Tiếp theo: sửa các chỗ \"(điền …)\" trong Content/site.yml, rồi chạy `motcua serve --root \(directory)`.")
            }
        } catch {
            Console.error("motcua: lỗi: \(error)")
            throw ExitCode(1)
        }
    }
}
