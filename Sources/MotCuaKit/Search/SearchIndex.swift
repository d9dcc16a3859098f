import Foundation

/// The offline search index: built from `SearchDocument`s, written as `search-index.js` (a plain script that sets
/// `window.MOTCUA_SEARCH`, so it loads from file:// where fetch cannot), and searched by Theme/assets/search.js.
/// `search(_:)` is the same matching and ranking in Swift, for tests and to keep both sides in agreement.
///
/// Matching: the query is folded (`fold`) and split into tokens (`tokens`); every query token must be the prefix
/// of some token of the title, code, field or body ("khai si" finds "khai sinh"; "1.001193" is one token).
/// Numbers are tokens without their leading zeros on both sides, so "muc do 2" finds "mức độ 02" and back.
/// Ranking, deterministic, first difference wins:
///  1. exact match with diacritics: the query as typed (case-insensitive, `toneKey`) appears in the title,
///     or is the whole procedure code;
///  2. fewer query tokens missing from the title or code: a title holding five of six words ranks above a
///     page whose words are all in its body, however short its title (all six in it is a title match);
///  3. phrase (the query tokens on consecutive tokens, in order; in the title for a title match, else the body)
///     over scattered tokens;
///  4. procedures, then guides, announcements, pages;
///  5. shorter folded title;
///  6. folded title, then title, then URL, by UTF-16 code units.
public struct SearchIndex: Sendable {
    /// Characters of body text kept (at a word boundary) to build a result's snippet.
    public static let snippetLength = 300
    /// Format version written into the index; the script refuses other versions.
    public static let formatVersion = 1

    public let documents: [SearchDocument]
    /// Maximum UTF-16 length of a document's folded body kept in the index (whole tokens only).
    public let bodyLimit: Int
    let entries: [Entry]

    /// One document as the index holds it: the row of `search-index.js`, written once (in parallel). Keys and token arrays that only the Swift search needs are made when searching,
    /// so a build does not pay for them and a 10,000-page index does not hold millions of small arrays.
    struct Entry: Sendable {
        var document: SearchDocument
        var title: String
        /// Folded body tokens, space-separated.
        var body: String
        var snippet: String
        /// `[kind,title,url,field,badge,badgeKey,code,snippet,body]` as JSON, UTF-8.
        var row: [UInt8] = []
    }

    /// UTF-16 units of body text kept per document.
    public static let defaultBodyLimit = 4000

    public init(_ documents: [SearchDocument], bodyLimit: Int = SearchIndex.defaultBodyLimit) {
        self.documents = documents
        self.bodyLimit = bodyLimit
        self.entries = BuildAction.parallelMap(documents) { SearchIndex.entry(for: $0, bodyLimit: bodyLimit) }
    }

    static func entry(for document: SearchDocument, bodyLimit: Int) -> Entry {
        let title = collapseSpaces(VietnameseText.nfc(document.title))
        let body = foldedBody(field: document.field ?? "", text: document.text, limit: bodyLimit)
        var entry = Entry(
            document: document,
            title: title,
            body: body,
            snippet: snippet(document.text))
        entry.row = row(entry)
        return entry
    }

    static func row(_ entry: Entry) -> [UInt8] {
        let d = entry.document
        let fields = [entry.title, d.url, d.field ?? "", d.badge ?? "", d.badgeKey ?? "", d.code ?? "", entry.snippet, entry.body]
        var out: [UInt8] = []
        // Rows stay in memory until the script is written: reserve what they need, not a guess.
        out.reserveCapacity(fields.reduce(8 + 3 * fields.count) { $0 + $1.utf8.count })
        out.append(0x5B)
        out.append(contentsOf: String(d.kind.rank).utf8)
        for field in fields {
            out.append(0x2C)
            appendJSONString(field, to: &out)
        }
        out.append(0x5D)
        return out
    }

    /// The first `snippetLength` characters of the text, white space collapsed, cut after a whole word.
    static func snippet(_ text: String) -> String {
        // Only the head of a long body is needed. Collapsing a prefix gives the same characters as collapsing the
        // whole, except perhaps the last (a character may go on past the cut), so the head must be long enough.
        let headBytes = 3 * (snippetLength + 8)
        if text.utf8.count > headBytes + 64 {
            var end = text.utf8.index(text.utf8.startIndex, offsetBy: headBytes)
            while end < text.utf8.endIndex, UTF8.isContinuation(text.utf8[end]) { end = text.utf8.index(after: end) }
            let head = collapseSpaces(VietnameseText.nfc(String(text[..<end])))
            if let cut = VietnameseText.characterIndex(head, offsetBy: snippetLength + 1), cut < head.endIndex {
                return wordCut(head[..<head.index(before: cut)])
            }
        }
        return wholeSnippet(text)
    }

    /// The snippet from the whole text collapsed.
    static func wholeSnippet(_ text: String) -> String {
        let plain = collapseSpaces(VietnameseText.nfc(text))
        // Counting every character of a long body would cost more than the snippet itself.
        guard let cut = VietnameseText.characterIndex(plain, offsetBy: snippetLength), cut < plain.endIndex else { return plain }
        return wordCut(plain[..<cut])
    }

