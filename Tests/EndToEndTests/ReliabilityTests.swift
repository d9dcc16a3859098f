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
