/// A commune notice (thông báo), also read on the commune radio.
public struct Announcement: Sendable, Equatable {
    public enum Priority: String, Sendable, CaseIterable {
        case normal = "thuong"
        case priority = "uu-tien"
        case emergency = "khan-cap"

        public var label: String {
            switch self {
            case .normal: return "Thông thường"
            case .priority: return "Ưu tiên"
            case .emergency: return "Khẩn cấp"
            }
        }

        /// Emergency first.
        public var rank: Int {
            switch self {
            case .emergency: return 0
            case .priority: return 1
            case .normal: return 2
            }
        }
    }

    public struct BroadcastPlan: Sendable, Equatable {
        public var priority: Priority
        public var start: CalendarDate?
        public var weeks: Int
        public var timesPerWeek: Int
    }

    public var title: String
    public var number: String?
    public var date: CalendarDate
    public var recipients: [String]
    public var signer: String?
    public var signerTitle: String?
    public var broadcast: BroadcastPlan?
    public var draft: Bool
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    public var body: MarkdownSource
    /// Where `tieu_de` is written, and `chuc_vu` (or `ky`): the radio's warnings about the title and the
    /// closing line point there.
    public var titleLocation: SourceLocation? = nil
    public var signatureLocation: SourceLocation? = nil

    public var priority: Priority { broadcast?.priority ?? .normal }
}
