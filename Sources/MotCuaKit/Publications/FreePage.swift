/// A free page (giới thiệu, liên hệ) published at /<slug>/.
public struct FreePage: Sendable, Equatable {
    public var title: String
    public var summary: String?
    public var order: Int?
    public var draft: Bool
    public var slug: Located<String>
    public var body: MarkdownSource
}
