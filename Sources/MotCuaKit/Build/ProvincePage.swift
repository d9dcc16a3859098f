import Foundation

/// The province's page, `Output/index.html`: every commune with its address, phone, hours and link (to
/// `<slug>/index.html`, so it works from file:// and a USB stick), a search box that finds a commune typed
/// without diacritics, and the shared catalog's counts per level. Rendered with the theme's `tinh` template,
/// or MotCua's own (`PageKind.builtInTemplates`), with the theme's style sheet beside it.
struct ProvincePage {
    var province: ProvinceContent
    var theme: Theme
    /// Each commune's settings (its site.yml over tinh.yml), by folder name; a commune whose site.yml cannot be
    /// read is listed by its folder name, so its link (and its errors, in the preview) stay one click away.
    var communes: [String: SiteConfig]
    /// Communes with no site in the output (`--xa` into an output that never had them): not linked.
    var unlisted: Set<String> = []

    static let template = "tinh"

    /// The shared theme's assets, as a commune's site has them: the style sheet, and search.js, whose fold
    /// the search box uses (the one twin of `VietnameseText.fold` in JavaScript).
    var assets: [(path: String, source: URL)] {
        theme.assets.map { ("assets/\($0)", theme.assetURL($0)) }
    }

    func values() -> TemplateValues {
        let config = province.config
        var values: TemplateValues = ["province": SiteRenderer.siteContext(config)]
        var list: [TemplateValue] = []
        for slug in province.communes where !unlisted.contains(slug) {
            let c = communes[slug] ?? SiteConfig(name: slug)
            var item = SiteRenderer.siteContext(c)
            item["href"] = slug + "/index.html"
            // What the search box compares: the words as search.js makes them ("an phu", "0225").
            item["searchText"] = SearchIndex.tokens(VietnameseText.fold([c.name, c.address ?? "", c.phone ?? ""].joined(separator: " ")))
                .joined(separator: " ")
            list.append(.object(item))
        }
        values["communes"] = TemplateValue.list(list)
        values["communeCount"] = list.count
        let fields = province.fields
        values["procedureCount"] = fields.reduce(0) { $0 + $1.procedures.count }
        values["fieldCount"] = fields.count
        values["levels"] = TemplateValue.list(BuildAction.levelCounts(fields, config.levelScheme).map { level in
            .object(["label": level.label, "count": level.count])
        })
        if let base = config.baseURL { values["canonical"] = base }
        return values
    }

    func render() -> Data {
        theme.renderBytes(Self.template, values())
    }

