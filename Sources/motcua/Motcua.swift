import ArgumentParser
import Foundation
import MotCuaKit

@main
struct Motcua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Tạo trang thông tin thủ tục hành chính của xã từ Content/ và Theme/.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, SchemaCommand.self]
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage errors (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 1 ? 1 : 2)
        }
    }
}
