import Foundation
import Testing

/// Nothing is lost: a killed build, an unwritable place or a huge file never costs the previous output.
@Suite(.serialized) struct ReliabilityTests {
    let cli = CommandTests()

    /// Every file of the output folder with its bytes, to compare whole trees.
    func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder.path)
        while let item = e?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(item).path) { result[item] = data }
        }
        return result
    }

    @Test func killingTheBuildAtAnyMomentLeavesThePreviousOutputWhole() throws {
        let root = try cli.sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try cli.motcua(["build", "--root", root.path, "--quiet", "--date", "2026-11-20"])
        #expect(first.status == 0, "\(first)")
        let output = root.appendingPathComponent("Output")
        let before = snapshot(output)
        #expect(before.count > 50)
        // Change the content so a finished build would differ, then kill builds at spread-out moments.
        let guide = root.appendingPathComponent("Content/huong-dan/tra-cuu-ho-so.md")
        try (try String(contentsOf: guide, encoding: .utf8) + "\nDòng mới.\n").write(to: guide, atomically: true, encoding: .utf8)
        var killedMidway = 0
        for delay in stride(from: 0.0, through: 0.3, by: 0.02) {
            let process = Process()
            process.executableURL = CommandTests.binary
            process.arguments = ["build", "--root", root.path, "--quiet", "--date", "2026-11-20"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = snapshot(output)
            if wasRunning && process.terminationReason == .uncaughtSignal {
                killedMidway += 1
                // Either the old site or (if the swap had happened) the new one, never a mix or nothing.
                let isOld = now == before
                let isNew = now["huong-dan/tra-cuu-ho-so/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Dòng mới.") } ?? false
                #expect(isOld || isNew, "delay \(delay)")
                #expect(now["index.html"] != nil && now[".motcua-output"] != nil)
            }
            if now != before { break }
        }
        #expect(killedMidway > 0)
        // A later build cleans up what killed builds left beside the output.
        let last = try cli.motcua(["build", "--root", root.path, "--quiet"])
        #expect(last.status == 0, "\(last)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("motcua-new") }
        #expect(leftovers.isEmpty)
    }

    /// Mounts a tmpfs of `size` on `folder` (root only); false when the machine does not allow it.
    static func mountTmpfs(_ folder: URL, size: String) -> Bool {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return false }
        mount.waitUntilExit()
        return mount.terminationStatus == 0
    }

    static func unmount(_ folder: URL) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder.path]
        try? umount.run()
        umount.waitUntilExit()
    }

    /// Whether this machine lets the tests mount a tmpfs: tried once on a throwaway folder. Root here and in CI.
    static let canMountTmpfs: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-mount-probe-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mountTmpfs(probe, size: "1m") else { return false }
        unmount(probe)
        return true
    }()

    /// The output is a mount point (a USB stick's root; here a tmpfs the test mounts). It cannot be renamed, so
    /// the new site is staged and swapped inside it: nothing appears beside it, nothing of ours stays in it, and a
    /// build that fails, or is killed at any moment, leaves the whole old or the whole new site (once the next
    /// build has recovered what a kill interrupted).
    @Test(.enabled(if: ReliabilityTests.canMountTmpfs, "mounting a tmpfs needs root (CI runs as root)"))
    func anOutputOnAMountPointIsReplacedInsideIt() throws {
        let fm = FileManager.default
        let place = fm.temporaryDirectory.appendingPathComponent("motcua-usb-\(UUID().uuidString)")
        let stick = place.appendingPathComponent("USB")
        try fm.createDirectory(at: stick, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: place) }
        guard Self.mountTmpfs(stick, size: "64m") else {
            Issue.record("mounting a tmpfs on \(stick.path) failed although the probe mount worked")
            return
        }
        defer { Self.unmount(stick) }
        let oldRoot = try cli.sampleSite(), newRoot = try cli.sampleSite(), brokenRoot = try cli.sampleSite()
        defer { for root in [oldRoot, newRoot, brokenRoot] { try? fm.removeItem(at: root) } }
        let guide = newRoot.appendingPathComponent("Content/huong-dan/tra-cuu-ho-so.md")
        try (try String(contentsOf: guide, encoding: .utf8) + "\nDòng mới.\n").write(to: guide, atomically: true, encoding: .utf8)
        let catalog = brokenRoot.appendingPathComponent("Content/thu-tuc/ho-tich.yml")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        try text.replacingOccurrences(of: "    ten: Đăng ký khai sinh\n", with: "    tne: Đăng ký khai sinh\n").write(to: catalog, atomically: true, encoding: .utf8)
        func build(_ root: URL, into output: URL) throws -> CommandTests.Run {
            try cli.motcua(["build", "--root", root.path, "--output", output.path, "--quiet", "--date", "2026-11-20"])
        }
        /// Nothing beside the mount point, and none of the swap's own folders inside it.
        func expectClean(_ moment: String) throws {
            #expect(try fm.contentsOfDirectory(atPath: place.path) == ["USB"], "\(moment)")
            let ours = try fm.contentsOfDirectory(atPath: stick.path).filter { $0.hasPrefix(".motcua-") && $0 != ".motcua-output" }
            #expect(ours.isEmpty, "\(moment): \(ours)")
        }
        // The new site as an ordinary build makes it, to compare with.
        let reference = try build(newRoot, into: newRoot.appendingPathComponent("Output"))
        #expect(reference.status == 0, "\(reference)")
        let newSite = snapshot(newRoot.appendingPathComponent("Output"))

        let first = try build(oldRoot, into: stick)
        #expect(first.status == 0, "\(first)")
        let oldSite = snapshot(stick)
        #expect(oldSite.count > 50 && oldSite != newSite)
        try expectClean("first build")
        let started = Date()
        let second = try build(newRoot, into: stick)
        let buildTime = Date().timeIntervalSince(started)
        #expect(second.status == 0, "\(second)")
        #expect(snapshot(stick) == newSite)
        try expectClean("second build")

        // A build with a content error changes nothing.
        let failed = try build(brokenRoot, into: stick)
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.contains("thư mục xuất cũ được giữ nguyên"), "\(failed)")
        #expect(snapshot(stick) == newSite)
        try expectClean("failed build")

        // Builds of the new site killed at moments spread over a whole build, each from the old site. After each,
        // a build that fails on its content runs the recovery and changes nothing else.
        var killedMidway = 0
        var outcomes: Set<String> = []
        for step in 0...15 {
            if snapshot(stick) != oldSite {
                let reset = try build(oldRoot, into: stick)
                #expect(reset.status == 0, "\(reset)")
            }
            let delay = buildTime * Double(step) / 12
            let process = Process()
            process.executableURL = CommandTests.binary
            process.arguments = ["build", "--root", newRoot.path, "--output", stick.path, "--quiet", "--date", "2026-11-20"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if wasRunning && process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            #expect(try fm.contentsOfDirectory(atPath: place.path) == ["USB"], "delay \(delay)")
            let next = try build(brokenRoot, into: stick)
            #expect(next.status == 1, "delay \(delay): \(next)")
            let now = snapshot(stick)
            #expect(now == oldSite || now == newSite, "delay \(delay): neither the whole old nor the whole new site")
            outcomes.insert(now == oldSite ? "cũ" : now == newSite ? "mới" : "lẫn")
            try expectClean("delay \(delay)")
        }
        #expect(killedMidway > 0)

        // The swap itself is short, so a kill at a set moment seldom lands in it: here the build is killed as soon
        // as its moving folder (step 1) or its old folder (step 2) appears, until such kills have left at least
        // two swaps half done for the recovery to finish or undo.
        var halfDone: [String] = []
        for attempt in 0..<40 where halfDone.count < 2 {
            if snapshot(stick) != oldSite {
                let reset = try build(oldRoot, into: stick)
                #expect(reset.status == 0, "\(reset)")
            }
            let process = Process()
            process.executableURL = CommandTests.binary
            process.arguments = ["build", "--root", newRoot.path, "--output", stick.path, "--quiet", "--date", "2026-11-20"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let folder = stick.appendingPathComponent(".motcua-\(attempt % 2 == 0 ? "moving" : "old")-\(process.processIdentifier)").path
            while process.isRunning && access(folder, F_OK) != 0 {}
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let left = try fm.contentsOfDirectory(atPath: stick.path).filter { $0.hasPrefix(".motcua-moving-") || $0.hasPrefix(".motcua-old-") }
            halfDone += left.map { String($0.split(separator: "-")[1]) }
            let next = try build(brokenRoot, into: stick)
            #expect(next.status == 1, "\(left): \(next)")
            let now = snapshot(stick)
            #expect(now == oldSite || now == newSite, "\(left): neither the whole old nor the whole new site")
            outcomes.insert(now == oldSite ? "cũ" : now == newSite ? "mới" : "lẫn")
            try expectClean("after \(left)")
        }
        #expect(!halfDone.isEmpty, "no kill landed inside a swap")
        print("mount point: build \(String(format: "%.2f", buildTime)) s, \(killedMidway) killed midway, swaps left half done: \(halfDone), outcomes \(outcomes.sorted())")
    }

    @Test func anOutputThatCannotBeCreatedIsAClearErrorAndNothingElseChanges() throws {
        let root = try cli.sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("tep-thuong")
        try "không phải thư mục".write(to: blocker, atomically: true, encoding: .utf8)
        let run = try cli.motcua(["build", "--root", root.path, "--output", blocker.appendingPathComponent("Output").path])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("motcua: lỗi:"), "\(run)")
        #expect(!run.stderr.contains("Fatal error"), "\(run)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "không phải thư mục")
    }

    /// A full disk, simulated with a 1 MB tmpfs when the machine allows mounting (root in CI does).
    @Test func aFullDiskLeavesThePreviousOutputWhole() throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=600k", "tmpfs", mountPoint.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            print("skipping the full-disk case: cannot mount tmpfs here")
            return
        }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        // A tiny site that fits, then the full sample site that does not.
        let small = mountPoint.appendingPathComponent("Output")
        let root = try cli.sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try "cũ".write(to: small.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "".write(to: small.appendingPathComponent(".motcua-output"), atomically: true, encoding: .utf8)
        let before = snapshot(small)
        let run = try cli.motcua(["build", "--root", root.path, "--output", small.path])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("motcua: lỗi:"), "\(run)")
        #expect(snapshot(small) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).filter { $0 != "Output" }
        #expect(leftovers.isEmpty)
    }

    @Test func aTwentyMegabyteMarkdownFileBuildsWithBoundedMemory() throws {
        let root = try cli.sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        var body = "---\ntieu_de: Tệp rất lớn\n---\n"
        let paragraph = "## Mục\n\nĐây là một đoạn văn bản tiếng Việt khá dài để làm tệp lớn, có **chữ đậm** và [liên kết](https://dichvucong.gov.vn).\n\n- một\n- hai\n\n"
        body.reserveCapacity(21_000_000)
        while body.utf8.count < 20_000_000 { body += paragraph }
        try body.write(to: root.appendingPathComponent("Content/huong-dan/rat-lon.md"), atomically: true, encoding: .utf8)
        let run = try cli.motcua(["build", "--root", root.path, "--quiet"])
        #expect(run.status == 0, "\(run)")
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        // ru_maxrss is in kilobytes on Linux; the largest child so far must stay well under 1.5 GB.
        #expect(usage.ru_maxrss < 1_500_000, "peak \(usage.ru_maxrss / 1024) MB")
    }

    /// Peak resident memory of one run of the command, in kilobytes (GNU time's %M).
    func peakKilobytes(_ arguments: [String]) throws -> (run: CommandTests.Run, kilobytes: Int) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", report.path, CommandTests.binary.path] + arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = CommandTests.Run(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, stdout: "",
                                   stderr: String(decoding: errData, as: UTF8.self))
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        return (run, Int(text.split(separator: "\n").last.map(String.init) ?? "") ?? -1)
    }

    @Test func aProcedureWithTwoLargeFormsBuildsWithBoundedMemory() throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"))
        let root = try cli.sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = root.appendingPathComponent("Content/thu-tuc/ho-tich.yml")
        let text = try String(contentsOf: catalog, encoding: .utf8)
        let anchor = "      - ten: Giấy chứng sinh do cơ sở y tế cấp\n"
        #expect(text.contains(anchor))
        try text.replacingOccurrences(of: anchor, with: "      - ten: Tờ khai đăng ký kết hôn\n        bieu_mau: to-khai-dang-ky-ket-hon.docx\n" + anchor)
            .write(to: catalog, atomically: true, encoding: .utf8)
        // Two 200 MB forms made in no time: holes, read as zeros.
        let size = 200 << 20
        for name in ["to-khai-dang-ky-khai-sinh.docx", "to-khai-dang-ky-ket-hon.docx"] {
            let fd = open(root.appendingPathComponent("Content/bieu-mau/" + name).path, O_WRONLY | O_TRUNC)
            #expect(fd >= 0)
            #expect(ftruncate(fd, off_t(size)) == 0)
            close(fd)
        }
        // The first build writes everything; the second compares with the old output and links.
        for pass in ["first", "second"] {
            let (run, kilobytes) = try peakKilobytes(["build", "--root", root.path, "--quiet"])
            #expect(run.status == 0, "\(run)")
            // The forms are 200 MB each and the bundle 400 MB: a build that held any of them whole would be far above.
            #expect(kilobytes > 0 && kilobytes < 150_000, "\(pass) build: peak \(kilobytes / 1024) MB")
        }
        let zip = root.appendingPathComponent("Output/bieu-mau/dang-ky-khai-sinh.zip")
        let attributes = try FileManager.default.attributesOfItem(atPath: zip.path)
        let names = ["to-khai-dang-ky-khai-sinh.docx", "to-khai-dang-ky-ket-hon.docx"]
        #expect(attributes[.size] as? Int == 22 + names.reduce(0) { $0 + 76 + 2 * $1.utf8.count + size })
    }
}
