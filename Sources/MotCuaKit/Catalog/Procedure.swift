/// One administrative procedure (thủ tục hành chính) as the national database publishes it.
public struct Procedure: Sendable, Equatable {
    public enum Tier: String, Sendable, CaseIterable {
        case commune = "xa"
        case province = "tinh"
        /// The district tier ended on 1 July 2025; old catalogs still say `huyen`.
        case district = "huyen"
        /// Ministries and national bodies ("Cấp Bộ, Cơ quan khác" on the portal): a few procedures citizens meet
        /// at the commune (electricity, vehicles) are carried out by them.
        case national = "bo"

        public var label: String {
            switch self {
            case .commune: return "Cấp xã"
            case .province: return "Cấp tỉnh"
            case .district: return "Cấp huyện (cũ)"
            case .national: return "Cấp bộ, cơ quan khác"
            }
        }

        /// Every commune site lists the tiers it serves; the others only when a procedure names them.
        public var alwaysListed: Bool { self == .commune || self == .province }
    }

    public enum Method: String, Sendable, CaseIterable {
        case inPerson = "truc-tiep"
        case online = "truc-tuyen"
        case post = "buu-chinh"

        public var label: String {
            switch self {
            case .inPerson: return "Trực tiếp"
            case .online: return "Trực tuyến"
            case .post: return "Qua bưu chính"
            }
        }
    }

    /// The largest amount a fee may state: a thousand billion đồng is past any administrative fee, and sums of
    /// a channel's items stay far from overflowing.
    public static let maxFee = 1_000_000_000_000

    public enum Fee: Sendable, Hashable {
        case amount(Int)
        case text(String)

        public var display: String {
            switch self {
            case .amount(let n): return VietnameseFormat.fee(n)
            case .text(let t): return t
            }
        }

        public var isFree: Bool {
            if case .amount(0) = self { return true }
            return false
        }
    }

    /// One fee item of a channel as the national record lists it ("Lệ phí: 8.000 đồng – cấp bản sao trích lục").
    public struct FeeItem: Sendable, Equatable {
        /// "Lệ phí", "Phí"; nil for a fee written as one value.
        public var label: String?
        public var amount: Fee
        public var note: String?

        public init(label: String? = nil, amount: Fee, note: String? = nil) {
            self.label = label
            self.amount = amount
            self.note = note
        }
    }

    /// A way to submit (cách thức): each has its own time and fees.
    public struct Channel: Sendable, Equatable {
        public var method: Procedure.Method
        public var time: String?
        /// Empty when the record names no fee; one unlabelled item for `le_phi: 8000`.
        public var fees: [FeeItem]
        /// The record's "Mô tả" column for this channel.
        public var description: String?
        public var location: SourceLocation
    }

    public struct Document: Sendable, Equatable {
        public var name: String
        public var form: Located<String>?
        public var originals: Int?
        public var copies: Int?
        public var note: String?
        public var location: SourceLocation
    }

    /// Documents grouped by case (trường hợp); an ungrouped list is one group without a title.
    public struct DocumentGroup: Sendable, Equatable {
        public var title: String?
        /// Giấy tờ phải nộp.
        public var documents: [Document]
        /// Giấy tờ phải xuất trình: shown at the desk, not handed in.
        public var shown: [Document] = []
    }

    /// One result of the procedure, with its code in the national database when the record gives one.
    public struct Result: Sendable, Equatable {
        public var name: String
        /// `KQ.G15.000031`.
        public var code: String?
    }

    public struct LegalText: Sendable, Equatable {
        public var number: String
        public var summary: String?
        public var date: CalendarDate?
        public var issuer: String?
    }

    public var code: Located<String>
    public var name: Located<String>
    /// Never empty (`xa` when the entry names none). A record may name several ("Cấp Tỉnh, Cấp Xã").
    public var tiers: [Tier]
    public var level: Located<ServiceLevel>?
    public var applicants: [String]
    /// Cơ quan thực hiện.
    public var agency: String?
    /// Cơ quan có thẩm quyền, when it is not the one that carries the procedure out.
    public var competentAgency: String?
    /// Cơ quan được ủy quyền.
    public var authorisedAgency: String?
    /// Cơ quan phối hợp.
    public var coordinatingAgency: String?
    public var submissionAddress: String?
    public var channels: [Channel]
    /// Markdown, with the line where it starts in the YAML file.
    public var steps: Located<String>?
    public var documentGroups: [DocumentGroup]
    public var results: [Result]
    public var requirements: Located<String>?
    public var feeExemptions: [String]
    public var legalBasis: [LegalText]
    public var onlineSubmission: Located<String>?
    public var onlinePayment: Bool?
    public var resultDelivery: [Procedure.Method]
    /// The record's description (Mô tả).
    public var summary: String?
    public var keywords: [String]
    /// The decision that published the procedure (Số quyết định công bố).
    public var decision: String?
    /// Loại thủ tục as the record writes it.
    public var kind: String?
    /// Codes of related procedures, each checked against the catalog.
    public var related: [Located<String>]
    /// Only online dossiers are accepted (the essential services since 1 October 2025).
    public var onlineOnly: Bool
    /// "Phi địa giới": the dossier may be handed in at any centre of the province.
    public var anyCentre: Bool
    /// When the entry was last checked against the national database.
    public var reviewed: Located<CalendarDate>?
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    /// Where the entry starts (its `- ma:` line).
    public var location: SourceLocation

    /// Papers shown at the desk have no forms (the loader refuses `bieu_mau` on them).
    public var forms: [Located<String>] {
        documentGroups.flatMap { $0.documents.compactMap(\.form) }
    }

    public var isFree: Bool {
        !channels.isEmpty && channels.allSatisfy { !$0.fees.isEmpty && $0.fees.allSatisfy(\.amount.isFree) }
    }
}
