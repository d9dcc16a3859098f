/// A field (lĩnh vực) and its procedures: one catalog file.
public struct Field: Sendable, Equatable {
    public var name: Located<String>
    public var slug: Located<String>
    public var summary: String?
    public var procedures: [Procedure]
    public var path: String
}
