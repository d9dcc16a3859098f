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
    /// What the loader could not read of the catalog, with the codes its text names (`CatalogValidator`).
    public var unreadCatalog: [UnreadCatalog] = []
    /// A province's procedures this commune leaves out (`khong_ap_dung: true`), by the page path they have in the
    /// other communes: a shared text linking there is told why the page is missing here.
    public var leftOut: [String: LeftOutProcedure] = [:]

    /// A copy of every procedure: for checks that run once. Pages count with `procedureCount`.
    public var procedures: [Procedure] { fields.flatMap(\.procedures) }
    public var procedureCount: Int { fields.reduce(0) { $0 + $1.procedures.count } }
}

/// A shared procedure a commune does not do, and where it says so.
public struct LeftOutProcedure: Sendable, Equatable {
    public var code: String
    public var name: String
    /// The `ma` of the commune's `khong_ap_dung` entry.
    public var location: SourceLocation
}

/// A catalog file whose YAML could not be read (`wholeFile`), or entries of one that were left out (no
/// code, no name, not a mapping), with the procedure codes its `ma:` lines name. A guide naming one of those
/// codes is not told that the catalog has no such procedure: the file's own error is the one to fix, and a
/// whole file lost is said once, at that error.
public struct UnreadCatalog: Sendable, Equatable {
    public var path: String
    public var codes: [String]
    /// The form files its `bieu_mau:` lines name: not "used by no procedure" while the file is unread.
    public var forms: [String] = []
    public var wholeFile: Bool
    /// For a whole file, its first error: where the note that the file was lost goes.
    public var location: SourceLocation
}
