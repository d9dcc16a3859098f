import Testing
@testable import MotCuaKit

/// Every link in the output is made by `SitePlan.relative`; the byte walk must give what splitting the
/// paths gives, for every shape of path.
@Suite struct RelativeLinkTests {
    /// The plain way: split both paths, drop the shared folders, climb out of the rest.
    static func splitting(from: String, to target: String) -> String {
        let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
        let fromParts = from.split(separator: "/")
        let toParts = file.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] { common += 1 }
        return String(repeating: "../", count: fromParts.count - common) + toParts[common...].joined(separator: "/")
    }

    @Test("links between site pages")
    func knownLinks() {
        #expect(SitePlan.relative(from: "", to: "") == "index.html")
        #expect(SitePlan.relative(from: "huong-dan/a/", to: "huong-dan/b/") == "../b/index.html")
        #expect(SitePlan.relative(from: "huong-dan/a/", to: "") == "../../index.html")
        #expect(SitePlan.relative(from: "", to: "thu-tuc/ho-tich/khai-sinh/") == "thu-tuc/ho-tich/khai-sinh/index.html")
        #expect(SitePlan.relative(from: "thu-tuc/ho-tich/", to: "thu-tuc/ho-tich/khai-sinh/") == "khai-sinh/index.html")
        #expect(SitePlan.relative(from: "thong-bao/lich/", to: "thong-bao/lich/phat-thanh.txt") == "phat-thanh.txt")
        #expect(SitePlan.relative(from: "huong-dan/đăng-ký/", to: "bieu-mau/tờ khai.docx") == "../../bieu-mau/tờ khai.docx")
    }

    /// Site paths (folders ending in "/", files, no empty component) from a page's folder: names that
    /// share a prefix included ("a/" and "ab/").
    @Test("the byte walk agrees with splitting on 20,000 random site paths")
    func agreesWithSplitting() {
        var rng = LoaderFuzzTests.Generator(state: 9)
        let parts = ["a", "ab", "b", "huong-dan", "huong-dan-x", "thu-tuc", "đ", "đăng", "index.html", "x.txt"]
        func pick() -> String { parts[Int(rng.next() % UInt64(parts.count))] }
        func folder() -> String { (0..<Int(rng.next() % 4)).map { _ in pick() + "/" }.joined() }
        func path() -> String { rng.next() % 3 == 0 ? folder() + pick() : folder() }
        for _ in 0..<20_000 {
            let from = folder(), to = path()
            #expect(SitePlan.relative(from: from, to: to) == Self.splitting(from: from, to: to),
                    "from \(from.debugDescription) to \(to.debugDescription)")
        }
    }

    /// Links written in Markdown are joined to their folder on bytes; the result is what splitting into Strings gave.
    @Test("joining a written link to its folder agrees with splitting")
    func normalizeAgreesWithSplitting() {
        func splitting(_ path: String, base: String) -> String? {
            var parts = base.split(separator: "/").map(String.init)
            for piece in path.split(separator: "/") {
                if piece == "." { continue }
                if piece == ".." {
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                    continue
                }
                parts.append(String(piece))
            }
            let joined = parts.joined(separator: "/")
            return path.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
        }
        var rng = LoaderFuzzTests.Generator(state: 5)
        let pieces = ["", ".", "..", "a", "huong-dan", "đăng-ký", "x.md", "...", ".a", "a."]
        func path() -> String {
            (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: rng.next() % 4 == 0 ? "//" : "/")
                + (rng.next() % 2 == 0 ? "/" : "")
        }
        for _ in 0..<20_000 {
            let (target, base) = (path(), path())
            #expect(LinkResolver.normalize(target, base: base) == splitting(target, base: base), "\(target.debugDescription) from \(base.debugDescription)")
        }
        #expect(LinkResolver.hasScheme("HTTPS://dichvucong.gov.vn", "https:"))
        #expect(LinkResolver.hasScheme("JavaScript:alert(1)", "javascript:"))
        #expect(!LinkResolver.hasScheme("http", "http:"))
        #expect(!LinkResolver.hasScheme("thu-tuc/", "tel:"))
    }
}
