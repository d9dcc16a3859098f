/// Raw HTML an editor wrote in Markdown, when `cho_phep_html: true` allows it: markup is kept, script is not.
///
/// An allow-list of tags and, per tag, of attributes; everything else is dropped: other tags (their text stays as
/// text), comments, declarations, event handlers (`on…`), `style`, and any link or source whose scheme could run
/// script (`javascript:`, `vbscript:`, `data:`). An image's `src` must be a path inside the site, since a page may
/// make no request outside it. Kept attributes are written again, quoted and escaped, so nothing the editor wrote
/// between them survives. Chosen over a general HTML library: none is among this project's packages, and the
/// rules fit in one page that the tests read whole.
enum HTMLSanitizer {
    static let tags: Set<String> = [
        "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section",
        "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "var",
    ]

    static let globalAttributes: Set<String> = ["title", "lang", "dir", "class", "id"]

    static let tagAttributes: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "td": ["colspan", "rowspan"],
        "th": ["colspan", "rowspan", "scope"], "ol": ["start", "type"], "time": ["datetime"], "col": ["span"],
        "colgroup": ["span"], "details": ["open"], "q": ["cite"], "blockquote": ["cite"], "del": ["datetime"],
        "ins": ["datetime"],
    ]

    /// The fragment with only allowed tags and attributes.
    static func clean(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "<" else {
                out.append(s[i])
                i += 1
                continue
            }
            // Comments, declarations and processing instructions go whole.
            if starts(s, i, "<!--") {
                i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                continue
            }
            if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                i = find(s, from: i + 2, ">").map { $0 + 1 } ?? s.count
                continue
            }
            guard let tag = Tag(s, at: i) else {
                // A "<" that starts no tag is text.
                out.append(contentsOf: "&lt;".unicodeScalars)
                i += 1
                continue
            }
            i = tag.end
            guard tags.contains(tag.name) else { continue }
            out.append(contentsOf: tag.written.unicodeScalars)
        }
        return String(out)
    }

    /// One tag as written: its name, attributes and where it ends.
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String?)] = []
        var selfClosing = false
        var end: Int

        init?(_ s: [Unicode.Scalar], at start: Int) {
            var i = start + 1
            closing = i < s.count && s[i] == "/"
            if closing { i += 1 }
            let nameStart = i
            while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "-" { i += 1 }
            guard i > nameStart, s[nameStart].isASCII, s[nameStart].properties.isAlphabetic else { return nil }
            name = String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()
            end = s.count
            while i < s.count {
                let c = s[i]
                if c == ">" { end = i + 1; return }
                if c == "/" { selfClosing = true; i += 1; continue }
                if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { i += 1; continue }
                let attrStart = i
                while i < s.count, !" \t\n\r\u{0C}/>=".unicodeScalars.contains(s[i]) { i += 1 }
                let attrName = String(String.UnicodeScalarView(s[attrStart..<i])).lowercased()
                while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
                var value: String?
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        let valueStart = i + 1
                        i = valueStart
                        while i < s.count, s[i] != quote { i += 1 }
                        value = String(String.UnicodeScalarView(s[valueStart..<min(i, s.count)]))
                        i += 1
                    } else {
                        let valueStart = i
                        while i < s.count, !" \t\n\r\u{0C}>".unicodeScalars.contains(s[i]) { i += 1 }
                        value = String(String.UnicodeScalarView(s[valueStart..<i]))
                    }
                }
                if !attrName.isEmpty { attributes.append((attrName, value)) }
            }
            end = s.count
        }

        /// The tag written again with its allowed attributes.
        var written: String {
            if closing { return "</\(name)>" }
            var out = "<" + name
            let allowed = HTMLSanitizer.globalAttributes.union(HTMLSanitizer.tagAttributes[name] ?? [])
            for (attribute, value) in attributes where allowed.contains(attribute) {
                let text = HTMLSanitizer.decodedEntities(value ?? "")
                if attribute == "href" || attribute == "cite", !HTMLSanitizer.isSafeLink(text) { continue }
                if attribute == "src", !HTMLSanitizer.isInsideSite(text) { continue }
                out += " \(attribute)=\"\(HTMLEscaping.escaped(text))\""
            }
            return out + (selfClosing ? " />" : ">")
        }
    }

    /// A link that runs no script: a path, a fragment, or http(s), mailto or tel. Control characters and spaces
    /// inside a scheme (`java\tscript:`) are ignored as browsers ignore them.
    static func isSafeLink(_ url: String) -> Bool {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        guard let colon = squeezed.firstIndex(of: ":") else { return true }
        let scheme = squeezed[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }  // a colon in a path
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }

    /// A path inside the site: no scheme and no host (`//`).
    static func isInsideSite(_ url: String) -> Bool {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 })
        guard !squeezed.hasPrefix("//"), !squeezed.hasPrefix("\\\\") else { return false }
        guard let colon = squeezed.firstIndex(of: ":") else { return true }
        let before = squeezed[..<colon]
        return before.contains("/") || before.contains("?") || before.contains("#")
    }

    /// The few entities that can hide a scheme (`javascript&#58;`), decoded before the checks; the value is
    /// escaped again when written.
    static func decodedEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = String(after[after.index(after: amp)..<semi]).lowercased()
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case "colon": scalar = ":"
            case "tab": scalar = "\t"
            case "newline": scalar = "\n"
            default:
                if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst(1)).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else {
                out += after[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    private static func starts(_ s: [Unicode.Scalar], _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.unicodeScalars)
        return i + p.count <= s.count && Array(s[i..<(i + p.count)]) == p
    }

    private static func find(_ s: [Unicode.Scalar], from start: Int, _ needle: String) -> Int? {
        let n = Array(needle.unicodeScalars)
        var i = start
        while i + n.count <= s.count {
            if Array(s[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }
}
