import Foundation

/// Scalar-by-scalar text rules (search folding, white space, the radio tidy) run on UTF-8 bytes: building bytes
/// and decoding once is much faster than appending scalars to a String, one check and copy per scalar.
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
    /// `contains`, which goes through NSString on every call (the radio writer tests many words this way).
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

    /// Where the line starting at `start` ends: its line feed, or the end of the bytes. `memchr`, not a loop: the
    /// front matter and YAML readers look for every line end of every content file.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        return memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? bytes.count
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

    /// Per-scalar results of a slow fold for U+0000–U+024F, U+0300–U+036F, U+1E00–U+1EFF and U+2000–U+206F, as
    /// UTF-8: up to seven bytes in the low bits, their count in the top byte. `notCovered` elsewhere, for results
    /// longer than two scalars, or longer in bytes than twice the scalar's own (so a text's fold fits in twice
    /// its size).
    static func make(_ slowFold: (String) -> String) -> [UInt64] {
        (0..<0x2070).map { v -> UInt64 in
            // U+0000 takes the slow path, as it always has.
            guard v > 0, v < 0x250 || (0x300...0x36F).contains(v) || (0x1E00...0x1EFF).contains(v) || v >= 0x2000,
                  let scalar = Unicode.Scalar(UInt32(v)) else { return notCovered }
            let folded = slowFold(String(Character(scalar)))
            let bytes = Array(folded.utf8)
            guard folded.unicodeScalars.count <= 2, bytes.count <= 2 * String(scalar).utf8.count, bytes.count <= 7 else { return notCovered }
            var entry = UInt64(bytes.count) << 56
            for (k, byte) in bytes.enumerated() { entry |= UInt64(byte) << (8 * UInt64(k)) }
            return entry
        }
    }

    /// When every scalar is in the table (ASCII, Latin, Vietnamese letters, general punctuation), each folds on
    /// its own and none yields a combining mark that survives, so the result equals the slow fold's; nil otherwise.
    /// Bytes in, bytes out, into the string's own storage: decoding to scalars and appending them costs far more,
    /// and every text the search indexes is folded.
    static func apply(_ table: [UInt64], to text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            var covered = true
            let folded = String(unsafeUninitializedCapacity: 2 * source.count) { out -> Int in
                guard let count = apply(table, to: source, into: out) else {
                    covered = false
                    return 0
                }
                return count
            }
            return covered ? folded : nil
        }
    }

    /// The fold of `source` written into `out` (room for twice its bytes): the number of bytes written, or nil
    /// when a scalar is not in the table.
    @inline(__always)
    static func apply(_ table: [UInt64], to source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        table.withUnsafeBufferPointer { table -> Int? in
            var o = 0
            var i = 0
            while i < source.count {
                // ASCII folds to one ASCII byte (U+0000 excepted: not covered, its entry has no such count);
                // most bytes of a Vietnamese text are ASCII, taken here without decoding.
                let b = source[i]
                if b < 0x80 {
                    let entry = table[Int(b)]
                    if entry >> 56 == 1 {
                        out[o] = UInt8(truncatingIfNeeded: entry)
                        o += 1
                        i += 1
                        continue
                    }
                }
                let (v, length) = UTF8Text.decode(source, at: i)
                let entry = Int(v) < table.count ? table[Int(v)] : notCovered
                guard entry != notCovered else { return nil }
                var bytes = entry
                for _ in 0..<Int(entry >> 56) {
                    out[o] = UInt8(truncatingIfNeeded: bytes)
                    bytes >>= 8
                    o += 1
                }
                i += length
            }
            return o
        }
    }
}
