import Foundation

/// A province's content, when Content/ holds `tinh.yml`: one catalog, guides, forms and abbreviations shared
/// by all its communes, and one folder per commune under Content/xa/ with its site.yml, announcements, pages,
/// its own guides and forms, and what it does differently from the catalog (`CatalogChanges`).
/// `ContentLoader.loadCommune` makes each commune's `Site` from both; every later step (check, render,
/// write) is the single site's, so a commune's site is a single site in every respect.
public struct ProvinceContent: Sendable {
    public static let communesFolder = "xa"
    public static let fileName = "tinh.yml"
    /// tinh.yml: the province's name (`name`) and the settings of every commune that does not set its own.
    public var config: SiteConfig
    /// What Content/ shares: the catalog, guides, forms, abbreviations.
    var shared: ContentLoader.LayerFiles
    /// The communes' folder names, sorted: each is its site's folder in the output (`Output/<slug>/`).
    public var communes: [String]

    public var fields: [Field] { shared.catalog.compactMap(\.field) }

    /// Whether the root is a province: a folder without `tinh.yml` is a single site, exactly as before.
    public static func isProvince(_ root: URL) -> Bool {
        access(root.path + "/Content/" + fileName, F_OK) == 0
    }

    /// The commune's folder when it has a Theme/ of its own (`Theme.load`'s overlay).
    public static func themeOverlay(root: URL, commune slug: String) -> String? {
        let folder = "Content/\(communesFolder)/\(slug)"
        return access(root.path + "/" + folder + "/Theme", F_OK) == 0 ? folder : nil
    }

    /// Commune folder names that would take an address the province page uses.
    static let reservedFolders: Set<String> = ["assets"]
}

/// A file of a commune's thu-tuc/: its changes to procedures of the province's catalog, by code, and the
/// procedures of its own (written whole, with `ten`, under the file's `linh_vuc`).
struct CatalogChanges: Sendable {
    var path: String
    var field: Located<String>?
    var changes: [ProcedureChange] = []
    var added: [Procedure] = []
}

/// What one commune does differently for one procedure: the keys of `ContentSchema.changeableByCommune`
/// it writes (nil: the catalog's value stands), or that it does not do the procedure at all.
struct ProcedureChange: Sendable {
    var code: Located<String>
    var leftOut: Bool
    var level: Located<ServiceLevel>?
    var agency: String?
    var submissionAddress: String?
    var channels: [Procedure.Channel]?
    var onlineSubmission: Located<String>?
    var onlinePayment: Bool?
    var resultDelivery: [Procedure.Method]?
    var feeExemptions: [String]?
    var keywords: [String]?

    func apply(to procedure: inout Procedure) {
        if let level { procedure.level = level }
        if let agency { procedure.agency = agency }
        if let submissionAddress { procedure.submissionAddress = submissionAddress }
        if let channels { procedure.channels = channels }
        if let onlineSubmission { procedure.onlineSubmission = onlineSubmission }
        if let onlinePayment { procedure.onlinePayment = onlinePayment }
        if let resultDelivery { procedure.resultDelivery = resultDelivery }
        if let feeExemptions { procedure.feeExemptions = feeExemptions }
        if let keywords { procedure.keywords = keywords }
    }
}

extension ContentLoader {
    /// tinh.yml, the shared folders and the list of communes; each commune is loaded by `loadCommune`.
    public func loadProvince() -> (ProvinceContent?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard contentExists(&diagnostics) else { return (nil, diagnostics) }
        var loader = self
        loader.layer = .province
        let config = loader.loadConfig(at: "Content/" + ProvinceContent.fileName, keys: .province, base: nil, &diagnostics)
        let shared = loader.loadLayer(&diagnostics)
        let communes = loader.communeFolders(&diagnostics)
        guard let config else { return (nil, diagnostics) }
        return (ProvinceContent(config: config, shared: shared, communes: communes), diagnostics)
    }

