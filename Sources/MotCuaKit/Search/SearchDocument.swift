/// One thing the search box can find: a procedure, a guide, an announcement or a free page.
/// The site builder makes these from `Site`; `SearchIndex` turns them into `search-index.js`.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case procedure
        case guide
        case announcement
        case page

        /// What a result shows before its title.
        public var label: String {
            switch self {
            case .procedure: return "Thủ tục"
            case .guide: return "Hướng dẫn"
            case .announcement: return "Thông báo"
            case .page: return "Trang"
            }
        }

        /// Ranking and index code: procedures first. The script relies on these numbers.
        public var rank: Int {
            switch self {
            case .procedure: return 0
            case .guide: return 1
            case .announcement: return 2
            case .page: return 3
            }
        }
    }

    public var kind: Kind
    public var title: String
    /// Root-relative path of the page, e.g. "thu-tuc/dang-ky-khai-sinh/index.html"; the script prefixes `data-root`.
    public var url: String
    /// The field (lĩnh vực) name, for procedures.
    public var field: String?
    /// Service-level badge label, e.g. "Toàn trình" (`LevelBadge.label`).
    public var badge: String?
    /// Badge key, e.g. "toan-trinh" (`LevelBadge.key`): the script uses it as the CSS modifier `badge--<key>`.
    public var badgeKey: String?
    /// Procedure code, e.g. "1.001193": searched as one token and ranked like the title.
    public var code: String?
    /// Plain body text (no markup). Its beginning is also the snippet, so put the most telling text first
    /// (for a procedure: documents, result, a summary of the steps).
    public var text: String

    public init(kind: Kind, title: String, url: String, field: String? = nil, badge: String? = nil,
                badgeKey: String? = nil, code: String? = nil, text: String) {
        self.kind = kind
        self.title = title
        self.url = url
        self.field = field
        self.badge = badge
        self.badgeKey = badgeKey
        self.code = code
        self.text = text
    }
}
