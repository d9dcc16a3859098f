/// A page's values for the templates, typed. The byte renderer walks them without a cast per lookup: with
/// `[String: Any]`, every lookup paid a cast and the retain of a boxed value, on every page.
/// `any` gives the same values as plain Swift values (the tests hand them to swift-mustache, the oracle).
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateValues)
    /// HTML the generator made (a Markdown body), written as it is by `{{{…}}}`: it never becomes a String.
    case html([UInt8])

    /// The same value as swift-mustache takes it.
    public var any: Any {
        switch self {
        case .text(let s): return s
        case .number(let n): return n
        case .flag(let b): return b
        case .list(let items): return items.map { $0.any }
        case .object(let values): return values.any
        case .html(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// An object's values in the order they were set, found by comparing keys one by one: a page has about twenty
/// short keys, and comparing them is cheaper than hashing them.
public struct TemplateValues: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var keys: [String] = []
    private(set) var values: [TemplateValue] = []

    /// A literal's keys are taken as written, without a search for repeats (a repeated key in a dictionary
    /// literal would stop the program; here the first one wins).
    public init(dictionaryLiteral elements: (String, any TemplateConvertible)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            keys.append(key)
            values.append(value.templateValue)
        }
    }

    public subscript(key: String) -> TemplateValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Lengths first: a template's lookups compare about ten keys each, most of another length, and a
    /// length is read inline where a String comparison is a call.
    @inline(__always)
    func index(of key: String) -> Int? {
        let length = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == length && keys[i] == key { return i }
        return nil
    }

    /// Setting a plain Swift value (`c["title"] = title`); nil removes the key, as with a dictionary.
    public subscript<T: TemplateConvertible>(key: String) -> T? {
        get { self[key]?.any as? T }
        set { self[key] = newValue?.templateValue }
    }

    /// A list item's optional text: when absent the key is set to false, since a template looks a missing name up
    /// in the enclosing values and would show the page's value of that name (`title`, `code`) in the item.
    public mutating func setOwn(_ key: String, _ value: String?) {
        self[key] = value.map(TemplateValue.text) ?? .flag(false)
    }

    /// Repeats cannot come from the subscript; from a literal, the first is kept, as lookups find it.
    public var any: [String: Any] {
        Dictionary(zip(keys, values.map { $0.any }), uniquingKeysWith: { first, _ in first })
    }
}

/// What can stand as a template value in a page's literal (`["title": title, "count": 3]`).
public protocol TemplateConvertible {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateConvertible {
    public var templateValue: TemplateValue { self }
}

extension TemplateValues: TemplateConvertible {
    public var templateValue: TemplateValue { .object(self) }
}

extension String: TemplateConvertible {
    public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateConvertible {
    public var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateConvertible {
    public var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    // A closure, not `\.templateValue`: a key path as a function is built at run time on each call.
    public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}