    private static func wordCut(_ head: Substring) -> String {
        var cut = head
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return String(cut) + "…"
    }

    // MARK: Searching

    public func search(_ query: String) -> [SearchDocument] {
        let queryTokens = SearchIndex.tokens(VietnameseText.fold(query)).map { Array($0.utf16) }
        guard !queryTokens.isEmpty else { return [] }
        let key = Array(SearchIndex.toneKey(query).utf16)

        var hits: [(rank: [Int], entry: Entry, foldedTitle: String)] = []
        for entry in entries {
            let head = SearchIndex.tokens(VietnameseText.fold(entry.title + " " + (entry.document.code ?? ""))).map { Array($0.utf16) }
            let body = entry.body.split(separator: " ").map { Array($0.utf16) }
            let inTitle = queryTokens.filter { q in head.contains { $0.starts(with: q) } }.count
            let inHead = inTitle == queryTokens.count
            if !inHead {
                let everywhere = queryTokens.allSatisfy { q in
                    head.contains { $0.starts(with: q) } || body.contains { $0.starts(with: q) }
                }
                if !everywhere { continue }
            }
            let phrase = SearchIndex.hasPhrase(queryTokens, in: inHead ? head : body)
            let exact = SearchIndex.contains(Array(SearchIndex.toneKey(entry.title).utf16), key)
                || Array(SearchIndex.toneKey(entry.document.code ?? "").utf16) == key
            let foldedTitle = VietnameseText.fold(entry.title)
            let rank = [exact ? 0 : 1, queryTokens.count - inTitle, phrase ? 0 : 1, entry.document.kind.rank, foldedTitle.utf16.count]
            hits.append((rank, entry, foldedTitle))
        }
        hits.sort { a, b in
            if a.rank != b.rank { return a.rank.lexicographicallyPrecedes(b.rank) }
            for (x, y) in [(a.foldedTitle, b.foldedTitle), (a.entry.title, b.entry.title),
                           (a.entry.document.url, b.entry.document.url)] where !x.utf16.elementsEqual(y.utf16) {
                return x.utf16.lexicographicallyPrecedes(y.utf16)
            }
            return false
        }
        return hits.map(\.entry.document)
    }

    /// Whether the query tokens prefix-match consecutive tokens, in order.
    static func hasPhrase(_ query: [[UInt16]], in tokens: [[UInt16]]) -> Bool {
        guard query.count <= tokens.count else { return false }
        for start in 0...(tokens.count - query.count)
        where query.indices.allSatisfy({ tokens[start + $0].starts(with: query[$0]) }) {
            return true
        }
        return false
    }

    /// UTF-16 substring test, like JavaScript's indexOf (no canonical equivalence, no grapheme clusters).
    static func contains(_ haystack: [UInt16], _ needle: [UInt16]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    // MARK: Writing

    /// The content of `search-index.js`: `window.MOTCUA_SEARCH = {"v":1,"docs":[...]}`, one document per line as
    /// [kind rank, title, url, field, badge, badgeKey, code, snippet, folded body]; absent values are "".
    /// UTF-8; the pages declare `<meta charset="utf-8">`, which the script inherits.
    public func javascript() -> String {
        var rows: [Range<Int>] = []
        return String(decoding: scriptBytes(rows: &rows), as: UTF8.self)
    }

    /// The same as `javascript()`, joined from the rows already written for each entry; `rows` receives where
    /// each row landed, so the preview can splice one in when a single page changes.
    public func scriptBytes(rows: inout [Range<Int>]) -> Data {
        var out = Data("/* MotCua search index, generated by motcua: do not edit. */\n".utf8)
        out.append(contentsOf: "window.MOTCUA_SEARCH={\"v\":\(SearchIndex.formatVersion),\"docs\":[".utf8)
        var size = out.count + 8
        for i in entries.indices { size += entries[i].row.count + 2 }
        out.reserveCapacity(size)
        rows = []
        rows.reserveCapacity(entries.count)
        for i in entries.indices {
            out.append(contentsOf: i == 0 ? [0x0A] : [0x2C, 0x0A])
            entries[i].row.withUnsafeBufferPointer { row in
                rows.append(out.count..<(out.count + row.count))
                out.append(row)
            }
        }
        out.append(contentsOf: "\n]};\n".utf8)
        return out
    }

    /// A JSON string literal, on bytes. Besides what JSON requires, U+2028/U+2029 are escaped: they end a line in
    /// pre-2019 JavaScript strings.
    static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            var plain = 0  // start of the run not yet copied
            while i < n {
                let b = bytes[i]
                // Most bytes need nothing: skip them with one test.
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                    i += 1
                    continue
                }
                var length = 1
                let separator = b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                if b == 0xE2 && !separator {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                out.append(0x5C)  // backslash
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(0x6E)  // n
                case 0x09: out.append(0x74)  // t
                case 0x0D: out.append(0x72)  // r
                case 0xE2:
                    out.append(contentsOf: "u202".utf8)
                    out.append(bytes[i + 2] == 0xA8 ? 0x38 : 0x39)
                    length = 3
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])  // u00XX
                }
                plain = i + length
                i += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<n]))
        }
        out.append(0x22)
    }
}
