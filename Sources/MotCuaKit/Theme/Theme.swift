import Foundation
import Mustache

/// Templates and assets from Theme/. Templates are compiled once per build; every problem in them is
/// reported at the template's file, line and column, since a broken theme would otherwise render blanks.
public struct Theme: Sendable {
    /// Templates every theme must provide, one per kind of page, plus the layout they extend.
    public static let requiredTemplates = [
        "layout", "home", "guides", "guide", "catalog", "field", "procedure", "levels", "listing", "forms",
        "announcements", "announcement", "schedule", "page", "search", "404",
    ]

    public var library: MustacheLibrary
    public var templateNames: Set<String>
    /// Asset files relative to Theme/assets/, copied as they are to Output/assets/.
    public var assets: [String]
    public var assetsURL: URL
    /// Every template's name and text: pages rendered with another theme are not reused.
    public var fingerprint = ""

    public static func load(root: URL) -> (Theme?, Diagnostics) {
        var diagnostics = Diagnostics()
        let themeURL = root.appendingPathComponent("Theme")
        let templatesURL = themeURL.appendingPathComponent("templates")
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: templatesURL.path) else {
            diagnostics.error("missing-theme", "không tìm thấy thư mục Theme/templates/ (giao diện của trang); chép lại thư mục Theme/ mặc định", at: SourceLocation(path: "Theme/templates"))
            return (nil, diagnostics)
        }
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        var broken = Set<String>()
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = "Theme/templates/\(name)"
            guard let data = fm.contents(atPath: templatesURL.appendingPathComponent(name).path),
                  let source = SourceText.decode(data, path: path, diagnostics: &diagnostics) else { continue }
            let templateName = String(name.dropLast(".mustache".count))
            do {
                _ = Self.registerContentType
                library.register(try MustacheTemplate(string: Self.contentTypeLine + source.text), named: templateName)
                sources[templateName] = (path, source.text)
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(templateName)
                diagnostics.error("template-syntax", "lỗi cú pháp mẫu giao diện: \(describe(error.error))",
                                  at: SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                broken.insert(templateName)
                diagnostics.error("template-syntax", "lỗi cú pháp mẫu giao diện: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
            }
        }
        let known = Set(sources.keys)
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where !known.contains(reference.name) {
                diagnostics.error("unknown-partial", "mẫu giao diện dùng `\(reference.name)` nhưng không có tệp Theme/templates/\(reference.name).mustache",
                                  at: SourceLocation(path: source.path, line: reference.line, column: reference.column))
            }
        }
        for required in requiredTemplates where sources[required] == nil && !broken.contains(required) {
            diagnostics.error("missing-template", "thiếu mẫu giao diện Theme/templates/\(required).mustache", at: SourceLocation(path: "Theme/templates"))
        }
        let assetsURL = themeURL.appendingPathComponent("assets")
        var assets: [String] = []
        if let enumerator = fm.enumerator(atPath: assetsURL.path) {
            while let item = enumerator.nextObject() as? String {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: assetsURL.appendingPathComponent(item).path, isDirectory: &isDir), !isDir.boolValue,
                   !(item as NSString).lastPathComponent.hasPrefix(".") {
                    assets.append(item)
                }
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var theme = Theme(library: library, templateNames: known, assets: assets.sorted(), assetsURL: assetsURL)
        theme.fingerprint = sources.sorted { $0.key < $1.key }.map { "\($0.key)\u{0}\($0.value.text)" }.joined(separator: "\u{1}")
        return (theme, diagnostics)
    }

    /// A standalone first line (so it writes nothing and shifts error lines by exactly one) that selects
    /// `FastHTMLEscaping` for the template; partials and parents inherit it.
    static let contentTypeLine = "{{% CONTENT_TYPE: MOTCUA_HTML}}\n"

    static let registerContentType: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: "MOTCUA_HTML")

    static func describe(_ error: any Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "thẻ đóng `{{/…}}` không khớp với thẻ mở"
        case .unfinishedName: return "thẻ `{{…}}` chưa được đóng"
        case .expectedSectionEnd: return "thiếu thẻ đóng `{{/…}}` cho một khối"
        case .invalidSetDelimiter: return "khai báo dấu phân cách không hợp lệ"
        default: return "\(e)"
        }
    }

    /// `{{> name}}` and `{{< name}}` references with their positions.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        var line = 1
        var column = 1
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 2 < chars.count, chars[i + 1] == "{" {
                var j = i + 2
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == ">" || chars[j] == "<" {
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    var name = ""
                    while j < chars.count, chars[j] != "}", chars[j] != " " { name.unicodeScalars.append(chars[j]); j += 1 }
                    if !name.isEmpty { result.append((name, line, column)) }
                }
            }
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return result
    }

    public func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}

/// The same five escapes as swift-mustache's HTML content type, decided on UTF-8 bytes: a string with nothing to
/// escape (almost every one) is returned as it is. The library's own walks characters and hashes each one,
/// which was an eighth of a large build's time.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