    /// The folders of Content/xa/ that are communes: a valid address as name, and a site.yml inside.
    func communeFolders(_ diagnostics: inout Diagnostics) -> [String] {
        let folder = "Content/" + ProvinceContent.communesFolder
        var names: [String] = []
        var sawFolder = false
        // Inside the project's Content/, whatever Content/xa/ itself is.
        let inside = ProjectFile.realPath(rootPath + "/Content")
        FolderEntries.forEach(in: rootPath + "/" + folder) { name, _ in
            guard !name.hasPrefix(".") else { return }
            let path = folder + "/" + name
            var info = stat()
            guard stat(rootPath + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                diagnostics.warning(.ignoredFile, "tệp \(path) không được đọc: \(folder)/ chỉ có thư mục của các xã, mỗi xã một thư mục như \(folder)/an-phu/", at: SourceLocation(path: path))
                return
            }
            sawFolder = true
            // A link out of the province's folder would publish files from anywhere on the machine.
            guard let inside = inside, let real = ProjectFile.realPath(rootPath + "/" + path), real.hasPrefix(inside + "/") else {
                diagnostics.error(.contentOutside, "thư mục của xã là một liên kết (symlink) trỏ ra ngoài Content/; MotCua chỉ đưa lên trang những tệp nằm trong Content/. Hãy chép chính thư mục của xã vào đây", at: SourceLocation(path: path))
                return
            }
            guard VietnameseText.isValidSlug(name) else {
                diagnostics.error(.invalidCommuneFolder, "tên thư mục `\(name)` là địa chỉ trang của xã (Output/\(name)/), nên chỉ được gồm chữ thường không dấu, số và dấu gạch ngang; hãy đổi tên thư mục thành `\(VietnameseText.nameSlug(name))`", at: SourceLocation(path: path))
                return
            }
            guard !ProvinceContent.reservedFolders.contains(name) else {
                diagnostics.error(.invalidCommuneFolder, "tên thư mục `\(name)` trùng thư mục giao diện của trang tỉnh (Output/\(name)/); hãy đặt tên khác, ví dụ `xa-\(name)`", at: SourceLocation(path: path))
                return
            }
            guard access(rootPath + "/" + path + "/site.yml", F_OK) == 0 else {
                diagnostics.error(.noCommune, "thư mục của xã chưa có site.yml; tạo tệp \(path)/site.yml, tối thiểu có dòng `ten: Ủy ban nhân dân xã …`", at: SourceLocation(path: path))
                return
            }
            names.append(name)
        }
        if !sawFolder {
            diagnostics.error(.noCommune, "tỉnh chưa có xã nào: mỗi xã một thư mục \(folder)/<tên-xã>/ có tệp site.yml (tối thiểu dòng `ten: Ủy ban nhân dân xã …`), ví dụ \(folder)/an-phu/site.yml", at: SourceLocation(path: folder))
        }
        return names.sorted()
    }

    /// One commune's site: its own folder over what the province shares. The diagnostics are the commune's
    /// own files' and its changes'; the shared files' were said by `loadProvince`, once for all communes.
    public func loadCommune(_ slug: String, of province: ProvinceContent) -> (Site?, Diagnostics) {
        var diagnostics = Diagnostics()
        var loader = self
        loader.layer = .commune(slug)
        let config = loader.loadCommuneConfig(slug, of: province, &diagnostics)
        let own = loader.loadLayer(&diagnostics)
        guard let config else { return (nil, diagnostics) }
        var files = province.shared
        let leftOut: [String: SourceLocation]
        var leftOutPages: [String: LeftOutProcedure] = [:]
        (files.catalog, leftOut) = Self.applying(own.changes, to: files.catalog, &diagnostics)
        // A guide of the commune with a shared guide's file name takes its place, for this commune only.
        let ownNames = Set(own.guides.map { Self.baseName($0.body.path) })
        files.guides = files.guides.filter { !ownNames.contains(Self.baseName($0.body.path)) } + own.guides
        // A procedure the commune does not do is not "related" on its pages: the shared text names it for others.
        // Its shared forms no other procedure of the commune uses are not published there either.
        if !leftOut.isEmpty {
            let used = Set(files.catalog.flatMap { $0.field?.procedures ?? [] }.flatMap(\.forms).map(\.value))
            let gone = province.fields.flatMap(\.procedures).filter { leftOut[$0.code.value] != nil }
            for name in Set(gone.flatMap(\.forms).map(\.value)).subtracting(used) where own.forms[name] == nil { files.forms[name] = nil }
            for g in files.guides.indices { files.guides[g].related.removeAll { leftOut[$0.value] != nil } }
            for f in files.catalog.indices where files.catalog[f].field != nil {
                for p in files.catalog[f].field!.procedures.indices {
                    files.catalog[f].field!.procedures[p].related.removeAll { leftOut[$0.value] != nil }
                }
            }
            for procedure in gone {
                let path = PageKind.procedure.row.folder + "\(procedure.slug.value)/"
                leftOutPages[path] = LeftOutProcedure(code: procedure.code.value, name: procedure.name.value,
                                                       location: leftOut[procedure.code.value]!)
            }
        }
        files.announcements = own.announcements
        files.pages = own.pages
        files.forms.merge(own.forms) { _, mine in mine }
        files.abbreviations.merge(own.abbreviations) { _, mine in mine }
        var site = files.site(config, includeDrafts: includeDrafts)
        site.leftOut = leftOutPages
        return (site, diagnostics)
    }

