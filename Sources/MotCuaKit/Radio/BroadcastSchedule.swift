/// What the commune radio station reads in one week (Monday to Sunday, as Vietnamese weeks run), from the
/// announcements' broadcast plans, so the station's weekly sheet is computed rather than kept by hand.
///
/// A plan runs from its start (the announcement's date when it has none) for `weeks` × 7 days; it is on air in a
/// week when it starts on or before the Sunday and its last day is on or after the Monday. Announcements without a
/// plan, with no weeks or no readings, and ended or not yet started ones are not listed. Drafts are the caller's
/// business: pass only what is published.
public struct BroadcastSchedule: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Index into the announcements the schedule was made from.
        public var index: Int
        public var priority: Announcement.Priority
        /// How many times it is read this week (the plan's readings per week).
        public var timesThisWeek: Int
        public var start: CalendarDate
        /// The last day of the run: start + weeks × 7 − 1.
        public var end: CalendarDate
        /// The announcement's date, which orders entries of the same priority (newest first).
        public var date: CalendarDate
    }

    public var monday: CalendarDate
    public var sunday: CalendarDate
    /// Emergency first, then priority, then normal; within one priority the newest announcement first.
    public var entries: [Entry]

    public init(announcements: [Announcement], week date: CalendarDate) {
        monday = date.adding(days: 1 - date.isoWeekday)
        sunday = monday.adding(days: 6)
        var entries: [Entry] = []
        for (index, announcement) in announcements.enumerated() {
            guard let plan = announcement.broadcast, plan.weeks > 0, plan.timesPerWeek > 0 else { continue }
            let start = plan.start ?? announcement.date
            let end = start.adding(days: plan.weeks * 7 - 1)
            guard start <= sunday, end >= monday else { continue }
            entries.append(Entry(index: index, priority: plan.priority, timesThisWeek: plan.timesPerWeek,
                                 start: start, end: end, date: announcement.date))
        }
        self.entries = entries.sorted {
            ($0.priority.rank, -$0.date.dayNumber, $0.index) < ($1.priority.rank, -$1.date.dayNumber, $1.index)
        }
    }
}
