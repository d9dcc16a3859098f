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

    public var procedures: [Procedure] { fields.flatMap(\.procedures) }
}
