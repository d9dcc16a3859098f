/// The machine-read files: sitemap.xml and robots.txt.
enum SiteFeeds {
    static func xmlEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Absolute URLs only when `base_url` is set (the sitemap protocol requires them); relative otherwise.
    static func sitemap(plan: SitePlan, baseURL: String?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in plan.pages where page.kind != .notFound {
            let loc = (baseURL ?? "") + page.path + (baseURL == nil ? "index.html" : "")
            xml += "  <url><loc>\(xmlEscape(loc))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: String?) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL { text += "Sitemap: \(baseURL)sitemap.xml\n" }
        return text
    }
}
