import Foundation
import Testing
@testable import MotCuaKit

/// Front matter read without libyaml must be read exactly as libyaml reads it: the same tree (text, quoting, line
/// and column of every node), and nothing that libyaml, or the checks before it, would refuse.
@Suite struct YAMLFastPathTests {
    static let words = [
        "Đăng ký", "khai sinh", "1612", "2026-10-08", "~", "null", "true", "C#", "a # b", "a: b", "a:b", "x:", "[x]",
        "{y}", "a, b", "it's", "say \"hi\"", "a  b", "…", "Ủy ban", "-5", "- x", "?q", ":x", "@a", "`b`", "%p", "&a x",
        "*a", "!t x", "|", ">", "C:\\dir", "a\u{85}b", "a\u{2028}b", "\u{FEFF}x", "ê\u{0301}", "\u{7}", "\t", "x\u{A0}y",
        "a\u{9F}", "\u{FFFE}", "#", "'", "\"", "", "...", "---", "a]", "b,", "x\u{1F600}y", "**một lần**", "a *b",
        "[*c", "a,*_", "*-", String(repeating: " *x", count: 60),
    ]
    static let keys = ["tieu_de", "mo_ta", "thu_tu", "nhom", "a", "b", "a", "x-y", "null", "1", "-k", "K_2", "ờ", "a b",
                       "a:b", "?x", "", String(repeating: "k", count: 1_030)]

    static func pick<T>(_ items: [T], _ rng: inout LoaderFuzzTests.Generator) -> T { items[Int(rng.next() % UInt64(items.count))] }
    static func chance(_ percent: UInt64, _ rng: inout LoaderFuzzTests.Generator) -> Bool { rng.next() % 100 < percent }

    static func word(_ rng: inout LoaderFuzzTests.Generator) -> String {
        // Mostly plain text, so that most documents are ones the fast path takes.
        chance(60, &rng) ? pick(["Đăng ký khai sinh", "thôn Thượng Đạt", "1.001193", "2026", "xã An Phú, tỉnh Hải Dương", "x"], &rng)
            : pick(words, &rng)
    }

    static func quoted(_ rng: inout LoaderFuzzTests.Generator) -> String {
        let inner = chance(70, &rng) ? word(&rng) : pick(["", "a\\\"b", "\\n", "a,b]", "# x", "'q'", "it''s", " sp "], &rng)
        let close = chance(90, &rng) ? "" : pick([" # c", "x", "\"", ","], &rng)
        return chance(60, &rng) ? "\"\(inner)\"\(close)" : "'\(inner)'\(close)"
    }

    static func flow(_ rng: inout LoaderFuzzTests.Generator) -> String {
        if chance(10, &rng) { return pick(["[]", "[ ]", "[a", "[[a]]", "[a, [b]]", "[a: b]", "[{a}]", "[a,]", "[,a]", "[a] x", "[a] # c"], &rng) }
        var items: [String] = []
        for _ in 0..<Int(rng.next() % 4) + 1 { items.append(chance(50, &rng) ? quoted(&rng) : word(&rng)) }
        let separator = pick([", ", ",", " , ", ",  "], &rng)
        return pick(["[", "[ "], &rng) + items.joined(separator: separator) + pick(["]", " ]", "]", ", ]"], &rng)
    }

