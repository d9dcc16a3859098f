@testable import MotCuaKit
import Testing

@Suite("Radio: broadcast schedule")
struct RadioBroadcastScheduleTests {
    static func plan(_ priority: Announcement.Priority, _ start: String?, weeks: Int, times: Int = 2)
        -> Announcement.BroadcastPlan
    {
        Announcement.BroadcastPlan(priority: priority, start: start.flatMap(CalendarDate.init(parsing:)),
                                   weeks: weeks, timesPerWeek: times)
    }

    static let announcements: [Announcement] = [
        radioAnnouncement(title: "0 thường", body: "", date: "2026-11-02", broadcast: plan(.normal, "2026-11-03", weeks: 5)),
        radioAnnouncement(title: "1 khẩn", body: "", date: "2026-11-04", broadcast: plan(.emergency, nil, weeks: 1, times: 7)),
        radioAnnouncement(title: "2 đã hết", body: "", date: "2026-09-30", broadcast: plan(.normal, "2026-10-01", weeks: 2)),
        radioAnnouncement(title: "3 tuần sau", body: "", date: "2026-11-05", broadcast: plan(.priority, "2026-11-09", weeks: 2)),
        radioAnnouncement(title: "4 không phát", body: "", date: "2026-11-05"),
        radioAnnouncement(title: "5 thường mới hơn", body: "", date: "2026-11-03", broadcast: plan(.normal, "2026-10-27", weeks: 3)),
        radioAnnouncement(title: "6 hết thứ Hai", body: "", date: "2026-10-20", broadcast: plan(.normal, "2026-10-27", weeks: 1)),
        radioAnnouncement(title: "7 bắt đầu Chủ nhật", body: "", date: "2026-10-01", broadcast: plan(.priority, "2026-11-08", weeks: 1, times: 3)),
        radioAnnouncement(title: "8 không tuần", body: "", date: "2026-11-02", broadcast: plan(.normal, "2026-11-02", weeks: 0)),
    ]

    @Test(arguments: ["2026-11-02", "2026-11-05", "2026-11-08"])
    func weekOfNovemberSecond(_ day: String) {
        let schedule = BroadcastSchedule(announcements: Self.announcements, week: CalendarDate(parsing: day)!)
        #expect(schedule.monday == CalendarDate(parsing: "2026-11-02"))
        #expect(schedule.sunday == CalendarDate(parsing: "2026-11-08"))
        #expect(schedule.entries.map(\.index) == [1, 7, 5, 0, 6])
        let emergency = schedule.entries[0]
        #expect(emergency.timesThisWeek == 7)
        #expect(emergency.start == CalendarDate(parsing: "2026-11-04"))  // no start: the announcement's date
        #expect(emergency.end == CalendarDate(parsing: "2026-11-10"))
        #expect(schedule.entries[3].end == CalendarDate(parsing: "2026-12-07"))
        #expect(schedule.entries[4].end == CalendarDate(parsing: "2026-11-02"))
    }

    @Test(arguments: [
        ("2026-11-09", [1, 3, 7, 5, 0]),
        ("2026-11-16", [3, 5, 0]),
        ("2026-12-07", [0]),
        ("2026-12-08", [0]),
        ("2026-12-14", []),
        ("2026-10-12", [2]),
    ])
    func otherWeeks(_ day: String, _ expected: [Int]) {
        let schedule = BroadcastSchedule(announcements: Self.announcements, week: CalendarDate(parsing: day)!)
        #expect(schedule.entries.map(\.index) == expected)
        #expect(schedule.monday.isoWeekday == 1)
        #expect(schedule.sunday.isoWeekday == 7)
    }
}
