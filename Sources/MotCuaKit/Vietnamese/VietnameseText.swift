import Foundation

/// Folding and normalisation shared by slugs, search and sorting.
public enum VietnameseText {
    /// Content files may arrive decomposed (NFD) from some systems; everything is compared in NFC.
    public static func nfc(_ text: String) -> String {
        isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that is NFC on its own and never combines with a neighbour: Latin up to
    /// U+02FF, the precomposed Vietnamese letters U+1E00–U+1EFF and general punctuation from U+2010 (loaded
    /// text is normalised already, so this spares the normaliser almost every string).
    static func isCertainlyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Read on UTF-8 lead bytes: < 0xCC is below U+0300; E1 B8–BB is U+1E00–U+1EFF;
            // E2 80 90–BF and E2 81 80–AF are U+2010–U+206F.
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                if b < 0xCC { i += 2; continue }
                guard i + 2 < n else { return false }
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if b == 0xE1, b1 >= 0xB8, b1 <= 0xBB { i += 3; continue }
                if b == 0xE2, (b1 == 0x80 && b2 >= 0x90) || (b1 == 0x81 && b2 <= 0xAF) { i += 3; continue }
                return false
            }
            return true
        }
    }

    /// `Character.isLetter`, which is its first scalar's `isAlphabetic`, answered from ranges for ASCII and Latin
    /// letters: the radio writer asks for nearly every character, and the property lookup is slow.
    static func isLetter(_ c: Character) -> Bool {
        isLetter(c.unicodeScalars.first!)
    }

    /// `Unicode.Scalar.Properties.isUppercase`, answered without the tables for ASCII and the Vietnamese letters.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x1EA0 && v <= 0x1EF9 { return v & 1 == 0 }  // Ạ ạ Ả ả … Ỹ ỹ alternate
        switch v {
        case 0xC0...0xDE: return v != 0xD7
        case 0xDF...0xFF, 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0: return false  // ă đ ĩ ũ ơ ư
        case 0x102, 0x110, 0x128, 0x168, 0x1A0, 0x1AF: return true  // Ă Đ Ĩ Ũ Ơ Ư
        default: return scalar.properties.isUppercase
        }
    }

    /// `Character.isLetter` of a character that starts with this scalar, with the Latin ranges checked first.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return isLatinLetter(v) || scalar.properties.isAlphabetic
    }

    /// U+00C0–U+024F but × and ÷, and U+1E00–U+1EFF: every one a letter, and every Vietnamese letter is ASCII or here.
    static func isLatinLetter(_ v: UInt32) -> Bool {
        (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// A scalar that is a Character of its own next to any other such scalar: ASCII but CR, Latin-1, Latin
    /// Extended, Vietnamese precomposed letters, general punctuation but the two joiners. No pair of them joins
    /// (none extends, prepends or pairs), so over such text Characters can be counted as scalars.
    static func standsAlone(_ v: UInt32) -> Bool {
        (v < 0x300 && v != 0x0D) || (0x1E00...0x1EFF).contains(v) || ((0x2000...0x206F).contains(v) && v != 0x200C && v != 0x200D)
    }

    /// `text.count` and the number of line feeds, by scalars while every scalar stands alone.
    static func characterAndLineCount(_ text: String) -> (characters: Int, lineFeeds: Int) {
        var copy = text
        let counted = copy.withUTF8 { bytes -> (Int, Int)? in
            var characters = 0, lineFeeds = 0, i = 0
            while i < bytes.count {
                let (v, length) = UTF8Text.decode(bytes, at: i)
                guard standsAlone(v) else { return nil }
                characters += 1
                if v == 0x0A { lineFeeds += 1 }
                i += length
            }
            return (characters, lineFeeds)
        }
        return counted ?? (text.count, text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 })
    }

    /// `text.index(text.startIndex, offsetBy: n, limitedBy: text.endIndex)`, by scalars while every scalar up to
    /// it and the one after stand alone: counting Characters breaks graphemes, and every page's snippet is cut here.
    static func characterIndex(_ text: String, offsetBy n: Int) -> String.Index? {
        var copy = text
        let offset = copy.withUTF8 { bytes -> Int?? in
            var i = 0, k = 0
            while k < n {
                guard i < bytes.count else { return .some(nil) }
                let (v, length) = UTF8Text.decode(bytes, at: i)
                guard standsAlone(v) else { return nil }
                i += length
                k += 1
            }
            if i < bytes.count, !standsAlone(UTF8Text.decode(bytes, at: i).0) { return nil }
            return .some(i)
        }
        guard let offset else { return text.index(text.startIndex, offsetBy: n, limitedBy: text.endIndex) }
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without the trip through NSString, which every trimmed
    /// value of a build would pay; returns the text itself when there is nothing to trim.
    /// Foundation's sets are White_Space plus U+200B ZERO WIDTH SPACE, kept so trimming behaves as it did.
    static func trimmed(_ text: String) -> String {
        trim(text, isFoundationWhitespaceOrNewline)
    }

    /// `trimmingCharacters(in: .whitespaces)`: spaces and tab, but line breaks are kept.
    static func trimmedSpaces(_ text: String) -> String {
        trim(text, isFoundationWhitespace)
    }

    static func trimmedSpaces(_ text: Substring) -> String {
        trim(String(text), isFoundationWhitespace)
    }

    /// True for text that `trimmed` would leave empty.
    static func isBlank(_ text: String) -> Bool {
        !text.unicodeScalars.contains { !isFoundationWhitespaceOrNewline($0.value) }
    }

    /// What `CharacterSet.whitespacesAndNewlines` holds.
    static func isFoundationWhitespaceOrNewline(_ v: UInt32) -> Bool { isWhiteSpace(v) || v == 0x200B }

    /// What `CharacterSet.whitespaces` holds: the same without line breaks.
    static func isFoundationWhitespace(_ v: UInt32) -> Bool {
        isFoundationWhitespaceOrNewline(v) && !((v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029)
    }

    /// On a String, not any StringProtocol: the generic form's `as? String` is a runtime cast on every call, dearer
    /// than the trim itself, and every value of a catalog is trimmed.
    private static func trim(_ text: String, _ drop: (UInt32) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0.value) })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Lowercase, decomposed, combining marks U+0300–U+036F dropped, đ → d: what people type on a phone without a
    /// Vietnamese keyboard, and the one fold of slugs, key suggestions, radio checks and search. U+0111 has no
    /// decomposition, so generic accent stripping would leave it. Tones go, so old and new tone placement (hòa /
    /// hoà) fold equal. Search's twin in Theme/assets/search.js gives the same result (fold-cases.json checks both),
    /// hence also ð (U+00F0, lowercase of Ð, often typed for Đ) → d and final sigma ς → σ (JavaScript lowercases
    /// Σ by context, Swift does not).
    public static func fold(_ text: String) -> String {
        FoldTable.apply(foldTable, to: text) ?? slowFold(text)
    }

    static let foldTable = FoldTable.make(slowFold)

    static func slowFold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x00F0: out.append("d")
            case 0x03C2: out.append("\u{03C3}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Unicode's White_Space, spelled out: what `Character.isWhitespace` and ICU's `\s` test for one scalar.
    static func isWhiteSpace(_ v: UInt32) -> Bool {
        (v >= 0x09 && v <= 0x0D) || v == 0x20 || v == 0x85 || v == 0xA0 || v == 0x1680
            || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// "Đăng ký khai sinh" → "dang-ky-khai-sinh"; anything that is not a letter or digit separates words.
    public static func slug(_ text: String) -> String {
        isValidSlug(text) ? text : foldedSlug(text)
    }

    /// Letters an address made from a name keeps by default. Real procedure names run to 266 characters;
    /// an address is read aloud, typed from paper and shown in a phone's address bar, so one made from a name
    /// stops at the last whole word within 80 letters (about ten to fifteen words: enough to tell two
    /// procedures apart). A name whose address must be whole sets `slug:`.
    public static let maxNameSlug = 80

    /// The longest `slug:` an editor may write. A folder name may have at most 255 bytes ("File name too
    /// long" stopped the build), and a procedure's form bundle adds `.zip` to it: 200 leaves room.
    public static let maxSlug = 200

    /// The address of a page named by a long title: its slug, cut after the last whole word within `limit`
    /// letters. Only a first word longer than the limit is cut inside it (no real word is that long).
    public static func nameSlug(_ text: String, limit: Int = maxNameSlug) -> String {
        cutAtWord(slug(text), limit: limit)
    }

    /// A slug cut after its last whole word within `limit` bytes (slugs are ASCII: bytes are letters).
    public static func cutAtWord(_ slug: String, limit: Int) -> String {
        let bytes = Array(slug.utf8)
        guard bytes.count > limit else { return slug }
        // The cut falls between two words when the byte after it is a dash: the head is whole words.
        if bytes[limit] == UInt8(ascii: "-") { return String(decoding: bytes[..<limit], as: UTF8.self) }
        guard let dash = bytes[..<limit].lastIndex(of: UInt8(ascii: "-")) else {
            return String(decoding: bytes[..<limit], as: UTF8.self)
        }
        return String(decoding: bytes[..<dash], as: UTF8.self)
    }

    static func foldedSlug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in fold(text).unicodeScalars {
            let isWordChar = (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isWordChar {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// A slug is what a URL is made of: runs of a–z and 0–9 joined by single dashes, which is what `slug`
    /// makes. Checked on bytes, so `slug` can return such a name as it is: most file names are one, and
    /// folding each of them again would cost a fold per file for nothing.
    public static func isValidSlug(_ text: String) -> Bool {
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            let isWordChar = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            guard isWordChar || (byte == UInt8(ascii: "-") && previous != byte) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }
}
