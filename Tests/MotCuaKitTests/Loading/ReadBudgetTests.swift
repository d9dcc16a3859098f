import Foundation
import Testing
@testable import MotCuaKit

/// A limit may stop a file, never without a located error that names it; and a province's catalog is within it.
@Suite struct ReadBudgetTests {
    @Test("a catalog file of 20,000 procedures is read whole")
    func provinceCatalogFits() throws {
        let site = try TempSite(copying: nil)
        var text = "linh_vuc: Hộ tịch\nthu_tuc:\n"
        for i in 0..<20_000 {
            text += "  - ma: \"9.\(i)\"\n    ten: Thủ tục số \(i)\n    muc_do: thong-tin\n    doi_tuong: [Công dân Việt Nam]\n"
            text += "    cach_thuc:\n      - hinh_thuc: truc-tiep\n        thoi_han: 5 ngày\n        le_phi: 0\n"
        }
        try site.write("Content/thu-tuc/ho-tich.yml", text)
        var diagnostics = Diagnostics()
        let field = try #require(ContentLoader(root: site.root, includeDrafts: false).loadField("Content/thu-tuc/ho-tich.yml", &diagnostics))
        #expect(field.procedures.count == 20_000)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.prefix(3))")
    }

    @Test("aliases that expand past the limit stop the file with one error where it stopped")
    func expansionPastTheLimitIsAnError() throws {
        // Seven levels of ten: ten million values once expanded.
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 { text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let reader = YAMLReader(path: "Content/thu-tuc/bom.yml")
        let root = try #require(reader.parse(text))
        func walk(_ node: YAMLNode) -> Bool {
            switch node {
            case .scalar: return reader.string(node, key: "x") != nil
            case .sequence: return (reader.sequence(node, key: "x") ?? []).allSatisfy(walk)
            case .mapping(let m): return m.allSatisfy { walk($0.value) }
            }
        }
        #expect(!walk(root))
        let errors = reader.diagnostics.all.filter { $0.id == .yamlTooLarge }
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 1, "\(errors)")
        #expect(errors.first?.message.contains("5.000.000") == true, "\(errors)")
    }
}
