/// A free page (giới thiệu, liên hệ) published at /<slug>/.
public struct FreePage: Sendable, Equatable {
    public var title: String
    public var summary: String?
    public var order: Int?
    public var draft: Bool
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    public var body: MarkdownSource
}
