// libyaml as Yams builds it (Yams's CYaml module); no second copy of the C parser is linked.
import CYaml

/// A YAML node as the content reader uses it: scalars as their text (the content format reads every value as text,
/// so tags are not kept), mappings in written order, and where each node starts.
enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence([YAMLNode], Mark)

    /// 1-based; libyaml counts columns in Unicode scalars.
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        var string: String
        /// Written without quotes, so `null`, `~` or nothing mean no value.
        var isPlain: Bool
        var mark: Mark
    }

    struct Mapping: RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let s): s.mark
        case .mapping(let m): m.mark
        case .sequence(_, let mark): mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    var mapping: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }
}

/// What stopped a YAML text from being read, in libyaml's words (translated for editors by `YAMLReader`).
struct YAMLSyntaxError: Error {
    var problem: String
    var mark: YAMLNode.Mark?
    /// What libyaml was reading when it stopped ("while parsing a block mapping") and where that began.
    var context: (text: String, mark: YAMLNode.Mark)?
    /// For a key written twice: where it is written again (`mark` is the first, as Yams reports it).
    var repeated: YAMLNode.Mark? = nil
}

/// Builds `YAMLNode` trees from libyaml's events, as Yams's composer does (one document, anchors and aliases,
/// duplicate keys refused) but without its tags and resolvers: the content format never reads tags, and Yams's
/// tree building (tags, duplicate check by hashing whole nodes, pair copies) was the dear part of loading.
final class YAMLComposer {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var anchors: [String: YAMLNode] = [:]

    private init() {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// The single document in `text`, or nil when there is none (an empty text).
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        let composer = YAMLComposer()
        guard yaml_parser_initialize(composer.parser) == 1 else { throw YAMLSyntaxError(problem: "memory", mark: nil, context: nil) }
        var text = text
        // libyaml reads the bytes in place; they stay valid for the whole parse.
        return try text.withUTF8 { bytes in
            yaml_parser_set_encoding(composer.parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(composer.parser, bytes.baseAddress, bytes.count)
            return Result { () throws(YAMLSyntaxError) in try composer.document() }
        }.get()
    }

    /// One event, copied out of libyaml's buffers so it can be freed at once.
    private struct Event {
        var type: yaml_event_type_t
        var mark: YAMLNode.Mark
        var anchor: String?
        /// Set when the node is written with a tag (`! …`, `!x`, `!!str`).
        var tagged = false
        var value = ""
        var isPlain = false
    }

    private func next() throws(YAMLSyntaxError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        var result = Event(type: event.type, mark: mark)
        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? { pointer.map { String(cString: $0) } }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            result.value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            result.isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            result.anchor = name(scalar.anchor)
            result.tagged = scalar.tag != nil
        case YAML_ALIAS_EVENT: result.anchor = name(event.data.alias.anchor)
        case YAML_SEQUENCE_START_EVENT:
            result.anchor = name(event.data.sequence_start.anchor)
            result.tagged = event.data.sequence_start.tag != nil
        case YAML_MAPPING_START_EVENT:
            result.anchor = name(event.data.mapping_start.anchor)
            result.tagged = event.data.mapping_start.tag != nil
        default: break
        }
        return result
    }

    static let tagProblem = "found a tag"

