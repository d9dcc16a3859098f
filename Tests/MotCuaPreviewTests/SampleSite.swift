import Foundation

/// A copy of the repository's Content/ and Theme/ in a temporary folder, so tests can edit it freely.
final class SampleSite: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Writes as editors do: a temporary file renamed over the old one.
    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(path), options: .atomic)
    }
}

/// Polls a condition; tests wait for the watcher's thread without fixed sleeps. The bound is generous: every
/// use expects the condition to come true, and under a full parallel test run on two cores a watcher or server
/// thread can wait long for its turn (a 30 s bound ran out there, while alone the same waits take under a second).
func eventually(timeout: Duration = .seconds(120), _ condition: () -> Bool) async throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
