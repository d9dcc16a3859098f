import Foundation
import Testing

/// Runs the built `motcua` binary as an editor would, on a temporary copy of the repository's Content/.
@Suite(.serialized) struct CommandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["MOTCUA_BIN"] { return URL(fileURLWithPath: path) }
        return repo.appendingPathComponent(".build/debug/motcua")
    }

    struct Run: CustomStringConvertible {
        var status: Int32
        /// True when the process died of a signal (a crash); `status` is then the signal's number.
        var signaled: Bool
        var stdout: String
        var stderr: String

        /// What a failed expectation shows, so a CI log says why a run went wrong, not only that it did.
        var description: String {
            "\(signaled ? "killed by signal" : "exit") \(status)\nstdout: \(stdout.suffix(800))\nstderr: \(stderr.suffix(1500))"
        }
    }

    @discardableResult
    func motcua(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the sample site (Content/ and Theme/) in a temporary folder.
    func sampleSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: Self.repo.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    func read(_ url: URL, _ path: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func buildsTheSampleSite() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the CLI first: swift build --product motcua")
        let root = try sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try motcua(["build", "--date", "2026-11-20"], in: root)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Đã tạo"), "\(run)")
        let home = try #require(read(root, "Output/index.html"))
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("Ủy ban nhân dân xã An Phú"))
        let birth = try #require(read(root, "Output/thu-tuc/dang-ky-khai-sinh/index.html"))
        #expect(birth.contains("Nộp hồ sơ trực tuyến"))
        #expect(birth.contains("Miễn lệ phí"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/404.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/sitemap.xml").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/robots.txt").path))
        // Every internal link is relative: nothing starts at the host root.
        #expect(!home.contains("href=\"/"))
        #expect(!home.contains("src=\"/"))
    }

    @Test func contentErrorsExitOneAndKeepThePreviousOutput() throws {
        let root = try sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try motcua(["build", "--root", root.path, "--quiet"])
        #expect(first.status == 0, "\(first)")
        let before = read(root, "Output/index.html")
        let catalog = root.appendingPathComponent("Content/thu-tuc/ho-tich.yml")
        var text = try String(contentsOf: catalog, encoding: .utf8)
        text = text.replacingOccurrences(of: "    ten: Đăng ký khai sinh\n", with: "    tne: Đăng ký khai sinh\n")
        try text.write(to: catalog, atomically: true, encoding: .utf8)
        let run = try motcua(["build", "--root", root.path])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("Content/thu-tuc/ho-tich.yml:"), "\(run)")
        #expect(run.stderr.contains("error: khóa không xác định `tne`"), "\(run)")
        #expect(run.stderr.contains("có phải ý bạn là `ten`?"), "\(run)")
        #expect(read(root, "Output/index.html") == before)
    }

    /// Pages a rebuild drops are named, also with --quiet: their addresses were shared and printed.
    @Test func aRebuildThatDropsPagesSaysWhich() throws {
        let root = try sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try motcua(["build", "--root", root.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/thong-bao/2026-10-15-cap-can-cuoc-luu-dong.md"))
        let run = try motcua(["build", "--root", root.path, "--quiet"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("motcua: cảnh báo: 1 trang của lần đăng trước không còn nữa (/thong-bao/2026-10-15-cap-can-cuoc-luu-dong/)"), "\(run)")
        // The fix is said with it: keep the address, or send it on to the new one.
        #expect(run.stderr.contains("hoặc ghi địa chỉ cũ vào `dia_chi_cu:` của trang"), "\(run)")
        let again = try motcua(["build", "--root", root.path, "--quiet"])
        #expect(again.stderr.isEmpty, "\(again)")
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["build", "--no-such-flag"], ["build", "--date", "2026-02-30"]] {
            let run = try motcua(arguments)
            #expect(run.status == 2, "\(arguments): \(run)")
        }
    }

    @Test func refusesToReplaceAFolderItDidNotCreate() throws {
        let root = try sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let userFolder = root.appendingPathComponent("Tai lieu")
        try FileManager.default.createDirectory(at: userFolder, withIntermediateDirectories: true)
        try "quan trọng".write(to: userFolder.appendingPathComponent("ghi-chu.txt"), atomically: true, encoding: .utf8)
        for output in [userFolder.path, root.appendingPathComponent("Content").path, root.path] {
            let run = try motcua(["build", "--root", root.path, "--output", output])
            #expect(run.status == 1, "\(output): \(run)")
            #expect(run.stderr.contains("motcua: lỗi:"), "\(output): \(run)")
        }
        #expect(read(userFolder, "ghi-chu.txt") == "quan trọng")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/site.yml").path))
    }

    /// `motcua new --tinh` writes a province of two communes that builds at once with no error and no warning:
    /// each commune's site, the province's page, and the first commune's change to the shared catalog.
    @Test func aNewProvinceBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try motcua(["new", root.path, "--tinh", "Thành phố Hải Phòng"])
        #expect(made.status == 0, "\(made)")
        #expect(made.stdout.contains("Content/xa/an-phu/, Content/xa/tien-lang/"), "\(made)")
        let run = try motcua(["build", "--root", root.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "no error and no warning: \(run)")
        #expect(run.stdout.contains("Đã tạo 2 xã"), "\(run)")
        let province = try #require(read(root, "Output/index.html"))
        #expect(province.contains("Thành phố Hải Phòng"))
        for (slug, name) in [("an-phu", "xã An Phú"), ("tien-lang", "xã Tiên Lãng")] {
            #expect(province.contains("href=\"\(slug)/index.html\""), "\(slug)")
            let home = try #require(read(root, "Output/\(slug)/index.html"), "\(slug)")
            #expect(home.contains("Ủy ban nhân dân \(name)"), "\(slug)")
            #expect(read(root, "Output/\(slug)/thong-bao/2026-01-05-khai-truong-trang/index.html") != nil, "\(slug)")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/\(slug)/bieu-mau/phieu-yeu-cau-chung-thuc.docx").path))
        }
        // The shared procedure, as each commune does it: An Phú takes applications online (its change file).
        let page = "thu-tuc/chung-thuc-giao-dich-lien-quan-den-tai-san-la-dong-san-quyen-su-dung-dat-nha-o/index.html"
        let anPhu = try #require(read(root, "Output/an-phu/" + page))
        let tienLang = try #require(read(root, "Output/tien-lang/" + page))
        #expect(anPhu.contains("Trung tâm Phục vụ hành chính công xã An Phú"))
        #expect(anPhu.contains("ma_thu_tuc=2.001035"))
        #expect(tienLang.contains("Trung tâm Phục vụ hành chính công cấp xã"))
        #expect(!tienLang.contains("ma_thu_tuc=2.001035"))
        #expect(anPhu.contains("Một phần") && !tienLang.contains("Một phần"))
        #expect(run.stdout.contains("an-phu: Ủy ban nhân dân xã An Phú") && run.stdout.contains("1 một phần"), "\(run)")
        // --ten names one commune's site; a province's communes are named in their own site.yml.
        let both = try motcua(["new", root.appendingPathComponent("khac").path, "--tinh", "Thành phố Hải Phòng", "--ten", "Xã An Phú"])
        #expect(both.status == 2, "\(both)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("khac").path))
    }

    /// The province of the editors' guide, section 17 (Tests/quality/fixtures/province, also checked against the
    /// JSON Schemas by check_schemas.py): its examples build with no error and no warning, and each does what the
    /// guide says. `--xa` builds one commune and keeps the other's folder.
    @Test func theGuidesProvinceBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Tests/quality/fixtures/province/Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Theme"), to: root.appendingPathComponent("Theme"))
        let run = try motcua(["build", "--root", root.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "no error and no warning: \(run)")
        let housing = "thu-tuc/cho-thue-cho-thue-mua-nha-o-xa-hoi-do-nha-nuoc-dau-tu-xay-dung-bang-von-dau-tu/index.html"
        #expect(read(root, "Output/an-phu/" + housing) != nil, "the shared catalog")
        #expect(read(root, "Output/tien-lang/" + housing) == nil, "khong_ap_dung")
        let festival = try #require(read(root, "Output/tien-lang/thu-tuc/thong-bao-to-chuc-le-hoi-cap-xa/index.html"), "the commune's own procedure")
        #expect(festival.contains("Văn hóa cơ sở"))
        #expect(read(root, "Output/an-phu/thu-tuc/thong-bao-to-chuc-le-hoi-cap-xa/index.html") == nil)
        let sitemap = try #require(read(root, "Output/an-phu/sitemap.xml"))
        #expect(sitemap.contains("https://dichvucong.haiphong.gov.vn/xa/an-phu/"), "base_url: the province's plus the folder")
        let again = try motcua(["build", "--root", root.path, "--xa", "tien-lang"])
        #expect(again.status == 0 && again.stdout.contains("giữ nguyên 1 xã"), "\(again)")
        #expect(read(root, "Output/an-phu/" + housing) != nil, "the commune left out of --xa is kept")
        let unknown = try motcua(["build", "--root", root.path, "--xa", "tien-lan"])
        #expect(unknown.status == 1 && unknown.stderr.contains("có phải là `tien-lang`?"), "\(unknown)")
    }

    @Test func anUnchangedRebuildKeepsEveryFileAndItsTime() throws {
        let root = try sampleSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try motcua(["build", "--root", root.path, "--date", "2026-11-20"])
        #expect(first.status == 0, "\(first)")
        let page = root.appendingPathComponent("Output/thu-tuc/dang-ky-khai-sinh/index.html")
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 1.1)
        let run = try motcua(["build", "--root", root.path, "--date", "2026-11-20"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("mới 0, thay đổi 0"), "\(run)")
        let after = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        #expect(before == after)
    }
}
