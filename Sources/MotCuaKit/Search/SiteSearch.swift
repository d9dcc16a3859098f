import Foundation

/// Turns the site into search documents: what a citizen would type to find each page.
enum SiteSearch {
    /// `bodyTexts` (by position in `plan.pages`, from the rendered pages) spares a second parse of each body.
    static func documents(site: Site, plan: SitePlan, bodyTexts: [String?] = []) -> [SearchDocument] {
        func bodyText(_ kind: SitePlan.Kind) -> String? {
            guard !bodyTexts.isEmpty, let position = plan.index(of: kind) else { return nil }
            return bodyTexts[position]
        }
        // Each document is made on its own, in parallel.
        var jobs: [@Sendable () -> SearchDocument] = []
        let scheme = site.config.levelScheme
        for (f, field) in site.fields.enumerated() {
            for (i, p) in field.procedures.enumerated() {
                guard let page = plan.page(.procedure(field: f, index: i)) else { continue }
                let fieldName = field.name.value
                let stepsText = bodyText(.procedure(field: f, index: i))
                jobs.append {
                    let badge = LevelBadge.badge(for: p.level?.value ?? .informationOnly, scheme: scheme, hasForms: !p.forms.isEmpty)
                    // The snippet shows the start of this text: the description, then keywords and results (words
                    // citizens type that the record's body may not hold, and codes), which also stay within the
                    // index's body limit however long the steps are; then documents and steps.
                    var parts: [String] = p.summary.map { [$0] } ?? []
                    parts += p.keywords
                    parts += p.results.map { r in r.code.map { "\(r.name) \($0)" } ?? r.name }
                    parts += p.documentGroups.flatMap { ($0.documents + $0.shown).map(\.name) }
                    if let steps = p.steps { parts.append(stepsText ?? plainText(steps.value)) }
                    parts.append(contentsOf: p.applicants)
                    return SearchDocument(
                        kind: .procedure, title: p.name.value, url: page.file, field: fieldName,
                        badge: badge.label, badgeKey: badge.key, code: p.code.value, text: parts.joined(separator: ". "))
                }
            }
        }
        for (i, g) in site.guides.enumerated() {
            guard let page = plan.page(.guide(i)) else { continue }
            let text = bodyText(.guide(i))
            jobs.append { guideDocument(g, page: page, plainText: { text ?? plainText($0) }) }
        }
        for (i, a) in site.announcements.enumerated() {
            guard let page = plan.page(.announcement(i)) else { continue }
            let text = bodyText(.announcement(i))
            jobs.append { SearchDocument(kind: .announcement, title: a.title, url: page.file, text: text ?? plainText(a.body.text)) }
        }
        for (i, p) in site.pages.enumerated() {
            guard let page = plan.page(.page(i)) else { continue }
            let text = bodyText(.page(i))
            jobs.append { pageDocument(p, page: page, plainText: { text ?? plainText($0) }) }
        }
        return BuildAction.parallelMap(jobs) { $0() }
    }

    static func guideDocument(_ g: Guide, page: SitePlan.Page, plainText: (String) -> String = plainText) -> SearchDocument {
        SearchDocument(kind: .guide, title: g.title, url: page.file, text: ([g.summary].compactMap { $0 } + [plainText(g.body.text)]).joined(separator: " "))
    }

    static func pageDocument(_ p: FreePage, page: SitePlan.Page, plainText: (String) -> String = plainText) -> SearchDocument {
        SearchDocument(kind: .page, title: p.title, url: page.file, text: ([p.summary].compactMap { $0 } + [plainText(p.body.text)]).joined(separator: " "))
    }

    /// Markdown without markup, for indexing text that no page render gave: parsed as a page body is and cut
    /// as its text is, so both ways give the index the same words. Raw HTML is dropped like on the page.
    static func plainText(_ markdown: String) -> String {
        MarkdownRenderer.withDocument(markdown, options: MarkdownRenderer.pageOptions) { doc, _ in
            doc.map { MarkdownRenderer.searchText(of: $0) } ?? markdown
        }
    }

    /// Runs of white space to one space, trimmed; by scalar, which is what `Character.isWhitespace` decides for
    /// text (Unicode's White_Space), read straight from the UTF-8 bytes.
    static func collapseWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapseWhitespace($0) }
    }

    /// The same from a body's plain-text bytes, which thus become a String once.
    static func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        SearchIndex.collapseSpaces(bytes, separator: VietnameseText.isWhiteSpace)
    }
}