    static func mapping(indent: Int, depth: Int, _ rng: inout LoaderFuzzTests.Generator) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: " ", count: indent)
        for _ in 0..<Int(rng.next() % 5) + 1 {
            let key = chance(85, &rng) ? pick(["tieu_de", "mo_ta", "thu_tu", "nhom", "lien_quan", "ky", "so", "ngay"], &rng) + (chance(50, &rng) ? "\(rng.next() % 9)" : "")
                : pick(keys, &rng)
            let colon = chance(90, &rng) ? pick([": ", ":  "], &rng) : pick([":", ": \t", " : ", ":\t"], &rng)
            let space = chance(90, &rng) ? "" : " "
            switch rng.next() % 13 {
            case 0 where depth < 3:
                lines.append(pad + key + ":" + space)
                lines += mapping(indent: indent + Int(rng.next() % 4) + 1, depth: depth + 1, &rng)
            case 10 where depth < 3:
                lines.append(pad + key + ":" + space)
                lines += sequence(indent: indent + Int(rng.next() % 4) + (chance(95, &rng) ? 1 : 0), depth: depth + 1, &rng)
            case 11, 12:
                lines.append(pad + key + ":" + pick([" |", " |", " | ", " |-", " |+", " |2", " >", " | # c"], &rng))
                lines += literal(indent: indent + Int(rng.next() % 4) + (chance(95, &rng) ? 1 : 0), &rng)
            case 1, 2: lines.append(pad + key + colon + flow(&rng) + space)
            case 3, 4: lines.append(pad + key + colon + quoted(&rng) + space)
            default: lines.append(pad + key + colon + word(&rng) + space)
            }
        }
        return lines
    }

    /// `- item` lines: values, or mappings starting on the dash's line.
    static func sequence(indent: Int, depth: Int, _ rng: inout LoaderFuzzTests.Generator) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: " ", count: indent)
        for _ in 0..<Int(rng.next() % 4) + 1 {
            let dash = chance(90, &rng) ? pick(["- ", "- ", "-  "], &rng) : pick(["-", "-\t", "- - "], &rng)
            switch rng.next() % 4 {
            case 0:
                // The first key on the dash's line, the others under it.
                var item = mapping(indent: indent + dash.count, depth: depth + 1, &rng)
                item[0] = pad + dash + item[0].dropFirst(indent + dash.count)
                lines += item
            case 1: lines.append(pad + dash + quoted(&rng))
            case 2: lines.append(pad + dash + flow(&rng))
            default: lines.append(pad + dash + word(&rng))
            }
        }
        return lines
    }

    /// The lines of a literal block: text, blank lines with fewer or more spaces, comments (text here).
    static func literal(indent: Int, _ rng: inout LoaderFuzzTests.Generator) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = chance(90, &rng) ? [pad + word(&rng)] : [pick(["", "   "], &rng)]
        for _ in 0..<Int(rng.next() % 5) {
            lines.append(pick([pad + word(&rng), pad + "  " + word(&rng), pad + "# không phải ghi chú", pad + "- x", pad + "a: b",
                               "", pad, pad + " ", String(pad.dropFirst()) + "x", pad + word(&rng) + "  "], &rng))
        }
        return lines
    }

    static func text(_ rng: inout LoaderFuzzTests.Generator) -> String {
        var lines = mapping(indent: chance(90, &rng) ? 0 : 2, depth: 0, &rng)
        // Lines that are no mapping entry, anywhere: comments, blanks, lists, markers, stray indentation.
        while chance(35, &rng) {
            let line = pick(["# ghi chú", "   # lệch", "", "   ", "- a", "  - b", "---", "...", "%YAML 1.1", "  tiếp theo",
                             " x: 1", "    y: 2", "\tz: 3", "? k", "a", "{a: 1}"], &rng)
            lines.insert(line, at: Int(rng.next() % UInt64(lines.count + 1)))
        }
        return lines.joined(separator: "\n") + (chance(50, &rng) ? "\n" : "")
    }

    @Test func readsWhatItTakesAsLibyamlDoes() {
        var rng = LoaderFuzzTests.Generator(state: 20261122)
        var taken = 0
        let runs = 50_000
        for _ in 0..<runs {
            let text = Self.text(&rng)
            guard let node = YAMLFastPath.parse(text) else { continue }
            taken += 1
            let scan = YAMLReader.prescan(text)
            #expect(scan.firstIndentationTab == nil && scan.excessiveNesting == nil && scan.aliasCount <= 100, "\(text.debugDescription)")
            #expect(YAMLComposerTests.ours(text) == .tree(YAMLComposerTests.dump(node)), "\(text.debugDescription)")
        }
        // Enough of both kinds for the comparison to mean something.
        #expect(taken > runs / 10 && taken < runs * 9 / 10, "\(taken) of \(runs)")
    }

    @Test(arguments: ["a: 1\n", "  a: 1\n  b: \"x\"\n", "a: [\"1.001193\", '2', ba bốn]\n# c\nb:\n  c: 1\n\n  d: []\ne: x\n",
                      "a:\n  - b: 1\n    c: |\n      x\n\n       y\n      # z\n\n  - \"d\"\n  - [e]\nf: g", "a: |\n  x"])
    func takes(_ text: String) throws {
        let node = try #require(YAMLFastPath.parse(text))
        #expect(YAMLComposerTests.ours(text) == .tree(YAMLComposerTests.dump(node)))
    }

    /// No document, a repeated key, an empty value, a continued line, escapes, comments after a value, and more `*name` than the
    /// reader lets libyaml read are libyaml's.
    @Test(arguments: ["a: 1\na: 2\n", "a:\nb: 1\n", "a: b\n  c\n", "a: \"x\\\"y\"\n", "a: 'it''s'\n", "a: x # c\n", "a: [b,]\n", "", "\n# c\n",
                      "a: " + String(repeating: "b *x ", count: 101)])
    func leavesToLibyaml(_ text: String) {
        #expect(YAMLFastPath.parse(text) == nil)
    }

    /// The sample site's front matter and catalog are the kind the fast path is for: all are read without libyaml.
    @Test func theSampleContentTakesTheFastPath() throws {
        let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var count = 0
        for folder in ["huong-dan", "thong-bao", "trang"] {
            let url = repo.appendingPathComponent("Content/\(folder)")
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".md") {
                var diagnostics = Diagnostics()
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let split = try #require(FrontMatter.split(SourceText(path: name, text: text), diagnostics: &diagnostics))
                #expect(YAMLFastPath.parse(split.yaml) != nil, "\(folder)/\(name)")
                count += 1
            }
        }
        let fields = repo.appendingPathComponent("Content/thu-tuc")
        for name in try FileManager.default.contentsOfDirectory(atPath: fields.path) where name.hasSuffix(".yml") {
            let text = try String(contentsOf: fields.appendingPathComponent(name), encoding: .utf8)
            #expect(YAMLFastPath.parse(text) != nil, "thu-tuc/\(name)")
            count += 1
        }
        #expect(count >= 10)
    }
}
