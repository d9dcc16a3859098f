import Testing
@testable import MotCuaKit

/// The header ends at the first line that is `---` or `...` (trailing spaces and tabs allowed), unless an
/// indented line follows it at once; the body's line offset makes cmark's line numbers the file's.
@Suite struct FrontMatterTests {
    /// The rule written on lines, as an editor reads it.
    static func reference(_ text: String) -> (yaml: String, body: String, offset: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", lines.count > 1 else { return nil }
        for i in 1..<lines.count {
            var line = Substring(lines[i])
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line == "---" || line == "..." {
                // A closing line that ends a header inside a `|` block, followed at once by an indented one, was
                // typed inside the block: refused.
                if i + 1 < lines.count, let first = lines[i + 1].first, first == " " || first == "\t",
                   !lines[i + 1].allSatisfy({ $0 == " " || $0 == "\t" }),
                   FrontMatter.endsInsideBlock(lines[1..<i].joined(separator: "\n")) {
                    return nil
                }
                return (lines[1..<i].joined(separator: "\n"), lines[(i + 1)...].joined(separator: "\n"), i + 1)
            }
        }
        return nil
    }

    @Test func aHeaderEndsInsideABlockOnlyWhileTheBlockLasts() {
        #expect(FrontMatter.endsInsideBlock("tieu_de: A\nnoi_nhan: |\n  Các thôn"))
        #expect(FrontMatter.endsInsideBlock("noi_nhan: >-\n\n  Các thôn\n"))
        #expect(!FrontMatter.endsInsideBlock("noi_nhan: |\n  Các thôn\nky: B"))
        #expect(!FrontMatter.endsInsideBlock("phat_thanh:\n  so_tuan: 1"))
        #expect(!FrontMatter.endsInsideBlock("tieu_de: \"a |\"x"))
    }

    @Test func splitsWhereTheReferenceDoes() {
        var rng = LoaderFuzzTests.Generator(state: 20261124)
        let pool = ["---", "--- ", "---\t \t", "...", ".. .", " ---", "----", "--", "a: 1", "tieu_de: Đăng ký", "", "ê\u{0301}", "—", "-\u{2014}-",
                    "mo_ta: |", "  Các thôn"]
        var found = 0
        for _ in 0..<5_000 {
            var lines = [rng.next() % 10 == 0 ? "--" : "---"]
            for _ in 0..<Int(rng.next() % 7) { lines.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            let text = lines.joined(separator: "\n") + (rng.next() % 2 == 0 ? "\n" : "")
            var diagnostics = Diagnostics()
            let split = FrontMatter.split(SourceText(path: "a.md", text: text), diagnostics: &diagnostics)
            let expected = Self.reference(text)
            #expect(split?.yaml == expected?.yaml && split?.body == expected?.body && split?.bodyLineOffset == expected?.offset,
                    "\(text.debugDescription)")
            #expect((split == nil) == !diagnostics.all.isEmpty)
            if split != nil { found += 1 }
        }
        #expect(found > 1_000 && found < 4_500)
    }
}
