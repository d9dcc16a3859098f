import Foundation
@testable import MotCuaKit
import Testing
import Yams

/// Issue #30's corpus: real notices (Tests/Fixtures/radio-notices, the source in each file), each with the
/// hand-written reading of every number, date, time, amount, code, phone, unit and abbreviation in it. A reading is
/// right when its words stand in the reading text, in the notice's order; an abbreviation the built-in list does
/// not hold may instead stay as written with a warning on its letters. Every other token left in the reading text
/// must be warned at its place.
///
/// `RADIO_CORPUS_DIR=…` runs the same check on another folder of such files (the held-out notices counted for the
/// issue); `RADIO_CORPUS_REPORT=1` prints every place with what the reading text says there, `RADIO_CORPUS_QUIET=1`
/// only the counts.
@Suite("Radio: corpus of real notices")
struct RadioNoticeCorpusTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/radio-notices")

    struct Place: Decodable {
        var written: String
        var kind: String
        var spoken: String?
        /// Why the reading is still wrong: kept so the figures count it, and so a fix shows (the test fails until
        /// the marker goes).
        var knownWrong: String?

        enum CodingKeys: String, CodingKey {
            case written, kind, spoken
            case knownWrong = "known_wrong"
        }
    }

    struct Notice: Decodable {
        var source: String
        var kind: String?
        var body: String
        var readings: [Place]
    }

    struct Outcome {
        var file: String
        var place: Place
        var right: Bool
        /// Left as written with a warning on its letters (abbreviations only).
        var warned: Bool
        var around: String
    }

    static let builder = RadioTextBuilder(abbreviations: Abbreviations(), issuer: "Ủy ban nhân dân xã")

    /// Words only: lower case, every run of what is not a letter or digit one space, so punctuation, capitals and
    /// line breaks do not decide a reading.
    static func words(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in VietnameseText.nfc(text).lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return " " + out + " "
    }

    /// A word the reading text keeps as written: letters only, more than one (so no "Q." or "V"), not an
    /// abbreviation or unit (a vowel among them; capitals only where they spell a syllable, "THÁNG").
    static func isPlain(_ word: Substring) -> Bool {
        guard word.count > 1 else { return word.first.map { $0.isLowercase && !$0.isASCII } ?? false }  // "ở"
        return word.allSatisfy(\.isLetter) && !SpokenTextWriter.looksUnreadable(String(word))
            && SpokenTextWriter.unitWords[String(word)] == nil
    }

    /// The first place `written` stands as a token of its own, not inside a longer word or number ("B" of
    /// "viêm gan B", not of "Bạch").
    static func token(_ written: String, in text: Substring) -> Range<String.Index>? {
        var from = text.startIndex
        while let range = text[from...].range(of: written) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            let joined = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !(joined(before) && (written.first!.isLetter || written.first!.isNumber))
                && !(joined(after) && (written.last!.isLetter || written.last!.isNumber)) {
                return range
            }
            from = text.index(after: range.lowerBound)
        }
        return nil
    }

    static func notices(in folder: URL) throws -> [(String, Notice)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yml") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return (name, try YAMLDecoder().decode(Notice.self, from: text))
        }
    }

    static func check(_ file: String, _ notice: Notice) -> (outcomes: [Outcome], unwarned: [String], radio: RadioText) {
        let path = "Content/thong-bao/\(file)"
        let announcement = Announcement(
            title: "Thông báo", number: nil, date: CalendarDate(parsing: "2026-11-02")!, recipients: [],
            signer: nil, signerTitle: nil, broadcast: nil, draft: false,
            slug: Located("thong-bao", at: SourceLocation(path: path, line: 1, column: 1)),
            body: MarkdownSource(text: notice.body, path: path, lineOffset: 0))
        let radio = builder.build(announcement)
        let spoken = words(radio.text)
        let warnings = radio.diagnostics.all.filter { $0.severity == .warning }
        /// A warning naming `token` at this line and column of the body (1-based, in Characters), or at an
        /// earlier place of the notice: a word is warned once per notice, where it first stands.
        func isWarned(_ token: Substring, at index: String.Index) -> Bool {
            let before = notice.body[..<index]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                         to: before.endIndex) + 1
            return warnings.contains {
                $0.subject == String(token) && ($0.location.line, $0.location.column) <= (line, column)
            }
        }
        // Each place is found after its anchor: the plain words standing before it in the body (the words since
        // the last place, up to four), which the reading text keeps as they are. Its reading must begin at the
        // anchor (a reading may repeat the anchor's last words, "ngày …") or within two words after it, so a
        // wrong reading cannot borrow the same words from a later sentence. The anchor's words may stand more
        // than once between two places: each time is tried, within what the words between could become. After
        // a place not found, the next may begin as many words further as the missed reading has.
        func wordStarts(from start: String.Index, count: Int) -> [String.Index] {
            var found: [String.Index] = []
            var k = start
            while found.count < count, k < spoken.index(before: spoken.endIndex) {
                found.append(k)
                k = spoken[spoken.index(after: k)...].firstIndex(of: " ") ?? spoken.endIndex
            }
            return found
        }
        // The title ("Thông báo.") is the test's, not the notice's.
        var cursor = spoken.index(spoken.startIndex, offsetBy: words("Thông báo").count - 1)
        var slack = 2
        var bodyRest = notice.body[...]
        var outcomes: [Outcome] = []
        for place in notice.readings {
            let expected = words(place.spoken ?? "")
            guard let at = token(place.written, in: bodyRest) else {
                outcomes.append(Outcome(file: file, place: place, right: false, warned: false, around: "(not in body)"))
                continue
            }
            let gap = bodyRest[..<at.lowerBound]
            let anchorWords = gap.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .reversed().prefix { isPlain($0) }.prefix(4).reversed()
                .map { words(String($0)).trimmingCharacters(in: .whitespaces) }
            bodyRest = bodyRest[at.upperBound...]
            // Where the anchor may end: the words between two places read as at most four times their length.
            let limit = spoken.index(cursor, offsetBy: 4 * gap.count + 120, limitedBy: spoken.endIndex) ?? spoken.endIndex
            var candidates: [(anchorEnd: String.Index, starts: [String.Index])] = []
            if anchorWords.isEmpty {
                candidates.append((cursor, wordStarts(from: cursor, count: slack + 1)))
            } else {
                let anchor = " " + anchorWords.joined(separator: " ") + " "
                var from = cursor
                while let found = spoken[from...].range(of: anchor), found.lowerBound < limit {
                    let end = spoken.index(before: found.upperBound)
                    candidates.append((end, wordStarts(from: found.lowerBound, count: anchorWords.count)
                        + wordStarts(from: end, count: slack + 1)))
                    from = end
                }
            }
            var right = false
            outer: for candidate in candidates where place.spoken != nil {
                for start in candidate.starts where spoken[start...].hasPrefix(expected) {
                    right = true
                    cursor = spoken.index(start, offsetBy: expected.count - 1)  // the next anchor may share this space
                    break outer
                }
            }
            let around = right ? "" : String(spoken[(candidates.first?.anchorEnd ?? cursor)...].prefix(160))
            if right {
                slack = 2
            } else {
                if let first = candidates.first, first.anchorEnd > cursor { cursor = first.anchorEnd }
                slack += expected.split(separator: " ").count + 1
            }
            // A code or abbreviation the lists do not hold may stay as written, warned on its letters.
            // Warned where this place stands: a run of its letters, at its own line and column.
            let placeText: Substring = notice.body[at]
            let letterRuns: [Substring] = placeText.split(whereSeparator: { !$0.isLetter }).filter { $0.count > 1 }
            let warnedHere = letterRuns.contains { run in radio.text.range(of: String(run)) != nil && isWarned(run, at: run.startIndex) }
            let warned = !right && ["abbreviation", "code"].contains(place.kind) && warnedHere
            outcomes.append(Outcome(file: file, place: place, right: right, warned: warned, around: around))
        }
        // Left in the reading text: what RadioText.leftovers finds (digits, symbols, addresses, listed
        // abbreviations) and every run of letters with two capitals that spells no syllable.
        let capitals = radio.text.split(whereSeparator: { !$0.isLetter }).map(String.init)
            .filter(SpokenTextWriter.looksLikeAbbreviation)
        let left = RadioText.leftovers(in: radio.text, abbreviations: builder.abbreviations) + capitals
        // Warned: a warning's subject is the token without the punctuation around it, or (a symbol) stands in it.
        let unwarned = Array(Set(left)).sorted().filter { token in
            let core = token.trimmingCharacters(in: .punctuationCharacters)
            return !warnings.contains { w in
                guard let subject = w.subject else { return false }
                return subject == core || subject.count == 1 && !subject.first!.isLetter && token.contains(subject)
            }
        }
        return (outcomes, unwarned, radio)
    }

    /// The kinds the issue counts as "numbers, dates, times, money, codes and phones".
    static let numericKinds: Set<String> = ["number", "date", "time", "amount", "code", "phone", "unit", "sign", "roman"]

    struct Report {
        var places = 0
        /// Wrong and not marked `known_wrong`.
        var wrong: [Outcome] = []
        /// Marked `known_wrong` but now right or warned: the marker should go.
        var knownButRight: [Outcome] = []
        var knownWrong = 0
        var unwarned: [String] = []
    }

    static func report(_ folder: URL) throws -> Report {
        var report = Report()
        var byKind: [String: (Int, Int)] = [:]
        var numeric = (places: 0, right: 0, warned: 0)
        var warnedCount = 0
        let verbose = ProcessInfo.processInfo.environment["RADIO_CORPUS_REPORT"] != nil
        // Counts only: the held-out notices are counted without their places being seen.
        let quiet = ProcessInfo.processInfo.environment["RADIO_CORPUS_QUIET"] != nil
        for (file, notice) in try notices(in: folder) {
            let (outcomes, left, radio) = check(file, notice)
            if verbose { print("=== \(file)\n\(radio.text)\n\(radio.diagnostics.all.map(\.description).joined(separator: "\n"))") }
            for outcome in outcomes {
                report.places += 1
                let ok = outcome.right || outcome.warned
                let kind = outcome.place.kind
                byKind[kind, default: (0, 0)].0 += 1
                if outcome.warned { warnedCount += 1 }
                if numericKinds.contains(kind) {
                    numeric.places += 1
                    if outcome.right { numeric.right += 1 }
                    if outcome.warned { numeric.warned += 1 }
                }
                if !ok { byKind[kind, default: (0, 0)].1 += 1 }
                switch (ok, outcome.place.knownWrong != nil) {
                case (false, false): report.wrong.append(outcome)
                case (false, true): report.knownWrong += 1
                case (true, true): report.knownButRight.append(outcome)
                case (true, false): break
                }
                if verbose || (!ok && !quiet) {
                    print("\(ok ? (outcome.warned ? "warned" : "right ") : "WRONG ") \(file) [\(kind)] "
                        + "\(outcome.place.written) → \(outcome.place.spoken ?? "—")"
                        + (outcome.place.knownWrong.map { " (known: \($0))" } ?? "")
                        + (ok || outcome.place.knownWrong != nil ? "" : "\n       reading text from here: \(outcome.around)"))
                }
            }
            report.unwarned += left.map { "\(file): \($0)" }
        }
        let wrongCount = report.wrong.count + report.knownWrong
        print("radio corpus \(folder.lastPathComponent): \(report.places) places, \(report.places - wrongCount - warnedCount) right, "
            + "\(warnedCount) left as written and warned (where they first stand in the notice), \(wrongCount) wrong (\(report.knownWrong) of them known); "
            + "numbers, dates, times, money, codes and phones: \(numeric.right) right, \(numeric.warned) warned, of \(numeric.places); "
            + "\(report.unwarned.count) leftovers without a warning; by kind (places/wrong): "
            + byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0)/\($0.value.1)" }.joined(separator: ", "))
        if !quiet { for token in report.unwarned { print("UNWARNED \(token)") } }
        return report
    }

    @Test func everyReadingIsRightAndEveryLeftoverWarned() throws {
        let override = ProcessInfo.processInfo.environment["RADIO_CORPUS_DIR"]
        let folder = override.map { URL(fileURLWithPath: $0) } ?? Self.fixture
        let report = try Self.report(folder)
        if override == nil {
            let files = try Self.notices(in: folder)
            #expect(files.count >= 30)
            #expect(Set(files.map(\.1.source)).count == files.count, "each notice from its own page")
        }
        #expect(report.places > 0)
        #expect(report.wrong.count == 0, "\(report.wrong.count) of \(report.places) readings wrong")
        #expect(report.knownButRight.map(\.place.written) == [], "read right now: remove known_wrong")
        #expect(report.unwarned.isEmpty)
    }

    /// The fixtures themselves: a reading names text that stands in its body, in order, so a moved or retyped
    /// body cannot make a place vanish unnoticed.
    @Test func readingsStandInTheirBodies() throws {
        for (file, notice) in try Self.notices(in: Self.fixture) {
            var rest = notice.body[...]
            for place in notice.readings {
                let range = try #require(Self.token(place.written, in: rest), "\(file): \(place.written)")
                rest = rest[range.upperBound...]
            }
            #expect(notice.readings.count >= 4, "\(file)")
        }
    }
}
