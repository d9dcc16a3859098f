/// Cross-file checks on the loaded site: unique codes, form files, truthful service levels, links between
/// guides and procedures. It walks everything and never stops at the first problem.
public struct CatalogValidator: Sendable {
    public var site: Site
    /// Catalog files the loader reported errors in: a procedure missing from the catalog may be one of theirs,
    /// and a guide's message about it should send the editor there first.
    public var failedCatalogFiles: [String]

    public init(site: Site, failedCatalogFiles: [String] = []) {
        self.site = site
        self.failedCatalogFiles = failedCatalogFiles
    }

    public func validate() -> Diagnostics {
        var d = Diagnostics()
        checkCodes(&d)
        checkForms(&d)
        checkLevels(&d)
        checkGuides(&d)
        return d
    }

    func checkCodes(_ d: inout Diagnostics) {
        var seen: [String: SourceLocation] = [:]
        for procedure in site.procedures {
            let code = procedure.code.value
            if let first = seen[code] {
                d.error(.duplicateCode, "mã thủ tục `\(code)` bị trùng; đã dùng ở \(first)", at: procedure.code.location)
            } else {
                seen[code] = procedure.code.location
            }
        }
    }

    /// A form name must be a plain file name in Content/bieu-mau/: never a path that leaves it.
    public static func formProblem(_ name: String, forms: [String: FormFile]) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\\") || name.contains("/") || name == ".." || name == "." {
            return "`bieu_mau`: `\(name)` phải là tên một tệp nằm ngay trong Content/bieu-mau/, không được chứa đường dẫn (`/`, `..`)"
        }
        if forms[name] == nil {
            var message = "`bieu_mau`: không tìm thấy tệp `\(name)` trong Content/bieu-mau/"
            if let near = YAMLReader.nearest(to: name, in: forms.keys.sorted()) { message += "; có phải là `\(near)`?" }
            return message
        }
        return nil
    }

    func checkForms(_ d: inout Diagnostics) {
        var used = Set<String>()
        for procedure in site.procedures {
            for form in procedure.forms {
                if let problem = Self.formProblem(form.value, forms: site.forms) {
                    d.error(form.value.contains("/") || form.value.hasPrefix("/") ? .formPath : .missingForm, problem, at: form.location)
                } else {
                    used.insert(form.value)
                }
            }
        }
        // A form named in a catalog file or entry that could not be read is not said to be unused.
        used.formUnion(site.unreadCatalog.flatMap(\.forms))
        for (name, form) in site.forms where !used.contains(name) {
            d.warning(.unusedForm, "biểu mẫu `\(name)` không được thủ tục nào dùng (khóa `bieu_mau`)", at: SourceLocation(path: form.sourcePath))
        }
    }

    func checkLevels(_ d: inout Diagnostics) {
        let scheme = site.config.levelScheme
        for procedure in site.procedures {
            guard let level = procedure.level else { continue }
            let hasForms = !procedure.forms.isEmpty
            let badge = LevelBadge.badge(for: level.value, scheme: scheme, hasForms: hasForms)
            let legacy = level.value.legacyLevel(hasForms: hasForms)
            let name = "`\(procedure.code.value)` (\(badge.label))"
            let at = level.location
            var declaredLegacy = 0
            if case .legacy(let n) = level.value { declaredLegacy = n }
            if !hasForms, (scheme == .legacy && legacy >= 2) || declaredLegacy >= 2 {
                d.warning(.levelNeedsForm, "thủ tục \(name): mức độ 2 trở lên phải có ít nhất một biểu mẫu (`bieu_mau`) để tải về", at: at)
            }
            if level.value.needsOnlineSubmission {
                if let link = procedure.onlineSubmission {
                    if !link.value.lowercased().hasPrefix("https://") {
                        d.warning(.levelNeedsOnlineLink, "thủ tục \(name): `nop_truc_tuyen` phải là địa chỉ https:// (đang là `\(link.value)`)", at: link.location)
                    }
                } else {
                    d.warning(.levelNeedsOnlineLink, "thủ tục \(name) có dịch vụ trực tuyến nhưng thiếu `nop_truc_tuyen` (địa chỉ https:// để nộp hồ sơ)", at: at)
                }
            }
            let showsLegacy4 = (scheme == .legacy && legacy == 4) || declaredLegacy == 4
            if showsLegacy4, procedure.onlinePayment != true, !procedure.isFree {
                d.warning(.levelNeedsPayment, "thủ tục \(name): mức độ 4 cần `thanh_toan_truc_tuyen: true` hoặc miễn lệ phí", at: at)
            }
            if level.value.nd42 == .fullyOnline,
               !procedure.resultDelivery.contains(.online), !procedure.resultDelivery.contains(.post) {
                d.warning(.levelNeedsOnlineResult, "thủ tục \(name): toàn trình phải trả kết quả trực tuyến hoặc qua bưu chính (`nhan_ket_qua: [truc-tuyen, buu-chinh]`)", at: at)
            }
        }
    }

    /// Every guide's `lien_quan` code is in the catalog. A code named by a catalog file, or an entry, that
    /// could not be read is no error of the guide's: the file's own error is reported, and a whole file lost
    /// is said once, at that error, with the guides that wait for it.
    func checkGuides(_ d: inout Diagnostics) {
        let codes = Set(site.procedures.map(\.code.value))
        var unread: [String: Int] = [:]
        for (i, file) in site.unreadCatalog.enumerated() {
            for code in file.codes where unread[code] == nil { unread[code] = i }
        }
        // Files whose codes are not known at all (not UTF-8, unreadable): a code may be in one of them.
        let known = Set(site.fields.map(\.path)).union(site.unreadCatalog.map(\.path))
        let unknownFiles = failedCatalogFiles.filter { !known.contains($0) }
        let candidates = (codes.union(unread.keys)).sorted()
        var waiting: [Int: [String]] = [:]
        for guide in site.guides {
            for code in guide.related where !codes.contains(code.value) {
                if let i = unread[code.value] {
                    if waiting[i]?.contains(code.location.path) != true { waiting[i, default: []].append(code.location.path) }
                    continue
                }
                var message = "`lien_quan`: không có thủ tục mã `\(code.value)` trong danh mục"
                if !unknownFiles.isEmpty {
                    message += "; tệp danh mục \(unknownFiles.joined(separator: ", ")) không đọc được nên thủ tục trong đó có thể chưa được đọc: hãy sửa lỗi ở đó trước"
                } else if let near = YAMLReader.nearest(to: code.value, in: candidates) {
                    message += "; có phải `\(near)`?"
                }
                d.error(.unknownProcedure, message, at: code.location)
            }
        }
        for (i, file) in site.unreadCatalog.enumerated() where file.wholeFile {
            let shown = file.codes.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (file.codes.count > 3 ? ", …" : "")
            var message = "vì lỗi này, cả tệp danh mục không đọc được: \(file.codes.count) thủ tục trong tệp (mã \(shown)) chưa có trên trang"
            if let guides = waiting[i] {
                message += "; \(guides.count) bài hướng dẫn nhắc tới các mã đó trong `lien_quan` (\(guides.prefix(3).joined(separator: ", "))\(guides.count > 3 ? ", …" : "")) sẽ được kiểm tra khi tệp đọc được"
            }
            d.warning(.fileNotLoaded, message + ". Hãy sửa lỗi trong tệp này trước", at: file.location)
        }
    }
}
