import Foundation

/// The theme's templates parsed a second time into a tree that renders straight to UTF-8 bytes.
///
/// swift-mustache stays the reference: it parses and checks every template (its errors are what editors see) and
/// renders whatever this form does not cover. Profiling a 10,000-guide site showed most of the page time in its
/// name lookups (a string split and several protocol casts per lookup) and String building, so the common subset
/// is rendered here with the same rules: this parser follows swift-mustache's (standalone lines, indentation,
/// inheritance) step for step, and a test renders every page of the sample site both ways and compares bytes.
///
/// Not covered (the template, or the page, falls back to swift-mustache): transforms `{{f(x)}}`, set delimiters,
/// dynamic partials, pragmas, and a list or an object written as text.
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

    let templates: [String: [Token]]

    /// nil when a template uses something outside the subset: the whole theme then renders with swift-mustache.
    init?(sources: [String: String]) {
        var templates: [String: [Token]] = [:]
        for (name, text) in sources {
            var parser = Parser(Array(text))
            guard let tokens = try? Self.parse(&parser, state: State()) else { return nil }
            templates[name] = tokens
        }
        self.templates = templates
    }

    /// The page, or nil when the template writes a list or an object as text (then swift-mustache renders it).
    func render(_ name: String, _ context: TemplateValues) -> [UInt8]? {
        guard let tokens = templates[name] else { return nil }
        var renderer = Renderer(templates: templates, stack: [.object(context)])
        renderer.out.reserveCapacity(16_384)
        guard renderer.render(tokens, indentation: nil, inherited: nil) else { return nil }
        return renderer.out
    }

    // MARK: - Parsing (swift-mustache's Template+Parser, on an array of characters)

    enum Failure: Error { case unsupported, syntax }

    struct Parser {
        let chars: [Character]
        var position = 0

        init(_ chars: [Character]) { self.chars = chars }

        var reachedEnd: Bool { position == chars.count }
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
            guard position + wanted.count <= chars.count else { throw Failure.syntax }
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

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withInheritancePartial(_ name: String) -> State {
            var s = self
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

    static func parse(_ p: inout Parser, state initial: State) throws -> [Token] {
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
                let name = try parseName(&p)
                guard name == state.sectionName else { throw Failure.syntax }
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
                if triple { guard try p.read(string: "}") else { throw Failure.syntax } }
                tokens.append(.variable(Name(name), escaped: false))
            case ">":
                p.advance()
                p.read(while: \.isWhitespace)
                guard p.current != "*" else { throw Failure.unsupported }
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
                guard name.first != "*" else { throw Failure.unsupported }
                if !whiteSpaceBefore.isEmpty { tokens.append(Self.text(whiteSpaceBefore)) }
                if isStandalone(&p, state) { setNewLine = true }
                let body = try parse(&p, state: state.withInheritancePartial(name))
                var inherits: [String: [Token]] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let tokens): inherits[block] = tokens
                    case .text: break
                    default: throw Failure.syntax
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
            case "=", "%":
                throw Failure.unsupported
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
        guard state.sectionName == nil else { throw Failure.syntax }
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

    /// A tag's name up to `}}`; parentheses (transforms) are left to swift-mustache.
    static func parseName(_ p: inout Parser, allowed: Set<Character> = nameChars) throws -> String {
        p.read(while: \.isWhitespace)
        let text = p.read { allowed.contains($0) }
        p.read(while: \.isWhitespace)
        guard try p.read(string: "}}") else { throw Failure.syntax }
        guard !text.contains("("), !text.contains(")") else { throw Failure.unsupported }
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

    struct Renderer {
        let templates: [String: [Token]]
        var stack: [TemplateValue]
        var out: [UInt8] = []

        /// A template (or section body) in order; with an indentation, each token's output that starts a line
        /// is indented, judged on this template's own output, as swift-mustache does.
        mutating func render(_ tokens: [Token], indentation: String?, inherited: [String: [Token]]?) -> Bool {
            guard let indentation, !indentation.isEmpty else {
                for token in tokens where !render(token, indentation: indentation, inherited: inherited) { return false }
                return true
            }
            let outer = out
            var local: [UInt8] = []
            for token in tokens {
                out = []
                guard render(token, indentation: indentation, inherited: inherited) else { return false }
                if !out.isEmpty, local.last == 0x0A, local.count < 2 || local[local.count - 2] != 0x0D {
                    local.append(contentsOf: indentation.utf8)
                }
                local.append(contentsOf: out)
            }
            out = outer
            out.append(contentsOf: local)
            return true
        }

        mutating func render(_ token: Token, indentation: String?, inherited: [String: [Token]]?) -> Bool {
            switch token {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { return true }
                return write(value, escaped: escaped)
            case .section(let name, let body):
                guard let value = lookup(name) else { return true }
                switch value {
                case .flag(let flag):
                    return flag ? render(body, indentation: indentation, inherited: inherited) : true
                case .list(let items):
                    for item in items where !push(item, body, indentation, inherited) { return false }
                case .text, .number, .object, .html:
                    return push(value, body, indentation, inherited)
                }
            case .inverted(let name, let body):
                guard let value = lookup(name) else { return render(body, indentation: indentation, inherited: inherited) }
                switch value {
                case .flag(let flag):
                    return flag ? true : render(body, indentation: indentation, inherited: inherited)
                case .list(let items):
                    return items.isEmpty ? push(value, body, indentation, inherited) : true
                case .text, .number, .object, .html:
                    return true
                }
            case .block(let name, let fallback, let own):
                let indented = (indentation ?? "") + own
                return render(inherited?[name] ?? fallback, indentation: indented, inherited: inherited)
            case .partial(let name, let own, let inherits):
                guard let tokens = templates[name] else { return true }
                let indented = own.map { (indentation ?? "") + $0 } ?? indentation
                var merged = inherited
                if let inherits {
                    merged = inherited.map { $0.merging(inherits) { outer, _ in outer } } ?? inherits
                }
                return render(tokens, indentation: indented, inherited: merged)
            case .blockDefinition:
                return false
            }
            return true
        }

        mutating func push(_ value: TemplateValue, _ body: [Token], _ indentation: String?, _ inherited: [String: [Token]]?) -> Bool {
            stack.append(value)
            defer { stack.removeLast() }
            return render(body, indentation: indentation, inherited: inherited)
        }

        /// The value a name finds, as swift-mustache finds it: the first object on the stack, from the top, that
        /// has the first part, then each further part inside it; strings, numbers and lists have no children.
        func lookup(_ name: Name) -> TemplateValue? {
            guard let first = name.parts.first else { return stack.last }
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
            for part in name.parts.dropFirst() {
                guard let current = value else { return nil }
                value = current.child(part)
            }
            return value
        }

        /// false for a list or an object, which swift-mustache writes in its own way.
        mutating func write(_ value: TemplateValue, escaped: Bool) -> Bool {
            let text: String
            switch value {
            case .text(let s): text = s
            case .number(let n): text = String(n)
            case .flag(let b): text = b ? "true" : "false"
            case .html(let bytes):
                if escaped { FastHTMLEscaping.escape(String(decoding: bytes, as: UTF8.self), into: &out) } else { out.append(contentsOf: bytes) }
                return true
            case .list, .object: return false
            }
            guard escaped else {
                out.append(contentsOf: text.utf8)
                return true
            }
            FastHTMLEscaping.escape(text, into: &out)
            return true
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
