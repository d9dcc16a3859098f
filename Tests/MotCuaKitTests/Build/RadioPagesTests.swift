import Foundation
import Testing
@testable import MotCuaKit

/// The sample site as radio staff meet it: reading texts, the weekly schedule for a given date, the feed.
@Suite struct RadioPagesTests {
    static let repo = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func build(date: CalendarDate) throws -> TempSite {
        let site = try TempSite()
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(at: Self.repo.appendingPathComponent(folder), to: site.root.appendingPathComponent(folder))
        }
        let report = BuildAction(options: .init(root: site.root, date: date)).run()
        #expect(report.succeeded, "\(report.diagnostics.lines)")
        return site
    }

    @Test func everyAnnouncementHasAReadingTextThatCanBeReadAsItIs() throws {
        let site = try build(date: CalendarDate(year: 2026, month: 11, day: 20)!)
        let folder = site.root.appendingPathComponent("Output/thong-bao")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.contains(".") && $0 != "index.html" }
        #expect(slugs.count == 3)
        for slug in slugs {
            let text = try #require(site.read("Output/thong-bao/\(slug)/phat-thanh.txt"))
            #expect(text.count > 200)
            #expect(RadioText.leftovers(in: text).isEmpty, "\(slug): \(RadioText.leftovers(in: text))")
            #expect(!text.contains { $0.isNumber }, "\(slug) has a digit")
            #expect(!text.contains("Nơi nhận"))
            // The page shows exactly the same text in its copy box.
            let page = try #require(site.read("Output/thong-bao/\(slug)/index.html"))
            #expect(page.contains("id=\"radio-text\""))
            #expect(page.contains("âm tiết"))
            #expect(page.contains(escape(text.trimmingCharacters(in: .newlines))))
        }
    }

    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func theScheduleListsWhatIsOnAirThatWeek() throws {
        let stormWeek = try build(date: CalendarDate(year: 2026, month: 10, day: 12)!)
        let october = try #require(stormWeek.read("Output/phat-thanh/index.html"))
        #expect(october.contains("Tuần từ 12/10/2026 đến 18/10/2026"))
        let storm = try #require(october.range(of: "bão số 8"))
        let idCards = try #require(october.range(of: "Căn cước lưu động"))
        #expect(storm.lowerBound < idCards.lowerBound, "khẩn cấp comes first")
        #expect(!october.contains("hỗ trợ nhân dân sử dụng dịch vụ công"))
        let home = try #require(stormWeek.read("Output/index.html"))
        #expect(home.contains("Thông báo khẩn cấp"))

        let later = try build(date: CalendarDate(year: 2026, month: 11, day: 20)!)
        let november = try #require(later.read("Output/phat-thanh/index.html"))
        #expect(november.contains("hỗ trợ nhân dân sử dụng dịch vụ công"))
        #expect(!november.contains("bão số 8"))
        #expect(!november.contains("Căn cước lưu động"))
        #expect(!(try #require(later.read("Output/index.html"))).contains("Thông báo khẩn cấp"))
        // Ended announcements stay in the archive.
        #expect(try #require(later.read("Output/thong-bao/index.html")).contains("bão số 8"))
    }

    @Test func theFeedListsEveryAnnouncementWithRFC3339Dates() throws {
        let site = try build(date: CalendarDate(year: 2026, month: 11, day: 20)!)
        let feed = try #require(site.read("Output/thong-bao/feed.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 3)
        #expect(feed.contains("<link rel=\"self\" href=\"https://anphu.haiphong.gov.vn/thong-bao/feed.xml\"/>"))
        #expect(feed.contains("<updated>2026-11-02T00:00:00+07:00</updated>"))
        #expect(try #require(site.read("Output/index.html")).contains("thong-bao/feed.xml"))
    }

    /// Titles are escaped for XML; an ampersand stays escaped when a combining mark follows it.
    @Test func feedTextIsEscapedForXML() {
        #expect(SiteFeeds.xmlEscape("Họp <thôn> & \"tổ\" 'x'") == "Họp &lt;thôn&gt; &amp; &quot;tổ&quot; 'x'")
        #expect(SiteFeeds.xmlEscape("&\u{301}") == "&amp;\u{301}")
        #expect(SiteFeeds.xmlEscape("Thông báo") == "Thông báo")
    }
}
