import CCmarkGFM
import Foundation

/// Derives the text the commune radio reads on air from an announcement's Markdown, so staff no longer retype it.
///
/// Reading order: the title as a sentence; the body; a closing sentence with the signer. The document number and
/// date are not read (listeners cannot use them; staff see them on the page). In the body:
/// - headings, paragraphs and list items become sentences (a period is added when there is no final punctuation);
///   list markers, emphasis and raw HTML are dropped; strikethrough text is dropped (it is struck out); images are
///   not read; code is read as text; a link is read as its text, a bare address as its spoken form;
/// - a table is read row by row as "<header 1>: <cell 1>; <header 2>: <cell 2>." and a warning names its line,
///   so the editor checks that it sounds right;
/// - a heading repeating the title is not read twice;
/// - the distribution list is not read: reading stops at a heading or paragraph starting with "Nơi nhận", and a
///   line starting with "Lưu:" (or "Lưu VT", "Lưu VP") is skipped wherever it is.
/// Blocks are separated by a blank line; list items and table rows each take one line.
public struct RadioTextBuilder: Sendable {
    public var abbreviations: Abbreviations
    /// Host → on-air name; keys may be written as URLs ("https://dichvucong.gov.vn").
    public var hostNames: [String: String]
    /// Who signs for (for example the site's `ten`, "Ủy ban nhân dân xã An Phú"), read after the signer's title.
    public var issuer: String?

    public init(abbreviations: Abbreviations = Abbreviations(), hostNames: [String: String] = [:], issuer: String? = nil) {
        _ = MarkdownRenderer.registerExtensions
        self.abbreviations = abbreviations
        self.issuer = issuer
        var names: [String: String] = [:]
        for (key, name) in hostNames { names[SpokenAddress.host(of: key)] = name }
        self.hostNames = names
    }

    /// One passage of plain text as it is read aloud (numbers, dates, abbreviations, addresses); warnings dropped.
    public func speak(_ text: String) -> String {
        var writer = SpokenTextWriter(abbreviations: abbreviations, hostNames: hostNames)
        return writer.speak(text) { _ in SourceLocation(path: "") }
    }

