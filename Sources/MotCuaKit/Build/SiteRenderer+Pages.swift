import Foundation

extension SiteRenderer {
    /// The template (from the table of page kinds) and the values for one page.
    func context(for page: SitePlan.Page, notes: inout PageNotes) -> (String, TemplateValues) {
        let values: TemplateValues
        switch page.kind {
        case .home: values = home(page)
        case .guideList: values = guideList(page)
        case .guide(let i): values = guide(page, i, &notes)
        case .catalog: values = catalog(page)
        case .field(let f): values = field(page, f)
        case .procedure(let f, let p): values = procedure(page, f, p, &notes)
        case .levels: values = levels(page)
        case .level(let key): values = levelListing(page, key)
        case .tier(let key): values = tierListing(page, key)
        case .forms: values = forms(page)
        case .announcementList: values = announcementList(page)
        case .announcement(let i): values = announcement(page, i, &notes)
        case .schedule: values = schedule(page)
        case .page(let i): values = freePage(page, i, &notes)
        case .search: values = search(page)
        case .notFound: values = notFound(page)
        case .redirect(let r): values = redirect(page, r)
        }
        return (page.kind.table.row.template, values)
    }

    /// A former address: the page's title and a link to it from here (the refresh and the visible link), and
    /// the page's own canonical address. The layout's values are there for a theme's own redirect.mustache.
    func redirect(_ page: SitePlan.Page, _ r: Int) -> TemplateValues {
        let target = plan.redirects[r].target
        let title = plan.page(target)?.title ?? ""
        var c = base(page, title: title)
        c["href"] = href(page, target)
        if let base = site.config.baseURL, let path = plan.page(target)?.path { c["canonical"] = base + path }
        return c
    }

    func homeCrumb(_ page: SitePlan.Page) -> (String, String?) { ("Trang chủ", href(page, .home)) }

    // MARK: - Home

