import Foundation
import Testing
@testable import MotCuaKit

/// The in-place mode of `OutputWriter` (an output that cannot be renamed, such as a USB stick's root), on an
/// ordinary folder with the mode forced, and its recovery from swaps a kill interrupted, built by hand.
@Suite struct OutputWriterTests {
    /// Every file under a folder with its bytes (hidden ones too), to compare whole trees.
    static func tree(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: folder.path)
        while let item = e?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(item).path) {
                result[item] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }

    static func write(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    let marker = OutputWriter.markerName
    var oldSite: [String: String] {
        ["index.html": "cũ", "a/b.html": "cũ b", "a/c.html": "chung", "bo.css": "cũ css", marker: OutputWriter.markerText]
    }
    var newSite: [String: String] {
        ["index.html": "mới", "a/b.html": "mới b", "a/c.html": "chung", "moi.html": "mới thêm", marker: OutputWriter.markerText]
    }

    /// Writes `site` through a writer forced into the in-place mode.
    func build(_ site: [String: String], into output: URL, root: URL) throws -> OutputWriter.Stats {
        let session = try OutputWriter(output: output, root: root, mode: .inPlace).begin()
        for (path, text) in site where path != marker { session.put(path, Data(text.utf8)) }
        return try session.finish()
    }

    @Test("in place, the new site replaces the old inside the output; nothing is written beside it")
    func inPlaceSwap() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        _ = try build(oldSite, into: output, root: site.root)
        #expect(Self.tree(output) == oldSite)
        var before = stat()
        stat(output.appendingPathComponent("a/c.html").path, &before)
        let stats = try build(newSite, into: output, root: site.root)
        #expect(Self.tree(output) == newSite)
        #expect((stats.new, stats.changed, stats.unchanged, stats.removed) == (1, 2, 1, 1))
        // The unchanged file is the old one, hard-linked: same inode, so its time is kept.
        var after = stat()
        stat(output.appendingPathComponent("a/c.html").path, &after)
        #expect(before.st_ino == after.st_ino)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["Output"])
    }

    @Test("in place, an abandoned build leaves the old output as it was and removes its staging folder")
    func inPlaceAbandon() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        _ = try build(oldSite, into: output, root: site.root)
        let session = try OutputWriter(output: output, root: site.root, mode: .inPlace).begin()
        session.put("index.html", Data("mới".utf8))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".motcua-new-\(getpid())/index.html").path))
        session.abandon()
        #expect(Self.tree(output) == oldSite)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !OutputWriter.isInternal($0) })
    }

    @Test("a swap killed in step 1 (old entries partly moved aside) is undone: the old output whole")
    func recoverStep1() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        // Killed process 999999: index.html and the marker were moved aside, a/ and bo.css not yet.
        try Self.write(["a/b.html": "cũ b", "a/c.html": "chung", "bo.css": "cũ css"], into: output)
        try Self.write(["index.html": "cũ", marker: OutputWriter.markerText], into: output.appendingPathComponent(".motcua-moving-999999"))
        try Self.write(newSite, into: output.appendingPathComponent(".motcua-new-999999"))
        // A staging folder of another build killed before its swap.
        try Self.write(["index.html": "bỏ"], into: output.appendingPathComponent(".motcua-new-888888"))
        let session = try OutputWriter(output: output, root: site.root, mode: .inPlace).begin()
        session.abandon()
        #expect(Self.tree(output) == oldSite)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !OutputWriter.isInternal($0) })
    }

    @Test("a swap killed in step 1 before any entry moved leaves only an empty moving folder; it goes")
    func recoverStep1Empty() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        try Self.write(oldSite, into: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".motcua-moving-999999"), withIntermediateDirectories: true)
        try Self.write(newSite, into: output.appendingPathComponent(".motcua-new-999999"))
        try OutputWriter(output: output, root: site.root, mode: .inPlace).begin().abandon()
        #expect(Self.tree(output) == oldSite)
    }

    @Test("a swap killed in step 2 (after the commit, new entries partly moved up) is completed: the new output whole")
    func recoverStep2() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        // Killed process 999999: all old entries in the old folder, index.html and a/ already at the top.
        try Self.write(oldSite, into: output.appendingPathComponent(".motcua-old-999999"))
        try Self.write(["index.html": "mới", "a/b.html": "mới b", "a/c.html": "chung"], into: output)
        try Self.write(["moi.html": "mới thêm", marker: OutputWriter.markerText], into: output.appendingPathComponent(".motcua-new-999999"))
        // The output has no marker at its top now; it is still recognised as MotCua's.
        let session = try OutputWriter(output: output, root: site.root, mode: .inPlace).begin()
        session.abandon()
        #expect(Self.tree(output) == newSite)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !OutputWriter.isInternal($0) })
    }

    @Test("a swap killed while removing the old folder is completed by removing it")
    func recoverStep2Removal() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        try Self.write(newSite, into: output)
        try Self.write(["a/b.html": "cũ b"], into: output.appendingPathComponent(".motcua-old-999999"))
        try OutputWriter(output: output, root: site.root, mode: .inPlace).begin().abandon()
        #expect(Self.tree(output) == newSite)
    }

    @Test("recovery also runs for an output written beside, and a build then finishes normally")
    func recoverThenBuild() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        try Self.write(["index.html": "mới"], into: output)
        try Self.write(["a/b.html": "mới b", "a/c.html": "chung", "moi.html": "mới thêm", marker: OutputWriter.markerText], into: output.appendingPathComponent(".motcua-new-999999"))
        try Self.write(oldSite, into: output.appendingPathComponent(".motcua-old-999999"))
        let session = try OutputWriter(output: output, root: site.root, mode: .beside).begin()
        session.put("index.html", Data("ba".utf8))
        let stats = try session.finish()
        #expect(Self.tree(output) == ["index.html": "ba", marker: OutputWriter.markerText])
        #expect(stats.changed == 1 && stats.removed == 3)
    }

    @Test("an output holding a user's files is refused even beside our folder names; one of only our folders is ours")
    func ownership() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("Output")
        try Self.write(["ghi-chu.txt": "của người dùng"], into: output)
        #expect(throws: OutputWriter.Problem.self) { try OutputWriter(output: output, root: site.root) }
        try Self.write(["x": "y"], into: output.appendingPathComponent(".motcua-new-1"))
        #expect(throws: OutputWriter.Problem.self) { try OutputWriter(output: output, root: site.root) }
        try FileManager.default.removeItem(at: output.appendingPathComponent("ghi-chu.txt"))
        _ = try OutputWriter(output: output, root: site.root)
    }

    @Test("in place, a drive's system entries (lost+found, System Volume Information) are accepted and left alone")
    func systemEntriesStay() throws {
        let site = try TempSite(copying: nil)
        let output = site.root.appendingPathComponent("USB")
        let system = ["lost+found/#12": "mảnh", "System Volume Information/IndexerVolumeGuid": "{guid}"]
        try Self.write(system, into: output)
        // Beside, an ordinary folder with these is someone's; in place (a drive's root) it is a fresh stick.
        #expect(throws: OutputWriter.Problem.self) { try OutputWriter(output: output, root: site.root, mode: .beside) }
        _ = try build(oldSite, into: output, root: site.root)
        #expect(Self.tree(output) == oldSite.merging(system) { a, _ in a })
        let stats = try build(newSite, into: output, root: site.root)
        #expect(Self.tree(output) == newSite.merging(system) { a, _ in a })
        #expect(stats.removed == 1)
    }

    @Test("the mode: beside for an ordinary or missing folder, in place for a mount point")
    func modeDecision() throws {
        let site = try TempSite(copying: nil)
        #expect(OutputWriter.mode(for: site.root.path) == .beside)
        #expect(OutputWriter.mode(for: site.root.appendingPathComponent("chua-co").path) == .beside)
        #expect(OutputWriter.mode(for: "/proc") == .inPlace)
        #expect(OutputWriter.mode(for: "/") == .inPlace)
        #expect(OutputWriter.unescapeMountPath("/media/USB\\040cua\\134toi") == "/media/USB cua\\toi")
    }

    /// Beside mode, on a file system without RENAME_EXCHANGE: a kill between moving the old output aside and
    /// moving the new one in leaves no output; the next build puts the old one back before clearing leftovers.
    @Test func aKillBetweenTheTwoRenamesLeavesTheOldOutputToTheNextBuild() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-rename-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Out")
        try Self.write(oldSite, into: root.appendingPathComponent(".Out.motcua-old-4242"))
        try Self.write(newSite, into: root.appendingPathComponent(".Out.motcua-new-4242"))
        let session = try OutputWriter(output: output, root: root.appendingPathComponent("site")).begin()
        session.abandon()
        #expect(Self.tree(output) == oldSite)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Out.motcua-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
