import Foundation
import MotCuaKit

/// Writes diagnostics to stderr; colour only when stderr is a terminal.
enum Console {
    static func printDiagnostics(_ diagnostics: Diagnostics) {
        let printer = DiagnosticPrinter(useColor: isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        for diagnostic in diagnostics.sorted {
            error(printer.format(diagnostic))
        }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
