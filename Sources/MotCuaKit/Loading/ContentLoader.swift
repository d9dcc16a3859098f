import Foundation

/// Turns the files in Content/ into a `Site`. Reports every problem it meets and keeps going,
/// so an editor sees all mistakes from one build.
public struct ContentLoader: Sendable {
    public var root: URL { didSet { rootPath = root.path } }
    /// `root.path`, kept: the URL getter makes the path again on every call, and the loader needs it per file.
    private(set) var rootPath: String
    public var includeDrafts: Bool
    /// Set by the preview: unchanged files are not parsed again.
    public var memo: LoadMemo?
    /// Set by the preview when its watcher saw every change: with the memo, only these files are looked at.
    public var changes: KnownChanges?
    /// The folder read, and what it may hold: Content/ of a single site, or a layer of a province.
    var layer = Layer.site

    public init(root: URL, includeDrafts: Bool, memo: LoadMemo? = nil, changes: KnownChanges? = nil) {
        self.root = root
        self.rootPath = root.path
        self.includeDrafts = includeDrafts
        self.memo = memo
        self.changes = changes
    }

    /// A content folder and what it may hold. A single site is Content/; a province (`tinh.yml` in Content/)
    /// is its shared Content/ and one folder per commune under Content/xa/ (`ProvinceContent`).
    struct Layer: Sendable {
        /// From the root: "Content" or "Content/xa/an-phu".
        var path: String
        /// The section folders read, and the files each reads (forms: every file, checked by `loadForms`).
        var sections: [(name: String, extensions: Set<String>)]
        /// Files the folder may hold besides its sections.
        var rootFiles: Set<String>
        /// Folders it may hold besides its sections, read by another step (a commune's Theme/, the communes).
        var otherFolders: Set<String> = []
        /// Said when a file or folder nobody reads is found in it.
        var holds: String
        /// A commune's thu-tuc/ holds its changes to the province's catalog (`CatalogChanges`).
        var changesCatalog = false

        static let site = Layer(path: "Content", sections: ContentLoader.sections, rootFiles: ContentLoader.rootFiles,
                                holds: "ngoài các thư mục, Content/ chỉ có site.yml và viet-tat.yml. Trang riêng đặt trong Content/trang/, hướng dẫn trong Content/huong-dan/")
        /// What a province shares: the catalog, guides and forms; the communes' own content is in xa/.
        static let province = Layer(path: "Content", sections: ContentLoader.sections.filter { ["thu-tuc", "huong-dan", "bieu-mau"].contains($0.name) },
                                    rootFiles: ["tinh.yml", "viet-tat.yml"], otherFolders: [ProvinceContent.communesFolder],
                                    holds: "Content/ của tỉnh chỉ có tinh.yml, viet-tat.yml, các thư mục dùng chung thu-tuc/, huong-dan/, bieu-mau/ và thư mục xa/ (mỗi xã một thư mục). Thông báo và trang riêng đặt trong thư mục của từng xã, ví dụ Content/xa/an-phu/thong-bao/")
        static func commune(_ slug: String) -> Layer {
            Layer(path: "Content/\(ProvinceContent.communesFolder)/\(slug)", sections: ContentLoader.sections, rootFiles: ["site.yml", "viet-tat.yml"],
                  otherFolders: ["Theme"],
                  holds: "thư mục của xã chỉ có site.yml, viet-tat.yml, Theme/ và các thư mục thu-tuc/, huong-dan/, thong-bao/, trang/, bieu-mau/",
                  changesCatalog: true)
        }
    }

    var contentPath: String { layer.path }
    var contentURL: URL { root.appendingPathComponent(contentPath) }

    public func load() -> (Site?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard contentExists(&diagnostics) else { return (nil, diagnostics) }
        let config = loadConfig(at: "Content/site.yml", keys: .site, base: nil, &diagnostics)
        let files = loadLayer(&diagnostics)
        guard let config else { return (nil, diagnostics) }
        return (files.site(config, includeDrafts: includeDrafts), diagnostics)
    }

