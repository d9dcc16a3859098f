import Foundation
@testable import MotCuaPreview
import Testing

/// Both ways of watching: inotify, and the polling used where inotify is missing.
@Suite("File watching", .serialized)
struct FileWatcherTests {
    final class Batches: Sendable {
        private let batches = Locked<[FileWatcher.Changes]>([])
        func add(_ changes: FileWatcher.Changes) { batches.withLock { $0.append(changes) } }
        var all: [Set<String>] { batches.withLock { $0.map(\.paths) } }
        var complete: [Bool] { batches.withLock { $0.map(\.complete) } }
        var changed: Set<String> { all.reduce(into: []) { $0.formUnion($1) } }
    }

    static let modes: [Bool] = [false, true]

    @Test("links to their own folder do not keep the watcher from starting", arguments: modes)
    func linkLoopsDoNotHang(polling: Bool) async throws {
        let site = try SampleSite()
        _ = symlink(".", site.url("Content/huong-dan/vong").path)
        _ = symlink("..", site.url("Content/huong-dan/vong-ngoai").path)
        let batches = Batches()
        let settings = FileWatcher.Settings(debounce: .milliseconds(50), pollInterval: .milliseconds(100), forcePolling: polling)
        let watcher = FileWatcher(root: site.root, settings: settings) { batches.add($0) }
        let started = Locked(false)
        Thread.detachNewThread {
            _ = watcher.start()
            started.withLock { $0 = true }
        }
        #expect(try await eventually(timeout: .seconds(10)) { started.withLock { $0 } })
        defer { watcher.stop() }
        // Polling takes its first picture on its own thread after start() returns: an edit made before that is
        // part of the picture, so the edit is made again (longer each time) until one is seen.
        var seen = false
        for round in 1...20 where !seen {
            let text = "---\ntieu_de: A\n---\n" + String(repeating: "B", count: round) + "\n"
            try Data(text.utf8).write(to: site.url("Content/huong-dan/tra-cuu-ho-so.md"))
            seen = try await eventually(timeout: .seconds(5)) { batches.changed.contains("Content/huong-dan/tra-cuu-ho-so.md") }
        }
        #expect(seen)
    }

    @Test("a save (temporary file, rename) is one batch", arguments: modes)
    func saveIsOneBatch(polling: Bool) async throws {
        let site = try SampleSite()
        let batches = Batches()
        // A generous quiet time, so a test thread that is descheduled between two writes (the whole
        // suite runs in parallel on two cores) does not split the save.
        let settings = FileWatcher.Settings(debounce: .milliseconds(200), pollInterval: .milliseconds(100), forcePolling: polling)
        let watcher = FileWatcher(root: site.root, settings: settings) { batches.add($0) }
        #expect(watcher.start() == (polling ? .polling : .inotify))
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(150))
        // What an editor does: write a temporary file, rename it over the original, touch it again.
        let guide = site.url("Content/huong-dan/tra-cuu-ho-so.md")
        let temporary = site.url("Content/huong-dan/.tra-cuu-ho-so.md.tmp")
        try Data("---\ntieu_de: A\n---\nB\n".utf8).write(to: temporary)
        _ = rename(temporary.path, guide.path)
        try Data("---\ntieu_de: A\n---\nC\n".utf8).write(to: guide)
        #expect(try await eventually { batches.changed.contains("Content/huong-dan/tra-cuu-ho-so.md") })
        try await Task.sleep(for: .milliseconds(500))
        #expect(batches.all.count == 1, "\(batches.all)")
        // Only inotify sees every change; a scan compares times and sizes, so the preview checks every file.
        #expect(batches.complete == [!polling])
    }

    @Test("folders created after the start are watched, and Theme/ is watched too", arguments: modes)
    func newFolders(polling: Bool) async throws {
        let site = try SampleSite()
        let batches = Batches()
        let watcher = FileWatcher(root: site.root, settings: .init(pollInterval: .milliseconds(100), forcePolling: polling)) { batches.add($0) }
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(150))
        let folder = site.url("Content/trang/moi")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try await eventually { batches.changed.contains("Content/trang/moi") })
        try await Task.sleep(for: .milliseconds(150))
        try Data("---\ntieu_de: Mới\n---\n".utf8).write(to: folder.appendingPathComponent("trang.md"))
        #expect(try await eventually { batches.changed.contains("Content/trang/moi/trang.md") })
        try Data("body{}".utf8).write(to: site.url("Theme/assets/extra.css"))
        #expect(try await eventually { batches.changed.contains("Theme/assets/extra.css") })
    }

    /// A watcher with default settings on a fresh copy of the sample site, settled before `body` runs.
    func watching(_ body: (SampleSite, Batches) async throws -> Void) async throws {
        let site = try SampleSite()
        let batches = Batches()
        let watcher = FileWatcher(root: site.root) { batches.add($0) }
        watcher.start()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(100))
        try await body(site, batches)
    }

    @Test("editor swap and backup files alone change nothing")
    func ignoresEditorFiles() async throws {
        try await watching { site, batches in
            for name in [".lien-he.md.swp", "lien-he.md~", "4913", "#lien-he.md#", ".#lien-he.md"] {
                try Data("x".utf8).write(to: site.url("Content/trang/\(name)"))
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(batches.all.isEmpty, "\(batches.all)")
        }
    }

    /// The loader reads `#a.md` as a guide, so its edits must reach the rebuild (only `#a.md#` is an autosave).
    @Test("a content file whose name begins with # is watched")
    func watchesHashNamedContent() async throws {
        try await watching { site, batches in
            try Data("x".utf8).write(to: site.url("Content/huong-dan/#ghi-chu.md"))
            #expect(try await eventually { batches.changed.contains("Content/huong-dan/#ghi-chu.md") })
        }
    }
}
