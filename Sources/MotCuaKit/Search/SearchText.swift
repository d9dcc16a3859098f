import Foundation

/// Text rules shared with Theme/assets/search.js. Every function here has a twin in the script that must give
/// the same result (Tests/MotCuaKitTests/Search/fold-cases.json and the ranking cases check both sides), so the
/// rules are spelled out scalar by scalar instead of leaning on platform character classes, and strings are
/// compared as UTF-16 code units, as JavaScript does.
extension SearchIndex {
    /// Words of a folded text: runs of word characters; a dot between two digits stays inside ("1.001193", "5.000").
    /// A word's leading zeros before a digit are dropped ("02" → "2", "007" → "7", "00" → "0", "0.5" stays), so
    /// "mức độ 02" and "mức độ 2" are the same words in the index and in a query. Only the word's start: the zeros
    /// inside a code ("1.001193", "2.000815.000.00.00") stay, and a code query is tokenised the same way.
    public static func tokens(_ folded: String) -> [String] {
        var folded = folded
        return folded.withUTF8 { bytes in
            var result: [String] = []
            forEachToken(bytes) { start, end in
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                return true
            }
            return result
        }
    }

    /// The byte range of each token, in order, until `body` returns false; a range starts after the token's
    /// leading zeros (see `tokens`).
    @inline(__always)
    static func forEachToken(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Bool) {
        var start = -1  // start of the current word, in bytes
        var last: UInt32 = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let (v, length) = UTF8Text.decode(bytes, at: i)
            if isWord(v) {
                if start < 0 { start = i }
                last = v
            } else if v == 0x2E, start >= 0, isDigit(last), i + 1 < n, isDigit(UInt32(bytes[i + 1])) {
                last = v
            } else if start >= 0 {
                guard body(withoutLeadingZeros(bytes, start, i), i) else { return }
                start = -1
            }
            i += length
        }
        if start >= 0 { _ = body(withoutLeadingZeros(bytes, start, n), n) }
    }

    /// Where the token `start..<end` begins once the zeros that stand before another digit are skipped.
    @inline(__always)
    static func withoutLeadingZeros(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var start = start
        while start + 1 < end, bytes[start] == 0x30, isDigit(UInt32(bytes[start + 1])) { start += 1 }
        return start
    }

    /// `joinedTokens(VietnameseText.fold(field + " " + text), limit:)` without the folded string between: the two texts fold
    /// into one byte buffer that the tokens are taken from. The fold of a joined text is the join of the folds
    /// whenever every scalar is in the fold table; otherwise the slow way.
    static func foldedBody(field: String, text: String, limit: Int) -> String {
        var field = field, text = text
        let bytes = field.withUTF8 { f in
            text.withUTF8 { t in
                [UInt8](unsafeUninitializedCapacity: 2 * (f.count + 1 + t.count)) { out, count in
                    guard let n = FoldTable.apply(VietnameseText.foldTable, to: f, into: out) else { return }
                    out[n] = 0x20
                    let rest = UnsafeMutableBufferPointer(rebasing: out[(n + 1)...])
                    guard let m = FoldTable.apply(VietnameseText.foldTable, to: t, into: rest) else { return }
                    count = n + 1 + m
                }
            }
        }
        guard !bytes.isEmpty else { return joinedTokens(VietnameseText.fold(field + " " + text), limit: limit) }
        return bytes.withUnsafeBufferPointer { joinedTokens($0, limit: limit) }
    }

    /// `tokens(folded)` joined by single spaces, whole tokens only and at most `limit` UTF-16 units: the body
    /// the index keeps, written straight into one string (not a String per token and then joins: an allocation
    /// and a copy per token, for every page's body).
    static func joinedTokens(_ folded: String, limit: Int) -> String {
        var folded = folded
        return folded.withUTF8 { joinedTokens($0, limit: limit) }
    }

    static func joinedTokens(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        // Each token is followed by at least one byte that is not written, and at most one space is.
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var o = 0
            var units = 0
            forEachToken(bytes) { start, end in
                var tokenUnits = 0
                for k in start..<end where bytes[k] & 0xC0 != 0x80 { tokenUnits += bytes[k] >= 0xF0 ? 2 : 1 }
                let added = tokenUnits + (o == 0 ? 0 : 1)
                guard units + added <= limit else { return false }
                if o > 0 { out[o] = 0x20; o += 1 }
                for k in start..<end { out[o] = bytes[k]; o += 1 }
                units += added
                return true
            }
            return o
        }
    }

    /// The key for "exact match with diacritics": lowercase, whitespace collapsed, NFC, with the tone of a final
    /// "oa", "oe", "uy" moved to the second vowel (hòa → hoà, thủy → thuỷ, khỏe → khoẻ), so both tone placements
    /// compare equal while "hoa" and "hòa" stay different. Final sigma ς → σ, as in `fold`.
    public static func toneKey(_ text: String) -> String {
        let lower = collapseSpaces(text).lowercased()
        // Already NFC with no o/u carrying a tone and no final sigma: nothing would move, and decomposing and
        // recomposing gives the text back. Most titles are like this, and the normaliser is the costly part.
        if VietnameseText.isCertainlyNFC(lower), !lower.unicodeScalars.contains(where: { movableTone.contains($0.value) }) {
            return lower
        }
        return slowToneKey(lower)
    }

    /// The tone key by decomposing: for any lowercased, collapsed text.
    static func slowToneKey(_ lower: String) -> String {
        let scalars = Array(lower.decomposedStringWithCanonicalMapping.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if i + 2 < scalars.count, isTone(scalars[i + 1].value) {
                let first = scalars[i], second = scalars[i + 2]
                if (first == "o" && (second == "a" || second == "e")) || (first == "u" && second == "y") {
                    let atEnd = i + 3 == scalars.count
                        || !(isWord(scalars[i + 3].value) || (0x0300...0x036F).contains(scalars[i + 3].value))
                    out.append(first)
                    if atEnd {
                        out.append(second)
                        out.append(scalars[i + 1])
                    } else {
                        out.append(scalars[i + 1])
                        out.append(second)
                    }
                    i += 3
                    continue
                }
            }
            out.append(scalars[i] == "\u{03C2}" ? "\u{03C3}" : scalars[i])
            i += 1
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Precomposed o and u with a tone mark (ò ó ỏ õ ọ ù ú ủ ũ ụ) and final sigma: what `toneKey` may change.
    static let movableTone: Set<UInt32> = [0xF2, 0xF3, 0xF5, 0x1ECF, 0x1ECD, 0xF9, 0xFA, 0x169, 0x1EE7, 0x1EE5, 0x3C2]

    /// Trims and collapses runs of white space (an explicit list, mirrored in the script) to one space.
    /// `separator` picks another definition of white space (the plain-text pass uses Unicode's); above U+007F
    /// it may only hold scalars of Unicode's White_Space, which the byte shortcut below relies on.
    /// On bytes, straight into the string's storage: the result is never longer than the input.
    @inline(__always)
    static func collapseSpaces(_ text: String, separator: (UInt32) -> Bool = isSpace) -> String {
        var text = text
        return text.withUTF8 { collapseSpaces($0, separator: separator) }
    }

    /// The same from UTF-8 bytes (a Markdown body's plain text), so the text becomes a String once.
    @inline(__always)
    static func collapseSpaces(_ bytes: UnsafeBufferPointer<UInt8>, separator: (UInt32) -> Bool = isSpace) -> String {
        let n = bytes.count
        return String(unsafeUninitializedCapacity: n) { out in
            var o = 0
            var pending = false
            var i = 0
            while i < n {
                // Printable ASCII is a letter or a space under every definition; the rest is decoded and asked.
                let byte = bytes[i]
                if byte > 0x20, byte < 0x7F {
                    if pending && o > 0 { out[o] = 0x20; o += 1 }
                    pending = false
                    out[o] = byte
                    o += 1
                    i += 1
                    continue
                }
                if byte == 0x20 {
                    pending = true
                    i += 1
                    continue
                }
                // White space above U+007F (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) starts with C2, E1 9A,
                // E2 or E3: any other two-byte lead, or E1 before another byte (Vietnamese letters are E1 BA and
                // E1 BB), starts a scalar that no separator counts, copied without decoding.
                let letterLength = byte >= 0xC3 && byte <= 0xDF ? 2 : byte == 0xE1 && i + 1 < n && bytes[i + 1] != 0x9A ? 3 : 0
                if letterLength > 0, i + letterLength <= n {
                    if pending && o > 0 { out[o] = 0x20; o += 1 }
                    pending = false
                    for k in 0..<letterLength { out[o + k] = bytes[i + k] }
                    o += letterLength
                    i += letterLength
                    continue
                }
                let (v, length) = UTF8Text.decode(bytes, at: i)
                if separator(v) {
                    pending = true
                } else {
                    if pending && o > 0 { out[o] = 0x20; o += 1 }
                    pending = false
                    for k in 0..<length { out[o + k] = bytes[i + k] }
                    o += length
                }
                i += length
            }
            return o
        }
    }

    static func isSpace(_ v: UInt32) -> Bool {
        v <= 0x20 || v == 0xA0 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    static func isTone(_ v: UInt32) -> Bool {
        v == 0x0300 || v == 0x0301 || v == 0x0303 || v == 0x0309 || v == 0x0323
    }

    /// Punctuation, symbols and spaces above U+00BF, as inclusive ranges; everything else from U+00C0 up is a letter.
    static let separatorRanges: [ClosedRange<UInt32>] = [
        0xD7...0xD7, 0xF7...0xF7, 0x2000...0x2BFF, 0x2E00...0x2E7F, 0x3000...0x303F,
        0xFE10...0xFE1F, 0xFE30...0xFE6F, 0xFEFF...0xFEFF, 0xFF00...0xFF0F, 0xFF1A...0xFF20,
        0xFF3B...0xFF40, 0xFF5B...0xFF65,
    ]

    /// Letters and digits of a folded text: a–z, 0–9, and anything from U+00C0 up that is not a separator.
    /// (Surrogate halves count as letters in the script, so astral letters give the same tokens.)
    static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return isDigit(v) || (v >= 0x61 && v <= 0x7A) }
        if v < 0xC0 { return false }
        return !separatorRanges.contains { $0.contains(v) }
    }
}
