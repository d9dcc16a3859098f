/// Cross-file checks on the loaded site: unique codes, form files, truthful service levels, links between
/// guides and procedures. It walks everything and never stops at the first problem.
public struct CatalogValidator: Sendable {
    public var site: Site
    /// Catalog files the loader reported errors in: a procedure missing from the catalog may be one of theirs,
    /// and a guide's message about it should send the editor there first.
    public var failedCatalogFiles: [String]
    /// The build's day, against which review dates are judged.
    public var today: CalendarDate

    public init(site: Site, failedCatalogFiles: [String] = [], today: CalendarDate) {
        self.site = site
        self.failedCatalogFiles = failedCatalogFiles
        self.today = today
    }

    public func validate() -> Diagnostics {
        var d = Diagnostics()
        checkCodes(&d)
        checkForms(&d)
        checkLevels(&d)
        // Both kinds of link to a procedure check their codes against one set.
        let known = knownCodes()
        checkGuides(&d, known)
        checkRecords(&d, known)
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
                    if !Self.hasHTTPSLink(procedure) {
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

    /// The codes a `lien_quan` or `thu_tuc_lien_quan` may name: those loaded, and those of catalog entries or
    /// files that could not be read (by the index of their file in `site.unreadCatalog`).
    struct KnownCodes {
        var loaded: Set<String>
        var unread: [String: Int]
        /// Failed files whose codes are not known at all (not UTF-8, unreadable): a code may be in one of them.
        var unknownFiles: [String]
        var candidates: [String]
    }

    func knownCodes() -> KnownCodes {
        let codes = Set(site.procedures.map(\.code.value))
        var unread: [String: Int] = [:]
        for (i, file) in site.unreadCatalog.enumerated() {
            for code in file.codes where unread[code] == nil { unread[code] = i }
        }
        let known = Set(site.fields.map(\.path)).union(site.unreadCatalog.map(\.path))
        return KnownCodes(loaded: codes, unread: unread, unknownFiles: failedCatalogFiles.filter { !known.contains($0) },
                          candidates: codes.union(unread.keys).sorted())
    }

    /// A code the catalog lacks, named with the failed files it may be in, else with a look-alike code.
    func unknownCodeMessage(_ key: String, _ code: String, _ known: KnownCodes) -> String {
        var message = "`\(key)`: không có thủ tục mã `\(code)` trong danh mục"
        if !known.unknownFiles.isEmpty {
            message += "; tệp danh mục \(known.unknownFiles.joined(separator: ", ")) không đọc được nên thủ tục trong đó có thể chưa được đọc: hãy sửa lỗi ở đó trước"
        } else if let near = YAMLReader.nearest(to: code, in: known.candidates) {
            message += "; có phải `\(near)`?"
        }
        return message
    }

    /// Every guide's `lien_quan` code is in the catalog. A code named by a catalog file, or an entry, that
    /// could not be read is no error of the guide's: the file's own error is reported, and a whole file lost
    /// is said once, at that error, with the guides that wait for it.
    func checkGuides(_ d: inout Diagnostics, _ known: KnownCodes) {
        var waiting: [Int: [String]] = [:]
        for guide in site.guides {
            for code in guide.related where !known.loaded.contains(code.value) {
                if let i = known.unread[code.value] {
                    if waiting[i]?.contains(code.location.path) != true { waiting[i, default: []].append(code.location.path) }
                    continue
                }
                d.error(.unknownProcedure, unknownCodeMessage("lien_quan", code.value, known), at: code.location)
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

    /// An https address to submit online: what online levels and online-only procedures need.
    static func hasHTTPSLink(_ p: Procedure) -> Bool {
        p.onlineSubmission?.value.lowercased().hasPrefix("https://") ?? false
    }

    /// Related procedures exist and are others, an online-only procedure says where to submit and has no paper
    /// channel, and review dates are past but recent.
    func checkRecords(_ d: inout Diagnostics, _ known: KnownCodes) {
        let months = site.config.reviewMonths
        for procedure in site.procedures {
            let code = procedure.code.value
            var named: Set<String> = []
            for related in procedure.related {
                if related.value == code {
                    d.warning(.invalidValue, "`thu_tuc_lien_quan`: thủ tục `\(code)` không cần liên quan với chính nó; hãy xóa mã này", at: related.location)
                } else if !named.insert(related.value).inserted {
                    d.warning(.invalidValue, "`thu_tuc_lien_quan`: mã `\(related.value)` đã ghi ở trên; hãy xóa lần ghi thứ hai", at: related.location)
                } else if !known.loaded.contains(related.value), known.unread[related.value] == nil {
                    d.error(.unknownProcedure, unknownCodeMessage("thu_tuc_lien_quan", related.value, known), at: related.location)
                }
            }
            if procedure.onlineOnly {
                // An online level already warns about an http address (`checkLevels`); only its absence is said here.
                if procedure.onlineSubmission == nil {
                    d.warning(.onlineOnlyWithoutLink, "thủ tục `\(code)` chỉ nhận hồ sơ trực tuyến (`chi_truc_tuyen: true`) nhưng chưa có `nop_truc_tuyen`; hãy thêm địa chỉ https:// để nộp, ví dụ `nop_truc_tuyen: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=\(code)`", at: procedure.code.location)
                } else if !Self.hasHTTPSLink(procedure), !(procedure.level?.value.needsOnlineSubmission ?? false), let link = procedure.onlineSubmission {
                    d.warning(.onlineOnlyWithoutLink, "thủ tục `\(code)` chỉ nhận hồ sơ trực tuyến nhưng `nop_truc_tuyen` không phải địa chỉ https:// (đang là `\(link.value)`)", at: link.location)
                }
                for channel in procedure.channels where channel.method != .online {
                    d.warning(.onlineOnlyWithoutLink, "thủ tục `\(code)` chỉ nhận hồ sơ trực tuyến (`chi_truc_tuyen: true`) nhưng có cách thực hiện `\(channel.method.rawValue)`; hãy xóa cách này, hoặc bỏ `chi_truc_tuyen`", at: channel.location)
                }
            }
            if let reviewed = procedure.reviewed {
                if today < reviewed.value {
                    d.warning(.invalidValue, "`ngay_ra_soat`: ngày \(VietnameseFormat.date(reviewed.value)) chưa đến (hôm nay \(VietnameseFormat.date(today))); hãy ghi ngày đã rà soát", at: reviewed.location)
                } else if let due = reviewed.value.addingMonths(months), due < today {
                    d.warning(.reviewOverdue, "thủ tục `\(code)` rà soát lần cuối ngày \(VietnameseFormat.date(reviewed.value)), đã quá \(months) tháng; hãy đối chiếu phí, lệ phí, thời hạn và căn cứ pháp lý với Cổng Dịch vụ công quốc gia rồi sửa `ngay_ra_soat` (số tháng đặt ở `ra_soat_sau_thang` trong site.yml)", at: reviewed.location)
                }
            }
        }
    }
}
