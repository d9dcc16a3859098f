import Foundation

/// A content file's text as every later step sees it: UTF-8 checked, BOM dropped, CRLF folded, invisible marks
/// dropped (each with a warning at its place), NFC.
public struct SourceText: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes bytes an editor saved, on any system; invalid UTF-8 is reported at its line and column.
    public static func decode(_ data: Data, path: String, diagnostics: inout Diagnostics) -> SourceText? {
        data.withUnsafeBytes { raw in
            var bytes = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            // The standard library's check is much faster than ours; ours runs only to say where the bad byte is.
            guard var text = String(validating: bytes, as: UTF8.self) else {
                let bad = firstInvalidUTF8(Array(bytes)) ?? (0, 1, 1)
                diagnostics.error(
                    .invalidUtf8,
                    "tệp không phải văn bản UTF-8 (byte 0x\(String(bytes[bad.offset], radix: 16, uppercase: true))); hãy lưu lại tệp với bảng mã UTF-8",
                    at: SourceLocation(path: path, line: bad.line, column: bad.column))
                return nil
            }
            // Only text with combining marks (lead bytes 0xCC/0xCD for U+0300–U+036F) can change under NFC.
            // Flags without an early exit or a branch, so the loop runs on whole vectors.
            var marks: UInt8 = 0
            var returns: UInt8 = 0
            // C0 controls other than tab, line feed and carriage return, DEL, and 0xC2 (the lead byte of the C1
            // controls U+0080–U+009F, but also of the no-break space): a hit is looked at closely below.
            var controls: UInt8 = 0
            // 0xE2 and 0xEF lead the invisible marks `invisibleLength` names (and also “ ” – …, hence a closer look).
            var formats: UInt8 = 0
            for b in bytes {
                marks |= b & 0xFE == 0xCC ? 1 : 0
                returns |= b == 0x0D ? 1 : 0
                controls |= (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 ? 1 : 0
                formats |= b == 0xE2 || b == 0xEF ? 1 : 0
            }
            if controls != 0, let bad = firstControl(bytes) {
                diagnostics.error(
                    .controlCharacter,
                    "có ký tự điều khiển vô hình U+\(String(format: "%04X", bad.scalar)) ở đây (thường lẫn vào khi dán từ phần mềm khác); hãy xóa ký tự này rồi lưu lại tệp",
                    at: SourceLocation(path: path, line: bad.line, column: bad.column))
                return nil
            }
            // 0xC2 leads the soft hyphen U+00AD too; `controls` was set by it.
            let invisible = (formats != 0 || controls != 0) && bytes.indices.contains { invisibleLength(bytes, at: $0) > 0 || isLineSeparator(bytes, at: $0) }
            if returns != 0 || invisible {
                var folded: [UInt8] = []
                folded.reserveCapacity(bytes.count)
                // Where the current line starts in `bytes`, and its number: only a dropped mark's warning asks.
                var line = 1
                var lineStart = 0
                var reported = 0
                var unreported = 0
                var firstUnreported: SourceLocation?
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    let length = invisible && (b == 0xE2 || b == 0xEF || b == 0xC2) ? invisibleLength(bytes, at: i) : 0
                    if b == 0x0D {
                        // CRLF → LF (drop the CR); a lone CR (old Mac) → LF.
                        if i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                            folded.append(0x0A)
                            line += 1
                            lineStart = i + 1
                        }
                        i += 1
                    } else if b == 0x0A {
                        folded.append(b)
                        line += 1
                        i += 1
                        lineStart = i
                    } else if length > 0 {
                        // Warned at its place, counted in scalars as every located message is; a text pasted
                        // with hundreds of them gets a few warnings and one count, not a screenful.
                        var column = 1
                        for k in lineStart..<i where bytes[k] & 0xC0 != 0x80 { column += 1 }
                        let location = SourceLocation(path: path, line: line, column: column)
                        if reported < maxInvisibleWarnings {
                            let (scalar, _) = UTF8Text.decode(bytes, at: i)
                            diagnostics.warning(.invisibleCharacter, "có \(invisibleName(scalar)) ở đây: không nhìn thấy nhưng làm chữ khác đi (tìm kiếm không ra, khóa không nhận ra), thường lẫn vào khi dán từ Word hay trang web. MotCua đã bỏ ký tự này; hãy xóa nó trong tệp để hết cảnh báo", at: location)
                            reported += 1
                        } else {
                            if firstUnreported == nil { firstUnreported = location }
                            unreported += 1
                        }
                        i += length
                    } else if invisible, isLineSeparator(bytes, at: i) {
                        // U+2028, U+2029: libyaml and cmark count them as line breaks, editors' tools as one
                        // more; a line feed makes every later line number agree.
                        folded.append(0x0A)
                        i += 3
                        line += 1
                        lineStart = i
                    } else {
                        folded.append(b)
                        i += 1
                    }
                }
                if let firstUnreported {
                    diagnostics.warning(.invisibleCharacter, "từ đây còn \(unreported) ký tự vô hình nữa trong tệp, cũng đã được bỏ; hãy dán lại đoạn văn bản dưới dạng chữ thuần (không định dạng) để hết cảnh báo", at: firstUnreported)
                }
                text = String(decoding: folded, as: UTF8.self)
            }
            return SourceText(path: path, text: marks != 0 ? VietnameseText.nfc(text) : text)
        }
    }

    /// Dropped marks warned one by one in a file; past this, one warning counts the rest.
    static let maxInvisibleWarnings = 10

    /// Marks that show nothing and mean nothing in Vietnamese text, pasted with it from Word or the web: the
    /// zero-width space U+200B, the soft hyphen U+00AD, the direction marks U+200E, U+200F, U+202A–U+202E,
    /// U+2066–U+2069, the word joiner U+2060, a BOM inside the text (U+FEFF), and the joiners U+200C, U+200D
    /// except between two emoji (👨‍👩‍👧 is one picture because of them). In a key they would make it unknown; in a
    /// page, a word that search cannot find ("đăng k‎ý" with U+200E). Returns the mark's length in bytes, 0 for
    /// anything else.
    @inline(__always)
    static func invisibleLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i + 1 < bytes.count else { return 0 }
        let a = bytes[i], b = bytes[i + 1]
        if a == 0xC2 { return b == 0xAD ? 2 : 0 }
        guard i + 2 < bytes.count else { return 0 }
        let c = bytes[i + 2]
        if a == 0xEF { return b == 0xBB && c == 0xBF ? 3 : 0 }
        guard a == 0xE2 else { return 0 }
        if b == 0x80 {
            if c == 0x8C || c == 0x8D { return joinsEmoji(bytes, at: i) ? 0 : 3 }
            return c == 0x8B || c == 0x8E || c == 0x8F || (c >= 0xAA && c <= 0xAE) ? 3 : 0
        }
        if b == 0x81 { return c == 0xA0 || (c >= 0xA6 && c <= 0xA9) ? 3 : 0 }
        return 0
    }

    /// Whether the joiner at `i` stands between two emoji: the scalar before it is a pictograph, a skin tone
    /// or the emoji variation selector U+FE0F, and the one after it a pictograph. ASCII digits, `#` and `*`
    /// are emoji only in keycaps, which use no joiner.
    static func joinsEmoji(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i > 0, i + 3 < bytes.count else { return false }
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let before = UTF8Text.decode(bytes, at: start).0
        let after = UTF8Text.decode(bytes, at: i + 3).0
        func pictograph(_ v: UInt32) -> Bool {
            v > 0x7F && (Unicode.Scalar(v)?.properties.isEmoji ?? false)
        }
        return (pictograph(before) || before == 0xFE0F) && pictograph(after)
    }

    /// How a warning names a dropped mark.
    static func invisibleName(_ scalar: UInt32) -> String {
        let code = String(format: "U+%04X", scalar)
        switch scalar {
        case 0x200B: return "dấu cách vô hình (\(code), zero-width space)"
        case 0x00AD: return "dấu gạch nối mềm (\(code), soft hyphen)"
        case 0x200C, 0x200D: return "ký tự nối vô hình (\(code), zero-width joiner)"
        case 0x2060: return "ký tự nối từ vô hình (\(code), word joiner)"
        case 0xFEFF: return "dấu BOM (\(code)) nằm giữa văn bản"
        default: return "dấu định hướng chữ vô hình (\(code))"
        }
    }

    /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR at `i`.
    @inline(__always)
    static func isLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
    }

    /// The first control character that is not tab, line feed or carriage return (C0, DEL, C1), on valid UTF-8;
    /// the column counts scalars, as every located message does.
    static func firstControl(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalar: UInt32, line: Int, column: Int)? {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0A {
                line += 1
                column = 1
            } else if (b < 0x20 && b != 0x09 && b != 0x0D) || b == 0x7F {
                return (UInt32(b), line, column)
            } else if previous == 0xC2 && b >= 0x80 && b <= 0x9F {
                return (UInt32(b), line, column - 1)
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            previous = b
        }
        return nil
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var i = 0
        var line = 1
        var column = 1
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            var length = 0
            var minScalar: UInt32 = 0
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2; minScalar = 0x80
            case 0xE0...0xEF: length = 3; minScalar = 0x800
            case 0xF0...0xF4: length = 4; minScalar = 0x10000
            default: return (i, line, column)
            }
            if length > 1 {
                guard i + length <= n else { return (i, line, column) }
                var scalar = UInt32(b) & (0xFF >> (length + 1))
                for k in 1..<length {
                    let c = bytes[i + k]
                    guard c & 0xC0 == 0x80 else { return (i, line, column) }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return (i, line, column)
                }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }
}
