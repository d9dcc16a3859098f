/// One administrative procedure (thủ tục hành chính) as the national database publishes it.
public struct Procedure: Sendable, Equatable {
    public enum Tier: String, Sendable, CaseIterable {
        case commune = "xa"
        case province = "tinh"
        /// The district tier ended on 1 July 2025; old catalogs still say `huyen`.
        case district = "huyen"

        public var label: String {
            switch self {
            case .commune: return "Cấp xã"
            case .province: return "Cấp tỉnh"
            case .district: return "Cấp huyện (cũ)"
            }
        }
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

    /// A way to submit (cách thức): each has its own time and fee.
    public struct Channel: Sendable, Equatable {
        public var method: Procedure.Method
        public var time: String?
        public var fee: Fee?
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
        public var documents: [Document]
    }

    public struct LegalText: Sendable, Equatable {
        public var number: String
        public var summary: String?
        public var date: CalendarDate?
        public var issuer: String?
    }

    public var code: Located<String>
    public var name: Located<String>
    public var tier: Tier
    public var level: Located<ServiceLevel>?
    public var applicants: [String]
    public var agency: String?
    public var submissionAddress: String?
    public var channels: [Channel]
    /// Markdown, with the line where it starts in the YAML file.
    public var steps: Located<String>?
    public var documentGroups: [DocumentGroup]
    public var result: String?
    public var requirements: Located<String>?
    public var feeExemptions: [String]
    public var legalBasis: [LegalText]
    public var onlineSubmission: Located<String>?
    public var onlinePayment: Bool?
    public var resultDelivery: [Procedure.Method]
    public var slug: Located<String>
    /// `dia_chi_cu`: addresses this page had before (as written, with where); each becomes a redirect page.
    public var formerAddresses: [Located<String>] = []
    /// Where the entry starts (its `- ma:` line).
    public var location: SourceLocation

    public var forms: [Located<String>] {
        documentGroups.flatMap { $0.documents.compactMap(\.form) }
    }

    public var isFree: Bool {
        !channels.isEmpty && channels.allSatisfy { $0.fee?.isFree ?? false }
    }
}
