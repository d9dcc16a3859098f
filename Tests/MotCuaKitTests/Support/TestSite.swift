import Foundation
@testable import MotCuaKit

/// Where fixtures live in the source tree (re-recording writes back there).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var recording: Bool { ProcessInfo.processInfo.environment["MOTCUA_RECORD"] == "1" }
}

/// A site in a fresh temporary folder, removed when the test ends.
final class TempSite {
    let root: URL

    init(copying source: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-test-\(UUID().uuidString)")
        if let source {
            try FileManager.default.copyItem(at: source, to: root)
        } else {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func build(strict: Bool = false, drafts: Bool = false) -> BuildAction.Report {
        BuildAction(options: .init(root: root, strict: strict, includeDrafts: drafts, date: CalendarDate(year: 2026, month: 11, day: 20))).run()
    }
}

extension Diagnostics {
    /// The printed lines, as an editor sees them.
    var lines: [String] { sorted.map(\.description) }
}
