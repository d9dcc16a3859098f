/// The settings in `Content/site.yml`.
public struct SiteConfig: Sendable, Equatable {
    public var name: String
    public var province: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var workingHours: String?
    public var nationalPortal: String?
    public var provincePortal: String?
    /// Status look-up URL with `{ma_ho_so}` where the dossier code goes.
    public var lookupURL: String?
    /// Only for sitemap.xml, the feed and canonical links; every page link stays relative.
    public var baseURL: String?
    public var levelScheme: LevelScheme
    public var radioSyllablesPerMinute: Int
    /// Raw HTML in Markdown is dropped unless the site opts in; scripts are always filtered.
    public var allowRawHTML: Bool
    /// Months after a procedure's `ngay_ra_soat` before it is flagged for review.
    public var reviewMonths: Int
    /// How the site's portals are named on air, by host (`dichvucong.gov.vn: Cổng dịch vụ công quốc gia`).
    public var spokenNames: [String: String]

    public init(name: String) {
        self.name = name
        self.levelScheme = .nd42
        self.radioSyllablesPerMinute = 180
        self.allowRawHTML = false
        self.reviewMonths = 12
        self.spokenNames = [:]
    }
}