    func contentExists(_ diagnostics: inout Diagnostics) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.error(.missingContent, "không tìm thấy thư mục Content/ trong \(root.path); chạy lệnh trong thư mục của trang, hoặc dùng --root", at: SourceLocation(path: "Content"))
            return false
        }
        return true
    }

    /// What one content folder holds, each section loaded as its layer allows: a commune's thu-tuc/ holds
    /// changes to the province's catalog, not a catalog.
    struct LayerFiles: Sendable {
        var catalog: [CatalogFile] = []
        var changes: [CatalogChanges] = []
        var guides: [Guide] = []
        var announcements: [Announcement] = []
        var pages: [FreePage] = []
        var forms: [String: FormFile] = [:]
        var abbreviations: [String: Located<String>] = [:]

        func site(_ config: SiteConfig, includeDrafts: Bool) -> Site {
            Site(config: config, fields: catalog.compactMap(\.field),
                 guides: includeDrafts ? guides : guides.filter { !$0.draft },
                 announcements: includeDrafts ? announcements : announcements.filter { !$0.draft },
                 pages: includeDrafts ? pages : pages.filter { !$0.draft },
                 forms: forms, abbreviations: abbreviations, unreadCatalog: catalog.compactMap(\.unread))
        }
    }

    /// Every file of the layer's folder, every problem reported.
    func loadLayer(_ diagnostics: inout Diagnostics) -> LayerFiles {
        let names = layer.sections.map(\.name)
        let linkedOut = sectionsOutside(names, &diagnostics)
        let find = { () -> (Set<String>, Diagnostics) in
            var found = Diagnostics()
            let notFolders = unreadEntries(skipping: linkedOut, &found)
            return (notFolders, found)
        }
        let (notFolders, unread) = memo.map { $0.unreadEntries(contentPath, holds: unreadStillHolds(), make: find) } ?? find()
        diagnostics.append(contentsOf: unread)
        let outside = linkedOut.union(notFolders)
        let listed = { (section: String, extensions: Set<String>) in
            outside.contains(section) || !names.contains(section) ? [] : files(in: section, extensions: extensions)
        }
        var loaded = LayerFiles()
        if layer.changesCatalog {
            loaded.changes = loadEach("thu-tuc", listed("thu-tuc", ["yml", "yaml"]), &diagnostics) { loadCatalogChanges($0, &$1) }
        } else {
            loaded.catalog = loadEach("thu-tuc", listed("thu-tuc", ["yml", "yaml"]), &diagnostics) { loadCatalogFile($0, &$1) }
        }
        loaded.guides = loadEach("huong-dan", listed("huong-dan", ["md"]), &diagnostics) { loadGuide($0, &$1) }
        loaded.announcements = loadEach("thong-bao", listed("thong-bao", ["md"]), &diagnostics) { loadAnnouncement($0, &$1) }
        loaded.pages = loadEach("trang", listed("trang", ["md"]), &diagnostics) { loadPage($0, &$1) }
        loaded.forms = outside.contains("bieu-mau") ? [:] : loadForms(&diagnostics)
        loaded.abbreviations = loadAbbreviations(&diagnostics)
        return loaded
    }

    // MARK: - Files

    /// Loads files of one kind on every core; results and diagnostics keep the files' order.
    /// With the preview's memo, a section whose files all keep their stamps is taken whole from the last
    /// load, and otherwise only the files whose stamps moved are looked at again.
    func loadEach<T: Sendable>(_ section: String, _ paths: [String], _ diagnostics: inout Diagnostics,
                               _ load: @escaping @Sendable (String, inout Diagnostics) -> T?) -> [T] {
        let fresh = { @Sendable (path: String) -> (T?, Diagnostics) in
            var d = Diagnostics()
            let value = load(path, &d)
            return (value, d)
        }
        guard let memo else {
            let loaded = LoadMemo.Section(paths: paths, stamps: [], results: BuildAction.parallelMap(paths, fresh))
            diagnostics.append(contentsOf: loaded.diagnostics)
            return loaded.values
        }
        var previous = memo.takeSection(contentPath + "/" + section, of: T.self)
        if previous?.paths != paths { previous = nil }
        let folder = opendir(rootPath + "/" + contentPath + "/" + section)
        defer { if let folder { closedir(folder) } }
        let fd = folder.map { dirfd($0) } ?? -1
        let prefix = "\(contentPath)/\(section)/".utf8.count
        let stamp = { @Sendable (path: String) in memo.settled(FileStamp(folder: fd, path: path, nameOffset: prefix)) }
        guard var previous else {
            let stamps = BuildAction.parallelMap(paths, stamp)
            let results = BuildAction.parallelMap(Array(paths.indices)) { i in
                memo.file(paths[i], rootPath: rootPath, stamp: stamps[i]) { fresh(paths[i]) }
            }
            let built = LoadMemo.Section(paths: paths, stamps: stamps, results: results)
            memo.store(contentPath + "/" + section, built)
            diagnostics.append(contentsOf: built.diagnostics)
            return built.values
        }
        let stamps: [FileStamp?]
        if let known = knownChanged(in: section, paths: paths, stamps: previous.stamps) {
            // The watcher named what changed: the other files keep the stamps they had.
            var updated = previous.stamps
            for i in known { updated[i] = stamp(paths[i]) }
            stamps = updated
        } else {
            stamps = BuildAction.parallelMap(paths, stamp)
        }
        let changed = paths.indices.filter { stamps[$0] == nil || stamps[$0] != previous.stamps[$0] }
        let loaded = BuildAction.parallelMap(changed) { i in memo.file(paths[i], rootPath: rootPath, stamp: stamps[i]) { fresh(paths[i]) } }
        previous.stamps = stamps
        previous.replace(changed, with: loaded)
        memo.store(contentPath + "/" + section, previous)
        diagnostics.append(contentsOf: previous.diagnostics)
        return previous.values
    }

    /// The files of a section folder to look at again, when the watcher's list can say: those it named,
    /// and those whose stamps were too recent to trust last time. nil: look at every file.
    private func knownChanged(in section: String, paths: [String], stamps: [FileStamp?]) -> [Int]? {
        let folder = contentPath + "/" + section
        // Only a folder listed without links: a change made through a link's target names no file here.
        guard let changes, !changes.coversWhole(folder), memo?.knownListing(contentURL.path + "/" + section) != nil else { return nil }
        var indices = Set(stamps.indices.filter { stamps[$0] == nil })
        for path in changes.entries(of: folder) {
            if let i = Self.index(of: path, inSorted: paths) { indices.insert(i) }
        }
        return indices.sorted()
    }

    /// Binary search: section listings are sorted.
    static func index(of path: String, inSorted paths: [String]) -> Int? {
        var low = 0, high = paths.count
        while low < high {
            let mid = (low + high) / 2
            if paths[mid] < path { low = mid + 1 } else { high = mid }
        }
        return low < paths.count && paths[low] == path ? low : nil
    }

    /// Relative paths (from the root) of the files in a section folder, in a stable order.
    /// readdir rather than FileManager: a province site lists 40,000 guides on every preview rebuild.
    func files(in section: String, extensions: Set<String>) -> [String] {
        let folder = contentURL.path + "/" + section
        if let memo, let changes, let known = memo.knownListing(folder),
           listingHolds(known, contentPath + "/" + section, changes) {
            return known
        }
        // A folder's change time moves whenever a file in it is added, removed or renamed.
        if let memo {
            return memo.listing(folder, stamp: memo.settled(FileStamp(path: folder))) { listFiles(folder, section, extensions) }
        }
        return listFiles(folder, section, extensions).files
    }

    /// Whether the last listing of a folder still holds after the watcher's changes: the folder itself did
    /// not change, and every changed file in it was listed and is still there (an edit, not an addition,
    /// a removal or a rename). Hidden files never reach the watcher's list.
    func listingHolds(_ listing: [String], _ folder: String, _ changes: KnownChanges) -> Bool {
        guard !changes.coversWhole(folder) else { return false }
        for path in changes.entries(of: folder) {
            guard Self.index(of: path, inSorted: listing) != nil, access(rootPath + "/" + path, F_OK) == 0 else { return false }
        }
        return true
    }

    /// The listing, and whether every entry is known to be no symbolic link.
    private func listFiles(_ folder: String, _ section: String, _ extensions: Set<String>) -> (files: [String], plain: Bool) {
        var names: [String] = []
        var plain = true
        FolderEntries.forEach(in: folder) { name, type in
            if type == DT_LNK || type == DT_UNKNOWN { plain = false }
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."),
                  extensions.contains(name[name.index(after: dot)...].lowercased()) else { return }
            names.append(name)
        }
        return (names.sorted().map { "\(contentPath)/\(section)/\($0)" }, plain)
    }

    /// A content file's text; `ProjectFile` refuses links out of Content/ and anything that is not a file.
    func read(_ path: String, _ diagnostics: inout Diagnostics) -> SourceText? {
        // A string join, not URL appending: this runs once per file, and URL appending costs far more.
        guard let data = ProjectFile.read(rootPath + "/" + path, inside: rootPath + "/Content", path: path, folderName: "Content/", &diagnostics) else {
            return nil
        }
        return SourceText.decode(data, path: path, diagnostics: &diagnostics)
    }

    /// The folders of Content/ and the files each reads (forms: every file, checked by `loadForms`).
    static let sections: [(name: String, extensions: Set<String>)] = [
        ("thu-tuc", ["yml", "yaml"]), ("huong-dan", ["md"]), ("thong-bao", ["md"]), ("trang", ["md"]), ("bieu-mau", []),
    ]
    /// Files Content/ may hold besides its folders.
    static let rootFiles: Set<String> = ["site.yml", "viet-tat.yml"]

    /// What Content/ holds that no step reads — a `.markdown` guide, a subfolder of guides, a folder of news —
    /// is a warning at the file: without one, its pages would be missing without a word. A section that is a
    /// file, not a folder, is an error, and the section is returned so nothing is listed in it.
    func unreadEntries(skipping refused: Set<String>, _ diagnostics: inout Diagnostics) -> Set<String> {
        var notFolders = Set<String>()
        let known = layer.sections.map(\.name).joined(separator: ", ")
        let here = contentPath
        FolderEntries.forEach(in: rootPath + "/" + here) { name, _ in
            guard !name.hasPrefix(".") else { return }
            let folder = rootPath + "/" + here + "/" + name
            var info = stat()
            let isFolder = stat(folder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            // A section already refused as a link out of Content/ is not listed: its files are not ours to name.
            guard !refused.contains(name) else { return }
            guard let section = layer.sections.first(where: { $0.name == name }) else {
                if isFolder, layer.otherFolders.contains(name) { return }
                if isFolder {
                    diagnostics.warning(.ignoredFile, "thư mục \(here)/\(name)/ không được đọc; MotCua chỉ đọc các thư mục \(known): hãy chuyển các tệp vào thư mục phù hợp", at: SourceLocation(path: "\(here)/\(name)"))
                } else if !layer.rootFiles.contains(name) {
                    diagnostics.warning(.ignoredFile, "tệp \(here)/\(name) không được đọc; \(layer.holds)", at: SourceLocation(path: "\(here)/\(name)"))
                }
                return
            }
            guard isFolder else {
                diagnostics.error(.notAFile, "\(here)/\(name) phải là một thư mục (mà đây là \(ProjectFile.kindName(info.st_mode))); hãy xóa nó và tạo thư mục \(name)/", at: SourceLocation(path: "\(here)/\(name)"))
                notFolders.insert(name)
                return
            }
            guard !section.extensions.isEmpty else { return }
            let kinds = section.extensions.sorted().map { ".\($0)" }.joined(separator: ", ")
            FolderEntries.forEach(in: folder) { entry, type in
                guard !entry.hasPrefix(".") else { return }
                var isSubfolder = type == DT_DIR
                if type == DT_UNKNOWN || type == DT_LNK {
                    var entryInfo = stat()
                    isSubfolder = stat(folder + "/" + entry, &entryInfo) == 0 && entryInfo.st_mode & S_IFMT == S_IFDIR
                }
                let path = "\(here)/\(name)/\(entry)"
                if isSubfolder {
                    diagnostics.warning(.ignoredFile, "thư mục con không được đọc: MotCua chỉ đọc các tệp \(kinds) nằm ngay trong \(here)/\(name)/; hãy chuyển các tệp ra ngoài thư mục con", at: SourceLocation(path: path))
                } else if !section.extensions.contains(SitePath.fileExtension(of: entry).lowercased()) {
                    let base = entry.contains(".") ? String(entry[..<entry.lastIndex(of: ".")!]) : entry
                    diagnostics.warning(.ignoredFile, "tệp không được đọc: trong \(here)/\(name)/ MotCua chỉ đọc tệp \(kinds); nếu đây là nội dung của trang, hãy đổi tên thành `\(base).\(section.extensions.sorted().last!)`", at: SourceLocation(path: path))
                }
            }
        }
        return notFolders
    }

    /// Whether the watcher's changes are edits of files the last load listed, and of site.yml or viet-tat.yml:
    /// then Content/ holds the same entries and what `unreadEntries` found stands.
    func unreadStillHolds() -> Bool {
        guard let changes, let memo, !changes.coversWhole(contentPath) else { return false }
        for path in changes.entries(of: contentPath) where !layer.rootFiles.contains(String(path.dropFirst(contentPath.count + 1))) {
            // A province's shared folder: a change inside a commune's folder leaves Content/'s entries as they are.
            if layer.otherFolders.contains(where: { path.hasPrefix(contentPath + "/" + $0 + "/") }) { continue }
            return false
        }
        for section in layer.sections where !section.extensions.isEmpty {
            guard let known = memo.knownListing(contentURL.path + "/" + section.name),
                  listingHolds(known, contentPath + "/" + section.name, changes) else { return false }
        }
        return true
    }

    /// Section folders that are links out of Content/: their files would be published from outside the
    /// project, so the folder is refused whole, once, at the folder.
    func sectionsOutside(_ sections: [String], _ diagnostics: inout Diagnostics) -> Set<String> {
        guard let content = ProjectFile.realPath(rootPath + "/Content") else { return [] }
        var outside = Set<String>()
        for section in sections {
            let folder = rootPath + "/" + contentPath + "/" + section
            guard let real = ProjectFile.realPath(folder), !real.hasPrefix(content + "/") else { continue }
            outside.insert(section)
            diagnostics.error(.contentOutside, "thư mục là một liên kết (symlink) trỏ ra ngoài Content/ (tới \(real)); MotCua chỉ đưa lên trang những tệp nằm trong Content/. Hãy chép chính thư mục vào đây", at: SourceLocation(path: contentPath + "/" + section))
        }
        return outside
    }

    /// Parses a whole-YAML file with the file's reader, which collects its problems; an empty file is reported
    /// rather than silently skipped.
    func yamlRoot(_ path: String, _ reader: YAMLReader, _ diagnostics: inout Diagnostics) -> YAMLNode.Mapping? {
        var text: String?
        return yamlRoot(path, reader, &diagnostics, text: &text)
    }

    /// The same, keeping the file's text for what a failed file's caller can still learn from it.
    func yamlRoot(_ path: String, _ reader: YAMLReader, _ diagnostics: inout Diagnostics, text: inout String?) -> YAMLNode.Mapping? {
        guard let source = read(path, &diagnostics) else { return nil }
        text = source.text
        if VietnameseText.isBlank(source.text) {
            reader.diagnostics.error(.emptyFile, "tệp rỗng", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let before = reader.diagnostics.errorCount
        guard let node = reader.parse(source.text) else {
            // Only comments: no value at all, which the parser does not report.
            if reader.diagnostics.errorCount == before {
                reader.diagnostics.error(.emptyFile, "tệp chỉ có dòng chú thích (`#`), chưa có nội dung nào", at: SourceLocation(path: path, line: 1, column: 1))
            }
            return nil
        }
        guard let mapping = reader.mapping(node, what: "nội dung tệp") else { return nil }
        return mapping
    }

    // MARK: - site.yml

    /// site.yml, tinh.yml, or a commune's site.yml over its province's tinh.yml (`base`): a key the file does
    /// not write keeps the base's value.
    func loadConfig(at path: String, keys: ContentSchema, base: SiteConfig?, _ diagnostics: inout Diagnostics) -> SiteConfig? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            diagnostics.error(.missingSiteYml, "không tìm thấy \(path) (tệp cấu hình của trang, tối thiểu có dòng `ten: Ủy ban nhân dân xã …`)", at: SourceLocation(path: path))
            return nil
        }
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = yamlRoot(path, reader, &diagnostics) else { return nil }
        reader.checkKeys(map, keys)
        guard let name = reader.string(map, keys.ten) else { return nil }
        var config = base ?? SiteConfig(name: name.value)
        config.name = name.value
        // tinh.yml names the province; a commune's site.yml may say it again.
        config.province = keys.id == ContentSchema.province.id ? name.value : reader.string(map, keys.tinh)?.value ?? config.province
        config.address = reader.string(map, keys.dia_chi)?.value ?? config.address
        config.phone = reader.string(map, keys.dien_thoai)?.value ?? config.phone
        config.email = reader.string(map, keys.email)?.value ?? config.email
        config.workingHours = reader.string(map, keys.gio_lam_viec)?.value ?? config.workingHours
        config.nationalPortal = reader.url(map, keys.cong_dich_vu_cong)?.value ?? config.nationalPortal
        config.provincePortal = reader.url(map, keys.cong_tinh)?.value ?? config.provincePortal
        if let lookup = reader.url(map, keys.tra_cuu) {
            // The site's look-up form needs the place of the file's code; without it there would be no form.
            if SiteRenderer.lookupForm(lookup.value) == nil {
                reader.diagnostics.error(.invalidValue, "`tra_cuu`: địa chỉ phải có `{ma_ho_so}` ở chỗ điền mã hồ sơ, sau dấu `?`, ví dụ `https://dichvucong.tinh.gov.vn/tra-cuu?ma={ma_ho_so}`", at: lookup.location)
            } else {
                config.lookupURL = lookup.value
            }
        }
        if let base = reader.url(map, keys.base_url, httpsOnly: true) {
            config.baseURL = base.value.hasSuffix("/") ? base.value : base.value + "/"
        }
        if let scheme = reader.choice(map, keys.muc_do) {
            config.levelScheme = LevelScheme(rawValue: scheme.value) ?? .nd42
        }
        config.allowRawHTML = reader.bool(map, keys.cho_phep_html)?.value ?? config.allowRawHTML
        if let months = reader.int(map, keys.ra_soat_sau_thang) { config.reviewMonths = months.value }
        let radioKeys = ContentSchema.siteRadio
        if let radio = reader.node(map, keys.phat_thanh), let radioMap = reader.mapping(radio, what: radioKeys.what) {
            reader.checkKeys(radioMap, radioKeys)
            // Its own message: the common rates say more than the accepted range.
            let rateKey = radioKeys.toc_do
            if let rate = reader.int(radioMap, rateKey.name) {
                if let range = rateKey.range, range.contains(rate.value) {
                    config.radioSyllablesPerMinute = rate.value
                } else {
                    reader.diagnostics.error(.invalidValue, "`toc_do`: \(rate.value) âm tiết/phút là không hợp lý; thường từ 160 đến 220", at: rate.location)
                }
            }
            if let names = reader.node(radioMap, radioKeys.ten_goi), let namesMap = reader.mapping(names, what: "`ten_goi`") {
                for (key, value) in namesMap {
                    guard let host = key.scalar?.string, let spoken = reader.string(value, key: host) else { continue }
                    config.spokenNames[host.lowercased()] = spoken.value
                }
            }
        }
        return config
    }

    // MARK: - Catalog

    /// A catalog file as loaded: its field, and what of it could not be read.
    struct CatalogFile: Sendable {
        var field: Field?
        var unread: UnreadCatalog?
    }

    func loadField(_ path: String, _ diagnostics: inout Diagnostics) -> Field? {
        loadCatalogFile(path, &diagnostics)?.field
    }

    func loadCatalogFile(_ path: String, _ diagnostics: inout Diagnostics) -> CatalogFile? {
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        var text: String?
        // A file lost whole (broken YAML, no `linh_vuc`): the codes are still in its text, and the guides that
        // name them wait for the fix.
        let lost = { () -> CatalogFile? in
            let codes = text.map { Self.valuesNamed("ma", in: $0, outermostOnly: true) } ?? []
            guard !codes.isEmpty, let first = reader.diagnostics.all.first(where: { $0.severity == .error }) else { return nil }
            let forms = text.map { Self.valuesNamed("bieu_mau", in: $0) } ?? []
            return CatalogFile(field: nil, unread: UnreadCatalog(path: path, codes: codes, forms: forms, wholeFile: true, location: first.location))
        }
        guard let map = yamlRoot(path, reader, &diagnostics, text: &text) else { return lost() }
        var dropped: [YAMLNode] = []
        guard let field = loadField(path, map, reader, dropped: &dropped) else { return lost() }
        // Entries left out (their errors said why): their codes and forms, found in their YAML.
        var codes: [String] = [], forms: [String] = []
        for entry in dropped {
            // The entry's own code, not its results' (`ket_qua: [{ma: KQ…}]`).
            if let code = entry.mapping?.first(where: { $0.key.scalar?.string == "ma" })?.value.scalar?.string {
                codes.append(Self.unquoted(code))
            }
            forms += Self.values(of: "bieu_mau", in: entry)
        }
        guard !codes.isEmpty || !forms.isEmpty else { return CatalogFile(field: field) }
        return CatalogFile(field: field, unread: UnreadCatalog(path: path, codes: codes, forms: forms, wholeFile: false, location: SourceLocation(path: path)))
    }

    /// The values of a key's lines in a catalog's text (`- ma: "1.001193"`, quotes of any kind taken off):
    /// read line by line, since the YAML around them may be what is broken. `outermostOnly` keeps the lines
    /// indented least, the entries' own codes, not their results' (`ket_qua` items also have a `ma`).
    static func valuesNamed(_ key: String, in text: String, outermostOnly: Bool = false) -> [String] {
        var values: [(indent: Int, value: String)] = []
        for line in text.split(separator: "\n") {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard rest.hasPrefix(key + ":") else { continue }
            var value = rest.dropFirst(key.count + 1)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let bare = Self.unquoted(String(value))
            if !bare.isEmpty { values.append((line.distance(from: line.startIndex, to: rest.startIndex), bare)) }
        }
        guard outermostOnly, let least = values.map(\.indent).min() else { return values.map(\.value) }
        return values.filter { $0.indent == least }.map(\.value)
    }

    static func unquoted(_ value: String) -> String {
        value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'“”‘’"))
    }

    /// The scalar values of `key` anywhere in a YAML value.
    static func values(of key: String, in node: YAMLNode) -> [String] {
        var found: [String] = []
        if let items = node.sequence {
            for item in items { found += values(of: key, in: item) }
        } else if let map = node.mapping {
            for (name, value) in map {
                if name.scalar?.string == key, let text = value.scalar?.string {
                    found.append(unquoted(text))
                } else {
                    found += values(of: key, in: value)
                }
            }
        }
        return found
    }

    /// The field of a catalog file; `dropped` gets the entries left out.
    func loadField(_ path: String, _ map: YAMLNode.Mapping, _ reader: YAMLReader, dropped: inout [YAMLNode]) -> Field? {
        let keys = ContentSchema.field
        reader.checkKeys(map, keys)
        guard let name = reader.string(map, keys.linh_vuc) else { return nil }
        let slug = explicitSlug(reader, map, keys) ?? Located(VietnameseText.nameSlug(name.value), at: name.location)
        var procedures: [Procedure] = []
        let listKey = keys.thu_tuc
        if let list = reader.node(map, listKey), let items = reader.sequence(list, key: listKey.name) {
            for item in items {
                if let procedure = loadProcedure(item, reader) {
                    procedures.append(procedure)
                } else {
                    dropped.append(item)
                }
            }
        } else if reader.node(map, listKey) == nil {
            reader.diagnostics.warning(.emptyField, "lĩnh vực `\(name.value)` chưa có thủ tục nào (khóa `thu_tuc`)", at: name.location)
        }
        return Field(name: name, slug: slug, formerAddresses: reader.stringList(map, keys.dia_chi_cu), summary: reader.string(map, keys.mo_ta)?.value,
                     procedures: procedures, path: path)
    }

    /// A procedure code is written as the national database writes it: ASCII letters, digits, dots, dashes
    /// (`1.001193`, `1.000894.000.00.00.H12`). Word's curly quotes, pasted around it, would become part of the
    /// code, and every guide naming the code would then miss it.
    static func codeProblem(_ code: String) -> String? {
        if code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_") }) {
            return nil
        }
        let curly: Set<Character> = ["“", "”", "‘", "’", "„", "«", "»"]
        if let first = code.first, let last = code.last, curly.contains(first) || curly.contains(last) {
            let bare = code.trimmingCharacters(in: CharacterSet(charactersIn: "“”‘’„«» "))
            return "`ma`: mã `\(code)` nằm trong ngoặc kép kiểu Word (“ ”), YAML coi dấu ngoặc đó là một phần của mã; hãy dùng ngoặc kép thẳng: `ma: \"\(bare)\"`"
        }
        return "`ma`: mã `\(code)` chỉ được gồm chữ số, chữ cái không dấu, dấu chấm và gạch ngang, như mã trên Cổng dịch vụ công quốc gia, ví dụ `ma: \"1.001193\"`"
    }

    /// A written `slug:`; nil, with an error at its line, when it cannot be an address. Each entry's slug is
    /// checked on its own, so every over-long one in a catalog is reported by one build, before anything is
    /// written; the suggestion is the slug cut after a word, as an address made from a name would be.
    func explicitSlug(_ reader: YAMLReader, _ map: YAMLNode.Mapping, _ keys: ContentSchema) -> Located<String>? {
        guard let slug = reader.string(map, keys.slug) else { return nil }
        if !VietnameseText.isValidSlug(slug.value) {
            reader.diagnostics.error(.invalidSlug, "`slug`: `\(slug.value)` chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ `slug: \(VietnameseText.nameSlug(slug.value))`", at: slug.location)
            return nil
        }
        if slug.value.utf8.count > VietnameseText.maxSlug {
            reader.diagnostics.error(.invalidSlug, "`slug`: địa chỉ dài \(slug.value.utf8.count) ký tự, quá \(VietnameseText.maxSlug) ký tự (tên thư mục trên máy không được dài hơn, và địa chỉ dài khó gõ lại từ giấy); hãy viết gọn, ví dụ `slug: \(VietnameseText.nameSlug(slug.value))`", at: slug.location)
            return nil
        }
        return slug
    }

    func loadProcedure(_ node: YAMLNode, _ reader: YAMLReader) -> Procedure? {
        guard let map = reader.mapping(node, what: "mỗi thủ tục") else { return nil }
        let keys = ContentSchema.procedure
        reader.checkKeys(map, keys)
        var code = reader.string(map, keys.ma)
        if let written = code, let problem = Self.codeProblem(written.value) {
            reader.diagnostics.error(.invalidValue, problem, at: written.location)
            code = nil
        }
        let name = reader.string(map, keys.ten)
        let tiers = reader.choices(map, keys.cap).compactMap { Procedure.Tier(rawValue: $0.value) }
        let level = loadLevel(map, keys.muc_do, reader)
        let channels = loadChannels(map, keys.cach_thuc, reader) ?? []
        var groups: [Procedure.DocumentGroup] = []
        let groupKeys = ContentSchema.documentGroup
        if let list = reader.node(map, keys.ho_so), let items = reader.sequence(list, key: keys.ho_so.name) {
            var loose: [Procedure.Document] = []
            for item in items {
                if item.scalar != nil {
                    if let doc = loadDocument(item, reader) { loose.append(doc) }
                    continue
                }
                if nestedList(item, key: "ho_so", reader) { continue }
                guard let m = reader.mapping(item, what: "mỗi giấy tờ trong `ho_so`") else { continue }
                if reader.node(m, groupKeys.truong_hop) != nil || reader.node(m, groupKeys.giay_to) != nil
                    || reader.node(m, groupKeys.xuat_trinh) != nil {
                    reader.checkKeys(m, groupKeys)
                    groups.append(Procedure.DocumentGroup(
                        title: reader.string(m, groupKeys.truong_hop)?.value,
                        documents: loadDocuments(m, groupKeys.giay_to, reader), shown: loadDocuments(m, groupKeys.xuat_trinh, reader, schema: .shownDocument)))
                } else if let doc = loadDocument(item, reader) {
                    loose.append(doc)
                }
            }
            if !loose.isEmpty { groups.insert(Procedure.DocumentGroup(title: nil, documents: loose), at: 0) }
        }
        // Papers to show at the desk in every case go with the untitled group: the papers common to all cases.
        let shown = loadDocuments(map, keys.xuat_trinh, reader, schema: .shownDocument)
        if !shown.isEmpty {
            if groups.first?.title == nil, !groups.isEmpty { groups[0].shown += shown } else { groups.insert(Procedure.DocumentGroup(title: nil, documents: [], shown: shown), at: 0) }
        }
        var legal: [Procedure.LegalText] = []
        let legalKeys = ContentSchema.legal
        if let list = reader.node(map, keys.can_cu), let items = reader.sequence(list, key: keys.can_cu.name) {
            for item in items {
                if item.scalar != nil, let s = reader.string(item, key: "can_cu") {
                    legal.append(Procedure.LegalText(number: s.value))
                    continue
                }
                guard let m = reader.mapping(item, what: "mỗi căn cứ pháp lý") else { continue }
                reader.checkKeys(m, legalKeys)
                guard let number = reader.string(m, legalKeys.so) else { continue }
                legal.append(Procedure.LegalText(
                    number: number.value, summary: reader.string(m, legalKeys.trich_yeu)?.value,
                    date: reader.date(m, legalKeys.ngay)?.value, issuer: reader.string(m, legalKeys.co_quan_ban_hanh)?.value))
            }
        }
        let delivery = reader.choices(map, keys.nhan_ket_qua).compactMap { Procedure.Method(rawValue: $0.value) }
        let online = reader.string(map, keys.nop_truc_tuyen)
        guard let code, let name else { return nil }
        let slug = explicitSlug(reader, map, keys) ?? Located(VietnameseText.nameSlug(name.value), at: name.location)
        return Procedure(
            code: code, name: name, tiers: tiers.isEmpty ? [.commune] : tiers, level: level,
            applicants: reader.stringList(map, keys.doi_tuong).map(\.value),
            agency: reader.string(map, keys.co_quan)?.value,
            competentAgency: reader.string(map, keys.co_quan_tham_quyen)?.value,
            authorisedAgency: reader.string(map, keys.co_quan_duoc_uy_quyen)?.value,
            coordinatingAgency: reader.string(map, keys.co_quan_phoi_hop)?.value,
            submissionAddress: reader.string(map, keys.noi_nop)?.value,
            channels: channels,
            steps: reader.markdown(map, keys.trinh_tu),
            documentGroups: groups,
            results: loadResults(map, reader),
            requirements: reader.markdown(map, keys.yeu_cau),
            feeExemptions: reader.stringList(map, keys.mien_le_phi).map(\.value),
            legalBasis: legal,
            onlineSubmission: online,
            onlinePayment: reader.bool(map, keys.thanh_toan_truc_tuyen)?.value,
            resultDelivery: delivery,
            summary: reader.string(map, keys.mo_ta)?.value,
            keywords: reader.stringList(map, keys.tu_khoa).map(\.value),
            decision: reader.string(map, keys.so_quyet_dinh)?.value,
            kind: reader.string(map, keys.loai_thu_tuc)?.value,
            related: reader.stringList(map, keys.thu_tuc_lien_quan),
            onlineOnly: reader.bool(map, keys.chi_truc_tuyen)?.value ?? false,
            anyCentre: reader.bool(map, keys.phi_dia_gioi)?.value ?? false,
            reviewed: reader.date(map, keys.ngay_ra_soat),
            slug: slug,
            formerAddresses: reader.stringList(map, keys.dia_chi_cu),
            location: reader.location(node))
    }

    /// `muc_do`, read the same in a catalog and in a commune's change.
    func loadLevel(_ map: YAMLNode.Mapping, _ key: ContentKey, _ reader: YAMLReader) -> Located<ServiceLevel>? {
        guard let l = reader.choice(map, key), let parsed = ServiceLevel(key: l.value) else { return nil }
        return Located(parsed, at: l.location)
    }

    /// `cach_thuc`, read the same in a catalog and in a commune's change; nil when the key is not written.
    func loadChannels(_ map: YAMLNode.Mapping, _ key: ContentKey, _ reader: YAMLReader) -> [Procedure.Channel]? {
        guard let list = reader.node(map, key) else { return nil }
        var channels: [Procedure.Channel] = []
        let channelKeys = ContentSchema.channel
        guard let items = reader.sequence(list, key: key.name) else { return channels }
        for item in items {
            guard let c = reader.mapping(item, what: "mỗi cách thực hiện") else { continue }
            reader.checkKeys(c, channelKeys)
            // A missing `hinh_thuc` is reported by the reader: the schema marks it required.
            guard let method = reader.choice(c, channelKeys.hinh_thuc) else { continue }
            channels.append(Procedure.Channel(
                method: Procedure.Method(rawValue: method.value)!, time: reader.string(c, channelKeys.thoi_han)?.value,
                fees: loadFees(c, reader), description: reader.string(c, channelKeys.mo_ta)?.value,
                location: reader.location(item)))
        }
        return channels
    }

    /// `le_phi`: one amount or text, or a list of items each with its kind and note, as the record lists them.
    func loadFees(_ channel: YAMLNode.Mapping, _ reader: YAMLReader) -> [Procedure.FeeItem] {
        let key = ContentSchema.channel.le_phi
        guard let value = reader.node(channel, key) else { return [] }
        if value.scalar != nil {
            return reader.string(channel, key).flatMap { feeAmount($0, key: key.name, reader) }.map { [Procedure.FeeItem(amount: $0)] } ?? []
        }
        guard let items = reader.sequence(value, key: key.name) else { return [] }
        let itemKeys = ContentSchema.fee
        var fees: [Procedure.FeeItem] = []
        for item in items {
            if item.scalar != nil {
                if let written = reader.string(item, key: key.name), let amount = feeAmount(written, key: key.name, reader) {
                    fees.append(Procedure.FeeItem(amount: amount))
                }
                continue
            }
            guard let m = reader.mapping(item, what: "mỗi khoản phí, lệ phí") else { continue }
            reader.checkKeys(m, itemKeys)
            guard let written = reader.string(m, itemKeys.so_tien), let amount = feeAmount(written, key: itemKeys.so_tien.name, reader) else { continue }
            fees.append(Procedure.FeeItem(label: reader.string(m, itemKeys.ten)?.value, amount: amount, note: reader.string(m, itemKeys.ghi_chu)?.value))
        }
        return fees
    }

    /// An amount of đồng ("8.000", "8,000", "8.000 Đồng" as the portal prints it), or text kept as written; a
    /// number no page can show is an error.
    func feeAmount(_ written: Located<String>, key: String, _ reader: YAMLReader) -> Procedure.Fee? {
        if let n = YAMLReader.parseInteger(written.value) ?? Self.amountWithCurrency(written.value) {
            if n < 0 {
                reader.diagnostics.error(.invalidValue, "`\(key)`: số tiền không được âm; viết `0` nếu được miễn lệ phí", at: written.location)
                return nil
            }
            if n > Procedure.maxFee {
                reader.diagnostics.error(.invalidValue, "`\(key)`: \(VietnameseFormat.fee(n)) vượt mọi mức phí (tối đa \(VietnameseFormat.fee(Procedure.maxFee))); hãy kiểm tra lại số chữ số, hoặc ghi bằng chữ trong ngoặc kép", at: written.location)
                return nil
            }
            return .amount(n)
        }
        if YAMLReader.looksLikeNumber(written.value) {
            // `1e9`, `.inf`, `8.5` or a sum past any real fee: a number YAML would read, but no amount.
            reader.diagnostics.error(.invalidValue, "`\(key)`: `\(written.value)` không phải một số tiền viết được lên trang; hãy viết đủ chữ số của số đồng, ví dụ `\(key): 1000000000`, hoặc ghi bằng chữ trong ngoặc kép, ví dụ `\(key): \"Theo biểu phí của tỉnh\"`", at: written.location)
            return nil
        }
        return .text(written.value)
    }

    /// "10.000 Đồng", "10,000 đồng", "10.000đ", "10.000 VNĐ": digits then the currency word alone.
    static func amountWithCurrency(_ text: String) -> Int? {
        let lower = text.lowercased()
        for word in ["đồng", "đ", "vnđ", "vnd"] where lower.hasSuffix(word) {
            let digits = VietnameseText.trimmed(String(lower.dropLast(word.count)))
            if let n = YAMLReader.parseInteger(digits) { return n }
        }
        return nil
    }

    /// `ket_qua`: one text, or a list of results each written as text or as `{ten, ma}`.
    func loadResults(_ map: YAMLNode.Mapping, _ reader: YAMLReader) -> [Procedure.Result] {
        let key = ContentSchema.procedure.ket_qua
        guard let value = reader.node(map, key) else { return [] }
        if value.scalar != nil {
            return reader.string(map, key).map { [Procedure.Result(name: $0.value)] } ?? []
        }
        guard let items = reader.sequence(value, key: key.name) else { return [] }
        let itemKeys = ContentSchema.result
        return items.compactMap { item -> Procedure.Result? in
            if item.scalar != nil {
                return reader.string(item, key: key.name).map { Procedure.Result(name: $0.value) }
            }
            guard let m = reader.mapping(item, what: "mỗi kết quả") else { return nil }
            reader.checkKeys(m, itemKeys)
            guard let name = reader.string(m, itemKeys.ten) else { return nil }
            return Procedure.Result(name: name.value, code: reader.string(m, itemKeys.ma)?.value)
        }
    }

    /// A paper pasted from the portal as "- Bản sao …" under `- ` reads as a list inside the list: said with the
    /// fix (quote the line), not as a paper that should be a mapping.
    func nestedList(_ node: YAMLNode, key: String, _ reader: YAMLReader) -> Bool {
        guard case .sequence(let items, _) = node else { return false }
        let text = items.first?.scalar?.string ?? "…"
        reader.diagnostics.error(.wrongType, "mục này của `\(key)` là một danh sách con vì dòng có hai dấu `- `; nếu dấu `-` thứ hai là chữ của giấy tờ, hãy đặt cả tên trong ngoặc kép, ví dụ `- \"- \(text)\"`", at: reader.location(node))
        return true
    }

    /// A list of papers, each written as its name or as a mapping of `schema`'s keys.
    func loadDocuments(_ map: YAMLNode.Mapping, _ key: ContentKey, _ reader: YAMLReader, schema: ContentSchema = .document) -> [Procedure.Document] {
        guard let list = reader.node(map, key), let items = reader.sequence(list, key: key.name) else { return [] }
        return items.compactMap { loadDocument($0, reader, schema: schema) }
    }

    func loadDocument(_ node: YAMLNode, _ reader: YAMLReader, schema keys: ContentSchema = .document) -> Procedure.Document? {
        if node.scalar != nil, let name = reader.string(node, key: "ho_so") {
            return Procedure.Document(name: name.value, location: name.location)
        }
        if nestedList(node, key: "giay_to", reader) { return nil }
        guard let m = reader.mapping(node, what: "mỗi giấy tờ") else { return nil }
        reader.checkKeys(m, keys)
        guard let name = reader.string(m, keys.ten) else { return nil }
        // Only papers handed in declare a form (a shown paper's `bieu_mau` is reported as unknown, with why).
        let form = keys.key("bieu_mau") != nil ? reader.string(m, keys.bieu_mau) : nil
        return Procedure.Document(
            name: name.value, form: form, originals: reader.int(m, keys.ban_chinh)?.value,
            copies: reader.int(m, keys.ban_sao)?.value, note: reader.string(m, keys.ghi_chu)?.value, location: reader.location(node))
    }

    // MARK: - Markdown files

    /// The front matter's mapping, read with the file's reader (which collects its problems), and the body.
    func markdownFile(_ path: String, _ reader: YAMLReader, keys: ContentSchema, _ diagnostics: inout Diagnostics) -> (YAMLNode.Mapping, MarkdownSource)? {
        guard let source = read(path, &diagnostics), let split = FrontMatter.split(source, diagnostics: &diagnostics) else { return nil }
        var body = MarkdownSource(text: split.body, path: path, lineOffset: split.bodyLineOffset)
        if let (line, cells) = Self.widestRow(body.text, over: Self.maxTableCells) {
            diagnostics.error(.tableTooWide, "dòng này có \(cells) dấu `|` (ô của bảng), quá giới hạn \(Self.maxTableCells) ô một hàng mà MotCua đặt để trang không dựng chậm mãi; hãy chia bảng thành nhiều bảng nhỏ hoặc viết thành danh sách", at: SourceLocation(path: path, line: line + split.bodyLineOffset, column: 1))
            // The build stops on the error; no later step (pages, radio, search) parses the body.
            body.text = ""
        }
        reader.lineShift = 1
        guard let node = reader.parse(split.yaml) else {
            if VietnameseText.isBlank(split.yaml) {
                reader.diagnostics.error(.missingKey, "phần khai báo trống; cần ít nhất `tieu_de: …`", at: SourceLocation(path: path, line: 1, column: 1))
            }
            return nil
        }
        guard let map = reader.mapping(node, what: "phần khai báo") else { return nil }
        reader.checkKeys(map, keys)
        return (map, body)
    }

    /// Cells a table row may have. Real notices' tables have a few dozen at most; cmark-gfm 0.29.0.gfm.6 (Debian's)
    /// spends time that grows with the square of a row's cells, so an unbounded row could hold a build for minutes.
    static let maxTableCells = 200

    /// The first line with more than `limit` `|` signs, and its count. Lines are found with memchr, and a line's
    /// signs counted only when it has one, so a body without tables costs one pass of memchr.
    static func widestRow(_ text: String, over limit: Int) -> (line: Int, cells: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, Int)? in
            guard let base = bytes.baseAddress, memchr(base, 0x7C, bytes.count) != nil else { return nil }
            var start = 0
            var line = 1
            while start < bytes.count {
                var end = bytes.count
                if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                    end = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                }
                if end - start > limit, memchr(base + start, 0x7C, end - start) != nil {
                    var cells = 0
                    for i in start..<end where bytes[i] == 0x7C { cells += 1 }
                    if cells > limit { return (line, cells) }
                }
                start = end + 1
                line += 1
            }
            return nil
        }
    }

    func markdownSlug(_ path: String, _ reader: YAMLReader, _ map: YAMLNode.Mapping, _ keys: ContentSchema) -> Located<String> {
        if let s = explicitSlug(reader, map, keys) { return s }
        let base = Self.baseName(path)
        let slug = VietnameseText.slug(base)
        if slug != base {
            reader.diagnostics.warning(.fileNameSlug, "tên tệp `\(base)` không phải dạng chữ thường không dấu; địa chỉ trang sẽ là `\(slug)`", at: SourceLocation(path: path, line: 1, column: 1))
        }
        return Located(slug, at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// "Content/huong-dan/a.b.md" → "a.b", on bytes: NSString's path methods walk Characters, and every file asks.
    static func baseName(_ path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    func loadGuide(_ path: String, _ diagnostics: inout Diagnostics) -> Guide? {
        let keys = ContentSchema.guide
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let (map, body) = markdownFile(path, reader, keys: keys, &diagnostics) else { return nil }
        guard let title = reader.string(map, keys.tieu_de) else { return nil }
        return Guide(
            title: title.value, summary: reader.string(map, keys.mo_ta)?.value, order: reader.int(map, keys.thu_tu)?.value,
            group: reader.choice(map, keys.nhom)?.value ?? "khac",
            related: reader.stringList(map, keys.lien_quan), draft: reader.bool(map, keys.nhap)?.value ?? false,
            slug: markdownSlug(path, reader, map, keys), formerAddresses: reader.stringList(map, keys.dia_chi_cu), body: body)
    }

    func loadAnnouncement(_ path: String, _ diagnostics: inout Diagnostics) -> Announcement? {
        let keys = ContentSchema.announcement
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let (map, body) = markdownFile(path, reader, keys: keys, &diagnostics) else { return nil }
        let title = reader.string(map, keys.tieu_de)
        let date = reader.date(map, keys.ngay)
        var plan: Announcement.BroadcastPlan?
        let planKeys = ContentSchema.broadcast
        if let p = reader.node(map, keys.phat_thanh), let pm = reader.mapping(p, what: planKeys.what) {
            reader.checkKeys(pm, planKeys)
            let priority = reader.choice(pm, planKeys.muc_uu_tien)
            plan = Announcement.BroadcastPlan(
                priority: priority.flatMap { Announcement.Priority(rawValue: $0.value) } ?? .normal,
                start: reader.date(pm, planKeys.bat_dau)?.value,
                weeks: reader.int(pm, planKeys.so_tuan)?.value ?? 1,
                timesPerWeek: reader.int(pm, planKeys.so_lan_moi_tuan)?.value ?? 2)
        }
        guard let title, let date else { return nil }
        let signer = reader.string(map, keys.ky)
        let signerTitle = reader.string(map, keys.chuc_vu)
        // The title's text starts after its opening quote, if it has one: the radio's warnings point into it.
        var titleLocation = title.location
        if reader.node(map, keys.tieu_de.name)?.scalar?.isPlain == false { titleLocation.column += 1 }
        return Announcement(
            title: title.value, number: reader.string(map, keys.so)?.value, date: date.value,
            recipients: reader.stringList(map, keys.noi_nhan).map(\.value), signer: signer?.value,
            signerTitle: signerTitle?.value, broadcast: plan, draft: reader.bool(map, keys.nhap)?.value ?? false,
            slug: markdownSlug(path, reader, map, keys), formerAddresses: reader.stringList(map, keys.dia_chi_cu), body: body,
            titleLocation: titleLocation, signatureLocation: (signerTitle ?? signer)?.location)
    }

    func loadPage(_ path: String, _ diagnostics: inout Diagnostics) -> FreePage? {
        let keys = ContentSchema.page
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let (map, body) = markdownFile(path, reader, keys: keys, &diagnostics) else { return nil }
        guard let title = reader.string(map, keys.tieu_de) else { return nil }
        return FreePage(
            title: title.value, summary: reader.string(map, keys.mo_ta)?.value, order: reader.int(map, keys.thu_tu)?.value,
            draft: reader.bool(map, keys.nhap)?.value ?? false, slug: markdownSlug(path, reader, map, keys),
            formerAddresses: reader.stringList(map, keys.dia_chi_cu), body: body)
    }

    // MARK: - Forms and abbreviations

    func loadForms(_ diagnostics: inout Diagnostics) -> [String: FormFile] {
        let folder = contentURL.appendingPathComponent("bieu-mau")
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [:] }
        let realFolder = folder.resolvingSymlinksInPath().path
        var forms: [String: FormFile] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(contentPath)/bieu-mau/\(name)"
            let url = folder.appendingPathComponent(name)
            let resolved = url.resolvingSymlinksInPath().path
            guard resolved.hasPrefix(realFolder + "/") else {
                diagnostics.error(.formOutside, "tệp biểu mẫu là liên kết trỏ ra ngoài thư mục \(contentPath)/bieu-mau/; hãy chép chính tệp vào đây", at: SourceLocation(path: path))
                continue
            }
            var info = stat()
            guard stat(resolved, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            guard info.st_mode & S_IFMT == S_IFREG else {
                diagnostics.error(.notAFile, "đây không phải một tệp biểu mẫu thường (mà là \(ProjectFile.kindName(info.st_mode))); hãy xóa nó hoặc chép tệp biểu mẫu thật vào đây", at: SourceLocation(path: path))
                continue
            }
            let ext = SitePath.fileExtension(of: name).lowercased()
            guard FormFile.allowedExtensions.contains(ext) else {
                diagnostics.warning(.formType, "tệp `\(name)` không phải biểu mẫu (chấp nhận: \(FormFile.allowedExtensions.joined(separator: ", "))); tệp không được xuất bản", at: SourceLocation(path: path))
                continue
            }
            let size = (try? fm.attributesOfItem(atPath: resolved)[.size] as? Int) ?? 0
            guard size > 0 else {
                diagnostics.error(.emptyFile, "tệp biểu mẫu rỗng (0 byte), người dân tải về sẽ không mở được; hãy chép lại tệp đúng vào đây", at: SourceLocation(path: path))
                continue
            }
            // Published under its NFC name: two files whose names differ only in how their letters are
            // encoded would become one download.
            let published = VietnameseText.nfc(name)
            if let first = forms[published] {
                diagnostics.error(.duplicateForm, "hai tệp biểu mẫu cùng tên `\(published)` (tên viết bằng hai cách mã hóa chữ có dấu khác nhau; tệp kia: \(first.sourcePath)); hãy xóa hoặc đổi tên một tệp", at: SourceLocation(path: path))
                continue
            }
            forms[published] = FormFile(fileName: published, byteCount: size, sourcePath: path)
        }
        return forms
    }

    func loadAbbreviations(_ diagnostics: inout Diagnostics) -> [String: Located<String>] {
        let path = contentPath + "/viet-tat.yml"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else { return [:] }
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = yamlRoot(path, reader, &diagnostics) else { return [:] }
        var result: [String: Located<String>] = [:]
        for (key, value) in map {
            guard let short = key.scalar?.string, let long = reader.string(value, key: short) else { continue }
            result[VietnameseText.nfc(short)] = long
        }
        return result
    }
}