    func home(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: site.config.name, description: "Cổng thông tin thủ tục hành chính của \(site.config.name)")
        c["fields"] = site.fields.indices.map { fieldSummary(page, $0) }
        c["procedureCount"] = site.procedureCount
        c["totals"] = levelCounts().filter(Self.hasProcedures)
        let sorted = sortedAnnouncements()
        // An emergency stays pinned while it is on air (or for a week when it has no broadcast plan).
        let onAir = Set(BroadcastSchedule(announcements: site.announcements, week: buildDate).entries.map(\.index))
        let pinned = sorted.filter { i in
            let a = site.announcements[i]
            guard a.priority == .emergency else { return false }
            return a.broadcast == nil ? (a.date <= buildDate && buildDate.dayNumber - a.date.dayNumber < 7) : onAir.contains(i)
        }
        c["emergencies"] = pinned.map { announcementRow(page, $0) }
        c["announcements"] = sorted.filter { !pinned.contains($0) }.prefix(4).map { announcementRow(page, $0) }
        // A province-scale site may have thousands of guides; the home page shows the first few.
        c["guides"] = guideOrder.prefix(6).map { guideRow(page, $0) }
        c["catalogHref"] = href(page, .catalog)
        c["announcementsHref"] = href(page, .announcementList)
        c["guidesHref"] = href(page, .guideList)
        c["levelsHref"] = href(page, .levels)
        return c
    }

    // MARK: - Guides

    /// By `thu_tu`, then title.
    static func guideOrder(_ site: Site) -> [Int] {
        let indices = Array(site.guides.indices)
        let alphabetical = indices.sortedVietnamese { site.guides[$0].title }
        return alphabetical.enumerated().sorted { a, b in
            (site.guides[a.element].order ?? Int.max, a.offset) < (site.guides[b.element].order ?? Int.max, b.offset)
        }.map(\.element)
    }

    func guideRow(_ page: SitePlan.Page, _ i: Int) -> TemplateValues {
        // Field by field: a local copy of the guide would retain each of its strings and arrays.
        var row: TemplateValues = ["title": site.guides[i].title, "href": href(page, .guide(i)), "draft": site.guides[i].draft]
        if let s = site.guides[i].summary { row["summary"] = s }
        return row
    }

    static let guideGroupLabels = ["dang-ky": "Đăng ký tài khoản", "nop-ho-so": "Nộp hồ sơ", "tra-cuu": "Tra cứu hồ sơ", "khac": "Hướng dẫn khác"]

    func guideList(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Hướng dẫn", description: "Hướng dẫn đăng ký tài khoản, nộp và tra cứu hồ sơ trực tuyến")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Hướng dẫn", nil)])
        c["groups"] = Guide.groups.compactMap { key -> TemplateValues? in
            let items = guideOrder.filter { site.guides[$0].group == key }
            guard !items.isEmpty else { return nil }
            return ["label": Self.guideGroupLabels[key] ?? key, "guides": items.map { guideRow(page, $0) }]
        }
        return c
    }

    func guide(_ page: SitePlan.Page, _ i: Int, _ notes: inout PageNotes) -> TemplateValues {
        let g = site.guides[i]
        var c = base(page, title: g.title, description: g.summary)
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Hướng dẫn", href(page, .guideList)), (g.title, nil)])
        let (html, headings) = markdownHTML(g.body, page: page, notes: &notes, bodyText: true)
        notes.ids.formUnion(headings.map(\.id))
        c["body"] = html
        c["draft"] = g.draft
        if let s = g.summary { c["summary"] = s }
        let toc = headings.filter { $0.level == 2 }
        if toc.count >= 3 { c["toc"] = block(toc.map { ["text": $0.text, "id": $0.id] as TemplateValues }) }
        c["related"] = block(g.related.compactMap { code -> TemplateValues? in
            guard let (f, p) = procedureIndex(code.value) else { return nil }
            return procedureRow(page, field: f, index: p)
        })
        return c
    }

    func procedureIndex(_ code: String) -> (Int, Int)? {
        procedureByCode[code]
    }

    // MARK: - Catalog

    func allRows(_ page: SitePlan.Page, where include: (Procedure) -> Bool) -> [TemplateValues] {
        var rows: [(Int, TemplateValues)] = []
        for (f, field) in site.fields.enumerated() {
            for (p, procedure) in field.procedures.enumerated() where include(procedure) && plan.hasPage(.procedure(field: f, index: p)) {
                rows.append((procedureRank[f][p], procedureRow(page, field: f, index: p)))
            }
        }
        return rows.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A field's procedures that have a page, by name.
    func procedureRows(_ page: SitePlan.Page, field f: Int) -> [TemplateValues] {
        site.fields[f].procedures.indices
            .filter { plan.hasPage(.procedure(field: f, index: $0)) }
            .sorted { procedureRank[f][$0] < procedureRank[f][$1] }
            .map { procedureRow(page, field: f, index: $0) }
    }

    func sortedFields() -> [Int] {
        Array(site.fields.indices).sortedVietnamese { site.fields[$0].name.value }
    }

    func catalog(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Thủ tục hành chính", description: "Danh mục thủ tục hành chính theo lĩnh vực và mức độ dịch vụ công trực tuyến")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục hành chính", nil)])
        let fields = sortedFields()
        c["fields"] = fields.map { fieldSummary(page, $0) }
        c["levelHeaders"] = LevelBadge.all(site.config.levelScheme).map { badgeContext($0) }
        c["totals"] = levelCounts()
        c["procedureCount"] = site.procedureCount
        c["groups"] = fields.map { f -> TemplateValues in
            var g = fieldSummary(page, f)
            g["procedures"] = procedureRows(page, field: f)
            return g
        }
        c["tiers"] = Procedure.Tier.allCases.compactMap { t -> TemplateValues? in
            guard plan.hasPage(.tier(t.rawValue)) else { return nil }
            return ["label": t.label, "href": href(page, .tier(t.rawValue)), "count": site.fields.reduce(0) { $0 + $1.procedures.lazy.filter { $0.tiers.contains(t) }.count }]
        }
        c["levels"] = LevelBadge.all(site.config.levelScheme).map { b -> TemplateValues in
            var e = badgeContext(b)
            e["href"] = href(page, .level(b.key))
            e["count"] = procedureCount(level: b.key)
            return e
        }
        return c
    }

    func field(_ page: SitePlan.Page, _ f: Int) -> TemplateValues {
        let field = site.fields[f]
        var c = base(page, title: field.name.value, description: field.summary)
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục", href(page, .catalog)), (field.name.value, nil)])
        c["field"] = fieldSummary(page, f)
        c["procedures"] = procedureRows(page, field: f)
        return c
    }

    func procedure(_ page: SitePlan.Page, _ f: Int, _ i: Int, _ notes: inout PageNotes) -> TemplateValues {
        let field = site.fields[f]
        let p = field.procedures[i]
        var c = base(page, title: p.name.value, description: "Thủ tục \(p.name.value) – mã \(p.code.value), lĩnh vực \(field.name.value)")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục", href(page, .catalog)), (field.name.value, href(page, .field(f))), (p.name.value, nil)])
        c["code"] = p.code.value
        c["field"] = ["name": field.name.value, "href": href(page, .field(f))] as TemplateValues
        c["tier"] = p.tiers.map(\.label).joined(separator: ", ")
        if let v = p.summary { c["procSummary"] = v }
        if p.onlineOnly { c["onlineOnly"] = true }
        if p.anyCentre { c["anyCentre"] = true }
        let b = badge(p)
        c["badge"] = Self.badgeContext(b, for: p)
        c["levelHref"] = href(page, .level(b.key))
        c["levelsHref"] = href(page, .levels)
        if !p.applicants.isEmpty { c["applicants"] = p.applicants.joined(separator: "; ") }
        if let v = p.agency { c["agency"] = v }
        if let v = p.competentAgency { c["competentAgency"] = v }
        if let v = p.authorisedAgency { c["authorisedAgency"] = v }
        if let v = p.coordinatingAgency { c["coordinatingAgency"] = v }
        if let v = p.decision { c["decision"] = v }
        if let v = p.kind { c["procKind"] = v }
        if let v = p.reviewed { c["reviewed"] = VietnameseFormat.date(v.value) }
        if !p.keywords.isEmpty { c["keywords"] = p.keywords.joined(separator: ", ") }
        if let v = p.submissionAddress { c["address"] = v }
        c["channels"] = p.channels.map { ch -> TemplateValues in
            var e: TemplateValues = ["label": ch.method.label]
            if let t = ch.time { e["time"] = t }
            // Real records write a time per case on its own line ("Trường hợp …: 03 ngày\nTrường hợp …: 05 ngày"):
            // the lines are kept; a channel without one says so rather than showing an empty "Thời hạn".
            e["timeHTML"] = ch.time.map { $0.split(separator: "\n").map { HTMLEscaping.escaped(String($0)) }.joined(separator: "<br>") }
                ?? "Không quy định"
            // Several items (phí, lệ phí) each on a line with its note; a channel without any says so.
            e["fees"] = ch.fees.enumerated().map { i, item -> TemplateValues in
                // "Lệ phí: miễn" rather than "Lệ phí: Miễn lệ phí".
                var f: TemplateValues = ["amount": item.label != nil && item.amount.isFree ? "miễn" : item.amount.display, "first": i == 0]
                f.setOwn("label", item.label)
                f.setOwn("note", item.note)
                return f
            }
            // Themes written before fee items show `fee`: the items on one line.
            e["fee"] = ch.fees.isEmpty ? "Không quy định"
                : ch.fees.map { item in (item.label.map { "\($0): " } ?? "") + item.amount.display }.joined(separator: "; ")
            e.setOwn("description", ch.description)
            return e
        }
        c["hasChannels"] = !p.channels.isEmpty
        if let steps = p.steps {
            let source = MarkdownSource(text: steps.value, path: steps.location.path, lineOffset: steps.location.line - 1,
                                        columnOffset: steps.location.column - 1)
            // Its plain text is the search document's: taken from this parse rather than a second one.
            c["steps"] = markdownHTML(source, page: page, notes: &notes, bodyText: true).0
        }
        if let req = p.requirements {
            let source = MarkdownSource(text: req.value, path: req.location.path, lineOffset: req.location.line - 1,
                                        columnOffset: req.location.column - 1)
            c["requirements"] = markdownHTML(source, page: page, notes: &notes).0
        }
        c["documentGroups"] = p.documentGroups.map { group -> TemplateValues in
            var g: TemplateValues = ["documents": group.documents.map { documentRow(page, $0) }]
            // `groupTitle` for the default theme; `title` for themes written before (false when absent, so the
            // page's title is not found instead).
            g.setOwn("title", group.title)
            g.setOwn("groupTitle", group.title)
            if !group.documents.isEmpty { g["hasSubmitted"] = true }
            // Papers shown at the desk get their own list, so the one of papers handed in stays what it was.
            g["shownBlock"] = block(group.shown.map { documentRow(page, $0) })
            return g
        }
        c["hasDocuments"] = p.documentGroups.contains { !$0.documents.isEmpty || !$0.shown.isEmpty }
        if let bundle = formBundles[p.code.value] {
            c["bundle"] = ["href": SitePlan.relative(from: page.path, to: bundle.path), "label": "ZIP · \(FormFile.sizeLabel(bundle.size))",
                           "download": "\(p.name.value) – biểu mẫu.zip", "count": Set(p.forms.map(\.value)).count] as TemplateValues
        }
        c["resultBlock"] = block(p.results.enumerated().map { i, r -> TemplateValues in
            var e: TemplateValues = ["name": r.name, "first": i == 0]
            e.setOwn("code", r.code)
            return e
        })
        // Themes written before result lists show `result`.
        if !p.results.isEmpty { c["result"] = p.results.map(\.name).joined(separator: "; ") }
        // Each other procedure once (the catalog check warns about repeats and the procedure itself).
        var listed: Set<String> = [p.code.value]
        c["relatedBlock"] = block(p.related.compactMap { code -> TemplateValues? in
            guard listed.insert(code.value).inserted, let (rf, ri) = procedureIndex(code.value),
                  plan.hasPage(.procedure(field: rf, index: ri)) else { return nil }
            return procedureRow(page, field: rf, index: ri)
        })
        c["exemptionBlock"] = block(p.feeExemptions)
        c["legal"] = p.legalBasis.map { l -> TemplateValues in
            var e: TemplateValues = ["number": l.number]
            e.setOwn("summary", l.summary)
            e.setOwn("date", l.date.map(VietnameseFormat.date))
            e.setOwn("issuer", l.issuer)
            return e
        }
        c["hasLegal"] = !p.legalBasis.isEmpty
        if let online = p.onlineSubmission, online.value.lowercased().hasPrefix("https://") { c["onlineURL"] = online.value }
        if p.onlinePayment == true { c["onlinePayment"] = true }
        if !p.resultDelivery.isEmpty { c["delivery"] = p.resultDelivery.map(\.label).joined(separator: ", ") }
        // The "where" section shows when it has anything to say.
        c["hasWhere"] = ["agency", "competentAgency", "authorisedAgency", "coordinatingAgency", "address", "onlineURL", "resultBlock",
                         "delivery", "onlinePayment", "applicants", "procKind", "decision"].contains { (c[$0] as TemplateValue?) != nil }
        c["guideBlock"] = block((guidesByCode[p.code.value] ?? []).filter { plan.hasPage(.guide($0)) }.map { guideRow(page, $0) })
        return c
    }

    func documentRow(_ page: SitePlan.Page, _ doc: Procedure.Document) -> TemplateValues {
        var e: TemplateValues = ["name": doc.name, "originals": doc.originals ?? 0, "copies": doc.copies ?? 0]
        e.setOwn("count", Self.documentCount(doc))
        e.setOwn("note", doc.note)
        if let form = doc.form, let file = site.forms[form.value] {
            e["form"] = formLink(page, file, title: doc.name)
        } else {
            e["form"] = false
        }
        return e
    }

    /// "1 bản chính, 1 bản sao": only the counts that are there. A row of a real record with neither (a note such
    /// as "Lưu ý: …") gets none, rather than "0 / 0" or a dash.
    static func documentCount(_ doc: Procedure.Document) -> String? {
        var parts: [String] = []
        if let n = doc.originals, n > 0 { parts.append("\(n) bản chính") }
        if let n = doc.copies, n > 0 { parts.append("\(n) bản sao") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func formLink(_ page: SitePlan.Page, _ file: FormFile, title: String) -> TemplateValues {
        let ext = SitePath.fileExtension(of: file.fileName).lowercased()
        // The file keeps its name; the link encodes it: a space or `#` in a form's name (real ones have both)
        // is not allowed raw in an address.
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))) ?? file.fileName
        return ["href": SitePlan.relative(from: page.path, to: "bieu-mau/\(encoded)"), "label": file.formatLabel,
                "fileName": file.fileName, "download": "\(title).\(ext)"]
    }

    // MARK: - Levels, tiers, forms

    func levels(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Mức độ dịch vụ công trực tuyến", description: "Giải thích các mức độ dịch vụ công trực tuyến")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục", href(page, .catalog)), ("Mức độ", nil)])
        c["levels"] = LevelBadge.all(site.config.levelScheme).map { b -> TemplateValues in
            var e = badgeContext(b)
            e["href"] = href(page, .level(b.key))
            e["count"] = procedureCount(level: b.key)
            return e
        }
        c["legacyScheme"] = site.config.levelScheme == .legacy
        return c
    }

    func levelListing(_ page: SitePlan.Page, _ key: String) -> TemplateValues {
        let b = LevelBadge.all(site.config.levelScheme).first { $0.key == key }!
        var c = base(page, title: "Thủ tục mức độ \(b.label.lowercased())", description: b.explanation)
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục", href(page, .catalog)), ("Mức độ", href(page, .levels)), (b.label, nil)])
        c["intro"] = b.explanation
        c["badge"] = badgeContext(b)
        c["procedures"] = allRows(page) { badge($0).key == key }
        return c
    }

    func tierListing(_ page: SitePlan.Page, _ key: String) -> TemplateValues {
        let tier = Procedure.Tier(rawValue: key)!
        var c = base(page, title: "Thủ tục \(tier.label.lowercased())")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thủ tục", href(page, .catalog)), (tier.label, nil)])
        switch tier {
        case .commune: c["intro"] = "Các thủ tục do Ủy ban nhân dân xã giải quyết."
        case .province: c["intro"] = "Các thủ tục do cơ quan cấp tỉnh giải quyết."
        case .district: c["intro"] = "Từ ngày 01/07/2025 không còn cấp huyện; các thủ tục này được ghi theo danh mục cũ."
        case .national: c["intro"] = "Các thủ tục do bộ, ngành hoặc cơ quan trung ương (như Tập đoàn Điện lực) giải quyết."
        }
        c["procedures"] = allRows(page) { $0.tiers.contains(tier) }
        return c
    }

    func forms(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Biểu mẫu", description: "Mẫu đơn, tờ khai tải về để điền trước khi nộp hồ sơ")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Biểu mẫu", nil)])
        var users: [String: [(String, TemplateValues)]] = [:]
        var titles: [String: String] = [:]
        for (f, field) in site.fields.enumerated() {
            for (i, p) in field.procedures.enumerated() where plan.hasPage(.procedure(field: f, index: i)) {
                for group in p.documentGroups {
                    for doc in group.documents {
                        guard let form = doc.form?.value, site.forms[form] != nil else { continue }
                        titles[form] = titles[form] ?? doc.name
                        if !(users[form]?.contains { $0.0 == p.code.value } ?? false) {
                            users[form, default: []].append((p.code.value, ["name": p.name.value, "href": href(page, .procedure(field: f, index: i))]))
                        }
                    }
                }
            }
        }
        let names = Array(site.forms.keys)
        c["forms"] = names.sorted().sortedVietnamese { titles[$0] ?? $0 }.map { name -> TemplateValues in
            let file = site.forms[name]!
            var e = formLink(page, file, title: titles[name] ?? name)
            e["title"] = titles[name] ?? name
            e["procedures"] = block((users[name] ?? []).map(\.1))
            return e
        }
        return c
    }

    // MARK: - Announcements

    func sortedAnnouncements() -> [Int] {
        site.announcements.indices.filter { plan.hasPage(.announcement($0)) }.sorted {
            let a = site.announcements[$0], b = site.announcements[$1]
            return (a.date, b.slug.value) > (b.date, a.slug.value)
        }
    }

    func announcementRow(_ page: SitePlan.Page, _ i: Int) -> TemplateValues {
        let a = site.announcements[i]
        var row: TemplateValues = [
            "title": a.title, "href": href(page, .announcement(i)), "date": VietnameseFormat.date(a.date),
            "isoDate": a.date.description, "priority": a.priority.rawValue, "priorityLabel": a.priority.label,
            "urgent": a.priority != .normal, "draft": a.draft,
        ]
        if let n = a.number { row["number"] = n }
        return row
    }

    func announcementList(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Thông báo", description: "Thông báo của \(site.config.name)")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thông báo", nil)])
        c["announcements"] = sortedAnnouncements().map { announcementRow(page, $0) }
        c["scheduleHref"] = href(page, .schedule)
        return c
    }

    func announcement(_ page: SitePlan.Page, _ i: Int, _ notes: inout PageNotes) -> TemplateValues {
        let a = site.announcements[i]
        var c = base(page, title: a.title)
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thông báo", href(page, .announcementList)), (a.title, nil)])
        c["item"] = announcementRow(page, i)
        let (html, headings) = markdownHTML(a.body, page: page, notes: &notes, bodyText: true)
        notes.ids.formUnion(headings.map(\.id))
        c["body"] = html
        if let s = a.signer { c["signer"] = s }
        if let t = a.signerTitle { c["signerTitle"] = t }
        if !a.recipients.isEmpty { c["recipients"] = a.recipients }
        if i < radioTexts.count {
            let radio = radioTexts[i]
            let seconds = radio.readingSeconds(syllablesPerMinute: site.config.radioSyllablesPerMinute)
            let (characters, lines) = VietnameseText.characterAndLineCount(radio.text)
            var r: TemplateValues = [
                "text": radio.text, "syllables": radio.syllableCount, "duration": Self.durationText(seconds),
                "rate": site.config.radioSyllablesPerMinute, "txtHref": "phat-thanh.txt",
                "rows": min(24, max(6, characters / 60 + lines)),
            ]
            if let plan = a.broadcast {
                r["plan"] = "Phát \(plan.timesPerWeek) lần mỗi tuần trong \(plan.weeks) tuần, từ \(VietnameseFormat.date(plan.start ?? a.date))"
            }
            if markReading, !radio.diagnostics.all.isEmpty {
                r["hasProblems"] = true
                r["problems"] = radio.diagnostics.all.map { d -> TemplateValues in
                    var p: TemplateValues = ["location": d.location.description, "message": d.message]
                    if let subject = d.subject, let excerpt = Self.markedExcerpt(radio.text, subject) { p["excerpt"] = excerpt }
                    return p
                }
            }
            c["radio"] = r
        }
        return c
    }

    /// The sentence of a reading text where `subject` first stands, escaped, with the subject in `<mark>`:
    /// what the radio would read, and the place to fix. At most 80 characters on each side.
    static func markedExcerpt(_ text: String, _ subject: String) -> String? {
        guard !subject.isEmpty else { return nil }
        // The subject as a word of its own: "TT" is not the one inside "TTYT".
        let isWordChar = { (c: Character) in c.isLetter || c.isNumber }
        var from = text.startIndex
        var found: Range<String.Index>?
        while let range = text.range(of: subject, range: from..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !(before.map(isWordChar) ?? false) && !(after.map(isWordChar) ?? false) {
                found = range
                break
            }
            from = range.upperBound
        }
        guard let range = found else { return nil }
        var start = range.lowerBound, end = range.upperBound
        var back = 0, ahead = 0
        while start > text.startIndex, back < 80 {
            let before = text.index(before: start)
            if ".!?\n".contains(text[before]) { break }
            start = before
            back += 1
        }
        while end < text.endIndex, ahead < 80, !".!?\n".contains(text[end]) {
            end = text.index(after: end)
            ahead += 1
        }
        let lead = back == 80 && start > text.startIndex ? "…" : ""
        let tail = ahead == 80 && end < text.endIndex ? "…" : ""
        let head = String(text[start..<range.lowerBound])
        return HTMLEscaping.escaped(lead + head.trimmingCharacters(in: .whitespaces)) + (head.last?.isWhitespace == true ? " " : "")
            + "<mark>" + HTMLEscaping.escaped(subject) + "</mark>" + HTMLEscaping.escaped(String(text[range.upperBound..<end]) + tail)
    }

    /// 130 → "2 phút 10 giây".
    static func durationText(_ seconds: Int) -> String {
        let m = seconds / 60, s = seconds % 60
        if m == 0 { return "\(s) giây" }
        return s == 0 ? "\(m) phút" : "\(m) phút \(s) giây"
    }

    func schedule(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Lịch phát thanh", description: "Thông báo phát trên Đài truyền thanh xã")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Thông báo", href(page, .announcementList)), ("Lịch phát thanh", nil)])
        let visible = site.announcements.indices.map { plan.hasPage(.announcement($0)) }
        let week = BroadcastSchedule(announcements: site.announcements, week: buildDate)
        c["weekStart"] = VietnameseFormat.date(week.monday)
        c["weekEnd"] = VietnameseFormat.date(week.sunday)
        c["entries"] = week.entries.filter { visible[$0.index] }.map { e -> TemplateValues in
            var row = announcementRow(page, e.index)
            row["times"] = e.timesThisWeek
            row["until"] = VietnameseFormat.date(e.end)
            if e.index < radioTexts.count {
                row["duration"] = Self.durationText(radioTexts[e.index].readingSeconds(syllablesPerMinute: site.config.radioSyllablesPerMinute))
            }
            return row
        }
        c["hasEntries"] = !week.entries.filter { visible[$0.index] }.isEmpty
        return c
    }

    // MARK: - Pages, search, 404

    func freePage(_ page: SitePlan.Page, _ i: Int, _ notes: inout PageNotes) -> TemplateValues {
        let p = site.pages[i]
        var c = base(page, title: p.title, description: p.summary)
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), (p.title, nil)])
        let (html, headings) = markdownHTML(p.body, page: page, notes: &notes, bodyText: true)
        notes.ids.formUnion(headings.map(\.id))
        c["body"] = html
        c["draft"] = p.draft
        return c
    }

    func search(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Tìm kiếm", description: "Tìm thủ tục, hướng dẫn, thông báo")
        c["breadcrumbs"] = breadcrumbs([homeCrumb(page), ("Tìm kiếm", nil)])
        c["groups"] = sortedFields().map { f -> TemplateValues in
            var g = fieldSummary(page, f)
            g["procedures"] = procedureRows(page, field: f)
            return g
        }
        return c
    }

    func notFound(_ page: SitePlan.Page) -> TemplateValues {
        var c = base(page, title: "Không tìm thấy trang")
        c["homeHref"] = (site.config.baseURL ?? "") + "index.html"
        c["catalogHref"] = (site.config.baseURL ?? "") + "thu-tuc/index.html"
        return c
    }
}
