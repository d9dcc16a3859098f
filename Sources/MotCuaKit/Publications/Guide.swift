/// A how-to guide (hướng dẫn): register an account, submit a dossier, track it.
public struct Guide: Sendable, Equatable {
    public static let groups = ["dang-ky", "nop-ho-so", "tra-cuu", "khac"]

    public var title: String
    public var summary: String?
    public var order: Int?
    public var group: String
    /// Procedure codes this guide explains; linked both ways.
    public var related: [Located<String>]
    public var draft: Bool
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    public var body: MarkdownSource
}

/// Markdown text and where it starts in its file, so positions inside it map back to the editor's line and
/// column: a body starts after its front matter; a catalog's `trinh_tu: |` block starts a line below its key and
/// is indented, every line alike (`columnOffset`).
public struct MarkdownSource: Sendable, Equatable {
    public var text: String
    public var path: String
    public var lineOffset: Int
    public var columnOffset: Int

    public init(text: String, path: String, lineOffset: Int, columnOffset: Int = 0) {
        self.text = text
        self.path = path
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
    }
}