    public func build(_ announcement: Announcement) -> RadioText {
        var run = Run(builder: self, source: announcement.body)
        let titleLocation = announcement.titleLocation ?? SourceLocation(path: announcement.body.path)
        let title = run.sentence(announcement.title, location: { offset in
            Self.column(offset, at: titleLocation)
        })
        if !title.isEmpty { run.paragraphs.append(title) }
        run.titleKey = VietnameseText.fold(announcement.title).filter { $0.isLetter || $0.isNumber }
        run.body()
        if let closing = signature(announcement) {
            let signatureLocation = announcement.signatureLocation ?? titleLocation
            let line = run.sentence(closing, location: { _ in signatureLocation })
            if !line.isEmpty { run.paragraphs.append(line) }
        }
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: run.writer.diagnostics)
        diagnostics.append(contentsOf: run.diagnostics)
        return RadioText(text: run.paragraphs.joined(separator: "\n\n"), diagnostics: diagnostics)
    }

    /// A place in a one-line front-matter value: where its text starts, moved right by the offset.
    static func column(_ offset: Int, at location: SourceLocation) -> SourceLocation {
        guard location.line > 0 else { return location }
        var moved = location
        moved.column += offset
        return moved
    }

    /// "KT. Chủ tịch" + issuer + signer → "Ký thay Chủ tịch Ủy ban nhân dân xã An Phú, Mạc Duy Xuê";
    /// a title without a signer ("Trạm trưởng") → "Trạm trưởng", without the issuer.
    func signature(_ announcement: Announcement) -> String? {
        let signer = announcement.signer.map(VietnameseText.trimmedSpaces) ?? ""
        var title = announcement.signerTitle.map(VietnameseText.trimmedSpaces) ?? ""
        var onBehalf = false
        for (written, read) in [("TM.", "Thay mặt"), ("KT.", "Ký thay"), ("TL.", "Thừa lệnh"), ("TUQ.", "Thừa ủy quyền")]
        where title.hasPrefix(written) {
            title = read + " " + VietnameseText.trimmedSpaces(title.dropFirst(written.count))
            onBehalf = true
        }
        // The issuer is added when someone signs (`ky`) or the title signs on its behalf ("KT. Chủ tịch"): a title
        // alone ("Trạm trưởng") is read as written, since "Trạm trưởng Ủy ban nhân dân xã …" names an office the
        // committee does not hold.
        if !title.isEmpty, !signer.isEmpty || onBehalf, let issuer, !issuer.isEmpty,
           !VietnameseText.fold(speak(title)).contains(VietnameseText.fold(speak(issuer))) {
            title += " " + issuer
        }
        switch (title.isEmpty, signer.isEmpty) {
        case (true, true): return nil
        case (false, true): return title
        case (true, false): return signer
        case (false, false): return "\(title), \(signer)"
        }
    }

    /// One build: the parse, the writer's state and the paragraphs so far.
    private struct Run {
        let builder: RadioTextBuilder
        let source: MarkdownSource
        /// The body's lines, split at the first warning and kept for the others.
        let lines: SourceLines
        var writer: SpokenTextWriter
        var diagnostics = Diagnostics()
        var paragraphs: [String] = []
        var titleKey = ""
        var stopped = false

        init(builder: RadioTextBuilder, source: MarkdownSource) {
            self.builder = builder
            self.source = source
            self.lines = SourceLines(source.text)
            self.writer = SpokenTextWriter(abbreviations: builder.abbreviations, hostNames: builder.hostNames)
        }

        func location(line: Int) -> SourceLocation {
            SourceLocation(path: source.path, line: line > 0 ? line + source.lineOffset : 0)
        }

        /// Speaks `text` and closes it as a sentence, capitalised.
        mutating func sentence(_ text: String, location: (Int) -> SourceLocation) -> String {
            var spoken = writer.speak(text, location: location)
            guard let last = spoken.last else { return "" }
            if last.isLetter || last.isNumber || last == ")" || last == "”" || last == "\"" { spoken += "." }
            if spoken.last == "," { spoken = spoken.dropLast() + "." }
            if let first = spoken.first, first.isLowercase {
                spoken = first.uppercased() + spoken.dropFirst()
            }
            return spoken
        }

        mutating func body() {
            // Through the shared, locked parse: on its own, a page parsed at the same moment could make this one
            // miss `~~struck~~` text (cmark-gfm's global special-character table, issue #221).
            MarkdownRenderer.withDocument(source.text, options: MarkdownRenderer.pageOptions) { document, _ in
                guard let document else { return }
                for block in children(of: document) {
                    if stopped { break }
                    blockParagraphs(block)
                }
            }
        }

        func children(of node: OpaquePointer) -> [OpaquePointer] {
            var result: [OpaquePointer] = []
            var child = cmark_node_first_child(node)
            while let c = child {
                result.append(c)
                child = cmark_node_next(c)
            }
            return result
        }

        static func typeName(_ node: OpaquePointer) -> String {
            cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        }

        /// Appends the paragraphs one top-level (or quoted) block is read as.
        mutating func blockParagraphs(_ block: OpaquePointer) {
            switch Self.typeName(block) {
            case "paragraph", "heading":
                let lines = inlineLines(block)
                if let first = lines.first, Self.startsDistributionList(first.text) {
                    stopped = true
                    return
                }
                if Self.typeName(block) == "heading",
                   VietnameseText.fold(lines.map(\.text).joined()).filter({ $0.isLetter || $0.isNumber }) == titleKey {
                    return
                }
                if let spoken = speak(lines) { paragraphs.append(spoken) }
            case "list":
                let items = listSentences(block)
                if !items.isEmpty { paragraphs.append(items.joined(separator: "\n")) }
            case "block_quote":
                for child in children(of: block) where !stopped { blockParagraphs(child) }
            case "code_block":
                let lines = codeLines(block)
                let spoken = lines.compactMap { speak([$0]) }
                if !spoken.isEmpty { paragraphs.append(spoken.joined(separator: "\n")) }
            case "table":
                let rows = tableSentences(block)
                if !rows.isEmpty { paragraphs.append(rows.joined(separator: "\n")) }
            default:
                break  // html_block (not read), thematic_break, footnote_definition
            }
        }

        static func startsDistributionList(_ text: String) -> Bool {
            VietnameseText.trimmedSpaces(VietnameseText.fold(text)).hasPrefix("noi nhan")
        }

        static func isFilingLine(_ text: String) -> Bool {
            let folded = VietnameseText.trimmedSpaces(VietnameseText.fold(text))
            return folded.hasPrefix("luu:") || folded.hasPrefix("luu :") || folded.hasPrefix("luu vt")
                || folded.hasPrefix("luu vp")
        }

        /// Sentences from lines, dropping filing lines; nil when nothing is left.
        mutating func speak(_ lines: [(text: String, line: Int)]) -> String? {
            let kept = lines.filter { !Self.isFilingLine($0.text) && !$0.text.allSatisfy(\.isWhitespace) }
            guard !kept.isEmpty else { return nil }
            var joined = ""
            var starts: [(offset: Int, line: Int)] = []
            for (text, line) in kept {
                if !joined.isEmpty { joined += " " }
                starts.append((joined.count, line))
                joined += text
            }
            let source = self.source, lines = self.lines
            let spoken = sentence(joined) { offset in
                let start = starts.last { $0.offset <= offset } ?? (0, kept[0].line)
                let word = joined.dropFirst(offset).prefix { !$0.isWhitespace }
                return Self.located(String(word), line: start.line, visibleColumn: offset - start.offset + 1, in: source, lines: lines)
            }
            return spoken.isEmpty ? nil : spoken
        }

        /// Where a word the writer warns about is written: its line, and the column of its occurrence in the
        /// Markdown line nearest to where it shows in the line's visible text (markup such as `**` or a link's
        /// address moves it right). The body is split into lines only when a first warning asks.
        static func located(_ word: String, line: Int, visibleColumn: Int, in source: MarkdownSource, lines: SourceLines) -> SourceLocation {
            guard line > 0 else { return SourceLocation(path: source.path) }
            var column = 1
            guard line <= lines.all.count else { return SourceLocation(path: source.path, line: line + source.lineOffset, column: column) }
            let text = lines.all[line - 1]
            // The visible text up to the next space may not be written as such ("Content/." of "`Content/`."):
            // then its leading letters and digits, then its first character.
            let letters = word.prefix { $0.isLetter || $0.isNumber }
            for candidate in [word, String(letters), word.first.map(String.init) ?? ""] where !candidate.isEmpty {
                var best: Int?
                var i = text.startIndex
                var position = 1
                while i < text.endIndex {
                    if text[i...].hasPrefix(candidate), best.map({ abs(position - visibleColumn) < abs($0 - visibleColumn) }) ?? true {
                        best = position
                    }
                    i = text.index(after: i)
                    position += 1
                }
                if let best {
                    column = best
                    break
                }
            }
            return SourceLocation(path: source.path, line: line + source.lineOffset, column: column)
        }

        /// The visible text of a block's inlines, one entry per source line.
        func inlineLines(_ node: OpaquePointer) -> [(text: String, line: Int)] {
            var lines: [(text: String, line: Int)] = [("", Int(cmark_node_get_start_line(node)))]
            appendInlines(of: node, to: &lines)
            return lines
        }

        func appendInlines(of node: OpaquePointer, to lines: inout [(text: String, line: Int)]) {
            for child in children(of: node) {
                switch Self.typeName(child) {
                case "text", "code":
                    if let literal = cmark_node_get_literal(child) { lines[lines.count - 1].text += String(cString: literal) }
                case "softbreak", "linebreak":
                    lines.append(("", lines[lines.count - 1].line + 1))
                case "image", "html_inline", "footnote_reference", "strikethrough":
                    break
                default:
                    appendInlines(of: child, to: &lines)
                }
            }
        }

        func codeLines(_ node: OpaquePointer) -> [(text: String, line: Int)] {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            // A fenced block's content starts one line below its fence.
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            let first = Int(cmark_node_get_start_line(node)) + (fenced ? 1 : 0)
            return literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { (String($0.element), first + $0.offset) }
        }

        /// One sentence per item (and per paragraph inside an item), nested lists included.
        /// The items' sentences, one after another; an ordered list's item begins with its number said as a
        /// word ("1. Thời gian: …" → "Một. Thời gian: …"), as announcers count the points of a notice.
        mutating func listSentences(_ list: OpaquePointer) -> [String] {
            var sentences: [String] = []
            let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(list))
            for item in children(of: list) {
                let itemStart = sentences.count
                defer {
                    // Not when the item counts itself ("1. Bước 1: …" → "Bước một: …"): its second word is the
                    // number, whole ("3. Ủy ban …" is counted: "ban" only starts with "ba").
                    if ordered, itemStart < sentences.count {
                        let word = VietnameseNumberReader.words(number)
                        let second = sentences[itemStart].drop(while: { $0 != " " }).dropFirst()
                        let countsItself = second.hasPrefix(word)
                            && !(second.dropFirst(word.count).first.map { $0.isLetter || $0.isNumber } ?? false)
                        if !countsItself {
                            sentences[itemStart] = word.prefix(1).uppercased() + word.dropFirst() + ". " + sentences[itemStart]
                        }
                    }
                    number += 1
                }
                for block in children(of: item) {
                    switch Self.typeName(block) {
                    case "list":
                        sentences += listSentences(block)
                    case "paragraph", "heading":
                        if let spoken = speak(inlineLines(block)) { sentences.append(spoken) }
                    case "code_block":
                        sentences += codeLines(block).compactMap { speak([$0]) }
                    case "table":
                        sentences += tableSentences(block)
                    default:
                        break
                    }
                }
            }
            return sentences
        }

        /// "<header 1>: <cell 1>; <header 2>: <cell 2>." per body row, with a warning at the table's line.
        mutating func tableSentences(_ table: OpaquePointer) -> [String] {
            var headers: [String] = []
            var sentences: [String] = []
            for row in children(of: table) {
                let cells = children(of: row).map {
                    VietnameseText.trimmedSpaces(inlineLines($0).map(\.text).joined(separator: " ")) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                    headers = cells
                    continue
                }
                let parts = cells.enumerated().compactMap { index, cell -> String? in
                    guard !cell.isEmpty else { return nil }
                    let header = index < headers.count ? headers[index] : ""
                    return header.isEmpty ? cell : "\(header): \(cell)"
                }
                guard !parts.isEmpty else { continue }
                let line = Int(cmark_node_get_start_line(row))
                if let spoken = speak([(parts.joined(separator: "; "), line)]) { sentences.append(spoken) }
            }
            diagnostics.warning(.radioTable,
                "bảng được đọc thành từng câu \"<tiêu đề cột>: <ô>; …\" trong bản đọc phát thanh; hãy nghe thử, hoặc viết lại thành đoạn văn",
                at: location(line: Int(cmark_node_get_start_line(table))))
            return sentences
        }
    }
}

/// A text's lines, split when first asked for: most bodies draw no warning and are never split.
final class SourceLines: @unchecked Sendable {
    private let text: String
    private(set) lazy var all: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)

    init(_ text: String) {
        self.text = text
    }
}
