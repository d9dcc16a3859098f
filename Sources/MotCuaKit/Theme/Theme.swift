import Foundation

/// Templates and assets from Theme/. Templates are compiled once per build; every problem in them is
/// reported at the template's file, line and column, since a broken theme would otherwise render blanks.
public struct Theme: Sendable {
    /// Templates every theme must provide: the layout and one per kind of page (`PageKind`).
    public static let requiredTemplates = PageKind.templates

    var templates: CompiledTemplates
    public var templateNames: Set<String>
    /// Asset files relative to Theme/assets/, copied as they are to Output/assets/.
    public var assets: [String]
    public var assetsURL: URL
    /// A commune's own assets (`load`'s overlay), by name, where they are read from.
    var ownAssets: [String: URL] = [:]
    /// Every template's name and text: pages rendered with another theme are not reused.
    public var fingerprint = ""

    /// `memo` (the preview's) skips compiling the templates again while their files' bytes are the same.
    /// `overlay`: a province's commune folder with a Theme/ of its own ("Content/xa/an-phu"): each template
    /// or asset there takes the place of the shared theme's file of that name, for that commune only.
    public static func load(root: URL, memo: LoadMemo? = nil, overlay: String? = nil) -> (Theme?, Diagnostics) {
        let themeURL = root.appendingPathComponent("Theme")
        let templatesURL = themeURL.appendingPathComponent("templates")
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: templatesURL.path) else {
            var diagnostics = Diagnostics()
            diagnostics.error(.missingTheme, "không tìm thấy thư mục Theme/templates/ (giao diện của trang); chép lại thư mục Theme/ mặc định", at: SourceLocation(path: "Theme/templates"))
            return (nil, diagnostics)
        }
        // Read on every load (the memo's key is the bytes); a refused file is a problem of this load.
        var readDiagnostics = Diagnostics()
        var sources = Dictionary(names.filter { $0.hasSuffix(".mustache") }.map { ($0, (folder: themeURL.path, label: "Theme/")) }) { a, _ in a }
        let overlayTheme = overlay.map { (url: root.appendingPathComponent($0 + "/Theme"), label: $0 + "/Theme/") }
        if let overlayTheme, let own = try? fm.contentsOfDirectory(atPath: overlayTheme.url.path + "/templates") {
            for name in own where name.hasSuffix(".mustache") { sources[name] = (overlayTheme.url.path, overlayTheme.label) }
        }
        let files = sources.keys.sorted().map { name in
            let source = sources[name]!
            let path = "\(source.label)templates/\(name)"
            return (name: name, path: path, data: ProjectFile.read(source.folder + "/templates/" + name, inside: source.folder, path: path,
                                                                   folderName: source.label, &readDiagnostics))
        }
        // Assets are listed on every load, outside the memo: a new image must be served without a template edit.
        let withAssets = { (compiled: (Theme?, Diagnostics)) -> (Theme?, Diagnostics) in
            var diagnostics = readDiagnostics
            diagnostics.append(contentsOf: compiled.1)
            guard var theme = compiled.0 else { return (nil, diagnostics) }
            theme.assets = assetList(theme.assetsURL, label: "Theme/assets/", &diagnostics)
            if let overlayTheme {
                let assetsURL = overlayTheme.url.appendingPathComponent("assets")
                for name in assetList(assetsURL, label: overlayTheme.label + "assets/", &diagnostics) {
                    theme.ownAssets[name] = assetsURL.appendingPathComponent(name)
                }
                theme.assets = Array(Set(theme.assets).union(theme.ownAssets.keys)).sorted()
                // An asset of the same name from elsewhere is another theme for the page memo.
                theme.fingerprint += "\u{2}" + theme.ownAssets.keys.sorted().joined(separator: "\u{0}")
            }
            return (diagnostics.hasErrors ? nil : theme, diagnostics)
        }
        let named = files.map { (name: $0.name, path: $0.path, data: $0.data) }
        guard let memo else { return withAssets(compile(named, themeURL: themeURL)) }
        var key = Data()
        for file in files {
            key.append(contentsOf: Array(file.path.utf8) + [0])
            key.append(contentsOf: String(file.data?.count ?? -1).utf8)
            key.append(0)
            if let data = file.data { key.append(data) }
        }
        return withAssets(memo.theme(key) { compile(named, themeURL: themeURL) })
    }

    /// Where an asset is published from: the commune's own Theme/assets/ or the shared one.
    public func assetURL(_ name: String) -> URL {
        ownAssets[name] ?? assetsURL.appendingPathComponent(name)
    }

    static func compile(_ files: [(name: String, path: String, data: Data?)], themeURL: URL) -> (Theme?, Diagnostics) {
        var diagnostics = Diagnostics()
        var sources: [String: (path: String, text: String)] = [:]
        var parsed: [String: [CompiledTemplates.Token]] = [:]
        var broken = Set<String>()
        for (name, path, data) in files {
            let templateName = String(name.dropLast(".mustache".count))
            // A file that could not be read or decoded has its own message; it is not also "missing".
            guard let data, let source = SourceText.decode(data, path: path, diagnostics: &diagnostics) else {
                broken.insert(templateName)
                continue
            }
            switch CompiledTemplates.parse(source.text) {
            case .success(let tokens):
                parsed[templateName] = tokens
                sources[templateName] = (path, source.text)
            case .failure(let refusal):
                broken.insert(templateName)
                diagnostics.error(.templateSyntax, refusal.message, at: SourceLocation(path: path, line: refusal.line, column: refusal.column))
            }
        }
        let known = Set(sources.keys)
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where !known.contains(reference.name) {
                diagnostics.error(.unknownPartial, "mẫu giao diện dùng `\(reference.name)` nhưng không có tệp Theme/templates/\(reference.name).mustache",
                                  at: SourceLocation(path: source.path, line: reference.line, column: reference.column))
            }
        }
        diagnostics.append(contentsOf: recursion(sources))
        for required in requiredTemplates where sources[required] == nil && !broken.contains(required) {
            diagnostics.error(.missingTemplate, "thiếu mẫu giao diện Theme/templates/\(required).mustache", at: SourceLocation(path: "Theme/templates"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        // The theme's own file wins; the built-in text is MotCua's, parsed by a test (it cannot fail here).
        for (name, text) in PageKind.builtInTemplates where parsed[name] == nil && !broken.contains(name) {
            if case .success(let tokens) = CompiledTemplates.parse(text) { parsed[name] = tokens }
        }
        var theme = Theme(templates: CompiledTemplates(parsed), templateNames: known, assets: [], assetsURL: themeURL.appendingPathComponent("assets"))
        theme.fingerprint = sources.sorted { $0.key < $1.key }.map { "\($0.key)\u{0}\($0.value.text)" }.joined(separator: "\u{1}")
        return (theme, diagnostics)
    }

    /// Files under Theme/assets/, relative to it, sorted; hidden files are left out. A link to a file outside
    /// Theme/assets/ is refused: nothing outside the project's folders is published or served.
    static func assetList(_ assetsURL: URL, label: String, _ diagnostics: inout Diagnostics) -> [String] {
        let fm = FileManager.default
        let realFolder = assetsURL.resolvingSymlinksInPath().path
        var assets: [String] = []
        if let enumerator = fm.enumerator(atPath: assetsURL.path) {
            while let item = enumerator.nextObject() as? String {
                let url = assetsURL.appendingPathComponent(item)
                guard !(item as NSString).lastPathComponent.hasPrefix(".") else { continue }
                var info = stat()
                guard stat(url.path, &info) == 0 else { continue }
                let inside = url.resolvingSymlinksInPath().path.hasPrefix(realFolder + "/")
                if info.st_mode & S_IFMT == S_IFDIR {
                    // The enumerator does not go into a linked folder: one out of the theme would be left out unsaid.
                    if !inside {
                        diagnostics.error(.assetOutside, "thư mục giao diện là liên kết trỏ ra ngoài thư mục \(label); hãy chép chính thư mục vào đây", at: SourceLocation(path: label + item))
                    }
                    continue
                }
                guard inside else {
                    diagnostics.error(.assetOutside, "tệp giao diện là liên kết trỏ ra ngoài thư mục \(label); hãy chép chính tệp vào đây", at: SourceLocation(path: label + item))
                    continue
                }
                guard info.st_mode & S_IFMT == S_IFREG else {
                    diagnostics.error(.notAFile, "đây không phải một tệp giao diện thường (mà là \(ProjectFile.kindName(info.st_mode))); hãy xóa nó hoặc thay bằng tệp thật", at: SourceLocation(path: label + item))
                    continue
                }
                assets.append(item)
            }
        }
        return assets.sorted()
    }

    /// Each cycle of templates including one another (`{{> …}}`, `{{< …}}`), once, at the reference that
    /// closes it, with the chain of files. Rendering one would never end, so the theme is refused; with no
    /// cycle, a page's templates nest at most as deep as the theme has templates.
    static func recursion(_ sources: [String: (path: String, text: String)]) -> Diagnostics {
        var diagnostics = Diagnostics()
        let references = sources.mapValues { partialReferences(in: $0.text).filter { sources[$0.name] != nil } }
        var done = Set<String>()
        var reported = Set<Set<String>>()
        var stack: [String] = []
        func visit(_ name: String) {
            stack.append(name)
            defer { stack.removeLast() }
            for reference in references[name] ?? [] {
                if let start = stack.firstIndex(of: reference.name) {
                    let cycle = Array(stack[start...])
                    guard reported.insert(Set(cycle)).inserted else { continue }
                    let chain = (cycle + [reference.name]).map { "\($0).mustache" }.joined(separator: " → ")
                    diagnostics.error(.templateRecursion, "mẫu giao diện tự gọi lại chính nó: \(chain); hãy bỏ lời gọi `{{> \(reference.name)}}` hoặc tách phần dùng chung ra một mẫu riêng",
                                      at: SourceLocation(path: sources[name]!.path, line: reference.line, column: reference.column))
                } else if !done.contains(reference.name) {
                    visit(reference.name)
                }
            }
            done.insert(name)
        }
        for name in sources.keys.sorted() where !done.contains(name) { visit(name) }
        return diagnostics
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

    /// A page's bytes.
    public func renderBytes(_ template: String, _ context: TemplateValues) -> Data {
        Data(templates.render(template, context))
    }
}

/// The five escapes of swift-mustache's HTML content type (< > & " '), decided on UTF-8 bytes.
enum HTMLEscaping {
    /// The text with the five escapes, as a String.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text appended with the five escapes; the runs between them are copied whole.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var plain = 0  // start of the run not yet copied
            for i in bytes.indices {
                // Letters and every byte of a multi-byte character are above ">": one test for most bytes.
                let byte = bytes[i]
                if byte > 0x3E { continue }
                let entity: StaticString
                switch byte {
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x26: entity = "&amp;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                plain = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
        }
    }
}
