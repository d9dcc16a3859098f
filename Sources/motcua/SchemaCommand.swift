import ArgumentParser
import Foundation
import MotCuaKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Ghi các tệp JSON Schema của nội dung (cho trình soạn thảo), và bảng khóa trong tài liệu hướng dẫn."
    )

    @Option(help: "Thư mục ghi các tệp *.schema.json.")
    var out: String = "schema"

    @Option(help: "Tài liệu Markdown có các bảng khóa giữa dòng `<!-- schema:… -->` và `<!-- /schema:… -->` để viết lại, ví dụ docs/huong-dan-noi-dung.md.")
    var docs: String?

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        do {
            let names = try JSONSchemaWriter.write(to: folder)
            print("Đã ghi \(names.count) tệp JSON Schema vào \(folder.path).")
        } catch {
            Console.error("motcua: lỗi: không ghi được \(folder.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        guard let docs else { return }
        let url = URL(fileURLWithPath: docs)
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            let rewritten = try SchemaKeyTable.rewrite(text)
            if rewritten != text { try Data(rewritten.utf8).write(to: url) }
            print(rewritten == text ? "Bảng khóa trong \(docs) đã đúng." : "Đã viết lại bảng khóa trong \(docs).")
        } catch {
            Console.error("motcua: lỗi: \(docs): \(error)")
            throw ExitCode(1)
        }
    }
}
