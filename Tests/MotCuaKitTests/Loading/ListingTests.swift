import Foundation
import Testing
@testable import MotCuaKit

/// A section's files are read in one fixed order, the names sorted as Strings (page order and diagnostics
/// depend on it), and the extension test ignores case and skips hidden files.
@Suite struct ListingTests {
    @Test func asciiNamesKeepStringOrderAndTheExtensionFilter() throws {
        let site = try TempSite()
        let names = ["b.md", "a.MD", "Z.md", "10.md", "9.md", "a-b.md", "a_b.md", "ab.md", ".an.md", "notes.txt", "md", "x.md.bak", "y.Md"]
        for name in names { try site.write("Content/huong-dan/\(name)", "x") }
        let listed = ContentLoader(root: site.root, includeDrafts: false).files(in: "huong-dan", extensions: ["md"])
        let expected = ["b.md", "a.MD", "Z.md", "10.md", "9.md", "a-b.md", "a_b.md", "ab.md", "y.Md"].sorted().map { "Content/huong-dan/\($0)" }
        #expect(listed == expected)
    }

    @Test func nonASCIINamesAreSortedAsStrings() throws {
        let site = try TempSite()
        // "é" written decomposed sorts with its composed twin as a String, not by its bytes.
        let names = ["e\u{301}t.md", "f.md", "\u{E9}a.md", "z.md", "đ.md", "d.md"]
        for name in names { try site.write("Content/trang/\(name)", "x") }
        let listed = ContentLoader(root: site.root, includeDrafts: false).files(in: "trang", extensions: ["md"])
        #expect(listed == names.sorted().map { "Content/trang/\($0)" })
    }
}
