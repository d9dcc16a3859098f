import Foundation
import MotCuaKit
import Testing

@Suite("motcua new")
struct SiteScaffoldTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("motcua-new-\(UUID().uuidString)")
    }

    @Test("a new site builds at once, without errors or warnings")
    func newSiteBuilds() throws {
        let root = temporaryFolder().appendingPathComponent("xa-binh-minh")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let files = try SiteScaffold(root: root, communeName: "Xã Bình Minh").create()
        #expect(files.contains("Content/site.yml"))
        #expect(files.contains("Theme/templates/layout.mustache"))
        let report = BuildAction(options: .init(root: root)).run()
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.description)) \(report.failure ?? "")")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.sorted.map(\.description))")
        let home = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("Ủy ban nhân dân xã Bình Minh"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/bieu-mau/phieu-yeu-cau-chung-thuc.docx").path))
        let siteYML = try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(siteYML.contains("(điền"))
    }

    @Test("a name with YAML's own characters still builds", arguments: ["Xã An: Phú", "Xã \"Bình\" # Minh", "Xã Tân Lập - Khu 1: Thôn #2"])
    func nameWithYAMLCharacters(name: String) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteScaffold(root: root, communeName: name).create()
        let report = BuildAction(options: .init(root: root)).run()
        #expect(report.succeeded, "\(report.diagnostics.sorted.map(\.description)) \(report.failure ?? "")")
        let home = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        let shown = name.dropFirst(3).replacingOccurrences(of: "\"", with: "&quot;")
        #expect(home.contains(shown), "\(shown)")
    }

    @Test("without a name the placeholder is marked")
    func placeholderName() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try SiteScaffold(root: root).create()
        #expect(try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
            .contains("ten: \"Ủy ban nhân dân xã (điền tên xã)\""))
        #expect(BuildAction(options: .init(root: root)).run().succeeded)
    }

    @Test("every YAML file of a new site or province names its JSON Schema, written beside Content/",
          arguments: [nil, "Thành phố Hải Phòng"])
    func yamlFilesNameTheirSchema(province: String?) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try SiteScaffold(root: root, provinceName: province).create()
        #expect(files.contains("Content/tinh.yml") == (province != nil))
        for kind in ContentFileKind.all {
            #expect(files.contains("schema/\(kind.schemaFileName)"))
        }
        let yamlFiles = files.filter { $0.hasSuffix(".yml") }
        #expect(!yamlFiles.isEmpty)
        for path in yamlFiles {
            let url = root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let first = try #require(text.split(separator: "\n").first)
            let prefix = "# yaml-language-server: $schema="
            #expect(first.hasPrefix(prefix), "\(path)")
            let schema = url.deletingLastPathComponent().appendingPathComponent(String(first.dropFirst(prefix.count))).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: schema.path), "\(path) names \(schema.path)")
            // The schema of its kind: a commune's site.yml is a site.yml.
            let kind = path.hasSuffix("/site.yml") ? "site" : ContentFileKind.all.first { fnmatch($0.files, path, FNM_PATHNAME) == 0 }?.id
            #expect(schema.lastPathComponent == "\(kind ?? "?").schema.json", "\(path) names \(schema.lastPathComponent)")
        }
    }

    @Test("a folder that holds anything is refused, and left alone")
    func refusesNonEmpty() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("ghi-chu.txt"))
        #expect(throws: SiteScaffold.Failure.self) { try SiteScaffold(root: root).create() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["ghi-chu.txt"])
    }

    @Test("the theme inside the binary is the repository's Theme/ (run `python3 scripts/embed-theme.py` after changing it)")
    func embeddedThemeIsCurrent() throws {
        let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Theme")
        var onDisk: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: theme.path))
        while let item = enumerator.nextObject() as? String {
            let url = theme.appendingPathComponent(item)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                  !item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            onDisk[item] = try Data(contentsOf: url)
        }
        let embedded = Dictionary(uniqueKeysWithValues: SiteScaffold.embeddedTheme.map { ($0.path, $0.data) })
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run `python3 scripts/embed-theme.py`")
        for (path, data) in onDisk where embedded[path] != data {
            Issue.record("Theme/\(path) differs from the embedded copy: run `python3 scripts/embed-theme.py`")
        }
    }
}
