import Foundation

/// The theme's templates, parsed into one flat program that renders straight to UTF-8 bytes: the only template
/// renderer. It follows swift-mustache's rules (standalone lines, indentation, partials, inheritance), and the
/// tests render templates and every page of the sample site with swift-mustache as the oracle and compare bytes.
///
/// The subset: variables, sections, inverted sections, comments, partials and inheritance (`{{<parent}}`,
/// `{{$block}}`). A template using anything else (transforms `{{f(x)}}`, set delimiters, dynamic partials,
/// pragmas) is refused when the theme loads, at its file, line and column. A list or an object written as text
/// writes nothing.
struct CompiledTemplates: Sendable {
    indirect enum Token: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Token])
        case inverted(Name, [Token])
        case block(String, [Token], indentation: String)
        case partial(String, indentation: String?, inherits: [String: [Token]]?)
        /// Only inside `{{<parent}}…{{/parent}}`, collected into the partial's `inherits`.
        case blockDefinition(String, [Token])
    }

    /// A tag name, split once: "." is the current object, ".a" looks only at it, "a.b" climbs the stack for "a".
    struct Name: Sendable {
        var parts: [String]
        var currentOnly: Bool

        init(_ text: String) {
            parts = text.split(separator: ".").map(String.init)
            currentOnly = text.first == "."
        }
    }

    let program: Program

    init(_ templates: [String: [Token]]) {
        program = Program(templates)
    }

    /// A template that cannot be used, with where (line and column, from 1) and why, in Vietnamese.
    struct Refusal: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// One template's tokens, or where and why it is refused.
    static func parse(_ text: String) -> Result<[Token], Refusal> {
        var parser = Parser(Array(text))
        do {
            return .success(try parse(&parser, state: State()))
        } catch {
            let (line, column) = parser.lineAndColumn()
            return .failure(Refusal(line: line, column: column, message: (error as? Failure)?.message ?? "\(error)"))
        }
    }

    /// Parses every template; nil when one is refused (the tests' shorthand).
    init?(sources: [String: String]) {
        var templates: [String: [Token]] = [:]
        for (name, text) in sources {
            guard case .success(let tokens) = Self.parse(text) else { return nil }
            templates[name] = tokens
        }
        self.init(templates)
    }

    /// The page; a template the theme does not have writes nothing.
    func render(_ name: String, _ context: TemplateValues) -> [UInt8] {
        guard let template = program.templateIndex[name] else { return [] }
        let range = program.templateRanges[template]
        var renderer = Renderer(program: program, stack: [.object(context)])
        renderer.out.reserveCapacity(16_384)
        renderer.run(range.lowerBound, range.upperBound, indentation: "", inherited: [])
        return renderer.out
    }

    // MARK: - Parsing (swift-mustache's Template+Parser, on an array of characters)

    /// Why a template is refused; the syntax errors are swift-mustache's, with the same positions.
    enum Failure: Error {
        case unsupported(String)
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, illegalTokenInsideInheritSection
        /// Blocks nested past `maxDepth`: the parser and the renderer recurse once per level, and tens of thousands
        /// of levels would overflow the stack.
        case tooDeep

        var message: String {
            switch self {
            case .unsupported(let what):
                return "MotCua không hỗ trợ \(what) trong mẫu giao diện; hãy viết bằng biến `{{tên}}`, khối `{{#tên}}…{{/tên}}` và `{{> tên}}`"
            case .sectionCloseNameIncorrect: return "lỗi cú pháp mẫu giao diện: thẻ đóng `{{/…}}` không khớp với thẻ mở"
            case .unfinishedName: return "lỗi cú pháp mẫu giao diện: thẻ `{{…}}` chưa được đóng"
            case .expectedSectionEnd: return "lỗi cú pháp mẫu giao diện: thiếu thẻ đóng `{{/…}}` cho một khối"
            case .illegalTokenInsideInheritSection: return "lỗi cú pháp mẫu giao diện: trong `{{<…}}` chỉ được có các khối `{{$…}}`"
            case .tooDeep: return "các khối `{{#…}}` lồng nhau quá sâu (hơn \(CompiledTemplates.maxDepth) cấp); hãy viết phẳng hơn"
            }
        }
    }

    struct Parser {
        let chars: [Character]
        var position = 0

        init(_ chars: [Character]) { self.chars = chars }

        var reachedEnd: Bool { position == chars.count }

        /// Where the parser stands, counted as swift-mustache counts for its errors: line breaks before it,
        /// characters since the last one.
        func lineAndColumn() -> (line: Int, column: Int) {
            let end = min(position, chars.count)
            var lineStart = end
            while lineStart > 0, !chars[lineStart - 1].isNewline { lineStart -= 1 }
            return (1 + chars[..<end].lazy.filter(\.isNewline).count, end - lineStart + 1)
        }
        var current: Character { position < chars.count ? chars[position] : "\0" }
        mutating func advance() { position += 1 }

        @discardableResult
        mutating func read(while test: (Character) -> Bool) -> String {
            let start = position
            while position < chars.count, test(chars[position]) { position += 1 }
            return String(chars[start..<position])
        }

        /// `count` characters equal to `string`, consumed; not consumed otherwise. Short input is an error,
        /// as in swift-mustache.
        mutating func read(string: String) throws -> Bool {
            let wanted = Array(string)
            guard position + wanted.count <= chars.count else { throw Failure.unfinishedName }
            guard Array(chars[position..<(position + wanted.count)]) == wanted else { return false }
            position += wanted.count
            return true
        }
    }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: String?
        /// Blocks open around this point; parsing and rendering recurse once per level.
        var depth = 0

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var s = self
            s.depth += 1
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withInheritancePartial(_ name: String) -> State {
            var s = self
            s.depth += 1
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func text(_ s: String) -> Token { .text(Array(s.utf8)) }

    static let maxDepth = 100

    static func parse(_ p: inout Parser, state initial: State) throws -> [Token] {
        guard initial.depth <= maxDepth else { throw Failure.tooDeep }
        var tokens: [Token] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !p.reachedEnd {
            if state.newLine {
                let whiteSpace = p.read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&p)
            if p.current.isNewline {
                tokens.append(Self.text(whiteSpaceBefore + text + String(p.current)))
                state.newLine = true
                p.advance()
                continue
            }
            if !text.isEmpty {
                tokens.append(Self.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if p.reachedEnd { break }
            var setNewLine = false
            switch p.current {
            case "#", "^":
                let inverted = p.current == "^"
                p.advance()
                let name = try parseName(&p)
                if isStandalone(&p, state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(Self.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                tokens.append(inverted ? .inverted(Name(name), body) : .section(Name(name), body))
            case "/":
                p.advance()
                let nameStart = p.position
                let name = try parseName(&p)
                guard name == state.sectionName else {
                    p.position = nameStart  // where swift-mustache places this error
                    throw Failure.sectionCloseNameIncorrect
                }
                if isStandalone(&p, state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(Self.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return tokens
            case "!":
                p.advance()
                while !p.reachedEnd, !(try p.read(string: "}}")) { p.advance() }
                setNewLine = isStandalone(&p, state)
            case "{", "&":
                let triple = p.current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(Self.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                p.advance()
                let name = try parseName(&p)
                if triple { guard try p.read(string: "}") else { throw Failure.unfinishedName } }
                tokens.append(.variable(Name(name), escaped: false))
            case ">":
                p.advance()
                p.read(while: \.isWhitespace)
                guard p.current != "*" else { throw Failure.unsupported("partial động `{{>*…}}`") }
                let name = try parsePartialName(&p)
                if !whiteSpaceBefore.isEmpty { tokens.append(Self.text(whiteSpaceBefore)) }
                if isStandalone(&p, state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: whiteSpaceBefore, inherits: nil))
                } else {
                    tokens.append(.partial(name, indentation: nil, inherits: nil))
                }
                whiteSpaceBefore = ""
            case "<":
                p.advance()
                p.read(while: \.isWhitespace)
                let name = try parsePartialName(&p)
                guard name.first != "*" else { throw Failure.unsupported("khuôn cha động `{{<*…}}`") }
                if !whiteSpaceBefore.isEmpty { tokens.append(Self.text(whiteSpaceBefore)) }
                if isStandalone(&p, state) { setNewLine = true }
                let body = try parse(&p, state: state.withInheritancePartial(name))
                var inherits: [String: [Token]] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let tokens): inherits[block] = tokens
                    case .text: break
                    default: throw Failure.illegalTokenInsideInheritSection
                    }
                }
                tokens.append(.partial(name, indentation: whiteSpaceBefore, inherits: inherits))
                whiteSpaceBefore = ""
            case "$":
                p.advance()
                let name = try parseName(&p)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&p, state) { setNewLine = true }
                    let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(Self.text(whiteSpaceBefore)) }
                    if isStandalone(&p, state) { setNewLine = true }
                    let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.block(name, body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
            case "=":
                throw Failure.unsupported("đổi dấu phân cách `{{=… …=}}`")
            case "%":
                throw Failure.unsupported("pragma `{{%…}}`")
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(Self.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try parseName(&p)
                tokens.append(.variable(Name(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure.expectedSectionEnd }
        return tokens
    }

    static func readUntilDelimiterOrNewline(_ p: inout Parser) throws -> String {
        var total = ""
        while !p.reachedEnd {
            total += p.read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if p.current.isNewline {
                break
            } else if p.current == "{" {
                if try p.read(string: "{{") { break }
                total += "{"
                p.advance()
            }
        }
        return total
    }

    /// A tag's name up to `}}`; parentheses (transforms) are refused.
    static func parseName(_ p: inout Parser, allowed: Set<Character> = nameChars) throws -> String {
        p.read(while: \.isWhitespace)
        let text = p.read { allowed.contains($0) }
        p.read(while: \.isWhitespace)
        guard try p.read(string: "}}") else { throw Failure.unfinishedName }
        guard !text.contains("("), !text.contains(")") else { throw Failure.unsupported("hàm biến đổi `{{f(x)}}`") }
        return text
    }

    static func parsePartialName(_ p: inout Parser) throws -> String {
        try parseName(&p, allowed: partialNameChars)
    }

    static func isStandalone(_ p: inout Parser, _ state: State) -> Bool {
        guard state.newLine else { return false }
        if p.reachedEnd { return true }
        var ahead = p
        ahead.read { $0 == " " || $0 == "\t" }
        if ahead.current.isNewline {
            ahead.advance()
            p.position = ahead.position
            return true
        }
        return false
    }

    // MARK: - Rendering (swift-mustache's Template+Render)

    /// The token trees flattened into one array of plain operations, with texts and names in tables: walking
    /// the trees retained and released every token's payload on every page; plain operations in an array need neither.
    /// A section, block or partial operation is followed by its body; `end` is where the operation after it starts.
    struct Program: Sendable {
        enum Kind: UInt8, Sendable {
            case text, escaped, raw, section, inverted, block, partial
        }

        struct Operation: Sendable {
            var kind: Kind
            /// text: start in `bytes`; variable or section: index in `names`; block: block number; partial: the
            /// template, or -1 when the theme has none of that name (it writes nothing, as in swift-mustache).
            var a: Int32
            /// text: byte count; partial: index in `inherits`, or -1.
            var b: Int32 = 0
            /// block and partial: index in `indentations`, or -1 (a partial not standing alone).
            var indentation: Int32 = -1
            /// Where the next operation at this level starts (after the body).
            var end: Int32 = 0
        }

        /// A name's parts in `parts`: "." has none (the current value).
        struct Name: Sendable {
            var start: Int32
            var count: Int32
            var currentOnly: Bool
        }

        /// A block body given by a parent's child: `{{$name}}…{{/name}}` inside `{{<parent}}`.
        struct Override: Sendable {
            var block: Int32
            var start: Int32
            var end: Int32
        }

        var operations: [Operation] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var parts: [String] = []
        var indentations: [String] = []
        var inherits: [[Override]] = []
        var templateIndex: [String: Int] = [:]
        var templateRanges: [Range<Int>] = []
        private var blockNumbers: [String: Int32] = [:]

        init(_ templates: [String: [Token]]) {
            // Numbered first, so a partial can name a template laid out after it.
            for name in templates.keys.sorted() {
                templateIndex[name] = templateRanges.count
                templateRanges.append(0..<0)
            }
            for name in templates.keys.sorted() {
                let start = operations.count
                emit(templates[name]!)
                templateRanges[templateIndex[name]!] = start..<operations.count
            }
        }

        private mutating func block(_ name: String) -> Int32 {
            if let n = blockNumbers[name] { return n }
            let n = Int32(blockNumbers.count)
            blockNumbers[name] = n
            return n
        }

        private mutating func name(_ name: CompiledTemplates.Name) -> Int32 {
            names.append(Name(start: Int32(parts.count), count: Int32(name.parts.count), currentOnly: name.currentOnly))
            parts.append(contentsOf: name.parts)
            return Int32(names.count - 1)
        }

        private mutating func indentation(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            indentations.append(text)
            return Int32(indentations.count - 1)
        }

        private mutating func emit(_ tokens: [Token]) {
            for token in tokens {
                let at = operations.count
                switch token {
                case .text(let text):
                    operations.append(Operation(kind: .text, a: Int32(bytes.count), b: Int32(text.count)))
                    bytes.append(contentsOf: text)
                case .variable(let n, let escaped):
                    operations.append(Operation(kind: escaped ? .escaped : .raw, a: name(n)))
                case .section(let n, let body), .inverted(let n, let body):
                    if case .section = token {
                        operations.append(Operation(kind: .section, a: name(n)))
                    } else {
                        operations.append(Operation(kind: .inverted, a: name(n)))
                    }
                    emit(body)
                case .block(let n, let fallback, let own):
                    operations.append(Operation(kind: .block, a: block(n), indentation: indentation(own)))
                    emit(fallback)
                case .partial(let n, let own, let given):
                    let template = templateIndex[n].map(Int32.init) ?? -1
                    operations.append(Operation(kind: .partial, a: template, b: -1, indentation: indentation(own)))
                    if let given {
                        var overrides: [Override] = []
                        for (blockName, body) in given.sorted(by: { $0.key < $1.key }) {
                            let start = operations.count
                            emit(body)
                            overrides.append(Override(block: block(blockName), start: Int32(start), end: Int32(operations.count)))
                        }
                        operations[at].b = Int32(inherits.count)
                        inherits.append(overrides)
                    }
                case .blockDefinition:
                    // The parser makes these only inside a parent's body and collects them there: never reached.
                    break
                }
                operations[at].end = Int32(operations.count)
            }
        }
    }

    struct Renderer {
        let program: Program
        var stack: [TemplateValue]
        var out: [UInt8] = []

        /// Operations `start..<end` in order; with an indentation, each operation's output that starts a line
        /// is indented, judged on this template's own output, as swift-mustache does.
        mutating func run(_ start: Int, _ end: Int, indentation: String, inherited: [Program.Override]) {
            var i = start
            guard !indentation.isEmpty else {
                while i < end {
                    render(i, indentation: indentation, inherited: inherited)
                    i = Int(program.operations[i].end)
                }
                return
            }
            var outer: [UInt8] = []
            swap(&outer, &out)
            var local: [UInt8] = []
            while i < end {
                out = []
                render(i, indentation: indentation, inherited: inherited)
                if !out.isEmpty, local.last == 0x0A, local.count < 2 || local[local.count - 2] != 0x0D {
                    local.append(contentsOf: indentation.utf8)
                }
                local.append(contentsOf: out)
                i = Int(program.operations[i].end)
            }
            swap(&outer, &out)
            out.append(contentsOf: local)
        }

        mutating func render(_ i: Int, indentation: String, inherited: [Program.Override]) {
            let op = program.operations[i]
            let body = i + 1
            let end = Int(op.end)
            switch op.kind {
            case .text:
                let start = Int(op.a)
                program.bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<(start + Int(op.b))])) }
            case .escaped, .raw:
                guard let value = lookup(op.a) else { return }
                write(value, escaped: op.kind == .escaped)
            case .section:
                guard let value = lookup(op.a) else { return }
                switch value {
                case .flag(let flag):
                    if flag { run(body, end, indentation: indentation, inherited: inherited) }
                case .list(let items):
                    for item in items { push(item, body, end, indentation, inherited) }
                case .text, .number, .object, .html:
                    push(value, body, end, indentation, inherited)
                }
            case .inverted:
                guard let value = lookup(op.a) else { return run(body, end, indentation: indentation, inherited: inherited) }
                switch value {
                case .flag(let flag):
                    if !flag { run(body, end, indentation: indentation, inherited: inherited) }
                case .list(let items):
                    if items.isEmpty { push(value, body, end, indentation, inherited) }
                case .text, .number, .object, .html:
                    break
                }
            case .block:
                let indented = op.indentation < 0 ? indentation : indentation + program.indentations[Int(op.indentation)]
                if let given = inherited.first(where: { $0.block == op.a }) {
                    return run(Int(given.start), Int(given.end), indentation: indented, inherited: inherited)
                }
                run(body, end, indentation: indented, inherited: inherited)
            case .partial:
                guard op.a >= 0 else { return }
                let indented = op.indentation < 0 ? indentation : indentation + program.indentations[Int(op.indentation)]
                let range = program.templateRanges[Int(op.a)]
                // The outer template's blocks win over the parent's own: they come first.
                let merged = op.b < 0 ? inherited : inherited + program.inherits[Int(op.b)]
                run(range.lowerBound, range.upperBound, indentation: indented, inherited: merged)
            }
        }

        mutating func push(_ value: TemplateValue, _ start: Int, _ end: Int, _ indentation: String, _ inherited: [Program.Override]) {
            stack.append(value)
            defer { stack.removeLast() }
            run(start, end, indentation: indentation, inherited: inherited)
        }

        /// The value a name finds, as swift-mustache finds it: the first object on the stack, from the top, that
        /// has the first part, then each further part inside it; strings, numbers and lists have no children.
        func lookup(_ index: Int32) -> TemplateValue? {
            let name = program.names[Int(index)]
            guard name.count > 0 else { return stack.last }
            let first = program.parts[Int(name.start)]
            var value: TemplateValue?
            if name.currentOnly {
                value = stack.last?.child(first)
            } else {
                var i = stack.count
                while i > 0 {
                    i -= 1
                    if let found = stack[i].child(first) {
                        value = found
                        break
                    }
                }
            }
            var part = Int(name.start) + 1
            while part < Int(name.start + name.count) {
                guard let current = value else { return nil }
                value = current.child(program.parts[part])
                part += 1
            }
            return value
        }

        /// Text, a number or a flag as text; a list or an object writes nothing.
        mutating func write(_ value: TemplateValue, escaped: Bool) {
            let text: String
            switch value {
            case .text(let s): text = s
            case .number(let n): text = String(n)
            case .flag(let b): text = b ? "true" : "false"
            case .html(let bytes):
                if escaped { HTMLEscaping.escape(String(decoding: bytes, as: UTF8.self), into: &out) } else { out.append(contentsOf: bytes) }
                return
            case .list, .object: return
            }
            guard escaped else { return out.append(contentsOf: text.utf8) }
            HTMLEscaping.escape(text, into: &out)
        }
    }
}

extension TemplateValue {
    /// A named child: only objects have them.
    func child(_ name: String) -> TemplateValue? {
        guard case .object(let values) = self else { return nil }
        return values[name]
    }
}
