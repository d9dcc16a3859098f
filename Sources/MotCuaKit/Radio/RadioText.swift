import Foundation

/// An announcement as the commune radio reads it: plain sentences, one paragraph per block, nothing to decode.
public struct RadioText: Sendable {
    public var text: String
    /// Vietnamese syllables are written apart, so this is the count of words that contain a letter.
    public var syllableCount: Int
    /// Tables left out, abbreviations left as written; each names its file and line.
    public var diagnostics: Diagnostics

    public init(text: String, diagnostics: Diagnostics = Diagnostics()) {
        self.text = text
        self.syllableCount = Self.syllables(in: text)
        self.diagnostics = diagnostics
    }

    public static func syllables(in text: String) -> Int {
        var count = 0
        var hasLetter = false
        // By scalar: a character's letter and space properties are those of its first scalar, and the marks that
        // may follow one in Vietnamese (U+0300–U+0323, rare after NFC) are neither letters nor spaces.
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    if hasLetter { count += 1 }
                    hasLetter = false
                } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                    hasLetter = true
                }
            } else if VietnameseText.isLetter(scalar) {
                hasLetter = true
            } else if scalar.properties.isWhitespace {
                if hasLetter { count += 1 }
                hasLetter = false
            }
        }
        return hasLetter ? count + 1 : count
    }

    /// Reading time in whole seconds (rounded up) at `syllablesPerMinute` (the site's `phat_thanh.toc_do`).
    public func readingSeconds(syllablesPerMinute: Int) -> Int {
        guard syllablesPerMinute > 0 else { return 0 }
        return (syllableCount * 60 + syllablesPerMinute - 1) / syllablesPerMinute
    }

    /// What an announcer could not read as written, in order of appearance, each once: words with a digit, a
    /// Markdown or other symbol (* _ # | ` [ ] < > ~ ^ { } \ $ % & = + / @), a web or e-mail address, or an
    /// abbreviation from `abbreviations` (ambiguous ones included). Empty means the text is ready for the air;
    /// the site build and the tests both use it.
    public static func leftovers(in text: String, abbreviations: Abbreviations = Abbreviations()) -> [String] {
        let text = VietnameseText.nfc(text)  // as abbreviations are matched
        var found: [String] = []
        func add(_ s: String) { if !found.contains(s) { found.append(s) } }
        let symbols = Set("*_#|`[]<>~^{}\\$%&=+/@")
        for token in text.split(whereSeparator: \.isWhitespace) {
            if token.contains(where: { $0.isNumber || symbols.contains($0) })
                || token.contains("://") || token.lowercased().hasPrefix("www.")
                || token.firstMatch(of: leftoverDomain) != nil {
                add(String(token))
            }
        }
        var i = text.startIndex
        while i < text.endIndex {
            let atWordStart = i == text.startIndex || !SpokenTextWriter.isWordChar(text[text.index(before: i)])
            if atWordStart, let match = abbreviations.match(in: text, at: i) {
                add(match.written)
                i = match.end
            } else {
                i = text.index(after: i)
            }
        }
        return found
    }

    private nonisolated(unsafe) static let leftoverDomain = #/[a-z0-9-]\.(?:vn|com|net|org|gov|edu|info)\b/#
}
