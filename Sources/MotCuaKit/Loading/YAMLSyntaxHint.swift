/// Turns libyaml's view of a syntax error into the editor's: libyaml names what it expected where it
/// stopped ("mapping values are not allowed in this context", at a colon on the next line), which is often a
/// line after the real mistake and never says what to type. The hint looks at the lines around the stop for
/// the mistakes editors make — a missing space after `:`, a key indented out of line, a tab or a no-break space
/// in the indentation, a value that starts with a YAML sign, a key written twice, a second `---` — and names
/// that line and the fix. Anything else keeps libyaml's message, translated.
struct YAMLSyntaxHint: Equatable {
    var id: DiagnosticID = .yamlSyntax
    var message: String
    /// Line and column in the YAML text (front matter adds its own shift); lines named in the message are
    /// already lines of the file.
    var line: Int
    var column: Int

    static func explain(_ error: YAMLSyntaxError, in text: String, indentationTab: (line: Int, column: Int)?, lineShift: Int = 0) -> YAMLSyntaxHint {
        let stop = error.mark ?? YAMLNode.Mark(line: 1, column: 1)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        // Within the text's lines whatever libyaml counted (SourceText makes its line breaks line feeds).
        let last = max(1, lines.count)
        let from = min(last, max(1, min(error.context?.mark.line ?? stop.line, stop.line - 1)))
        let nearby = from...max(from, min(stop.line, last))

        if error.problem.hasPrefix("khóa bị lặp lại"), let again = error.repeated, let first = error.mark {
            let name = error.problem.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return YAMLSyntaxHint(
                message: "khóa `\(name)` được viết hai lần trong cùng một bảng (lần đầu ở dòng \(first.line + lineShift)); hãy xóa một trong hai dòng, giữ lại giá trị đúng",
                line: again.line, column: again.column)
        }
        if error.problem == "but found another document" {
            return YAMLSyntaxHint(
                message: "dòng `---` này mở phần nội dung thứ hai, nhưng mỗi tệp chỉ có một phần; hãy xóa dòng này (hoặc tách phần sau ra một tệp riêng)",
                line: stop.line, column: stop.column)
        }
        if error.problem == "did not find expected <document start>" {
            return YAMLSyntaxHint(
                message: "còn chữ sau dòng `...` (dòng đánh dấu hết nội dung YAML); hãy xóa dòng `...` hoặc phần chữ sau nó",
                line: stop.line, column: stop.column)
        }
        // A tab inside a `|` block is text; it is named only when libyaml stopped on its line or on a tab.
        if let tab = indentationTab, tab.line <= stop.line, tab.line == stop.line || error.problem.contains("tab") {
            return YAMLSyntaxHint(id: .yamlTab, message: "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách: hãy thay Tab ở đầu dòng bằng dấu cách",
                                  line: tab.line, column: tab.column)
        }
        for number in nearby.reversed() {
            let line = lines[number - 1]
            if let column = leadingNoBreakSpace(line) {
                return YAMLSyntaxHint(
                    message: "dòng thụt lề bằng dấu cách không ngắt (U+00A0, thường lẫn vào khi dán từ Word hay trang web), YAML không coi đó là dấu cách; hãy xóa khoảng trắng đầu dòng và gõ lại bằng phím cách",
                    line: number, column: column)
            }
        }
        for number in nearby {
            if let (key, column) = keyWithoutSpace(lines[number - 1]) {
                let rest = String(String.UnicodeScalarView(lines[number - 1][(column - 1)...]))
                return YAMLSyntaxHint(
                    message: "thiếu dấu cách sau dấu `:` trong `\(key):\(rest)`; hãy viết `\(key): \(rest)`",
                    line: number, column: column)
            }
        }
        if stop.line <= lines.count, let (sign, column) = signStartingValue(lines[stop.line - 1], at: stop.column)
            ?? signStartingValue(lines[stop.line - 1], at: valueStart(lines[stop.line - 1]) ?? 0) {
            let before = lines[stop.line - 1][..<(column - 1)].reversed().drop { $0 == " " }.first
            var value = String(String.UnicodeScalarView(lines[stop.line - 1][(column - 1)...])).trimmingCharacters(in: .whitespaces)
            if value.count > 40 { value = String(value.prefix(40)) + "…" }
            let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            // After `key:` the fix writes the key again; in a list (`- @…`) it is the item alone.
            var example = "- \(quoted)"
            if before == ":" {
                let line = String(String.UnicodeScalarView(lines[stop.line - 1]))
                var key = line.split(separator: ":", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "khoa"
                if key.hasPrefix("- ") { key = String(key.dropFirst(2)) }
                example = "\(key): \(quoted)"
            }
            // A backtick cannot be shown between backticks.
            let shown = sign == "`" ? "dấu huyền ngược (`)" : "`\(sign.trimmingCharacters(in: .whitespaces))`"
            return YAMLSyntaxHint(
                message: "giá trị bắt đầu bằng \(shown), ký tự mà YAML hiểu theo nghĩa riêng; hãy đặt cả giá trị trong ngoặc kép: `\(example)`",
                line: stop.line, column: column)
        }
        // `ten: Ghi chú: nộp bản chính`: a second `: ` in a plain value reads as a key.
        if error.problem == "mapping values are not allowed in this context", stop.line <= lines.count,
           let start = valueStart(lines[stop.line - 1]), start < stop.column {
            let line = lines[stop.line - 1]
            let written = String(String.UnicodeScalarView(line))
            let item = written.drop { $0 == " " }.hasPrefix("- ")
            var key = Substring(String(String.UnicodeScalarView(line[..<(start - 1)]))).drop { $0 == " " || $0 == "-" }
            while key.last == " " || key.last == ":" { key = key.dropLast() }
            // A list item of text ("- Bản sao: có chứng thực: 1 bản") has no key: the whole item is the value.
            let isKey = !key.isEmpty && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            var value = isKey ? String(String.UnicodeScalarView(line[(start - 1)...])) : String(written.drop { $0 == " " || $0 == "-" })
            value = value.trimmingCharacters(in: .whitespaces)
            if value.count > 60 { value = String(value.prefix(60)) + "…" }
            let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let fix = isKey ? "\(key): \(quoted)" : item ? "- \(quoted)" : quoted
            return YAMLSyntaxHint(
                message: "giá trị có dấu `: ` (hai chấm rồi dấu cách), YAML hiểu phần trước nó là tên khóa; hãy đặt cả giá trị trong ngoặc kép: `\(fix)`",
                line: stop.line, column: stop.column)
        }
        if stop.line <= lines.count, let misaligned = misalignedKey(lines, at: stop.line, lineShift: lineShift) {
            return misaligned
        }
        return YAMLSyntaxHint(message: "lỗi cú pháp YAML: \(YAMLReader.describe(error, lineShift: lineShift))", line: stop.line, column: stop.column)
    }

    /// Leading spaces; a no-break space among them is found by `leadingNoBreakSpace`.
    static func indent(_ line: [Unicode.Scalar]) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// The column of the first U+00A0 in a line's leading blanks (spaces, no-break spaces, list dashes).
    static func leadingNoBreakSpace(_ line: [Unicode.Scalar]) -> Int? {
        for (i, ch) in line.enumerated() {
            if ch == "\u{A0}" { return i + 1 }
            if ch != " " && ch != "-" { return nil }
        }
        return nil
    }

    /// `cap:xa` (or `- cap:xa`): a key of the content format's shape directly followed by a value. The column is
    /// the value's. A `http://` or a time such as `7:30` is no such key.
    static func keyWithoutSpace(_ line: [Unicode.Scalar]) -> (String, Int)? {
        var i = 0
        while i < line.count, line[i] == " " || (line[i] == "-" && i + 1 < line.count && line[i + 1] == " ") { i += 1 }
        let start = i
        while i < line.count, ("a"..."z").contains(line[i]) || ("A"..."Z").contains(line[i]) || line[i] == "_" || ("0"..."9").contains(line[i]) { i += 1 }
        guard i > start, i + 1 < line.count, line[i] == ":", !("0"..."9").contains(line[start]) else { return nil }
        let next = line[i + 1]
        guard next != " ", next != "/", next != ":" else { return nil }
        return (String(String.UnicodeScalarView(line[start..<i])), i + 2)
    }

    /// The column where the value of a `key: value` line starts (after `- ` and the first `: `), if it has one.
    static func valueStart(_ line: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < line.count, line[i] == " " || (line[i] == "-" && i + 1 < line.count && line[i + 1] == " ") { i += 1 }
        let keyStart = i
        while i + 1 < line.count, !(line[i] == ":" && line[i + 1] == " ") {
            guard line[i] != "\"", line[i] != "'", line[i] != "#" else { return nil }
            i += 1
        }
        guard i > keyStart, i + 1 < line.count else { return nil }
        i += 1
        while i < line.count, line[i] == " " { i += 1 }
        return i < line.count ? i + 1 : nil
    }

    /// The sign at `column` when it starts a value (after `key: ` or `- `) and YAML reads it as syntax:
    /// `*` (an alias), `&` (an anchor), `!` (a tag), `@` and `` ` `` (reserved), `%`, or `- ` (a list).
    static func signStartingValue(_ line: [Unicode.Scalar], at column: Int) -> (String, Int)? {
        var i = column - 1
        guard i >= 0, i < line.count else { return nil }
        // libyaml may stop just after the sign (an alias with no name): step back onto it.
        if !"*&!@`%-".unicodeScalars.contains(line[i]), i > 0 { i -= 1 }
        guard "*&!@`%-".unicodeScalars.contains(line[i]) else { return nil }
        let before = line[..<i].reversed().drop { $0 == " " }.first
        guard before == ":" || before == "-" else { return nil }
        if line[i] == "-" {
            // A value "- Nghị định …" after `key: `: a list item where a value was expected.
            guard before == ":", i + 1 < line.count, line[i + 1] == " " else { return nil }
            return ("- ", i + 1)
        }
        return (String(line[i]), i + 1)
    }

    /// A key line whose indentation matches no key above it: one space too many after a plain `key: value`,
    /// or an indent between two levels. The message names the indent to use.
    static func misalignedKey(_ lines: [[Unicode.Scalar]], at number: Int, lineShift: Int) -> YAMLSyntaxHint? {
        func keyColumn(_ line: [Unicode.Scalar]) -> Int? {
            var i = 0
            while i < line.count, line[i] == " " || (line[i] == "-" && i + 1 < line.count && line[i + 1] == " ") { i += 1 }
            guard i < line.count, line[i] != "#" else { return nil }
            return line[i...].contains(":") ? i : nil
        }
        func significant(_ line: [Unicode.Scalar]) -> Bool {
            let rest = line.drop { $0 == " " }
            return !rest.isEmpty && rest.first != "#"
        }
        let line = lines[number - 1]
        let own = indent(line)
        guard keyColumn(line) != nil else { return nil }
        var previous = number - 1
        while previous >= 1, !significant(lines[previous - 1]) { previous -= 1 }
        guard previous >= 1, let sibling = keyColumn(lines[previous - 1]) else { return nil }
        let previousLine = lines[previous - 1]
        let trimmed = String(String.UnicodeScalarView(previousLine)).trimmingCharacters(in: .whitespaces)
        let opensBlock = trimmed.hasSuffix(":") || trimmed.hasSuffix("|") || trimmed.hasSuffix(">") || trimmed.hasSuffix("|-") || trimmed.hasSuffix(">-")
        if own > sibling, !opensBlock {
            return YAMLSyntaxHint(
                message: "dòng này thụt lề \(own) dấu cách, nhiều hơn khóa cùng cấp ở dòng \(previous + lineShift) (\(sibling) dấu cách); các khóa trong một bảng phải thẳng cột: hãy thụt lề đúng \(sibling) dấu cách",
                line: number, column: own + 1)
        }
        // The key columns open above this line, innermost first.
        var levels = [sibling]
        var k = previous - 1
        while k >= 1, let smallest = levels.last, smallest > 0 {
            if significant(lines[k - 1]), let column = keyColumn(lines[k - 1]), column < smallest { levels.append(column) }
            k -= 1
        }
        guard own < sibling, !levels.contains(own) else { return nil }
        let nearest = levels.min { abs($0 - own) < abs($1 - own) } ?? sibling
        return YAMLSyntaxHint(
            message: "dòng này thụt lề \(own) dấu cách, không thẳng cột với khóa nào phía trên; hãy thụt lề \(nearest) dấu cách (thẳng cột với khóa cùng cấp)",
            line: number, column: own + 1)
    }
}
