import Foundation

/// Scalar-by-scalar text rules (search folding, white space, the radio tidy) run on UTF-8 bytes: building bytes
/// and decoding once is several times faster than appending scalars to a String.
enum UTF8Text {
    @inline(__always)
    static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Whether `needle`'s bytes occur in `text`'s: for NFC text, a plain substring test without Foundation's
    /// `contains`, which goes through NSString (6% of making radio texts).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { t in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard t.count >= n.count else { return false }
                for i in 0...(t.count - n.count) where t[i] == first && memcmp(t.baseAddress! + i, n.baseAddress!, n.count) == 0 {
                    return true
                }
                return false
            }
        }
    }

    /// One scalar from valid UTF-8 (a Swift String's bytes): its value and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        if b < 0x80 { return (UInt32(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var v = UInt32(b & (0xFF >> (length + 1)))
        for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (v, length)
    }
}

/// A fold (the search's, `VietnameseText.fold`) precomputed per scalar, for the common case where every scalar
/// of a text is in the table. The table is plain integers: shared arrays of arrays would have both cores bumping
/// the same reference counts.
enum FoldTable {
    static let notCovered = UInt64.max

    /// Per-scalar results of a slow fold for U+0000–U+024F, U+0300–U+036F, U+1E00–U+1EFF and U+2000–U+206F,
    /// packed as up to two scalars (low, high; 0 = none); `notCovered` elsewhere or for longer results.
    static func make(_ slowFold: (String) -> String) -> [UInt64] {
        (0..<0x2070).map { v -> UInt64 in
            // 0 means "no scalar" in an entry, so U+0000 itself takes the slow path.
            guard v > 0, v < 0x250 || (0x300...0x36F).contains(v) || (0x1E00...0x1EFF).contains(v) || v >= 0x2000,
                  let scalar = Unicode.Scalar(UInt32(v)) else { return notCovered }
            let folded = slowFold(String(Character(scalar))).unicodeScalars.map(\.value)
            switch folded.count {
            case 0: return 0
            case 1: return UInt64(folded[0])
            case 2: return UInt64(folded[0]) | UInt64(folded[1]) << 32
            default: return notCovered
            }
        }
    }

    /// When every scalar is in the table (ASCII, Latin, Vietnamese letters, general punctuation), each folds on
    /// its own and none yields a combining mark that survives, so the result equals the slow fold's; nil otherwise.
    static func apply(_ table: [UInt64], to text: String) -> String? {
        var fast: [UInt8] = []
        fast.reserveCapacity(text.utf8.count)
        let covered = table.withUnsafeBufferPointer { table -> Bool in
            for scalar in text.unicodeScalars {
                let v = Int(scalar.value)
                guard v < table.count else { return false }
                let entry = table[v]
                if entry == notCovered { return false }
                if entry & 0xFFFF_FFFF != 0 { UTF8Text.append(UInt32(truncatingIfNeeded: entry), to: &fast) }
                if entry >> 32 != 0 { UTF8Text.append(UInt32(truncatingIfNeeded: entry >> 32), to: &fast) }
            }
            return true
        }
        return covered ? String(decoding: fast, as: UTF8.self) : nil
    }
}
