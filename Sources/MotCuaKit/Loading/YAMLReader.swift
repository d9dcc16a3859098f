import Foundation

/// Reads typed values out of a YAML tree and records every problem with its line and column.
/// Content keys are Vietnamese without diacritics (the contract); Swift names stay English.
final class YAMLReader {
    let path: String
    var diagnostics = Diagnostics()
    /// Values read; bounds the work a file full of aliases can cause.
    private var visited = 0
    /// Lines before the YAML text in its file (front matter starts on line 2).
    var lineShift = 0
    /// Values one file may make the reader look at: a province's catalog of tens of thousands of procedures
    /// (about 30 values each) fits; a file of nested aliases that would expand past it is stopped, with an
    /// error at the value where it stopped, so no content is ever dropped without a word.
    static let nodeBudget = 5_000_000

    init(path: String) {
        self.path = path
    }

    func location(_ node: YAMLNode?) -> SourceLocation {
        location(node?.mark)
    }

    func location(_ mark: YAMLNode.Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineShift, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineShift, column: mark.column)
    }

    /// The text last parsed, for `textStart`.
    private var text = ""
    /// UTF-8 offsets of the text's line starts, made when first asked for.
    private var lineStarts: [Int]?

    /// Where a scalar's text starts: the mark is the scalar's start — an opening quote, or the `|` / `>` of a
    /// block whose text begins on a later line at its own indentation. Lines of the YAML text (before `lineShift`).
    func textStart(of node: YAMLNode, at location: SourceLocation) -> SourceLocation {
        guard let scalar = node.scalar, !scalar.isPlain else { return location }
        var text = self.text
        if lineStarts == nil {
            lineStarts = text.withUTF8 { bytes in [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 } }
        }
        let starts = lineStarts!
        let line = scalar.mark.line
        guard line >= 1, line <= starts.count else { return location }
        return text.withUTF8 { bytes -> SourceLocation in
            func lineText(_ n: Int) -> ArraySlice<UInt8> {
                let end = n < starts.count ? starts[n] - 1 : bytes.count
                return ArraySlice(bytes[starts[n - 1]..<max(starts[n - 1], end)])
            }
            // The mark's column counts characters; find its byte on the line.
            let own = lineText(line)
            var index = own.startIndex, column = 1
            while index < own.endIndex, column < scalar.mark.column {
                if own[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
                while index < own.endIndex, own[index] & 0xC0 == 0x80 { index += 1 }
            }
            guard index < own.endIndex else { return location }
            var moved = location
            switch own[index] {
            case 0x22, 0x27:  // " '
                moved.column += 1
            case 0x7C, 0x3E:  // | >
                // The block's text starts on the next line (blank lines at its start stay in the value as line
                // feeds); its indentation is that of its first line with text.
                var next = line + 1
                while next <= starts.count, lineText(next).allSatisfy({ $0 == 0x20 }) { next += 1 }
                guard next <= starts.count else { return location }
                moved.line += 1
                moved.column = lineText(next).prefix { $0 == 0x20 }.count + 1
            default:
                break
            }
            return moved
        }
    }

    /// Parses YAML text; `lineOffset` maps front-matter lines back to the file.
    func parse(_ text: String) -> YAMLNode? {
        self.text = text
        lineStarts = nil
        if let node = YAMLFastPath.parse(text) { return node }
        let lineOffset = lineShift
        let scan = Self.prescan(text)
        if let line = scan.excessiveNesting {
            diagnostics.error(
                .yamlTooDeep, "cấu trúc lồng nhau quá sâu (hơn \(Self.maxDepth) cấp); hãy viết phẳng hơn",
                at: SourceLocation(path: path, line: line + lineOffset, column: 1))
            return nil
        }
        if scan.aliasCount > 100 {
            diagnostics.error(
                .yamlAliases, "tệp dùng quá nhiều bí danh YAML (`*tên`); hãy viết giá trị ra trực tiếp",
                at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
            return nil
        }
        do {
            // A tab among a line's leading spaces is named only if libyaml stops: inside a `|` block it is text.
            return try YAMLComposer.compose(text)
        } catch {
            let hint = YAMLSyntaxHint.explain(error, in: text, indentationTab: scan.firstIndentationTab.map { ($0.0, $0.1) }, lineShift: lineOffset)
            diagnostics.error(hint.id, hint.message, at: SourceLocation(path: path, line: hint.line + lineOffset, column: hint.column))
        }
        return nil
    }

    static let maxDepth = 64

    /// What is refused before parsing, found in one pass over the bytes (not a pass over `text.utf8` per check: every
    /// YAML text goes through here); every character that matters is ASCII.
    struct Prescan: Equatable {
        /// Line and column (in scalars) of the first tab among a line's leading spaces and dashes.
        var firstIndentationTab: (Int, Int)?
        /// The first line deeper than `maxDepth`: the composer recurses once per level, and a pathological file
        /// must not exhaust the stack. Flow brackets are counted outside quotes; block nesting is bounded by
        /// indentation width.
        var excessiveNesting: Int?
        /// `*alias` tokens (a `*` after a space, `[`, `,` or a line break, followed by a name character);
        /// `**bold**` in Markdown blocks is not one. Only a flood of them matters.
        var aliasCount = 0

        static func == (a: Prescan, b: Prescan) -> Bool {
            a.firstIndentationTab?.0 == b.firstIndentationTab?.0 && a.firstIndentationTab?.1 == b.firstIndentationTab?.1
                && a.excessiveNesting == b.excessiveNesting && a.aliasCount == b.aliasCount
        }
    }

    static func prescan(_ text: String) -> Prescan {
        var result = Prescan()
        var text = text
        text.withUTF8 { bytes in
            var line = 1
            // The tab check.
            var tabAtLineStart = true
            var column = 1
            // The depth check.
            var depth = 0
            var quote: UInt8 = 0
            var depthAtLineStart = true
            var indent = 0
            // The alias count.
            var before = UInt8(ascii: " ")
            var afterBoundary = false
            for ch in bytes {
                if afterBoundary {
                    let isName = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) || ch == 0x5F
                    if isName { result.aliasCount += 1 }
                }
                afterBoundary = ch == 0x2A && (before == 0x20 || before == 0x5B || before == 0x2C || before == 0x0A)  // * after space [ , newline
                before = ch
                if ch == 0x0A {
                    line += 1
                    column = 1
                    tabAtLineStart = true
                    depthAtLineStart = true
                    indent = 0
                    if quote == 0x27 { quote = 0 }
                    continue
                }
                if result.firstIndentationTab == nil {
                    if tabAtLineStart {
                        if ch == 0x09 { result.firstIndentationTab = (line, column) }
                        if ch != 0x20 && ch != 0x2D { tabAtLineStart = false }
                    }
                    if ch & 0xC0 != 0x80 { column += 1 }
                }
                guard result.excessiveNesting == nil else { continue }
                if depthAtLineStart {
                    if ch == 0x20 {
                        indent += 1
                        if indent > maxDepth * 8 { result.excessiveNesting = line }
                        continue
                    }
                    depthAtLineStart = false
                }
                if quote != 0 {
                    if ch == quote { quote = 0 }
                    continue
                }
                switch ch {
                case 0x22, 0x27: quote = ch  // " '
                case 0x5B, 0x7B:  // [ {
                    depth += 1
                    if depth > maxDepth { result.excessiveNesting = line }
                case 0x5D, 0x7D: depth = max(0, depth - 1)  // ] }
                default: break
                }
            }
        }
        return result
    }

    /// The message; the line libyaml names in its context is a line of the file (front matter starts on line 2).
    static func describe(_ error: YAMLSyntaxError, lineShift: Int = 0) -> String {
        let translated = translate(error.problem)
        guard let context = error.context else { return translated }
        return "\(translated) (\(translate(context.text)) ở dòng \(context.mark.line + lineShift))"
    }

    /// libyaml speaks English; editors read Vietnamese. Every problem and context text libyaml 0.2.5's scanner,
    /// parser and reader can give is here (the YAML hint says more for the common ones); one missing would be
    /// printed in English, which the fuzz test looks for.
    static func translate(_ problem: String) -> String {
        // The composer's own problems (a repeated key, a bad `<<`) are written in Vietnamese already.
        table[problem] ?? (problem.unicodeScalars.contains { !$0.isASCII } ? problem : "YAML không đọc được chỗ này (\(problem))")
    }

    static let table: [String: String] = {
        let directive = "dòng bắt đầu bằng `%` là chỉ thị YAML mà nội dung không dùng; hãy xóa dòng đó, hoặc đặt giá trị bắt đầu bằng `%` trong ngoặc kép"
        let tag = "thẻ `!…` của YAML không dùng trong nội dung; hãy bỏ dấu `!`, hoặc đặt giá trị trong ngoặc kép"
        let escape = "trong ngoặc kép, dấu `\\` mở một mã đặc biệt không hợp lệ; hãy viết `\\\\`, hoặc dùng ngoặc đơn `'…'`"
        let encoding = "tệp có chữ không phải UTF-8; hãy lưu lại tệp với bảng mã UTF-8"
        let tab = "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách"
        return [
            "mapping values are not allowed in this context": "không được đặt dấu `:` ở đây (giá trị có dấu `:` cần đặt trong ngoặc kép)",
            "mapping keys are not allowed in this context": "không được đặt khóa ở đây (kiểm tra thụt lề)",
            "block sequence entries are not allowed in this context": "không được mở danh sách `- ` ở đây (giá trị bắt đầu bằng `- ` cần đặt trong ngoặc kép)",
            "did not find expected key": "không tìm thấy khóa như mong đợi (kiểm tra thụt lề)",
            "did not find expected '-' indicator": "không tìm thấy dấu `-` của mục danh sách (kiểm tra thụt lề)",
            "did not find expected node content": "thiếu giá trị ở đây",
            "did not find expected <document start>": "còn chữ sau dòng `...` (dòng đánh dấu hết nội dung); hãy xóa dòng `...` hoặc phần chữ sau nó",
            "did not find expected <stream-start>": "tệp không bắt đầu như một tệp YAML",
            "did not find expected alphabetic or numeric character": "sau dấu `*` hoặc `&` phải là một tên (chữ, số); nếu đây là chữ thường, hãy đặt cả giá trị trong ngoặc kép",
            "did not find expected comment or line break": "thừa chữ sau ký hiệu `|` hoặc `>`; viết `|` hoặc `>` rồi xuống dòng",
            "did not find expected whitespace": "thiếu dấu cách",
            "did not find expected whitespace or line break": "thiếu dấu cách hoặc xuống dòng",
            "did not find expected ',' or ']'": "thiếu dấu `,` hoặc `]`",
            "did not find expected ',' or '}'": "thiếu dấu `,` hoặc `}`",
            "found character that cannot start any token": "có ký tự không được phép ở đầu giá trị (hãy đặt giá trị trong ngoặc kép)",
            "found unexpected end of stream": "tệp kết thúc đột ngột (một ngoặc hay dấu nháy chưa được đóng)",
            "found unexpected ':'": "dấu `:` đặt sai chỗ (giá trị có dấu `:` cần đặt trong ngoặc kép)",
            "found unexpected document indicator": "dòng `---` hoặc `...` nằm giữa một đoạn chữ trong ngoặc; hãy đóng ngoặc trước dòng đó, hoặc thụt lề nó",
            "found an indentation indicator equal to 0": "số thụt lề ghi sau `|` hoặc `>` không được là 0",
            "could not find expected ':'": "thiếu dấu `:` sau tên khóa",
            "found undefined alias": "dùng bí danh chưa được định nghĩa",
            "found a tab character that violates indentation": tab,
            "found a tab character where an indentation space is expected": tab,
            "control characters are not allowed": "có ký tự điều khiển vô hình; hãy xóa nó",
            YAMLComposer.tagProblem: tag,
            "input is too long": "tệp quá dài",
            "memory": "không đủ bộ nhớ để đọc tệp",
            "could not find expected directive name": directive, "found unknown directive name": directive,
            "found duplicate %YAML directive": directive, "found duplicate %TAG directive": directive,
            "found incompatible YAML document": directive, "did not find expected version number": directive,
            "found extremely long version number": directive, "did not find expected digit or '.' character": directive,
            "found unexpected non-alphabetical character": directive,
            "did not find URI escaped octet": tag, "did not find expected '!'": tag, "did not find expected tag URI": tag,
            "found undefined tag handle": tag, "did not find the expected '>'": tag,
            "found unknown escape character": escape, "did not find expected hexdecimal number": escape,
            "found invalid Unicode character escape code": escape,
            "found an incorrect leading UTF-8 octet": encoding, "found an incorrect trailing UTF-8 octet": encoding,
            "invalid leading UTF-8 octet": encoding, "invalid trailing UTF-8 octet": encoding,
            "invalid length of a UTF-8 sequence": encoding, "incomplete UTF-8 octet sequence": encoding,
            "invalid Unicode character": encoding, "incomplete UTF-16 character": encoding,
            "incomplete UTF-16 surrogate pair": encoding, "expected low surrogate area": encoding,
            "unexpected low surrogate area": encoding, "input error": encoding,
            // Contexts: "(… ở dòng N)".
            "while parsing a block mapping": "trong bảng khóa bắt đầu",
            "while parsing a block collection": "trong danh sách bắt đầu",
            "while parsing a block node": "trong giá trị bắt đầu",
            "while parsing a flow node": "trong giá trị bắt đầu",
            "while parsing a node": "trong giá trị bắt đầu",
            "while parsing a flow sequence": "trong danh sách [ ] bắt đầu",
            "while parsing a flow mapping": "trong bảng { } bắt đầu",
            "while parsing a quoted scalar": "trong chuỗi trong ngoặc bắt đầu",
            "while scanning a quoted scalar": "trong chuỗi trong ngoặc bắt đầu",
            "while scanning a simple key": "trong khóa bắt đầu",
            "while scanning a plain scalar": "trong giá trị bắt đầu",
            "while scanning a block scalar": "trong đoạn chữ `|` hoặc `>` bắt đầu",
            "while scanning an alias": "trong bí danh `*` bắt đầu",
            "while scanning an anchor": "trong tên `&` bắt đầu",
            "while scanning a tag": "trong thẻ `!` bắt đầu", "while parsing a tag": "trong thẻ `!` bắt đầu",
            "while scanning a directive": "trong chỉ thị `%` bắt đầu", "while scanning a %YAML directive": "trong chỉ thị `%` bắt đầu",
            "while scanning a %TAG directive": "trong chỉ thị `%` bắt đầu", "while parsing a %TAG directive": "trong chỉ thị `%` bắt đầu",
            "while parsing a tag directive": "trong chỉ thị `%` bắt đầu", "while scanning a tag directive": "trong chỉ thị `%` bắt đầu",
            "while scanning for the next token": "khi đọc tiếp từ", "while parsing": "khi đọc từ",
            "expected a single document in the stream": "tệp chỉ được có một phần nội dung, bắt đầu",
        ]
    }()

    // MARK: - Shapes

    func countVisit(_ node: YAMLNode) -> Bool {
        visited += 1
        if visited == Self.nodeBudget + 1 {
            diagnostics.error(.yamlTooLarge, "tệp có quá nhiều giá trị (hơn \(VietnameseFormat.grouped(Self.nodeBudget)), giới hạn của MotCua cho một tệp); phần từ đây trở đi không được đọc. Hãy chia tệp thành nhiều tệp, hoặc viết giá trị ra thay cho bí danh `*tên` lồng nhau", at: location(node))
        }
        return visited <= Self.nodeBudget
    }

    func mapping(_ node: YAMLNode, what: String) -> YAMLNode.Mapping? {
        guard countVisit(node) else { return nil }
        if let m = node.mapping { return m }
        diagnostics.error(.wrongType, "\(what) phải là một bảng gồm các dòng `khóa: giá trị`", at: location(node))
        return nil
    }

    func sequence(_ node: YAMLNode, key: String) -> [YAMLNode]? {
        guard countVisit(node) else { return nil }
        if let s = node.sequence { return s }
        diagnostics.error(.wrongType, "`\(key)` phải là một danh sách (mỗi mục một dòng bắt đầu bằng `- `)", at: location(node))
        return nil
    }

    /// Reports keys the schema does not know, with the nearest known key as a suggestion.
    func checkKeys(_ mapping: YAMLNode.Mapping, known: [String], what: String) {
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.error(.wrongType, "tên khóa phải là chữ", at: location(key))
                continue
            }
            if known.contains(name) { continue }
            if let odd = Self.lookAlike(in: name) {
                var message = "khóa `\(Self.visible(name))` trong \(what) có \(odd.description) ở vị trí thứ \(odd.offset + 1)"
                if let suggestion = Self.nearest(to: name, in: known) { message += "; hãy xóa khóa và gõ lại: `\(suggestion)`" } else { message += "; hãy xóa khóa và gõ lại bằng bàn phím" }
                var at = location(key)
                at.column += odd.offset
                diagnostics.error(.unknownKey, message, at: at)
                continue
            }
            var message = "khóa không xác định `\(name)` trong \(what)"
            if let suggestion = Self.nearest(to: name, in: known) {
                message += "; có phải ý bạn là `\(suggestion)`?"
            } else {
                message += "; các khóa hợp lệ: \(known.map { "`\($0)`" }.joined(separator: ", "))"
            }
            diagnostics.error(.unknownKey, message, at: location(key))
        }
    }

    /// The first character of a key that only looks like what it seems: an invisible one (zero-width space,
    /// direction mark, no-break space), or a Cyrillic, Greek or full-width letter in place of a Latin one. Echoed
    /// as it is, such a key reads like a known one and the message makes no sense to an editor.
    static func lookAlike(in name: String) -> (offset: Int, description: String)? {
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            let code = String(format: "U+%04X", scalar.value)
            if Self.isInvisible(scalar) { return (offset, "ký tự vô hình \(code)") }
            switch scalar.value {
            case 0x370...0x3FF, 0x400...0x52F, 0xFF01...0xFF5E:
                return (offset, "chữ `\(scalar)` (\(code), chữ của bảng mã khác, chỉ trông giống chữ Latinh)")
            default: break
            }
        }
        return nil
    }

    /// A character that shows nothing, or only space, other than the space itself: formats, controls, other spaces.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        case .spaceSeparator: return scalar != " "
        default: return false
        }
    }

    /// A key as printed in a message: invisible characters shown by their code.
    static func visible(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if Self.isInvisible(scalar) {
                out += String(format: "<U+%04X>", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The nearest candidate, the first of equally near ones in the order given: callers pass a fixed order,
    /// so the same input gets the same suggestion on every run.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let folded = VietnameseText.fold(word).replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if candidates.contains(folded) { return folded }
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(folded, candidate)
            if d <= max(2, candidate.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: - Values

    func node(_ mapping: YAMLNode.Mapping, _ key: String) -> YAMLNode? {
        // By the key's text; the composer has refused repeated keys, so there is at most one match.
        guard let index = Self.lastIndex(of: key, in: mapping) else { return nil }
        let value = mapping[index].value
        if let scalar = value.scalar, scalar.isPlain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return value
    }

    static func lastIndex(of key: String, in mapping: YAMLNode.Mapping) -> Int? {
        var i = mapping.endIndex
        while i > mapping.startIndex {
            i -= 1
            if mapping[i].key.scalar?.string == key { return i }
        }
        return nil
    }

    func missing(_ key: String, in mapping: YAMLNode.Mapping, what: String, example: String) {
        diagnostics.error(
            .missingKey, "thiếu khóa bắt buộc `\(key)` trong \(what) (ví dụ: `\(key): \(example)`)",
            at: location(mapping.mark))
    }

    func string(_ mapping: YAMLNode.Mapping, _ key: String, required: Bool = false, what: String = "", example: String = "…") -> Located<String>? {
        guard let value = node(mapping, key) else {
            if required { missing(key, in: mapping, what: what, example: example) }
            return nil
        }
        return string(value, key: key, required: required, mapping: mapping, what: what, example: example)
    }

    func string(_ value: YAMLNode, key: String, required: Bool = false, mapping: YAMLNode.Mapping? = nil, what: String = "", example: String = "…") -> Located<String>? {
        guard countVisit(value) else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.error(.wrongType, "`\(key)` phải là một đoạn chữ, không phải danh sách hay bảng", at: location(value))
            return nil
        }
        let text = VietnameseText.trimmed(VietnameseText.nfc(scalar.string))
        if text.isEmpty {
            if required { diagnostics.error(.emptyValue, "`\(key)` không được để trống", at: location(value)) }
            return nil
        }
        return Located(text, at: location(value))
    }

    /// A string or a list of strings; a single value is accepted where a list is expected.
    func stringList(_ mapping: YAMLNode.Mapping, _ key: String) -> [Located<String>] {
        guard let value = node(mapping, key) else { return [] }
        if value.scalar != nil {
            return string(value, key: key).map { [$0] } ?? []
        }
        guard let items = sequence(value, key: key) else { return [] }
        return Self.rejoiningParentheses(items.compactMap { string($0, key: key) })
    }

    /// `[Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)]`: YAML splits at every comma, also one
    /// inside parentheses, as the national portal writes them. An item that opens more parentheses than it
    /// closes takes back the items after it on the same line, until they balance; items on lines of their own
    /// (`- …`) are never joined.
    static func rejoiningParentheses(_ items: [Located<String>]) -> [Located<String>] {
        var result: [Located<String>] = []
        var depth = 0
        var lastLine = -1
        for item in items {
            if depth > 0, item.location.line == lastLine, var last = result.popLast() {
                last.value += ", " + item.value
                result.append(last)
            } else {
                result.append(item)
                depth = 0
            }
            lastLine = item.location.line
            for ch in item.value {
                if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) }
            }
        }
        return result
    }

    func int(_ mapping: YAMLNode.Mapping, _ key: String) -> Located<Int>? {
        guard let value = string(mapping, key) else { return nil }
        if let n = Self.parseInteger(value.value), n >= 0 { return Located(n, at: value.location) }
        diagnostics.error(.wrongType, "`\(key)` phải là một số nguyên không âm, ví dụ `\(key): 1`", at: value.location)
        return nil
    }

    /// "8000", "8.000" and "8,000" all mean eight thousand: the dot groups thousands in Vietnamese, and the
    /// national portal prints a comma. Groups must be of three digits, so "1,5" (a decimal) is no integer.
    static func parseInteger(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        for separator: Character in [".", ","] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count > 1, parts[0].count <= 3, parts.dropFirst().allSatisfy({ $0.count == 3 }),
               parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
                return Int(parts.joined())
            }
        }
        return nil
    }

    /// A text YAML reads as a number that is no whole amount: an exponent (`1e9`), infinity or not-a-number
    /// (`.inf`, `.nan`), a decimal (`8.5`), or digits past the largest integer.
    static func looksLikeNumber(_ text: String) -> Bool {
        let lower = text.lowercased()
        let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
        if [".inf", ".nan"].contains(unsigned) { return true }
        var digits = 0, dots = 0, exponent = false
        for ch in unsigned {
            if ch.isASCII && ch.isNumber { digits += 1 } else if ch == "." { dots += 1 } else if ch == "e" && !exponent && digits > 0 { exponent = true } else if (ch == "-" || ch == "+") && exponent { continue } else { return false }
        }
        return digits > 0 && (exponent || dots == 1 || (dots == 0 && digits > 18))
    }

    func bool(_ mapping: YAMLNode.Mapping, _ key: String) -> Located<Bool>? {
        guard let value = string(mapping, key) else { return nil }
        let word = value.value.lowercased()
        if SchemaKey.trueWords.contains(word) { return Located(true, at: value.location) }
        if SchemaKey.falseWords.contains(word) { return Located(false, at: value.location) }
        diagnostics.error(.wrongType, "`\(key)` chỉ nhận `true` (có) hoặc `false` (không)", at: value.location)
        return nil
    }

    func date(_ mapping: YAMLNode.Mapping, _ key: String, required: Bool = false, what: String = "", example: String = "2026-11-02") -> Located<CalendarDate>? {
        guard let value = string(mapping, key, required: required, what: what, example: example) else { return nil }
        if let date = CalendarDate(parsing: value.value) { return Located(date, at: value.location) }
        diagnostics.error(.invalidDate, "`\(key)`: ngày `\(value.value)` không hợp lệ; viết theo dạng năm-tháng-ngày, ví dụ `2026-11-02`", at: value.location)
        return nil
    }

    /// A full web address. `httpsOnly`: the site's own address, which the sitemap, the feeds and shared links
    /// carry, must be https; a portal elsewhere may still be http.
    func url(_ mapping: YAMLNode.Mapping, _ key: String, httpsOnly: Bool = false) -> Located<String>? {
        guard let value = string(mapping, key) else { return nil }
        let lower = value.value.lowercased()
        let full = URL(string: value.value)?.host != nil
        if lower.hasPrefix("https://"), full { return value }
        if lower.hasPrefix("http://"), full {
            if !httpsOnly { return value }
            diagnostics.error(.invalidUrl, "`\(key)`: địa chỉ của trang phải bắt đầu bằng https:// (bản đồ trang, tin RSS và liên kết chia sẻ đều dùng nó); hãy viết `https://\(value.value.dropFirst(7))`", at: value.location)
            return nil
        }
        diagnostics.error(.invalidUrl, "`\(key)`: `\(value.value)` không phải địa chỉ web đầy đủ (phải bắt đầu bằng \(httpsOnly ? "https://" : "https:// hoặc http://")), ví dụ `https://dichvucong.gov.vn/`", at: value.location)
        return nil
    }

    /// The allowed value a text means, case and diacritics aside: the value itself, its Vietnamese spelling
    /// ("Trực tiếp" → `truc-tiep`), or one of the national portal's phrases for it ("Cấp Xã" → `xa`,
    /// "Dịch vụ bưu chính" → `buu-chinh`), all from `SchemaKey`'s tables.
    static func chosen(_ text: String, allowed: [String]) -> String? {
        if allowed.contains(text) { return text }
        let normalized = VietnameseText.slug(text)
        if allowed.contains(normalized) { return normalized }
        return allowed.first { value in
            SchemaKey.portalWording[value]?.contains { VietnameseText.slug($0) == normalized } ?? false
        }
    }

    /// One of a fixed set of words; the error lists what is allowed.
    func choice(_ mapping: YAMLNode.Mapping, _ key: String, allowed: [String]) -> Located<String>? {
        guard let value = string(mapping, key) else { return nil }
        if let chosen = Self.chosen(value.value, allowed: allowed) { return Located(chosen, at: value.location) }
        diagnostics.error(
            .invalidValue, "`\(key)`: giá trị `\(value.value)` không hợp lệ; chọn một trong: \(allowed.map { "`\($0)`" }.joined(separator: ", "))",
            at: value.location)
        return nil
    }
}
