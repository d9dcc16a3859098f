import Foundation
import Testing
@testable import MotCuaKit

/// Two builds into one output: the second waits for the first to swap its folder in, instead of clearing the
/// first's staging folder as a leftover (which made the first fail on a temporary path).
@Suite struct OutputLockTests {
    @Test("a second build into the same output waits for the first, and both finish whole")
    func secondBuildWaits() throws {
        let site = try TempSite(copying: nil)
        let root = site.root
        let output = root.appendingPathComponent("Output")
        let first = try OutputWriter(output: output, root: site.root).begin()
        first.put("index.html", Data("một".utf8))
        // `go` holds the second build after its begin until the first's output has been read: once the first
        // finishes, the second may run at once, and the read would race it.
        let began = Locked(false), done = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0)
        let second = Locked<Result<OutputWriter.Stats, any Error>?>(nil)
        Thread.detachNewThread {
            do {
                let session = try OutputWriter(output: output, root: root).begin()
                began.withLock { $0 = true }
                go.wait()
                session.put("index.html", Data("hai".utf8))
                second.withLock { $0 = .success(try! session.finish()) }
            } catch {
                second.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!began.withLock { $0 }, "the second build began while the first was writing")
        _ = try first.finish()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "một")
        go.signal()
        #expect(done.wait(timeout: .now() + 10) == .success)
        guard case .success = second.withLock({ $0 }) else {
            Issue.record("the second build failed: \(String(describing: second.withLock { $0 }))")
            return
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "hai")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("motcua-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
