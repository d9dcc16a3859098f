import Foundation

/// The preview's second memo point: a page's bytes from its template values. A page whose values serialise
/// to the same bytes as last time, under the same theme, is not rendered again. Only the renderer reads it.
public final class PageMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (fingerprint: [UInt8], bytes: Data, ids: Set<String>)] = [:]
    private var themeFingerprint: String?

    public init() {}

    /// Forgets every page when any template changed: a page's bytes depend on its values and the theme.
    func useTheme(_ fingerprint: String) {
        lock.withLock {
            if themeFingerprint != fingerprint { pages = [:] }
            themeFingerprint = fingerprint
        }
    }

    func page(_ file: String, fingerprint: [UInt8], render: () -> (Data, Set<String>)) -> (Data, Set<String>) {
        if let hit = lock.withLock({ pages[file] }), hit.fingerprint == fingerprint { return (hit.bytes, hit.ids) }
        let (bytes, ids) = render()
        lock.withLock { pages[file] = (fingerprint, bytes, ids) }
        return (bytes, ids)
    }

    /// Drops the pages the last build did not make.
    func keepOnly(_ used: Set<String>) {
        lock.withLock { pages = pages.filter { used.contains($0.key) } }
    }

    /// An exact serialisation of a template context: equal bytes, equal page. Pages set their values in a fixed
    /// order, so keys are taken in that order.
    static func fingerprint(template: String, context: TemplateValues) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: template.utf8)
        append(.object(context), to: &out)
        return out
    }

    private static func append(_ value: TemplateValue, to out: inout [UInt8]) {
        func counted(_ tag: UInt8, _ bytes: some Collection<UInt8>) {
            out.append(tag)
            out.append(contentsOf: String(bytes.count).utf8)
            out.append(0x3A)
            out.append(contentsOf: bytes)
        }
        switch value {
        case .text(let s):
            counted(0x01, s.utf8)
        case .flag(let b):
            out.append(b ? 0x02 : 0x03)
        case .number(let i):
            out.append(0x04)
            out.append(contentsOf: String(i).utf8)
            out.append(0x3B)
        case .object(let values):
            out.append(0x05)
            for (key, value) in zip(values.keys, values.values) {
                counted(0x01, key.utf8)
                append(value, to: &out)
            }
            out.append(0x06)
        case .list(let items):
            out.append(0x07)
            for item in items { append(item, to: &out) }
            out.append(0x08)
        case .html(let bytes):
            counted(0x09, bytes)
        }
    }
}
