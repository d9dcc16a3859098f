import Foundation

/// What one build can hand to the next in the same process (the preview server): per-file load results,
/// radio texts, search entries and rendered pages, each reused only when its exact inputs are unchanged.
/// So an edit to one guide costs that guide, not the whole site, while the code path stays the full build.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (data: Data, value: Any, diagnostics: Diagnostics)] = [:]
    private var radio: [String: RadioText] = [:]
    private var plainTexts: [String: String] = [:]
    private var searchEntries: [SearchDocument: SearchIndex.Entry] = [:]
    private var pages: [String: (fingerprint: [UInt8], bytes: Data, ids: Set<String>)] = [:]
    private var themeFingerprint: String?

    public init() {}

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// The load result of the file at `path`, parsed again only when its bytes differ from last time.
    func file<T>(_ path: String, root: URL, load: () -> (T?, Diagnostics)) -> (T?, Diagnostics) {
        let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
        if let data, let hit = locked({ files[path] }), hit.data == data, let value = hit.value as? T? {
            return (value, hit.diagnostics)
        }
        let result = load()
        if let data { locked { files[path] = (data, result.0 as Any, result.1) } }
        return result
    }

    func radioText(key: String, make: () -> RadioText) -> RadioText {
        if let hit = locked({ radio[key] }) { return hit }
        let text = make()
        locked { radio[key] = text }
        return text
    }

    func plainText(markdown: String, make: () -> String) -> String {
        if let hit = locked({ plainTexts[markdown] }) { return hit }
        let text = make()
        locked { plainTexts[markdown] = text }
        return text
    }

    func searchEntry(_ document: SearchDocument, make: () -> SearchIndex.Entry) -> SearchIndex.Entry {
        if let hit = locked({ searchEntries[document] }) { return hit }
        let entry = make()
        locked { searchEntries[document] = entry }
        return entry
    }

    /// Forgets rendered pages when any template changed: a page's bytes depend on its context and the theme.
    func useTheme(_ fingerprint: String) {
        locked {
            if themeFingerprint != fingerprint { pages = [:] }
            themeFingerprint = fingerprint
        }
    }

    func page(_ file: String, fingerprint: [UInt8], render: () -> (Data, Set<String>)) -> (Data, Set<String>) {
        if let hit = locked({ pages[file] }), hit.fingerprint == fingerprint { return (hit.bytes, hit.ids) }
        let (bytes, ids) = render()
        locked { pages[file] = (fingerprint, bytes, ids) }
        return (bytes, ids)
    }

    /// Drops what the last build did not use, so a long preview session does not grow without end.
    func keepOnly(files used: Set<String>, pages usedPages: Set<String>) {
        locked {
            files = files.filter { used.contains($0.key) }
            pages = pages.filter { usedPages.contains($0.key) }
            if plainTexts.count > 4 * max(1, used.count) { plainTexts = [:] }
            if searchEntries.count > 4 * max(1, usedPages.count) { searchEntries = [:] }
            if radio.count > 4 * max(1, used.count) { radio = [:] }
        }
    }

    /// An exact, order-independent serialisation of a template context: equal bytes, equal page.
    static func fingerprint(template: String, context: [String: Any]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: template.utf8)
        append(context, to: &out)
        return out
    }

    private static func append(_ value: Any, to out: inout [UInt8]) {
        switch value {
        case let s as String:
            out.append(0x01)
            out.append(contentsOf: String(s.utf8.count).utf8)
            out.append(0x3A)
            out.append(contentsOf: s.utf8)
        case let b as Bool:
            out.append(b ? 0x02 : 0x03)
        case let i as Int:
            out.append(0x04)
            out.append(contentsOf: String(i).utf8)
            out.append(0x3B)
        case let d as [String: Any]:
            out.append(0x05)
            for key in d.keys.sorted() {
                append(key, to: &out)
                append(d[key]!, to: &out)
            }
            out.append(0x06)
        case let a as [Any]:
            out.append(0x07)
            for item in a { append(item, to: &out) }
            out.append(0x08)
        default:
            out.append(0x09)
            let text = String(describing: value)
            out.append(contentsOf: String(text.utf8.count).utf8)
            out.append(0x3A)
            out.append(contentsOf: text.utf8)
        }
    }
}
