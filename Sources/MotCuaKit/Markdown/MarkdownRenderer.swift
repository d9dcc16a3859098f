import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown through cmark-gfm, the reference implementation: tables, autolinks,
/// strikethrough, task lists and the tag filter. Adds stable folded ids to headings and lets the caller
/// rewrite and check every link, at the editor's line and column.
public struct MarkdownRenderer: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public struct Output: Sendable {
        /// UTF-8 as cmark wrote it (valid, since its input was a Swift string): pages take the bytes as they are.
        public var htmlBytes: [UInt8]
        public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
        public var headings: [Heading]
        public var diagnostics: Diagnostics
        /// The visible text, when asked for: `searchText(of:)` of the document as parsed (its first
        /// `searchTextLimit` bytes, white space collapsed).
        public var plainText: String? = nil
    }

    /// What to do with a link destination written in Markdown.
    public enum LinkResolution: Sendable {
        case keep
        case rewrite(String)
        case broken(String)
    }

    static let extensionNames = ["table", "autolink", "strikethrough", "tasklist", "tagfilter"]

    /// cmark-gfm's extension registry is global; register once before any parallel work.
    public static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    public var allowRawHTML: Bool

    /// cmark-gfm's inline parser edits a global table of special characters while it parses, so two
    /// parses at once can drop autolinks and strikethrough (cmark-gfm issue #221). In Debian's 0.29.0.gfm.6 the
    /// table is set, read and cleared only in `cmark_parser_finish` (finalize_document, around the inline pass);
    /// block parsing in `cmark_parser_feed` changes no global state and reads none of that table (older table
    /// extensions parsed a row's inlines during feed: `parsesOnBothCoresAsOneAtATime` would catch one). So only
    /// `finish` runs one at a time: about two fifths of a parse; the rest, like walking and rendering, runs on
    /// both cores.
    static let parseLock = NSLock()

    /// Every cmark parse in the project goes through here, so no `finish` can run outside the lock. `body` gets
    /// the document (nil if cmark failed) and the parser's extensions (for rendering) after the lock is
    /// released; both are freed afterwards.
    static func withDocument<T>(_ markdown: String, options: Int32,
                                _ body: (OpaquePointer?, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registerExtensions
        guard let parser = cmark_parser_new(options) else { return body(nil, nil) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        parseLock.lock()
        let document = cmark_parser_finish(parser)
        parseLock.unlock()
        defer { if let document { cmark_node_free(document) } }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }

    public init(allowRawHTML: Bool) {
        _ = Self.registerExtensions
        self.allowRawHTML = allowRawHTML
    }

    /// Ids a template uses itself; a heading that folds to one of them gets a suffix instead.
    static let reservedIDs: Set<String> = [
        "noi-dung", "muc-luc", "q", "search-results", "search-fallback", "footer-contact", "footer-links", "thong-tin-chung",
        "cach-thuc", "trinh-tu", "ho-so", "yeu-cau", "can-cu", "huong-dan-lien-quan", "thu-tuc-lien-quan", "linh-vuc",
        "thong-bao-moi", "huong-dan", "tong-hop", "loc", "phat-thanh", "ban-doc",
    ]

    /// Parser options of every page body; raw HTML (`CMARK_OPT_UNSAFE`) changes only what is written, not the tree.
    static let pageOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// UTF-8 bytes of a body's plain text kept for the search index, which keeps 4,000 UTF-16 units of folded words
    /// (`SearchIndex.defaultBodyLimit`): a 20 MB page is parsed whole to be rendered, but folding, tokenising and
    /// holding its text costs no more than for a short one.
    public static let searchTextLimit = 16_000

    /// The plain text the search index takes from a parsed body (the page's own parse, or `SiteSearch.plainText`).
    static func searchText(of document: OpaquePointer) -> String {
        plainTextBytes(of: document, limit: searchTextLimit).withUnsafeBufferPointer { SiteSearch.collapseWhitespace($0) }
    }

    public func render(_ source: MarkdownSource, plainText wantsPlainText: Bool = false, resolveLink: (String, SourceLocation) -> LinkResolution = { _, _ in .keep }) -> Output {
        var diagnostics = Diagnostics()
        var options = Self.pageOptions
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return Self.withDocument(source.text, options: options) { document, extensions in
            guard let document else { return Output(htmlBytes: [], headings: [], diagnostics: diagnostics) }
            return render(document, extensions, options: options, source: source, plainText: wantsPlainText,
                          diagnostics: &diagnostics, resolveLink: resolveLink)
        }
    }

    private func render(_ document: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?, options: Int32,
                        source: MarkdownSource, plainText wantsPlainText: Bool, diagnostics: inout Diagnostics,
                        resolveLink: (String, SourceLocation) -> LinkResolution) -> Output {
        let plainText = wantsPlainText ? Self.searchText(of: document) : nil

        var headings: [Heading] = []
        var usedIDs = Self.reservedIDs
        var nextSuffix: [String: Int] = [:]
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING: headingNodes.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkNodes.append(node)
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: if allowRawHTML { htmlNodes.append(node) }
                default: break
                }
            }
            cmark_iter_free(iterator)
        }

        // Raw HTML is written only when the site allows it, and then as markup without script.
        for node in htmlNodes {
            guard let literal = cmark_node_get_literal(node) else { continue }
            cmark_node_set_literal(node, HTMLSanitizer.clean(String(cString: literal)))
        }

        var sourceText = source.text
        var cursor = LineCursor()
        for node in linkNodes {
            guard let raw = cmark_node_get_url(node) else { continue }
            let url = String(cString: raw)
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            // cmark counts bytes; editors (and Yams) count characters.
            let column = sourceText.withUTF8 { cursor.scalarColumn($0, line: line, byteColumn: byteColumn) }
            let location = SourceLocation(path: source.path, line: line + source.lineOffset, column: column + source.columnOffset)
            switch resolveLink(url, location) {
            case .keep: break
            case .rewrite(let newURL): cmark_node_set_url(node, newURL)
            case .broken(let message): diagnostics.error(.brokenLink, message, at: location)
            }
        }

        for (index, node) in headingNodes.enumerated() {
            let title = VietnameseText.trimmedSpaces(Self.plainText(of: node))
            var id = VietnameseText.slug(title)
            if id.isEmpty { id = "muc" }
            if usedIDs.contains(id) {
                // Remember where the count stopped: a page with thousands of equal headings stays linear.
                var n = nextSuffix[id] ?? 2
                while usedIDs.contains("\(id)-\(n)") { n += 1 }
                nextSuffix[id] = n + 1
                id = "\(id)-\(n)"
            }
            usedIDs.insert(id)
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: title, id: id))
            // A private-use marker lets the ids be placed exactly, even next to raw HTML headings.
            if let marker = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(marker, "\u{E000}\(index)\u{E001}")
                cmark_node_prepend_child(node, marker)
            }
        }

        guard let cString = cmark_render_html(document, options, extensions) else {
            return Output(htmlBytes: [], headings: headings, diagnostics: diagnostics, plainText: plainText)
        }
        let html = UnsafeRawBufferPointer(start: cString, count: strlen(cString)).withMemoryRebound(to: UInt8.self) {
            headings.isEmpty ? Array($0) : Self.placeHeadingIDs($0, headings)
        }
        free(cString)
        return Output(htmlBytes: html, headings: headings, diagnostics: diagnostics, plainText: plainText)
    }

    /// Goes forward from the last link's place (links come in document order), so a long body with many links
    /// is read once rather than once per link — also when thousands of links share one line: counting each
    /// link's column from its line's start made such a line cost the square of its length.
    struct LineCursor {
        var line = 1
        var start = 0
        /// The last place counted on `line`: its byte offset from the line's start and its scalar column.
        var counted = (byte: 0, column: 1)

        /// The 1-based column, in scalars, of a byte column on a line; the byte column when the line is not there.
        mutating func scalarColumn(_ bytes: UnsafeBufferPointer<UInt8>, line target: Int, byteColumn: Int) -> Int {
            guard target >= 1 else { return byteColumn }
            if target < line { line = 1; start = 0; counted = (0, 1) }
            while line < target {
                guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return byteColumn }
                start = newline + 1
                line += 1
                counted = (0, 1)
            }
            let wanted = max(0, byteColumn - 1)
            if wanted < counted.byte { counted = (0, 1) }
            var end = start + counted.byte
            var column = counted.column
            while end < bytes.count, end - start < wanted, bytes[end] != 0x0A {
                if bytes[end] & 0xC0 != 0x80 { column += 1 }
                end += 1
            }
            counted = (end - start, column)
            return column
        }
    }

    /// One pass over the bytes: each marker `U+E000 n U+E001` right after `<hN>` becomes `<hN id="…">`. The text
    /// between markers is copied in runs found with `memchr`, not byte by byte: every page's HTML passes here.
    static func placeHeadingIDs(_ source: UnsafeBufferPointer<UInt8>, _ headings: [Heading]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count + headings.count * 24)
        guard let base = source.baseAddress else { return out }
        let n = source.count
        var copied = 0  // start of the run not yet copied
        var i = 0
        while i < n, let found = memchr(base + i, 0xEE, n - i) {
            i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81.
            guard i + 2 < n, source[i + 1] == 0x80, source[i + 2] == 0x80 else {
                i += 1
                continue
            }
            var j = i + 3
            var index = 0
            while j < n, source[j] >= 0x30, source[j] <= 0x39 {
                // An editor's own marker with a long number must not overflow: past the headings it is no marker.
                if index <= headings.count { index = index * 10 + Int(source[j] - 0x30) }
                j += 1
            }
            guard j + 2 < n, source[j] == 0xEE, source[j + 1] == 0x80, source[j + 2] == 0x81, index < headings.count else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<i]))
            let heading = headings[index]
            let open = Array("<h\(heading.level)>".utf8)
            if out.count >= open.count, out[(out.count - open.count)...].elementsEqual(open) {
                out.removeLast(1)
                out.append(contentsOf: " id=\"\(heading.id)\">".utf8)
            }
            i = j + 3
            copied = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<n]))
        return out
    }

    /// The visible text of a node and its children (for heading ids and titles); `limit` stops the walk after about
    /// that many UTF-8 bytes (cut at a whole scalar), as the search index keeps only the start of a body.
    public static func plainText(of node: OpaquePointer, limit: Int = .max) -> String {
        String(decoding: plainTextBytes(of: node, limit: limit), as: UTF8.self)
    }

    /// Bytes, not String appends: this walks every page body once for the search index.
    static func plainTextBytes(of node: OpaquePointer, limit: Int = .max) -> [UInt8] {
        var text: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return [] }
        defer { cmark_iter_free(iterator) }
        while text.count < limit {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if event == CMARK_EVENT_EXIT {
                // Blocks end with a space so words of adjacent paragraphs and cells don't run together.
                switch type {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK: text.append(0x20)
                default: if type != CMARK_NODE_TEXT, child != node, cmark_node_first_child(child) == nil { break }
                    if strcmp(cmark_node_get_type_string(child), "table_cell") == 0 { text.append(0x20) }
                }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) {
                    let count = strlen(literal)
                    literal.withMemoryRebound(to: UInt8.self, capacity: count) {
                        text.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(0x20)
            default: break
            }
        }
        if text.count > limit {
            var end = limit
            while end > 0, UTF8.isContinuation(text[end]) { end -= 1 }
            text.removeSubrange(end...)
        }
        return text
    }
}
