import Foundation
import Mustache
import Testing
@testable import MotCuaKit

/// The template renderer must give exactly what swift-mustache (the oracle) gives, and refuse at load, at the
/// right place, what it does not do.
@Suite struct CompiledTemplatesTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// swift-mustache's output for the same templates and context (its default HTML escaping).
    func reference(_ templates: [String: String], _ name: String, _ context: TemplateValues) throws -> String {
        var library = MustacheLibrary()
        for (key, text) in templates { library.register(try MustacheTemplate(string: text), named: key) }
        return library.render(context.any, withTemplate: name) ?? ""
    }

    func compiled(_ templates: [String: String], _ name: String, _ context: TemplateValues) throws -> String {
        let engine = try #require(CompiledTemplates(sources: templates))
        return String(decoding: engine.render(name, context), as: UTF8.self)
    }

    static let context: TemplateValues = [
        "title": "Đăng ký <khai sinh> & \"hộ tịch\" 'x'", "count": 3, "zero": 0, "yes": true, "no": false, "empty": "",
        "site": ["name": "Xã An Phú", "phone": "0220 3 123 456"] as TemplateValues,
        "items": [["label": "Một", "href": "a/"], ["label": "Hai"]] as [TemplateValues],
        "words": ["khai", "sinh"], "none": [] as [TemplateValues], "html": "<b>đậm</b>",
        "body": TemplateValue.html(Array("<p>Đoạn &amp; <em>văn</em></p>\n".utf8)),
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
        "{{{body}}}|{{body}}|{{#body}}có{{/body}}{{^body}}không{{/body}}",
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

    @Test("syntax outside the subset is refused at its line and column", arguments: [
        ("<p>\n  {{uppercased(title)}}</p>", 2, 24, "hàm biến đổi"),
        ("{{=<% %>=}}<% title %>", 1, 3, "đổi dấu phân cách"),
        ("a\n{{>*dynamic}}", 2, 4, "partial động"),
        ("{{%PRAGMA}}", 1, 3, "pragma"),
    ])
    func unsupportedSyntaxIsRefused(template: String, line: Int, column: Int, what: String) {
        guard case .failure(let refusal) = CompiledTemplates.parse(template) else {
            Issue.record("\(template.debugDescription) was taken")
            return
        }
        #expect((refusal.line, refusal.column) == (line, column), "\(template.debugDescription)")
        #expect(refusal.message.contains(what), "\(refusal.message)")
    }

    /// The positions swift-mustache gave for its syntax errors are the ones editors see now.
    @Test("syntax errors are placed where swift-mustache placed them", arguments: [
        "<p>{{title</p>", "a\n{{#items}}\nb", "{{#a}}{{/b}}", "x\n  {{{title}}\n", "{{<layout}}{{title}}{{/layout}}",
    ])
    func syntaxErrorsAtSwiftMustachesPlace(template: String) throws {
        guard case .failure(let refusal) = CompiledTemplates.parse(template) else {
            Issue.record("\(template.debugDescription) was taken")
            return
        }
        do {
            _ = try MustacheTemplate(string: template)
            Issue.record("swift-mustache took \(template.debugDescription)")
        } catch let error as MustacheTemplate.ParserError {
            #expect((refusal.line, refusal.column) == (error.context.lineNumber, error.context.columnNumber), "\(template.debugDescription)")
        }
    }

    @Test("a list or an object written as text writes nothing", arguments: ["{{items}}", "{{{site}}}", "{{#items}}{{.}}{{/items}}"])
    func listWrittenAsTextWritesNothing(template: String) throws {
        #expect(try compiled(["page": "[" + template + "]"], "page", Self.context) == "[]")
    }

    @Test("a key set twice keeps its first place and its last value; nil removes it")
    func valuesKeepOrderAndReplace() {
        var values: TemplateValues = ["a": 1, "b": "hai"]
        values["a"] = "một"
        values["c"] = true
        #expect(values.keys == ["a", "b", "c"])
        #expect(values["a"] == "một")
        let none: String? = nil
        values["b"] = none
        #expect(values.keys == ["a", "c"])
        #expect(values.any["c"] as? Bool == true)
    }

    @Test("every page of the sample site matches swift-mustache")
    func sampleSitePages() throws {
        let (loaded, _) = ContentLoader(root: Self.repoRoot, includeDrafts: true).load()
        let site = try #require(loaded)
        let (themeLoaded, _) = Theme.load(root: Self.repoRoot)
        let theme = try #require(themeLoaded)
        var library = MustacheLibrary()
        for name in theme.templateNames {
            let text = try String(contentsOf: Self.repoRoot.appendingPathComponent("Theme/templates/\(name).mustache"), encoding: .utf8)
            library.register(try MustacheTemplate(string: text), named: name)
        }
        // Templates MotCua supplies itself (the redirect page of a `dia_chi_cu`), unless the theme overrides them.
        for (name, text) in PageKind.builtInTemplates where !theme.templateNames.contains(name) {
            library.register(try MustacheTemplate(string: text), named: name)
        }
        var diagnostics = Diagnostics()
        let plan = SitePlan(site: site, diagnostics: &diagnostics)
        let renderer = SiteRenderer(site: site, plan: plan, theme: theme, staticFiles: [], includeDrafts: true,
                                    buildDate: CalendarDate(year: 2026, month: 11, day: 20)!,
                                    radioTexts: BuildAction.radioTexts(site))
        #expect(plan.pages.count > 30)
        for page in plan.pages {
            var notes = SiteRenderer.PageNotes()
            let (template, context) = renderer.context(for: page, notes: &notes)
            #expect(theme.renderBytes(template, context) == Data((library.render(context.any, withTemplate: template) ?? "").utf8), "\(page.file) differs")
        }
    }
}
