import Foundation

/// The editors' guide's key table of each file kind, made from the schema table. In the guide a table sits
/// between `<!-- schema:<id> -->` and `<!-- /schema:<id> -->`; `motcua schema --docs` rewrites what is between.
public enum SchemaKeyTable {
    public static let header = "| Khóa | Kiểu | Bắt buộc | Giá trị hợp lệ | Ví dụ | Mô tả |\n|---|---|---|---|---|---|\n"

    /// The Markdown table of one file kind: nested keys follow their parent as `cha` → `con`; a nested schema
    /// met a second time (the documents inside a group) is not listed again.
    public static func table(for kind: ContentFileKind) -> String {
        var seen: Set<String> = []
        return header + rows(kind.schema, path: [], seen: &seen).joined()
    }

    public static func startMarker(_ kind: ContentFileKind) -> String { "<!-- schema:\(kind.id) -->" }
    public static func endMarker(_ kind: ContentFileKind) -> String { "<!-- /schema:\(kind.id) -->" }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case missingMarkers(String)

        public var description: String {
            switch self {
            case .missingMarkers(let id):
                return "không tìm thấy cặp dòng `<!-- schema:\(id) -->` … `<!-- /schema:\(id) -->` trong tài liệu"
            }
        }
    }

    /// The guide with every marked table replaced by the one the schema gives.
    public static func rewrite(_ document: String) throws(Failure) -> String {
        var text = document
        for kind in ContentFileKind.all {
            guard let start = text.range(of: startMarker(kind) + "\n"),
                  let end = text.range(of: endMarker(kind), range: start.upperBound..<text.endIndex) else {
                throw .missingMarkers(kind.id)
            }
            text.replaceSubrange(start.upperBound..<end.lowerBound, with: table(for: kind))
        }
        return text
    }

    // MARK: - Rows

    static func rows(_ schema: ContentSchema, path: [String], seen: inout Set<String>) -> [String] {
        seen.insert(schema.id)
        if let free = schema.freeKeys {
            return [row(free, cell: free.name, path: path, expanded: false)]
        }
        var result: [String] = []
        for key in schema.keys {
            let keyPath = path + [key.name]
            let cell = keyPath.map { "`\($0)`" }.joined(separator: " → ")
            let nested = nestedSchemas(key.type).filter { !seen.contains($0.id) }
            result.append(row(key, cell: cell, path: keyPath, expanded: !nested.isEmpty))
            for inner in nested where !seen.contains(inner.id) {
                result += rows(inner, path: keyPath, seen: &seen)
            }
        }
        return result
    }

    static func row(_ key: SchemaKey, cell: String, path: [String], expanded: Bool) -> String {
        let example: String
        if let value = key.example {
            if case .mapping = key.type, let parent = path.last {
                example = "`\(value)` (mỗi dòng một mục, thụt vào dưới `\(parent):`)"
            } else if case .mapping = key.type {
                example = "`\(value)`"
            } else {
                example = "`\(key.name): \(value)`"
            }
        } else {
            example = expanded ? "Xem các dòng `\(key.name)` → … ngay dưới" : "Như ở trên"
        }
        let cells = [cell, typeName(key.type), key.required ? "**Có**" : "Không", values(key.type), example, key.description]
        return "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }

    static func nestedSchemas(_ type: SchemaKey.ValueType) -> [ContentSchema] {
        switch type {
        case .object(let schema): return [schema]
        case .list(let item, _): return nestedSchemas(item)
        case .anyOf(let alternatives): return alternatives.flatMap(nestedSchemas)
        default: return []
        }
    }

    static func typeName(_ type: SchemaKey.ValueType) -> String {
        switch type {
        case .text: return "Chữ"
        case .markdown: return "Đoạn Markdown"
        case .integer: return "Số nguyên"
        case .boolean: return "Có/không"
        case .date: return "Ngày"
        case .url: return "Địa chỉ web"
        case .slug: return "Địa chỉ trang (slug)"
        case .choice: return "Lựa chọn"
        case .list(let item, _): return "Danh sách " + itemName(item)
        case .object: return "Bảng khóa"
        case .anyOf(let alternatives): return alternatives.map(itemName).joined(separator: " hoặc ")
        case .mapping(let value): return "Bảng khóa tự do (mỗi khóa: \(itemName(value)))"
        }
    }

    static func itemName(_ type: SchemaKey.ValueType) -> String {
        switch type {
        case .object(let schema): return schema.what.replacingOccurrences(of: "`", with: "")
        case .anyOf(let alternatives):
            let names = alternatives.map(itemName)
            guard names.count > 1 else { return names.joined() }
            return "(mỗi mục là " + names.dropLast().joined(separator: ", ") + " hoặc " + names.last! + ")"
        default:
            let name = typeName(type)
            return name.prefix(1).lowercased() + name.dropFirst()
        }
    }

    static func values(_ type: SchemaKey.ValueType) -> String {
        switch type {
        case .text, .markdown, .object, .anyOf: return "—"
        case .integer(let range):
            guard let range else { return "Số không âm; `8.000` là 8000" }
            return "Từ \(range.lowerBound) đến \(range.upperBound)"
        case .boolean:
            let quoted = { (words: [String]) in words.map { "`\($0)`" }.joined(separator: ", ") }
            return "Có: \(quoted(SchemaKey.trueWords)); không: \(quoted(SchemaKey.falseWords))"
        case .date: return "`năm-tháng-ngày` (cũng nhận `ngày/tháng/năm`); ngày phải có thật"
        case .url: return "Địa chỉ đầy đủ, bắt đầu bằng `https://`"
        case .slug: return "Chữ thường không dấu, số, dấu `-`"
        case .choice(let choices):
            var text = choices.map { "`\($0)`" }.joined(separator: ", ")
            let spelled = choices.compactMap { SchemaKey.spellings[$0] }
            if !spelled.isEmpty { text += "; viết có dấu cũng được: " + spelled.joined(separator: ", ") }
            let portal = choices.flatMap { value in (SchemaKey.portalWording[value] ?? []).map { "“\($0)” (`\(value)`)" } }
            if !portal.isEmpty { text += "; chép từ Cổng Dịch vụ công cũng được: " + portal.joined(separator: ", ") }
            return text
        case .list(let item, let single):
            let each = values(item)
            var text = (each == "—" ? "—" : each) + (single ? "; một giá trị đơn là danh sách một mục" : "")
            if case .choice = item, single { text += ", nhiều giá trị cách nhau bằng dấu phẩy như trên Cổng cũng được" }
            return text
        case .mapping: return "Mỗi dòng `khóa: giá trị`"
        }
    }
}

extension ContentFileKind {
    /// The first line of a YAML file that the YAML extension of VS Code (yaml-language-server) reads to find
    /// the file's schema; `folder` is the schema folder relative to the file.
    public func languageServerLine(schemaFolder folder: String) -> String {
        "# yaml-language-server: $schema=\(folder)/\(schemaFileName)"
    }
}
