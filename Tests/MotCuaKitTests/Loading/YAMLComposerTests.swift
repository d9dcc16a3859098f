import Foundation
import Testing
import Yams
@testable import MotCuaKit

/// The content reader builds its YAML trees from libyaml's events itself; Yams's composer stays the reference.
/// The same texts, valid and broken, must give the same tree (text, quoting, line and column of every node)
/// or the same message at the same place.
@Suite struct YAMLComposerTests {
    /// Ours, written out so two trees compare as text and a difference shows where it is.
    static func dump(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): "S\(s.mark.line):\(s.mark.column)\(s.isPlain ? "p" : "q")\(s.string.debugDescription)"
        case .sequence(let items, let mark): "Q\(mark.line):\(mark.column)[\(items.map(dump).joined(separator: ","))]"
        case .mapping(let m): "M\(m.mark.line):\(m.mark.column){\(m.map { dump($0.key) + "=" + dump($0.value) }.joined(separator: ","))}"
        }
    }

    static func dump(_ node: Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let s): return "S\(mark)\(s.style == .plain ? "p" : "q")\(s.string.debugDescription)"
        case .sequence(let items): return "Q\(mark)[\(items.map(dump).joined(separator: ","))]"
        case .mapping(let m): return "M\(mark){\(m.map { dump($0.key) + "=" + dump($0.value) }.joined(separator: ","))}"
        case .alias: return "A"
        }
    }

    enum Outcome: Equatable {
        case tree(String?)
        case error(line: Int?, column: Int?, String)
    }

    static func ours(_ text: String) -> Outcome {
        do {
            return .tree(try YAMLComposer.compose(text).map(dump))
        } catch {
            return .error(line: error.mark?.line, column: error.mark?.column, YAMLReader.describe(error))
        }
    }

    /// What the reader reported when it used Yams's composer.
    static func yams(_ text: String) -> Outcome {
        do {
            return .tree(try Yams.compose(yaml: text, .basic, .default, .utf8).map(dump))
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                var message = YAMLReader.translate(problem)
                if let context { message += " (\(YAMLReader.translate(context.text)) ở dòng \(context.mark.line))" }
                return .error(line: mark.line, column: mark.column, message)
            case let .duplicatedKeysInMapping(duplicates, context):
                return .error(line: context.mark.line, column: context.mark.column, "khóa bị lặp lại: \(duplicates.joined(separator: ", "))")
            case let .reader(problem, _, _, _):
                return .error(line: nil, column: nil, YAMLReader.translate(problem))
            default:
                return .error(line: nil, column: nil, String(describing: error))
            }
        } catch {
            return .error(line: nil, column: nil, "\(error)")
        }
    }

    static let cases = [
        "", "---\n", "a: 1\n", "a:\n", "a: ~\nb: null\nc: 'null'\nd: \"\"\n", "- a\n- b\n", "[a, b, {c: d}]",
        "tieu_de: \"Đăng ký khai sinh\"\nmo_ta: >\n  Hai dòng\n  gộp lại\nghi_chu: |\n  giữ\n  dòng\n",
        "a: &x {b: 1}\nc: *x\n", "a: &x 1\nb: &x 2\nc: *x\n", "a: *nope\n", "a: 1\na: 2\n", "b: 1\na: 1\nb: 2\na: 3\n",
        "a: 1\n---\nb: 2\n", "a: b: c\n", "a: [1, 2\n", "a: \"unclosed\n", "- a\nb: c\n", "a:\n\t- b\n", "a: \u{7}\n",
        "? [x]\n: 1\n", "%YAML 1.1\n---\na: 1\n", "a: !!str 5\n", "  a: 1\n b: 2\n", "a: 'it''s'\n", "# only a comment\n",
        "ten: Ủy ban nhân dân xã Hưng Đạo\nphat_thanh:\n  ten_goi:\n    dichvucong.gov.vn: cổng dịch vụ công\n",
        "a: 1\nb:\n  - c: 2\n    c: 3\n", "\u{FEFF}a: 1\n", "a: 1\r\nb: 2\r\n", "{a: 1, a: 2}", "-", ":", "a: |\n x\n  y\n",
    ]

    /// `<<: *name` is the one place the tree differs from Yams's (which leaves merging to its constructor).
    @Test func mergeKeysAddTheKeysNotWritten() throws {
        let text = """
        thu_tuc:
          - &khai-sinh
            ma: "1.001193"
            cap: xa
            muc_do: toan-trinh
          - <<: *khai-sinh
            ma: "1.001194"
          - <<: [*khai-sinh, {le_phi: 0}]
            muc_do: mot-phan
        """
        let root = try #require(try YAMLComposer.compose(text))
        let items = try #require(root.mapping?.first?.value.sequence)
        func keys(_ node: YAMLNode) -> [String] { node.mapping?.map { "\($0.key.scalar!.string)=\($0.value.scalar!.string)" } ?? [] }
        #expect(keys(items[1]) == ["ma=1.001194", "cap=xa", "muc_do=toan-trinh"])
        #expect(keys(items[2]) == ["muc_do=mot-phan", "ma=1.001193", "cap=xa", "le_phi=0"])
        // The merged pairs keep where they were written.
        #expect(items[1].mapping?[1].key.mark == YAMLNode.Mark(line: 4, column: 5))
        #expect(Self.ours("a: &x 1\nb:\n  <<: *x\n") == .error(line: 3, column: 3, YAMLReader.describe(YAMLSyntaxError(
            problem: "`<<` chỉ gộp được một bảng khóa đã đặt tên (viết `<<: *tên`, với `&tên` đặt trước một bảng khóa)", mark: nil, context: nil))))
    }

    @Test(arguments: cases) func sameAsYams(_ text: String) {
        let (a, b) = (Self.ours(text), Self.yams(text))
        if Self.refusedTag(a, b) { return }
        #expect(a == b, "\(text.debugDescription)")
    }

    /// The one designed difference besides merge keys: a tagged node (`! Lưu ý`, `!!str 5`) is refused, since the
    /// content format has no tags and YAML would drop an editor's leading `!` silently. Yams reads it, or stops
    /// at a problem further on (the text before the tag parsed alike).
    static func refusedTag(_ ours: Outcome, _ yams: Outcome) -> Bool {
        guard case .error(let line, _, let message) = ours,
              message == YAMLReader.describe(YAMLSyntaxError(problem: YAMLComposer.tagProblem, mark: nil, context: nil)) else { return false }
        switch yams {
        case .tree: return true
        case .error(let later, _, _): return (later ?? 0) >= (line ?? 0)
        }
    }

    @Test func aTaggedValueIsRefusedWhereItStarts() {
        #expect(Self.ours("a: !!str 5\n") == .error(line: 1, column: 4, YAMLReader.describe(YAMLSyntaxError(problem: YAMLComposer.tagProblem, mark: nil, context: nil))))
        #expect(Self.ours("a: ! Lưu ý\n") == .error(line: 1, column: 4, YAMLReader.describe(YAMLSyntaxError(problem: YAMLComposer.tagProblem, mark: nil, context: nil))))
    }

    /// The sample site's YAML, and random damage done to it (as the loader's fuzz test does), read alike.
    @Test func sameAsYamsOnDamagedContent() throws {
        let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var seeds: [[UInt8]] = []
        for path in ["Content/site.yml", "Content/viet-tat.yml", "Content/thu-tuc/ho-tich.yml"] {
            seeds.append(Array(try Data(contentsOf: repo.appendingPathComponent(path))))
        }
        let guide = try String(contentsOf: repo.appendingPathComponent("Content/thong-bao/2026-11-02-su-dung-dich-vu-cong-truc-tuyen.md"), encoding: .utf8)
        seeds.append(Array(guide.components(separatedBy: "---\n")[1].utf8))
        var rng = LoaderFuzzTests.Generator(state: 20261122)
        let fuzz = LoaderFuzzTests()
        var compared = 0, trees = 0
        for run in 0..<2_000 {
            let bytes = run < seeds.count ? seeds[run] : fuzz.mutate(seeds[run % seeds.count], &rng)
            // The reader is given Swift strings: damaged UTF-8 is refused before YAML is read.
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            let (a, b) = (Self.ours(text), Self.yams(text))
            compared += 1
            if case .tree(.some) = a { trees += 1 }
            if a == b || Self.refusedTag(a, b) { continue }
            // Known difference: a key that is itself a list or a table, repeated; Yams names it "<uncovertable>".
            if case .error(_, _, let message) = b, message.contains("<uncovertable>") { continue }
            Issue.record("\(text.debugDescription)\nours: \(a)\nyams: \(b)")
        }
        #expect(compared > 800)
        #expect(trees > 200)
    }

    /// The reader's one-pass check before parsing gives what the three separate scans it replaced gave.
    @Test func prescanAgreesWithSeparateScans() throws {
        func tab(_ text: String) -> (Int, Int)? {
            var line = 1, atLineStart = true, column = 1
            for ch in text.utf8 {
                if ch == 0x0A { line += 1; column = 1; atLineStart = true; continue }
                if atLineStart {
                    if ch == 0x09 { return (line, column) }
                    if ch != 0x20 && ch != 0x2D { atLineStart = false }
                }
                if ch & 0xC0 != 0x80 { column += 1 }
            }
            return nil
        }
        func nesting(_ text: String) -> Int? {
            var depth = 0, line = 1, quote: UInt8 = 0, atLineStart = true, indent = 0
            for ch in text.utf8 {
                if ch == 0x0A { line += 1; atLineStart = true; indent = 0; if quote == 0x27 { quote = 0 }; continue }
                if atLineStart {
                    if ch == 0x20 { indent += 1; if indent > YAMLReader.maxDepth * 8 { return line }; continue }
                    atLineStart = false
                }
                if quote != 0 { if ch == quote { quote = 0 }; continue }
                switch ch {
                case 0x22, 0x27: quote = ch
                case 0x5B, 0x7B: depth += 1; if depth > YAMLReader.maxDepth { return line }
                case 0x5D, 0x7D: depth = max(0, depth - 1)
                default: break
                }
            }
            return nil
        }
        func aliases(_ text: String) -> Int {
            var count = 0, before = UInt8(ascii: " "), afterBoundary = false
            for byte in text.utf8 {
                if afterBoundary, byte == 0x5F || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                    count += 1
                }
                afterBoundary = byte == 0x2A && [0x20, 0x5B, 0x2C, 0x0A].contains(before)
                before = byte
            }
            return count
        }
        var texts = Self.cases + [
            "a:\n  - b\n\t- c\n", "- - \tx\n", "ờ: \t1\n\tb: 2\n", String(repeating: "[", count: 70) + "\n",
            "a: '[[[[\n" + String(repeating: "{", count: 65), String(repeating: " ", count: 513) + "a: 1\n\tb\n",
            "a: *x\nb: [*y,*z]\nc: **bold**\n*q\n", "\"" + String(repeating: "[", count: 80) + "\"\n\t",
        ]
        let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seed = Array(try Data(contentsOf: repo.appendingPathComponent("Content/thu-tuc/ho-tich.yml")))
        var rng = LoaderFuzzTests.Generator(state: 20261123)
        let fuzz = LoaderFuzzTests()
        for _ in 0..<500 {
            var bytes = fuzz.mutate(seed, &rng)
            for _ in 0..<8 { bytes.insert([0x09, 0x5B, 0x7B, 0x2A, 0x27, 0x22][Int(rng.next() % 6)], at: Int(rng.next() % UInt64(bytes.count + 1))) }
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in texts {
            let scan = YAMLReader.prescan(text)
            let expected = YAMLReader.Prescan(firstIndentationTab: tab(text), excessiveNesting: nesting(text), aliasCount: aliases(text))
            #expect(scan == expected, "\(text.debugDescription)")
        }
    }
}
