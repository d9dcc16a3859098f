import Foundation
import Testing
@testable import MotCuaKit

/// The schema table is the one declaration of the content keys: these tests hold the loader, the committed
/// JSON Schema files and the editors' guide's key tables to it.
@Suite struct SchemaTests {
    static let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regenerate = "run `motcua schema --out docs/schema --docs docs/huong-dan-noi-dung.md` (or `swift run motcua schema …`) and commit the result"

    /// Every schema reachable from the file kinds, nested ones included, each once.
    static var allSchemas: [ContentSchema] {
        var result: [ContentSchema] = []
        var seen: Set<String> = []
        func visit(_ schema: ContentSchema) {
            guard seen.insert(schema.id).inserted else { return }
            result.append(schema)
            for key in schema.keys { SchemaKeyTable.nestedSchemas(key.type).forEach(visit) }
        }
        ContentFileKind.all.forEach { visit($0.schema) }
        return result
    }

    // MARK: - The loader reads exactly the declared keys

    @Test func loaderReadsEveryDeclaredKeyAndNoOther() throws {
        let site = try TempSite()
        try site.write("Content/site.yml", Self.exampleFile(.site))
        try site.write("Content/thu-tuc/vi-du.yml", Self.exampleFile(.field))
        try site.write("Content/huong-dan/vi-du.md", Self.frontMatter(.guide))
        try site.write("Content/thong-bao/vi-du.md", Self.frontMatter(.announcement))
        try site.write("Content/trang/vi-du.md", Self.frontMatter(.page))
        try site.write("Content/viet-tat.yml", Self.exampleFile(.abbreviations))
        let (loaded, diagnostics) = ContentLoader(root: site.root, includeDrafts: true).load()
        #expect(diagnostics.errorCount == 0, "\(diagnostics.lines)")
        let content = try #require(loaded)
        // The example values land in the model.
        #expect(content.config.radioSyllablesPerMinute == 180)
        #expect(content.config.spokenNames["dichvucong.gov.vn"] == "Cổng Dịch vụ công quốc gia")
        let procedure = try #require(content.fields.first?.procedures.first)
        #expect(procedure.code.value == "1.001193")
        #expect(procedure.documentGroups.count == 2, "loose documents, then the group")
        #expect(procedure.legalBasis.count == 2)
        #expect(content.announcements.first?.broadcast?.priority == .emergency)
        #expect(content.guides.first?.group == "dang-ky")
        #expect(content.abbreviations["BPMC"]?.value == "Bộ phận một cửa")
        try loadProvinceWithEveryKey()

        #if DEBUG
        let read = SchemaReads.shared.keysRead
        let unread = Self.allSchemas.flatMap { schema in schema.keys.map { schema.id + " " + $0.name } }.filter { !read.contains($0) }
        #expect(unread.isEmpty, "declared in the schema table but never read by the loader: \(unread)")
        #expect(SchemaReads.shared.undeclaredReads.isEmpty,
                "the loader reads keys the schema table does not declare: \(SchemaReads.shared.undeclaredReads.sorted())")
        #endif
    }

    /// A province's own files, tinh.yml and a commune's thu-tuc/, each holding every key of its schema: part of
    /// the test above, which counts the keys read once every kind of file is loaded.
    func loadProvinceWithEveryKey() throws {
        let site = try TempSite()
        try site.write("Content/tinh.yml", Self.exampleFile(.province))
        try site.write("Content/thu-tuc/vi-du.yml", Self.exampleFile(.field))
        try site.write("Content/xa/vi-du/site.yml", "ten: Ủy ban nhân dân xã An Phú\n")
        // A change of every changeable key (with `khong_ap_dung`), then a procedure of the commune's own: the
        // example's code is the catalog's, so the own one takes another.
        var changes = Self.exampleFile(.catalogChanges)
        let code = try #require(changes.range(of: "ma: \"1.001193\"", options: .backwards))
        changes.replaceSubrange(code, with: "ma: \"9.999001\"")
        #expect(changes.contains("khong_ap_dung: true") && changes.contains("ma: \"1.001193\""), "\(changes)")
        try site.write("Content/xa/vi-du/thu-tuc/vi-du.yml", changes)
        let loader = ContentLoader(root: site.root, includeDrafts: true)
        let (loaded, diagnostics) = loader.loadProvince()
        #expect(diagnostics.errorCount == 0, "\(diagnostics.lines)")
        let province = try #require(loaded)
        #expect(province.config.name == "Thành phố Hải Phòng")
        #expect(province.config.spokenNames["dichvucong.gov.vn"] == "Cổng Dịch vụ công quốc gia", "tinh.yml holds a site.yml's keys")
        #expect(province.communes == ["vi-du"])
        let (commune, communeDiagnostics) = loader.loadCommune("vi-du", of: province)
        #expect(communeDiagnostics.errorCount == 0, "\(communeDiagnostics.lines)")
        let codes = try #require(commune).fields.flatMap(\.procedures).map(\.code.value)
        #expect(codes == ["9.999001"], "the shared procedure is left out, the commune's own is added")
        #expect(commune?.config.province == "Thành phố Hải Phòng")
        #expect(commune?.config.spokenNames["dichvucong.gov.vn"] == "Cổng Dịch vụ công quốc gia", "inherited from tinh.yml")
        // The settings the province page reads for a commune left out of `--xa` are those its build has.
        #expect(commune?.config.baseURL?.hasSuffix("/vi-du/") == true, "\(commune?.config.baseURL ?? "")")
        var ignored = Diagnostics()
        #expect(loader.loadCommuneConfig("vi-du", of: province, &ignored)?.baseURL == commune?.config.baseURL)
    }

    @Test func aMisspeltKeyIsReportedWithTheSchemasSuggestion() throws {
        let site = try TempSite()
        try site.write("Content/site.yml", Self.exampleFile(.site).replacingOccurrences(of: "\ntinh:", with: "\ntinhh:"))
        let (_, diagnostics) = ContentLoader(root: site.root, includeDrafts: true).load()
        #expect(diagnostics.lines.contains { $0.contains("khóa không xác định `tinhh` trong site.yml; có phải ý bạn là `tinh`?") },
                "\(diagnostics.lines)")
    }

    // MARK: - The table itself

    @Test func everyKeyHasADescriptionAndAnExample() {
        for schema in Self.allSchemas {
            for key in schema.keys + [schema.freeKeys].compactMap({ $0 }) {
                #expect(!key.description.isEmpty, "\(schema.id) \(key.name)")
                #expect(key.description == VietnameseText.nfc(key.description), "\(schema.id) \(key.name): not NFC")
                if key.example == nil {
                    #expect(!SchemaKeyTable.nestedSchemas(key.type).isEmpty, "\(schema.id) \(key.name) has no example")
                }
            }
        }
    }

    /// Every phrase the portal prints is read as its value, in capitals or without diacritics too, and names
    /// one value only.
    @Test func portalWordingIsReadAsItsValue() {
        for (value, phrases) in SchemaKey.portalWording {
            let allowed = Self.allSchemas.flatMap(\.keys).compactMap { key -> [String]? in
                switch key.type {
                case .choice(let values), .list(.choice(let values), _): return values.contains(value) ? values : nil
                default: return nil
                }
            }.first
            #expect(allowed != nil, "\(value) is no declared choice")
            for phrase in phrases {
                #expect(YAMLReader.chosen(phrase, allowed: allowed ?? []) == value, "\(phrase)")
                #expect(YAMLReader.chosen(phrase.uppercased(), allowed: allowed ?? []) == value, "\(phrase)")
                #expect(YAMLReader.chosen(VietnameseText.fold(phrase), allowed: allowed ?? []) == value, "\(phrase)")
            }
        }
    }

    @Test func spellingsAreWhatTheLoaderFoldsToTheirValues() {
        for (value, spelled) in SchemaKey.spellings {
            #expect(VietnameseText.slug(spelled) == value, "\(spelled)")
        }
    }

    // MARK: - Files made from the table

    @Test func committedJSONSchemasAreCurrent() throws {
        for file in JSONSchemaWriter.files() {
            let path = "docs/schema/\(file.name)"
            let committed = try? String(contentsOf: Self.repo.appendingPathComponent(path), encoding: .utf8)
            #expect(committed == file.text, "\(path) differs from the schema table; \(Self.regenerate)")
        }
    }

    @Test func generatedJSONSchemasParse() throws {
        for file in JSONSchemaWriter.files() {
            let object = try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any]
            #expect(object?["$schema"] as? String == JSONSchemaWriter.dialect, "\(file.name)")
        }
    }

    @Test func guideKeyTablesAreCurrent() throws {
        let path = "docs/huong-dan-noi-dung.md"
        let guide = try String(contentsOf: Self.repo.appendingPathComponent(path), encoding: .utf8)
        let rewritten = try SchemaKeyTable.rewrite(guide)
        #expect(rewritten == guide, "the key tables in \(path) differ from the schema table; \(Self.regenerate)")
    }

    // MARK: - Example files made from the table

    /// A YAML file holding every key of a schema, with the table's example values.
    static func exampleFile(_ schema: ContentSchema) -> String {
        lines(schema, indent: "").joined(separator: "\n") + "\n"
    }

    static func frontMatter(_ schema: ContentSchema) -> String {
        "---\n" + exampleFile(schema) + "---\n\nNội dung.\n"
    }

    static func lines(_ schema: ContentSchema, indent: String) -> [String] {
        if let free = schema.freeKeys { return [indent + free.example!] }
        return schema.keys.flatMap { lines($0, indent: indent) }
    }

    static func lines(_ key: SchemaKey, indent: String) -> [String] {
        switch key.type {
        case .object(let schema):
            return [indent + key.name + ":"] + lines(schema, indent: indent + "  ")
        case .mapping:
            return [indent + key.name + ":", indent + "  " + key.example!]
        case .list(let item, _) where key.example == nil:
            return [indent + key.name + ":"] + items(item, indent: indent + "  ", scalar: nil)
        case .anyOf(let alternatives):
            // A value written as text or as a list of mappings (`le_phi`, `ket_qua`): the list, so its keys are read.
            for case .list(let item, _) in alternatives where !SchemaKeyTable.nestedSchemas(item).isEmpty {
                return [indent + key.name + ":"] + items(item, indent: indent + "  ", scalar: nil)
            }
            return [indent + key.name + ": " + key.example!]
        default:
            return [indent + key.name + ": " + key.example!]
        }
    }

    /// List items: one for each shape an item may take. A scalar item stands for its mapping's first
    /// required key (a document written as its name, a legal text as its number).
    static func items(_ type: SchemaKey.ValueType, indent: String, scalar: String?) -> [String] {
        switch type {
        case .object(let schema):
            var inner = lines(schema, indent: indent + "  ")
            inner[0] = indent + "- " + inner[0].dropFirst(indent.count + 2)
            return inner
        case .anyOf(let alternatives):
            let name = alternatives.lazy.compactMap { alternative -> String? in
                guard case .object(let schema) = alternative else { return nil }
                return schema.keys.first(where: \.required)?.example
            }.first
            return alternatives.flatMap { items($0, indent: indent, scalar: name) }
        default:
            return [indent + "- " + (scalar ?? "…")]
        }
    }
}