    private func error() -> YAMLSyntaxError {
        let p = parser.pointee
        func mark(_ m: yaml_mark_t) -> YAMLNode.Mark { YAMLNode.Mark(line: Int(m.line) + 1, column: Int(m.column) + 1) }
        let problem = p.problem.map { String(cString: $0) } ?? "memory"
        switch p.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return YAMLSyntaxError(problem: problem, mark: mark(p.problem_mark),
                                   context: p.context.map { (String(cString: $0), mark(p.context_mark)) })
        default:
            // Reader errors (a control character) have an offset, not a line; memory errors have neither.
            return YAMLSyntaxError(problem: problem, mark: nil, context: nil)
        }
    }

    private func document() throws(YAMLSyntaxError) -> YAMLNode? {
        _ = try next()  // stream start
        guard try next().type != YAML_STREAM_END_EVENT else { return nil }  // else: document start
        let root = try node(from: next())
        _ = try next()  // document end
        let after = try next()
        if after.type != YAML_STREAM_END_EVENT {
            throw YAMLSyntaxError(problem: "but found another document", mark: after.mark,
                                  context: ("expected a single document in the stream", YAMLNode.Mark(line: 1, column: 1)))
        }
        return root
    }

    private func node(from event: Event) throws(YAMLSyntaxError) -> YAMLNode {
        // The content format has no tags: `ten: ! Lưu ý` is an editor's text whose `!` YAML would drop silently.
        if event.tagged {
            throw YAMLSyntaxError(problem: Self.tagProblem, mark: event.mark, context: nil)
        }
        let node: YAMLNode
        switch event.type {
        case YAML_ALIAS_EVENT:
            guard let anchor = event.anchor, let target = anchors[anchor] else {
                throw YAMLSyntaxError(problem: "found undefined alias", mark: event.mark, context: nil)
            }
            return target
        case YAML_SCALAR_EVENT:
            node = .scalar(.init(string: event.value, isPlain: event.isPlain, mark: event.mark))
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            var item = try next()
            while item.type != YAML_SEQUENCE_END_EVENT {
                items.append(try self.node(from: item))
                item = try next()
            }
            node = .sequence(items, event.mark)
        default:  // YAML_MAPPING_START_EVENT: libyaml emits no other event here
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var key = try next()
            while key.type != YAML_MAPPING_END_EVENT {
                let k = try self.node(from: key)
                pairs.append((k, try self.node(from: next())))
                key = try next()
            }
            try Self.checkDuplicates(pairs)
            node = .mapping(.init(pairs: try Self.merged(pairs), mark: event.mark))
        }
        // A later anchor of the same name shadows the earlier one, as in YAML.
        if let anchor = event.anchor { anchors[anchor] = node }
        return node
    }

    /// YAML's merge key: `<<: *name` (or a list of them) adds the keys of the named mapping(s) that the mapping
    /// does not write itself; among several, the first that has a key gives it. Editors use it to write a
    /// procedure that differs from another in a few keys. The added pairs keep their marks, so a problem in
    /// one is shown where it is written.
    private static func merged(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLSyntaxError) -> [(key: YAMLNode, value: YAMLNode)] {
        guard let merge = pairs.firstIndex(where: { $0.key.scalar.map { $0.isPlain && $0.string == "<<" } ?? false }) else { return pairs }
        let value = pairs[merge].value
        let sources: [YAMLNode]
        if case .sequence(let items, _) = value { sources = items } else { sources = [value] }
        var result = pairs
        result.remove(at: merge)
        var written = Set(result.compactMap { $0.key.scalar?.string })
        for source in sources {
            guard case .mapping(let mapping) = source else {
                throw YAMLSyntaxError(problem: "`<<` chỉ gộp được một bảng khóa đã đặt tên (viết `<<: *tên`, với `&tên` đặt trước một bảng khóa)",
                                      mark: pairs[merge].key.mark, context: nil)
            }
            for pair in mapping where written.insert(pair.key.scalar?.string ?? "").inserted {
                result.append(pair)
            }
        }
        return result
    }

    /// Keys written twice are refused, reported as Yams does: every repeated key in order, at the first
    /// occurrence of the smallest.
    private static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLSyntaxError) {
        guard pairs.count > 1 else { return }
        var seen: [String: YAMLNode.Mark] = [:]
        seen.reserveCapacity(pairs.count)
        var repeated: [String: (first: YAMLNode.Mark, again: YAMLNode.Mark)] = [:]
        for (key, _) in pairs {
            guard let scalar = key.scalar else { continue }
            if let first = seen[scalar.string] {
                if repeated[scalar.string] == nil { repeated[scalar.string] = (first, scalar.mark) }
            } else {
                seen[scalar.string] = scalar.mark
            }
        }
        guard !repeated.isEmpty else { return }
        let names = repeated.keys.sorted()
        throw YAMLSyntaxError(problem: "khóa bị lặp lại: \(names.joined(separator: ", "))", mark: repeated[names[0]]?.first, context: nil,
                              repeated: repeated[names[0]]?.again)
    }
}
