/// The machine-read files: sitemap.xml and robots.txt.
enum SiteFeeds {
    /// On bytes, and text without a character to escape is returned as it is: a walk over Characters breaks graphemes,
    /// for every URL of the sitemap. A mark after `&` no longer hides it (a Character `&` + mark was left bare: not
    /// well-formed XML).
    static func xmlEscape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Absolute URLs only when `base_url` is set (the sitemap protocol requires them); relative otherwise.
    static func sitemap(plan: SitePlan, baseURL: String?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        // A former address is no page of its own: search engines are sent to the page itself.
        for page in plan.pages where page.kind != .notFound && page.kind.table != .redirect {
            let loc = (baseURL ?? "") + page.path + (baseURL == nil ? "index.html" : "")
            xml += "  <url><loc>\(xmlEscape(loc))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Atom feed of announcements, newest first. Ids are the absolute page URL when `base_url` is set,
    /// otherwise a tag URI built from the site's slug (stable, and never a guess at a host).
    static func atom(site: Site, plan: SitePlan) -> String {
        let base = site.config.baseURL
        let siteSlug = VietnameseText.slug(site.config.name)
        let items = site.announcements.indices.filter { plan.hasPage(.announcement($0)) }
            .sorted { (site.announcements[$0].date, site.announcements[$1].slug.value) > (site.announcements[$1].date, site.announcements[$0].slug.value) }
        func stamp(_ d: CalendarDate) -> String { "\(d.description)T00:00:00+07:00" }
        let updated = items.first.map { stamp(site.announcements[$0].date) } ?? "2000-01-01T00:00:00+07:00"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        xml += "  <title>\(xmlEscape("Thông báo – " + site.config.name))</title>\n"
        xml += "  <id>\(xmlEscape(base.map { $0 + "thong-bao/" } ?? "tag:motcua,2026:\(siteSlug)/thong-bao"))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(xmlEscape((base ?? "") + (base == nil ? "feed.xml" : "thong-bao/feed.xml")))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlEscape((base.map { $0 + "thong-bao/" }) ?? "index.html"))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n  <author><name>\(xmlEscape(site.config.name))</name></author>\n"
        for i in items {
            let a = site.announcements[i]
            let path = plan.page(.announcement(i))!.path
            let href = base.map { $0 + path } ?? SitePlan.relative(from: "thong-bao/", to: path)
            xml += "  <entry>\n    <title>\(xmlEscape(a.title))</title>\n"
            xml += "    <id>\(xmlEscape(base.map { $0 + path } ?? "tag:motcua,2026:\(siteSlug)/\(path)"))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlEscape(href))\"/>\n"
            xml += "    <updated>\(stamp(a.date))</updated>\n    <published>\(stamp(a.date))</published>\n"
            var summary = a.number.map { "Số \($0), " } ?? ""
            summary += "ngày \(VietnameseFormat.date(a.date)). Mức ưu tiên: \(a.priority.label)."
            xml += "    <summary>\(xmlEscape(summary))</summary>\n  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func robots(baseURL: String?) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "Sitemap: \(baseURL)sitemap.xml\n" }
        return text
    }
}
