import Foundation

/// YAML as editors write it, read without libyaml: `key: value` lines, and under a key a deeper block of them, a
/// `- item` list (items on one line, or mappings), or a `|` literal block; values on one line (plain, quoted
/// without escapes, or a one-line `[list]`). libyaml's scanner is dear next to the rest of loading a guide, and
/// nearly every content file is in this plain shape; see Benchmarks/NOTES.md (YAML).
///
/// It gives nil for anything else, and for anything it is not sure libyaml would read the same way (a tab, an
/// escape, a comment after a value, a repeated key, an empty value, a character libyaml refuses...): the reader then
/// asks libyaml, so the trees, and every message about a broken text, stay libyaml's. A test compares both on random
/// texts made of those edge cases.
enum YAMLFastPath {
    static func parse(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            // An empty text is no document (libyaml's nil), and has no storage to point into.
            guard bytes.baseAddress != nil, !bytes.isEmpty, acceptsAllBytes(bytes) else { return nil }
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }

    /// Characters that make libyaml stop or see more than this reader does: controls and tabs, line breaks other than
    /// LF (NEL, U+2028, U+2029), a byte-order mark, U+FFFE/U+FFFF. And more `*name` than the reader lets libyaml
    /// read (`YAMLReader.Prescan.aliasCount`): counted as it counts them, in text too.
    static func acceptsAllBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var aliases = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F && b != 0x2A { i += 1; continue }
            switch b {
            case 0x0A: break
            case 0x2A:
                let before = i > 0 ? bytes[i - 1] : 0x20
                if before == 0x20 || before == 0x5B || before == 0x2C || before == 0x0A, i + 1 < n, Reader.isKeyByte(bytes[i + 1]), bytes[i + 1] != 0x2D {
                    aliases += 1
                    if aliases > 100 { return false }
                }
            case 0xC2: if i + 1 < n, bytes[i + 1] < 0xA0 { return false }
            case 0xE2: if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            case 0xEF:
                if i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false }
                if i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return false }
            default: if b < 0x80 { return false }
            }
            i += 1
        }
        return true
    }

    /// One line of the text. Blank lines and comments are kept: inside a literal block they are text.
    struct Line {
        var number: Int
        var start: Int
        /// Spaces before the first other character; for a list item's mapping, up to its first key.
        var indent: Int
        /// After the last character that is not a space.
        var end: Int
        /// At the line feed, or the end of the text.
        var rawEnd: Int
        /// Blank, or a comment: not an entry of a mapping or a list.
        var isIgnorable: Bool
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var next = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var start = 0
            var number = 1
            let n = bytes.count
            while start <= n {
                let end = UTF8Text.lineEnd(bytes, from: start)
                var indent = 0
                while start + indent < end, bytes[start + indent] == 0x20 { indent += 1 }
                var trimmed = end
                while trimmed > start + indent, bytes[trimmed - 1] == 0x20 { trimmed -= 1 }
                let ignorable = start + indent == trimmed || bytes[start + indent] == 0x23  // `#`
                lines.append(Line(number: number, start: start, indent: indent, end: trimmed, rawEnd: end, isIgnorable: ignorable))
                start = end + 1
                number += 1
            }
        }

        mutating func skipIgnorable() {
            while next < lines.count, lines[next].isIgnorable { next += 1 }
        }

        mutating func document() -> YAMLNode? {
            skipIgnorable()
            guard next < lines.count, let root = mapping(indent: lines[next].indent) else { return nil }
            skipIgnorable()
            return next == lines.count ? root : nil
        }

        /// Lines at `indent` from the current one, each `key: value`, `key: |` over a literal block, or `key:` over
        /// a deeper mapping or list.
        mutating func mapping(indent: Int) -> YAMLNode? {
            // Deep blocks are refused before parsing (`YAMLReader.maxDepth`): libyaml decides those.
            guard indent <= 64 else { return nil }
            let mark = YAMLNode.Mark(line: lines[next].number, column: indent + 1)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(8)
            var keys: [Range<Int>] = []
            while true {
                skipIgnorable()
                guard next < lines.count, lines[next].indent >= indent else { break }
                let line = lines[next]
                // Front matter has a few keys: a long table (checked for repeats key by key) is libyaml's.
                guard line.indent == indent, keys.count < 64, let keyEnd = keyEnd(line, at: line.start + indent) else { return nil }
                let range = (line.start + indent)..<keyEnd
                guard !keys.contains(where: { $0.count == range.count && memcmp(bytes.baseAddress! + $0.lowerBound, bytes.baseAddress! + range.lowerBound, range.count) == 0 }) else {
                    return nil
                }
                keys.append(range)
                let key = YAMLNode.scalar(.init(string: string(range.lowerBound, keyEnd), isPlain: true, mark: .init(line: line.number, column: indent + 1)))
                var p = keyEnd + 1
                next += 1
                if p == line.end {
                    // A block under the key; a key with no value at all is libyaml's to read.
                    guard let block = block(under: indent) else { return nil }
                    pairs.append((key, block))
                    continue
                }
                p = skipSpaces(p, line.end)
                if bytes[p] == 0x7C {  // `|`
                    let mark = YAMLNode.Mark(line: line.number, column: column(line, p))
                    guard p + 1 == line.end, let text = literal(under: indent, mark: mark) else { return nil }
                    pairs.append((key, text))
                    continue
                }
                guard let value = value(line, from: p) else { return nil }
                pairs.append((key, value))
            }
            return .mapping(.init(pairs: pairs, mark: mark))
        }

        /// Where a plain ASCII key at `start` ends, if the line has one there: `key:` then a space or the end.
        /// libyaml takes a key of at most 1,024 characters.
        func keyEnd(_ line: Line, at start: Int) -> Int? {
            var p = start
            while p < line.end, Self.isKeyByte(bytes[p]) { p += 1 }
            guard p > start, p - start <= 1_000, bytes[start] != 0x2D, p < line.end, bytes[p] == 0x3A,
                  p + 1 == line.end || bytes[p + 1] == 0x20 else { return nil }
            return p
        }

        /// The mapping or list indented under a key.
        mutating func block(under indent: Int) -> YAMLNode? {
            skipIgnorable()
            guard next < lines.count, lines[next].indent > indent else { return nil }
            let line = lines[next]
            let p = line.start + line.indent
            if bytes[p] == 0x2D, p + 1 == line.end || bytes[p + 1] == 0x20 { return sequence(indent: line.indent) }
            return mapping(indent: line.indent)
        }

        /// `- item` lines at `indent`: a value on the line, or a mapping that starts there (`- key: value`, its
        /// other keys under the first).
        mutating func sequence(indent: Int) -> YAMLNode? {
            guard indent <= 64 else { return nil }
            let mark = YAMLNode.Mark(line: lines[next].number, column: indent + 1)
            var items: [YAMLNode] = []
            while true {
                skipIgnorable()
                guard next < lines.count, lines[next].indent >= indent else { break }
                let line = lines[next]
                let dash = line.start + indent
                guard line.indent == indent, bytes[dash] == 0x2D, dash + 1 < line.end, bytes[dash + 1] == 0x20 else { return nil }
                let p = skipSpaces(dash + 1, line.end)
                if keyEnd(line, at: p) != nil {
                    lines[next].indent = p - line.start
                    guard let item = mapping(indent: p - line.start) else { return nil }
                    items.append(item)
                } else {
                    guard let item = value(line, from: p) else { return nil }
                    next += 1
                    items.append(item)
                }
            }
            return .sequence(items, mark)
        }

        /// A `|` block from the current line: each line past the first line's indentation, blank lines kept
        /// between, and one line feed at the end (YAML's "clip"). Leading blank lines, and blank lines with
        /// more spaces than the indentation, are libyaml's.
        mutating func literal(under indent: Int, mark: YAMLNode.Mark) -> YAMLNode? {
            guard next < lines.count, case let first = lines[next], first.start + first.indent < first.end,
                  first.indent > indent else { return nil }
            let width = first.indent
            var out: [UInt8] = []
            var breaks = 0
            var last = first
            while next < lines.count {
                let line = lines[next]
                if line.start + line.indent == line.end {
                    guard line.rawEnd - line.start <= width else { return nil }
                    breaks += 1
                    next += 1
                    continue
                }
                if line.indent < width { break }
                if line.number != first.number {
                    out.append(contentsOf: repeatElement(0x0A, count: breaks + 1))
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(line.start + width)..<line.rawEnd]))
                breaks = 0
                last = line
                next += 1
            }
            if last.rawEnd < bytes.count { out.append(0x0A) }
            return .scalar(.init(string: String(decoding: out, as: UTF8.self), isPlain: false, mark: mark))
        }

        /// A value that ends its line.
        func value(_ line: Line, from start: Int) -> YAMLNode? {
            let mark = YAMLNode.Mark(line: line.number, column: column(line, start))
            switch bytes[start] {
            case 0x22, 0x27:
                guard let (node, end) = quoted(line, from: start), end == line.end else { return nil }
                return node
            case 0x5B:
                var items: [YAMLNode] = []
                var p = skipSpaces(start + 1, line.end)
                if p < line.end, bytes[p] == 0x5D {
                    return p + 1 == line.end ? .sequence([], mark) : nil
                }
                while p < line.end {
                    let item: YAMLNode
                    if bytes[p] == 0x22 || bytes[p] == 0x27 {
                        guard let (node, end) = quoted(line, from: p) else { return nil }
                        item = node
                        p = skipSpaces(end, line.end)
                    } else {
                        guard !Self.isIndicator(bytes[p]) else { return nil }
                        let itemStart = p
                        while p < line.end, !Self.endsFlowPlain(bytes[p]) { p += 1 }
                        var itemEnd = p
                        while bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
                        item = .scalar(.init(string: string(itemStart, itemEnd), isPlain: true,
                                             mark: .init(line: line.number, column: column(line, itemStart))))
                    }
                    items.append(item)
                    guard p < line.end else { return nil }
                    if bytes[p] == 0x5D {
                        return p + 1 == line.end ? .sequence(items, mark) : nil
                    }
                    // A comma, then another item: not `]` (a trailing comma) nor the end of the line.
                    guard bytes[p] == 0x2C else { return nil }
                    p = skipSpaces(p + 1, line.end)
                    guard p < line.end, bytes[p] != 0x5D, bytes[p] != 0x2C else { return nil }
                }
                return nil
            default:
                guard !Self.isIndicator(bytes[start]) else { return nil }
                // `: ` or a final `:` would be a key; ` #` starts a comment.
                var p = start
                while p < line.end {
                    let b = bytes[p]
                    if b == 0x3A, p + 1 == line.end || bytes[p + 1] == 0x20 { return nil }
                    if b == 0x23, bytes[p - 1] == 0x20 { return nil }
                    p += 1
                }
                return .scalar(.init(string: string(start, line.end), isPlain: true, mark: mark))
            }
        }

        /// A quoted scalar closed on its line, without escapes; and where it ends.
        func quoted(_ line: Line, from start: Int) -> (YAMLNode, Int)? {
            let quote = bytes[start]
            var p = start + 1
            while p < line.end, bytes[p] != quote {
                if bytes[p] == 0x5C, quote == 0x22 { return nil }
                p += 1
            }
            // `''` inside single quotes is an escaped quote.
            guard p < line.end, !(quote == 0x27 && p + 1 < line.end && bytes[p + 1] == 0x27) else { return nil }
            let mark = YAMLNode.Mark(line: line.number, column: column(line, start))
            return (.scalar(.init(string: string(start + 1, p), isPlain: false, mark: mark)), p + 1)
        }

        func skipSpaces(_ from: Int, _ end: Int) -> Int {
            var p = from
            while p < end, bytes[p] == 0x20 { p += 1 }
            return p
        }

        /// libyaml counts columns in scalars.
        func column(_ line: Line, _ position: Int) -> Int {
            var column = 1
            for p in line.start..<position where bytes[p] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        static func isKeyByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        }

        /// Characters that cannot start a plain scalar, or start one only in cases left to libyaml.
        static func isIndicator(_ b: UInt8) -> Bool {
            switch b {
            case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60, 0x20:
                true
            default: false
            }
        }

        /// Ends a plain item of a one-line list: `,` or `]` end it; `[ { } # : ' "` are left to libyaml.
        static func endsFlowPlain(_ b: UInt8) -> Bool {
            switch b {
            case 0x2C, 0x5D, 0x5B, 0x7B, 0x7D, 0x23, 0x3A, 0x27, 0x22: true
            default: false
            }
        }
    }
}