    /// A commune's site.yml over tinh.yml; also read alone for the province's page.
    func loadCommuneConfig(_ slug: String, of province: ProvinceContent, _ diagnostics: inout Diagnostics) -> SiteConfig? {
        var inherited = province.config
        // Published under the province's address, as the output nests it: Output/<slug>/ at base_url/<slug>/.
        inherited.baseURL = province.config.baseURL.map { $0 + slug + "/" }
        return loadConfig(at: Layer.commune(slug).path + "/site.yml", keys: .site, base: inherited, &diagnostics)
    }

    /// The province's catalog as one commune does it: procedures changed or left out, its own added.
    /// Also the codes left out, each with the `ma` of its entry.
    static func applying(_ changes: [CatalogChanges], to catalog: [CatalogFile], _ diagnostics: inout Diagnostics) -> ([CatalogFile], [String: SourceLocation]) {
        guard !changes.isEmpty else { return (catalog, [:]) }
        var catalog = catalog
        var place: [String: (file: Int, procedure: Int)] = [:]
        for (f, file) in catalog.enumerated() {
            for (p, procedure) in (file.field?.procedures ?? []).enumerated() where place[procedure.code.value] == nil {
                place[procedure.code.value] = (f, p)
            }
        }
        let codes = place.keys.sorted()
        var leftOut: [String: SourceLocation] = [:]
        var changed: [String: SourceLocation] = [:]
        for file in changes {
            for change in file.changes {
                // Two entries for one code: which one wins would depend on the files' names.
                if let first = changed[change.code.value] {
                    diagnostics.error(.duplicateCode, "mã `\(change.code.value)` đã có một mục thay đổi ở \(first); hãy gộp hai mục làm một (một mục có thể đổi nhiều khóa)", at: change.code.location)
                    continue
                }
                guard let at = place[change.code.value] else {
                    var message = "mã `\(change.code.value)` không có trong danh mục chung của tỉnh (Content/thu-tuc/), nên xã không có gì để đổi"
                    if let near = YAMLReader.nearest(to: change.code.value, in: codes) { message += "; có phải là `\(near)`?" }
                    message += " Nếu đây là thủ tục riêng của xã, hãy viết đầy đủ (có `ten`) và ghi `linh_vuc:` ở đầu tệp"
                    diagnostics.error(.unknownChangedCode, message, at: change.code.location)
                    continue
                }
                changed[change.code.value] = change.code.location
                if change.leftOut {
                    leftOut[change.code.value] = change.code.location
                } else {
                    change.apply(to: &catalog[at.file].field!.procedures[at.procedure])
                }
            }
        }
        var emptied = Set<Int>()
        if !leftOut.isEmpty {
            for f in catalog.indices where catalog[f].field != nil {
                let before = catalog[f].field!.procedures.count
                catalog[f].field!.procedures.removeAll { leftOut[$0.code.value] != nil }
                if before > 0 && catalog[f].field!.procedures.isEmpty { emptied.insert(f) }
            }
        }
        for file in changes {
            guard let fieldName = file.field else { continue }
            var added: [Procedure] = []
            for procedure in file.added {
                if let at = place[procedure.code.value], let shared = catalog[at.file].field {
                    diagnostics.error(.unchangeableKey, "mã `\(procedure.code.value)` đã có trong danh mục chung của tỉnh (\(shared.path)); ở xã chỉ ghi `ma` và những khóa xã làm khác (\(ContentSchema.changeableByCommune.map { "`\($0)`" }.joined(separator: ", "))), hãy bỏ `ten` và các khóa còn lại", at: procedure.name.location)
                    continue
                }
                added.append(procedure)
            }
            guard !added.isEmpty else { continue }
            let folded = VietnameseText.fold(fieldName.value)
            if let f = catalog.firstIndex(where: { $0.field.map { VietnameseText.fold($0.name.value) == folded } ?? false }) {
                catalog[f].field!.procedures += added
            } else {
                catalog.append(CatalogFile(field: Field(name: fieldName, slug: Located(VietnameseText.nameSlug(fieldName.value), at: fieldName.location),
                                                        procedures: added, path: file.path)))
            }
        }
        // A field all of whose procedures the commune leaves out (and adds none to) has no page there. Last:
        // `place` holds indices into the catalog as it was.
        for f in emptied.sorted(by: >) where catalog[f].unread == nil && catalog[f].field?.procedures.isEmpty == true {
            catalog.remove(at: f)
        }
        return (catalog, leftOut)
    }

