import Foundation

/// Reading through the schema: a key's name, whether it is required, its example in the missing-key message,
/// and a choice's allowed values all come from its declaration.
extension YAMLReader {
    /// Reports keys the schema does not declare, with the nearest declared key as a suggestion.
    func checkKeys(_ mapping: YAMLNode.Mapping, _ schema: ContentSchema) {
        checkKeys(mapping, known: schema.keyNames, what: schema.what)
    }

    func node(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> YAMLNode? {
        node(mapping, key.name)
    }

    func string(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<String>? {
        string(mapping, key.name, required: key.key.required, what: key.what, example: key.key.example ?? "…")
    }

    /// A Markdown value, located where its text starts: a block's first line and indentation, a quoted
    /// value's first character, so a broken link in it is placed where the editor sees it.
    func markdown(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<String>? {
        guard let value = string(mapping, key), let node = node(mapping, key.name) else { return nil }
        return Located(value.value, at: textStart(of: node, at: value.location))
    }

    func stringList(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> [Located<String>] {
        stringList(mapping, key.name)
    }

    /// A whole number within the declared range: content values feed date and time arithmetic, so a number
    /// out of range is refused here with the range, never carried on.
    func int(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<Int>? {
        guard let value = int(mapping, key.name) else { return nil }
        if let range = key.range, !range.contains(value.value) {
            diagnostics.error(.invalidValue, "`\(key.name)`: \(value.value) không hợp lý; chỉ nhận một số từ \(range.lowerBound) đến \(range.upperBound)", at: value.location)
            return nil
        }
        return value
    }

    func bool(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<Bool>? {
        bool(mapping, key.name)
    }

    func date(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<CalendarDate>? {
        date(mapping, key.name, required: key.key.required, what: key.what, example: key.key.example ?? "2026-11-02")
    }

    func url(_ mapping: YAMLNode.Mapping, _ key: ContentKey, httpsOnly: Bool = false) -> Located<String>? {
        url(mapping, key.name, httpsOnly: httpsOnly)
    }

    /// Several choices: a list, or one value that names several as the national portal prints them
    /// ("Cấp Tỉnh, Cấp Xã"). Each must be allowed; repeats count once.
    func choices(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> [Located<String>] {
        guard case .list(.choice(let allowed), _) = key.key.type else { preconditionFailure("\(key.name) is no list of choices") }
        var result: [Located<String>] = []
        for item in stringList(mapping, key.name) {
            for part in item.value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let word = VietnameseText.trimmed(String(part))
                guard !word.isEmpty else { continue }
                if let chosen = Self.chosen(word, allowed: allowed) {
                    if !result.contains(where: { $0.value == chosen }) { result.append(Located(chosen, at: item.location)) }
                } else {
                    diagnostics.error(.invalidValue, "`\(key.name)`: `\(word)` không hợp lệ; chọn trong \(allowed.map { "`\($0)`" }.joined(separator: ", ")), ví dụ `\(key.name): \(key.key.example ?? allowed[0])`", at: item.location)
                }
            }
        }
        return result
    }

    /// A choice among the declared values; a required choice that is absent is reported as missing.
    func choice(_ mapping: YAMLNode.Mapping, _ key: ContentKey) -> Located<String>? {
        let value = choice(mapping, key.name, allowed: key.allowed)
        if value == nil, key.key.required, node(mapping, key.name) == nil {
            missing(key.name, in: mapping, what: key.what, example: key.key.example ?? "…")
        }
        return value
    }
}
