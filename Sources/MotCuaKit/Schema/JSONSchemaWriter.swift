import Foundation

/// The JSON Schema (draft 2020-12) of each content file kind, made from the schema table, for editors' text
/// editors (the YAML extension of VS Code) and for the test suite's standard validator.
///
/// The schemas follow what the loader accepts: any scalar where it keeps text as written, the spellings it takes
/// for booleans and choices, `additionalProperties: false` wherever it refuses unknown keys. An empty value
/// (`mo_ta:`), which the loader takes as absent, is refused here: an unfinished line is worth a mark in the editor.
public enum JSONSchemaWriter {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The file's text: two-space indentation, keys in a fixed order, a final newline.
    public static func document(for kind: ContentFileKind) -> String {
        var top: [(String, JSONValue)] = [
            ("$schema", .string(dialect)),
            ("title", .string(kind.title)),
            ("description", .string("Tạo bởi `motcua schema` từ bảng khóa của MotCua; không sửa tay.")),
            // The files this schema checks, as a path pattern from the site's root (Tests/quality/check_schemas.py reads it).
            ("$comment", .string(kind.files)),
        ]
        top += objectSchema(kind.schema, atLeastOneKey: false)
        return JSONValue.object(top).rendered() + "\n"
    }

    /// Every schema file by name.
    public static func files() -> [(name: String, text: String)] {
        ContentFileKind.all.map { ($0.schemaFileName, document(for: $0)) }
    }

    /// Writes every schema file into a folder (created when missing); returns the names written.
    @discardableResult
    public static func write(to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var names: [String] = []
        for file in files() {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
            names.append(file.name)
        }
        return names
    }

    // MARK: - Shapes

    static func objectSchema(_ schema: ContentSchema, atLeastOneKey: Bool) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = [("type", .string("object"))]
        if let free = schema.freeKeys {
            result.append(("additionalProperties", property(free)))
            return result
        }
        result.append(("properties", .object(schema.keys.map { ($0.name, property($0)) })))
        let required = schema.keys.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty {
            result.append(("required", .array(required)))
        } else if atLeastOneKey {
            result.append(("minProperties", .int(1)))
        }
        result.append(("additionalProperties", .bool(false)))
        return result
    }

    static func property(_ key: SchemaKey) -> JSONValue {
        var text = key.description
        if case .choice(let values) = key.type {
            text += ". Giá trị: " + values.joined(separator: ", ")
        } else if case .list(.choice(let values), _) = key.type {
            text += ". Giá trị: " + values.joined(separator: ", ")
        }
        if let example = key.example {
            text += ". Ví dụ: " + (isMapping(key.type) ? example : "\(key.name): \(example)")
        }
        return .object([("description", .string(text))] + valueSchema(key.type, inAlternatives: false))
    }

    static func isMapping(_ type: SchemaKey.ValueType) -> Bool {
        if case .mapping = type { return true }
        return false
    }

    /// Any scalar the loader keeps as text: YAML reads `le_phi: 0` as a number and `ma: 2.000720` too.
    static let scalarTypes: JSONValue = .array([.string("string"), .string("number"), .string("boolean")])

    static func valueSchema(_ type: SchemaKey.ValueType, inAlternatives: Bool) -> [(String, JSONValue)] {
        switch type {
        case .text, .markdown:
            return [("type", scalarTypes)]
        case .integer(let range):
            var number: [(String, JSONValue)] = [("type", .string("integer")), ("minimum", .int(range?.lowerBound ?? 0))]
            if let range { number.append(("maximum", .int(range.upperBound))) }
            guard range == nil else { return number }
            // Quoted digits, and thousands grouped by dots, as YAMLReader.parseInteger reads them.
            let written: [(String, JSONValue)] = [("type", .string("string")), ("pattern", .string("^([0-9]+|[0-9]{1,3}(\\.[0-9]{3})+)$"))]
            return [("anyOf", .array([.object(number), .object(written)]))]
        case .boolean:
            let words = (SchemaKey.trueWords + SchemaKey.falseWords).flatMap { [$0, capitalized($0)] }
            return [("anyOf", .array([.object([("type", .string("boolean"))]), .object([("enum", .array(words.map(JSONValue.string)))])]))]
        case .date:
            return [("type", .string("string")), ("pattern", .string("^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$"))]
        case .url:
            return [("type", .string("string")), ("pattern", .string("^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+"))]
        case .slug:
            return [("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))]
        case .choice(let values):
            return [("enum", .array(acceptedChoices(values)))]
        case .list(let item, let single):
            let array: [(String, JSONValue)] = [("type", .string("array")), ("items", .object(valueSchema(item, inAlternatives: false)))]
            guard single else { return array }
            var alternatives: [JSONValue] = [.object(valueSchema(item, inAlternatives: false)), .object(array)]
            // Several choices in one text, as the portal prints them ("Cấp Tỉnh, Cấp Xã"): the loader checks each.
            if case .choice = item { alternatives.append(.object([("type", .string("string")), ("pattern", .string(","))])) }
            return [("anyOf", .array(alternatives))]
        case .object(let schema):
            // Among alternatives a mapping with none of a group's keys is read as a document, not a group.
            return objectSchema(schema, atLeastOneKey: inAlternatives)
        case .anyOf(let alternatives):
            return [("anyOf", .array(alternatives.map { .object(valueSchema($0, inAlternatives: true)) }))]
        case .mapping(let value):
            return [("type", .string("object")), ("additionalProperties", .object(valueSchema(value, inAlternatives: false)))]
        }
    }

    /// The values, a number for each value that is one (YAML reads `muc_do: 3` as a number), then the
    /// Vietnamese spellings the loader takes for them, in lower case and capitalised.
    static func acceptedChoices(_ values: [String]) -> [JSONValue] {
        var result = values.map(JSONValue.string)
        result += values.compactMap { Int($0) }.map(JSONValue.int)
        for value in values {
            if let spelled = SchemaKey.spellings[value] { result += [.string(spelled), .string(capitalized(spelled))] }
            // As printed, and in lower case with a capital first letter ("Cấp Xã", "Cấp xã").
            for phrase in SchemaKey.portalWording[value] ?? [] {
                let sentence = capitalized(phrase.lowercased())
                result += phrase == sentence ? [.string(phrase)] : [.string(phrase), .string(sentence)]
            }
        }
        return result
    }

    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst()
    }
}

/// JSON with keys in the order given, so the generated files diff cleanly.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func rendered(indent: String = "") -> String {
        switch self {
        case .string(let s): return Self.quoted(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .string, .int, .bool: return true
        case .array, .object: return false
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