    /// A commune's thu-tuc/ file (`CatalogChanges`).
    func loadCatalogChanges(_ path: String, _ diagnostics: inout Diagnostics) -> CatalogChanges? {
        let reader = YAMLReader(path: path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = yamlRoot(path, reader, &diagnostics) else { return nil }
        let keys = ContentSchema.catalogChanges
        reader.checkKeys(map, keys)
        var file = CatalogChanges(path: path, field: reader.string(map, keys.linh_vuc))
        guard let list = reader.node(map, keys.thu_tuc), let items = reader.sequence(list, key: keys.thu_tuc.name) else { return file }
        for item in items {
            guard let entry = reader.mapping(item, what: "mỗi thủ tục") else { continue }
            // A name makes it a procedure of the commune's own, read as the catalog reads one.
            guard reader.node(entry, ContentSchema.procedure.ten) == nil else {
                let procedure = loadProcedure(item, reader)
                if file.field == nil {
                    reader.diagnostics.error(.missingKey, "mục có `ten` là thủ tục riêng của xã và cần lĩnh vực: thêm dòng `linh_vuc: …` ở đầu tệp, ví dụ `linh_vuc: Hộ tịch`. Nếu mã này có trong danh mục chung của tỉnh, hãy bỏ `ten` và chỉ ghi những khóa xã làm khác", at: reader.location(item))
                } else if let procedure {
                    file.added.append(procedure)
                }
                continue
            }
            if let change = loadChange(entry, reader) { file.changes.append(change) }
        }
        return file
    }

    /// One change: a key only the catalog sets is refused with where to change it instead.
    func loadChange(_ map: YAMLNode.Mapping, _ reader: YAMLReader) -> ProcedureChange? {
        let keys = ContentSchema.procedureChange
        var own = map
        var refused: [Int] = []
        let allowed = ContentSchema.changeableByCommune.map { "`\($0)`" }.joined(separator: ", ")
        for i in map.indices {
            if let name = map[i].key.scalar?.string, ContentSchema.procedure.key(name) != nil, keys.key(name) == nil {
                reader.diagnostics.error(.unchangeableKey, "`\(name)`: xã không đổi riêng được khóa này; tên, hồ sơ, trình tự, căn cứ pháp lý… là của danh mục chung (Content/thu-tuc/), giống nhau ở mọi xã: muốn đổi cho mọi xã, hãy sửa ở đó. Ở xã chỉ đổi được \(allowed), hoặc ghi `khong_ap_dung: true`", at: reader.location(map[i].key))
                refused.append(i)
            }
        }
        for i in refused.reversed() { own.pairs.remove(at: i) }
        reader.checkKeys(own, keys)
        guard let code = reader.string(own, keys.ma) else { return nil }
        if let problem = Self.codeProblem(code.value) {
            reader.diagnostics.error(.invalidValue, problem, at: code.location)
            return nil
        }
        let resultDelivery: [Procedure.Method]? = reader.node(own, keys.nhan_ket_qua) == nil ? nil
            : reader.choices(own, keys.nhan_ket_qua).compactMap { Procedure.Method(rawValue: $0.value) }
        let feeExemptions: [String]? = reader.node(own, keys.mien_le_phi) == nil ? nil : reader.stringList(own, keys.mien_le_phi).map(\.value)
        let keywords: [String]? = reader.node(own, keys.tu_khoa) == nil ? nil : reader.stringList(own, keys.tu_khoa).map(\.value)
        return ProcedureChange(
            code: code, leftOut: reader.bool(own, keys.khong_ap_dung)?.value ?? false,
            level: loadLevel(own, keys.muc_do, reader),
            agency: reader.string(own, keys.co_quan)?.value,
            submissionAddress: reader.string(own, keys.noi_nop)?.value,
            channels: loadChannels(own, keys.cach_thuc, reader),
            onlineSubmission: reader.string(own, keys.nop_truc_tuyen),
            onlinePayment: reader.bool(own, keys.thanh_toan_truc_tuyen)?.value,
            resultDelivery: resultDelivery, feeExemptions: feeExemptions, keywords: keywords)
    }
}
