/// Everything loaded from Content/: plain values with their source locations. Nothing later reads the disk for content.
public struct Site: Sendable, Equatable {
    public var config: SiteConfig
    public var fields: [Field]
    public var guides: [Guide]
    public var announcements: [Announcement]
    public var pages: [FreePage]
    public var forms: [String: FormFile]
    /// Site abbreviations for the radio text (from viet-tat.yml), with where each was defined.
    public var abbreviations: [String: Located<String>]

    /// A copy of every procedure: for checks that run once. Pages count with `procedureCount`.
    public var procedures: [Procedure] { fields.flatMap(\.procedures) }
    public var procedureCount: Int { fields.reduce(0) { $0 + $1.procedures.count } }
}
