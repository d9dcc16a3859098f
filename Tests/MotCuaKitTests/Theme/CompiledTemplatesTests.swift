import Foundation
import Mustache
import Testing
@testable import MotCuaKit

/// The byte renderer must give exactly what swift-mustache gives, or step aside.
@Suite struct CompiledTemplatesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// swift-mustache's output for the same templates and context (its default HTML escaping).
    func reference(_ templates: [String: String], _ name: String, _ context: [String: Any]) throws -> String {
        var library = MustacheLibrary()
        for (key, text) in templates { library.register(try MustacheTemplate(string: text), named: key) }
        return library.render(context, withTemplate: name) ?? ""
    }

    func compiled(_ templates: [String: String], _ name: String, _ context: [String: Any]) throws -> String? {
        let engine = try #require(CompiledTemplates(sources: templates))
        return engine.render(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    nonisolated(unsafe) static let context: [String: Any] = [
        "title": "Đăng ký <khai sinh> & \"hộ tịch\" 'x'", "count": 3, "zero": 0, "yes": true, "no": false, "empty": "",
        "site": ["name": "Xã An Phú", "phone": "0220 3 123 456"] as [String: Any],
        "items": [["label": "Một", "href": "a/"], ["label": "Hai"]] as [[String: Any]],
        "words": ["khai", "sinh"], "none": [] as [[String: Any]], "html": "<b>đậm</b>",
    ]

    @Test("same output as swift-mustache", arguments: [
        "{{title}} {{{title}}} {{&title}} {{count}} {{zero}} {{yes}} {{no}} [{{empty}}] [{{missing}}]",
        "<ul>\n  {{#items}}\n  <li>{{label}}{{#href}} → {{href}}{{/href}}{{^href}} (không){{/href}}</li>\n  {{/items}}\n</ul>\n",
        "{{#site}}{{name}} – {{phone}} – {{title}}{{/site}}\n{{site.name}} {{site.missing}} {{missing.name}}",
        "{{#words}}[{{.}}]{{/words}}{{^none}}trống{{/none}}{{#none}}không{{/none}}\n",
        "  {{! chú thích }}\nA\n{{#yes}}\n  có\n{{/yes}}\n{{#no}}\n  không\n{{/no}}\n{{^no}}\nkhông phải\n{{/no}}\nB",
        "{{#count}}số {{.}}{{/count}} {{#empty}}rỗng vẫn hiện{{/empty}} {{#zero}}0 vẫn hiện{{/zero}}",
        "{{#items}}{{#site}}{{label}}/{{name}}{{/site}}{{/items}} {{#items}}{{.label}}|{{/items}}",
        "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc {{{html}}}\n\t{{#yes}}\t\ntab\n{{/yes}}\nend",
        "{ not a tag } {x}} {{title}}{{",
    ])
    func sameAsSwiftMustache(template: String) throws {
        let templates = ["page": template]
        let expected = try reference(templates, "page", Self.context)
        #expect(try compiled(templates, "page", Self.context) == expected)
    }

    @Test("partials, indentation and inheritance like swift-mustache")
    func partialsAndInheritance() throws {
        let templates = [
            "layout": "<html>\n<title>{{$title}}Mặc định{{/title}}</title>\n<main>\n  {{$main}}\n  trống\n  {{/main}}\n</main>\n{{$foot}}chân{{/foot}}\n</html>\n",
            "row": "<li>{{label}}</li>\n<li>hai dòng</li>\n",
            "page": "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$main}}\n<ul>\n  {{#items}}\n    {{>row}}\n  {{/items}}\n</ul>\n{{/main}}\n{{/layout}}\n",
            "inline": "x {{>row}} y\n  {{>row}}\n",
            "deep": "{{<page}}{{$foot}}chân mới{{/foot}}{{/page}}",
        ]
        for name in ["page", "inline", "deep"] {
            let expected = try reference(templates, name, Self.context)
            #expect(try compiled(templates, name, Self.context) == expected, "template \(name)")
        }
    }

    @Test("transforms and set delimiters are left to swift-mustache")
    func unsupportedSyntaxFallsBack() {
        #expect(CompiledTemplates(sources: ["page": "{{uppercased(title)}}"]) == nil)
        #expect(CompiledTemplates(sources: ["page": "{{=<% %>=}}<% title %>"]) == nil)
        #expect(CompiledTemplates(sources: ["page": "{{>*dynamic}}"]) == nil)
    }

    @Test("a value of another kind sends the page to swift-mustache, with the same result")
    func unknownValueFallsBack() throws {
        let (loaded, _) = Theme.load(root: Self.repoRoot)
        let theme = try #require(loaded)
        #expect(theme.compiled != nil)
        let context: [String: Any] = ["title": 2.5, "documentTitle": "Trang"]
        #expect(theme.compiled?.render("page", context) == nil)
        #expect(theme.renderBytes("page", context) == Data(theme.render("page", context).utf8))
    }

    struct Office { let name = "Bộ phận một cửa" }

    @Test("a name looked up through a value of another kind sends the page to swift-mustache", arguments: [
        "{{office.name}}", "{{#office.name}}có{{/office.name}}", "{{^office.name}}không{{/office.name}}",
        "{{#list}}{{name}}{{/list}}",
    ])
    func lookupThroughUnknownValueFallsBack(template: String) throws {
        let context: [String: Any] = ["office": Office(), "list": [Office()] as [Any]]
        #expect(try compiled(["page": template], "page", context) == nil)
    }

    @Test("a page whose value is a struct renders as swift-mustache renders it, not blank")
    func pageWithStructIsNotBlank() throws {
        let (loaded, _) = Theme.load(root: Self.repoRoot)
        let theme = try #require(loaded)
        let context: [String: Any] = ["title": "Liên hệ", "documentTitle": "Trang", "site": Office()]
        let page = String(decoding: theme.renderBytes("page", context), as: UTF8.self)
        #expect(page == theme.render("page", context))
        #expect(page.contains("Bộ phận một cửa"))
    }

    @Test("every page of the sample site: the byte renderer covers it and matches swift-mustache")
    func sampleSitePages() throws {
        let (loaded, _) = ContentLoader(root: Self.repoRoot, includeDrafts: true).load()
        let site = try #require(loaded)
        let (themeLoaded, _) = Theme.load(root: Self.repoRoot)
        let theme = try #require(themeLoaded)
        let engine = try #require(theme.compiled)
        var diagnostics = Diagnostics()
        let plan = SitePlan(site: site, diagnostics: &diagnostics)
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme, staticFiles: [], includeDrafts: true,
                                    buildDate: CalendarDate(year: 2026, month: 11, day: 20)!,
                                    radioTexts: BuildAction.radioTexts(site))
        #expect(plan.pages.count > 30)
        for page in plan.pages {
            var notes = SiteRenderer.PageNotes()
            let (template, context) = renderer.context(for: page, notes: &notes)
            let bytes = try #require(engine.render(template, context), "\(page.file) fell back")
            #expect(bytes == Array(theme.render(template, context).utf8), "\(page.file) differs")
        }
    }
}
