import Foundation
import Testing
@testable import MotCuaKit

/// Mutates real content files at random (seeded) and loads them: the loader must never crash, and every
/// failure must come back as a diagnostic that names a file. Bounded in `make test`; set
/// MOTCUA_FUZZ_SECONDS for a longer run.
@Suite struct LoaderFuzzTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let tokens: [[UInt8]] = [
        "\t", ":", "- ", "---\n", "[", "]", "{", "}", "&a ", "*a", "\"", "'", "\n  ", "|", ">", "#", "\u{0}", "\u{FEFF}", "ế", "\r\n",
        "%YAML 1.1\n", "!!binary ", "? ", "...\n", "<<: *a\n",
        // Unicode traps: invisible and direction marks, no-break space, look-alike letters, decomposed
        // letters, Word's quotes, control characters a terminal would act on.
        "\u{200B}", "\u{200E}", "\u{202E}", "\u{00A0}", "\u{00A0}\u{00A0}", "а", "о", "e\u{0301}", "“", "”", "\u{7}", "\u{1B}[2J", "\u{85}",
        // Template syntax, for the theme's files (and as text in content).
        "{{", "}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{> layout}}", "{{{x}}}", "{{!", "{{<page}}", "{{$x}}", "{{=<% %>=}}", "{{& x}}",
    ].map { Array($0.utf8) }

    /// Every printed problem has the shape editors' tools jump to, with its file, line and column, and speaks
    /// Vietnamese: libyaml's English ("did not find expected …", "while scanning …") is translated, outside the
    /// quoted text of the file itself.
    static func located(_ d: Diagnostic) -> Bool {
        guard d.description.range(of: #"^[^\n]+:[0-9]+:[0-9]+: (error|warning): [^\n]+$"#, options: .regularExpression) != nil else {
            return false
        }
        let own = d.message.replacingOccurrences(of: #"`[^`]*`"#, with: "", options: .regularExpression)
        return own.range(of: #"\b(while|expected|found|not allowed|did not|could not|character|invalid)\b"#, options: .regularExpression) == nil
    }

    func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var b = bytes
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            guard !b.isEmpty else { break }
            let at = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b.insert(contentsOf: Self.tokens.randomElement(using: &rng)!, at: at)
            case 2: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...40, using: &rng)))
            case 3: b = Array(b.prefix(at))
            default:
                let other = Int.random(in: 0..<b.count, using: &rng)
                b.insert(contentsOf: b[min(at, other)..<max(at, other)].prefix(200), at: at)
            }
        }
        return b
    }

    @Test func mutatedContentNeverCrashesTheLoader() throws {
        let base = Fixtures.root.appendingPathComponent("bad/_base")
        let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seeds: [(String, [UInt8])] = try [
            ("Content/thu-tuc/ho-tich.yml", Array(Data(contentsOf: repo.appendingPathComponent("Content/thu-tuc/ho-tich.yml")))),
            ("Content/huong-dan/a.md", Array(Data(contentsOf: repo.appendingPathComponent("Content/huong-dan/nop-ho-so-truc-tuyen.md")))),
            ("Content/thong-bao/a.md", Array(Data(contentsOf: repo.appendingPathComponent("Content/thong-bao/2026-11-02-su-dung-dich-vu-cong-truc-tuyen.md")))),
            ("Content/site.yml", Array(Data(contentsOf: repo.appendingPathComponent("Content/site.yml")))),
        ]
        let seconds = Double(ProcessInfo.processInfo.environment["MOTCUA_FUZZ_SECONDS"] ?? "") ?? 3
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var rng = Generator(state: 20261121)
        let site = try TempSite(copying: base)
        var runs = 0
        while ContinuousClock.now < deadline {
            let (path, seed) = seeds[runs % seeds.count]
            let mutated = mutate(seed, &rng)
            try site.write(path, Data(mutated))
            let (_, diagnostics) = ContentLoader(root: site.root, includeDrafts: false).load()
            for d in diagnostics.all {
                #expect(d.location.path.hasPrefix("Content/"), "\(d)")
                #expect(!d.message.isEmpty)
                #expect(Self.located(d), "\(d)")
            }
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            runs += 1
        }
        #expect(runs > 20)
    }

    /// The theme's templates mutated the same way, through the whole build: a broken template is a located
    /// error at theme load, never a crash or a hang (recursion and nesting are bounded there).
    @Test func mutatedTemplatesNeverCrashTheBuild() throws {
        let base = Fixtures.root.appendingPathComponent("bad/_base")
        let names = ["layout", "procedure", "home", "guide"]
        let seeds = try names.map { name in
            ("Theme/templates/\(name).mustache", Array(try Data(contentsOf: base.appendingPathComponent("Theme/templates/\(name).mustache"))))
        }
        let seconds = Double(ProcessInfo.processInfo.environment["MOTCUA_FUZZ_SECONDS"] ?? "") ?? 3
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var rng = Generator(state: 20261206)
        let site = try TempSite(copying: base)
        var runs = 0, refused = 0
        while ContinuousClock.now < deadline {
            let (path, seed) = seeds[runs % seeds.count]
            try site.write(path, Data(mutate(seed, &rng)))
            let report = site.build()
            if report.diagnostics.hasErrors { refused += 1 }
            for d in report.diagnostics.all {
                #expect(d.location.path.hasPrefix("Theme/") || d.location.path.hasPrefix("Content/"), "\(d)")
                #expect(Self.located(d), "\(d)")
            }
            try site.write(path, Data(seed))
            runs += 1
        }
        #expect(runs > 10)
        #expect(refused > 0)
    }
}