    /// The built-in template: the theme's classes, no layout (the layout is a commune's, with its menu).
    static let builtIn = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Dịch vụ công các xã, phường – {{province.name}}</title>
        {{#canonical}}
        <link rel="canonical" href="{{canonical}}">
        {{/canonical}}
        <link rel="stylesheet" href="assets/style.css">
        </head>
        <body>
        <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header class="site-header">
        <div class="wrap header-row">
        <p class="brand"><span class="brand-name">{{province.name}}</span><span class="brand-sub">Trang dịch vụ công của các xã, phường</span></p>
        </div>
        </header>
        <main id="noi-dung" class="wrap" tabindex="-1">
        <h1>Dịch vụ công của {{communeCount}} xã, phường</h1>
        <p class="lead">Chọn xã, phường nơi anh chị làm thủ tục: mỗi trang có danh mục thủ tục, biểu mẫu, hướng dẫn và thông báo của xã.</p>
        <p class="portals">
        {{#province.nationalPortal}}<a class="button" href="{{province.nationalPortal}}">Cổng Dịch vụ công quốc gia</a>{{/province.nationalPortal}}
        {{#province.provincePortal}}<a class="button button--secondary" href="{{province.provincePortal}}">Cổng dịch vụ công {{province.provinceInline}}</a>{{/province.provincePortal}}
        </p>
        <section aria-labelledby="danh-sach-xa">
        <h2 id="danh-sach-xa">Các xã, phường</h2>
        <form class="search" role="search" onsubmit="return false">
        <label for="tim-xa">Tìm xã, phường (gõ không dấu cũng được)</label>
        <span class="search-row"><input id="tim-xa" type="search" placeholder="Ví dụ: an phu" autocomplete="off"></span>
        </form>
        <p id="so-xa" class="meta" aria-live="polite"></p>
        <ul class="cards" id="cac-xa">
        {{#communes}}
        <li class="card" data-tim="{{searchText}}">
        <h3><a href="{{href}}">{{name}}</a></h3>
        <ul class="plain">
        {{#address}}<li>Địa chỉ: {{address}}</li>{{/address}}
        {{#phone}}<li>Điện thoại: <a href="{{phoneHref}}">{{phone}}</a></li>{{/phone}}
        {{#hours}}<li>Giờ làm việc: {{hours}}</li>{{/hours}}
        </ul>
        </li>
        {{/communes}}
        </ul>
        </section>
        <section aria-labelledby="danh-muc">
        <h2 id="danh-muc">Danh mục thủ tục dùng chung</h2>
        <p>{{procedureCount}} thủ tục trong {{fieldCount}} lĩnh vực, theo mức độ dịch vụ công trực tuyến:</p>
        <ul class="plain">
        {{#levels}}<li>{{label}}: {{count}}</li>{{/levels}}
        </ul>
        </section>
        </main>
        <script src="assets/search.js"></script>
        <script>
        (function () {
          // The words of the query as the site's search makes them (assets/search.js); without it, no filter.
          var search = window.MotCuaSearch;
          if (!search) return;
          var input = document.getElementById("tim-xa"), count = document.getElementById("so-xa");
          var items = document.querySelectorAll("#cac-xa > li");
          input.addEventListener("input", function () {
            var words = search.tokens(search.fold(input.value)), shown = 0;
            items.forEach(function (li) {
              var text = " " + li.getAttribute("data-tim");
              var hit = words.every(function (w) { return text.indexOf(" " + w) >= 0; });
              li.hidden = !hit;
              if (hit) shown++;
            });
            count.textContent = words.length ? shown + " xã, phường phù hợp" : "";
          });
        })();
        </script>
        </body>
        </html>

        """
}

/// What the preview of a province needs besides its communes' sites: the communes, and the province's page,
/// loaded through a memo of its own (only the files that changed are read again).
public final class ProvinceOverview: @unchecked Sendable {
    let memo: LoadMemo

    public init(settleSeconds: Int = 3) {
        memo = LoadMemo(settleSeconds: settleSeconds)
    }

    public struct Result: Sendable {
        /// The communes' folder names; empty when the province gives no site.
        public var communes: [String] = []
        public var files: [(path: String, bytes: Data)] = []
        public var copies: [(path: String, source: URL)] = []
        /// tinh.yml's, the shared files' and the theme's, said once for all communes.
        public var diagnostics = Diagnostics()
        /// The shared content, for the communes' builds.
        public var province: ProvinceContent?
    }

    /// Not called from two threads at once (the preview builds one at a time).
    public func load(_ options: BuildAction.Options, changes: KnownChanges?) -> Result {
        var result = Result()
        let loader = ContentLoader(root: options.root, includeDrafts: options.includeDrafts, memo: memo, changes: changes)
        let (loaded, diagnostics) = loader.loadProvince()
        let (theme, themeDiagnostics) = Theme.load(root: options.root, memo: memo)
        result.diagnostics = diagnostics
        result.diagnostics.append(contentsOf: themeDiagnostics)
        result.province = loaded
        guard let province = loaded, let theme else { return result }
        result.communes = province.communes
        var configs: [String: SiteConfig] = [:]
        // Their problems are said by the communes' own builds.
        var ignored = Diagnostics()
        for slug in province.communes { configs[slug] = loader.loadCommuneConfig(slug, of: province, &ignored) }
        let page = ProvincePage(province: province, theme: theme, communes: configs)
        result.files = [("index.html", page.render())]
        result.copies = page.assets
        return result
    }
}
