/// A field (lĩnh vực) and its procedures: one catalog file.
public struct Field: Sendable, Equatable {
    public var name: Located<String>
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    public var summary: String?
    public var procedures: [Procedure]
    public var path: String
}
