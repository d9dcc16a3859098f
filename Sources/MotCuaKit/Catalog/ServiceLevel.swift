/// How far a procedure can be done online. Two schemes are in use (see docs/domain.md); a catalog may be
/// written in either and shown in the other, so the declared value is kept and mapped when displayed.
public enum ServiceLevel: Sendable, Hashable {
    /// Decree 42/2022/NĐ-CP.
    case informationOnly
    case partlyOnline
    case fullyOnline
    /// Decree 43/2011: mức độ 1–4.
    case legacy(Int)

    /// What editors may write in `muc_do`.
    public static let allowedValues = ["thong-tin", "mot-phan", "toan-trinh", "1", "2", "3", "4"]

    public init?(key: String) {
        switch key {
        case "thong-tin": self = .informationOnly
        case "mot-phan": self = .partlyOnline
        case "toan-trinh": self = .fullyOnline
        case "1", "2", "3", "4": self = .legacy(Int(key)!)
        default: return nil
        }
    }

    /// The Decree 42 reading: 1 and 2 → thông tin, 3 → một phần, 4 → toàn trình.
    public var nd42: ServiceLevel {
        switch self {
        case .legacy(let n): return n >= 4 ? .fullyOnline : n == 3 ? .partlyOnline : .informationOnly
        default: return self
        }
    }

    /// The legacy reading: toàn trình → 4, một phần → 3, thông tin → 2 when forms exist, else 1.
    public func legacyLevel(hasForms: Bool) -> Int {
        switch self {
        case .legacy(let n): return n
        case .fullyOnline: return 4
        case .partlyOnline: return 3
        case .informationOnly: return hasForms ? 2 : 1
        }
    }

    /// Whether the level promises online submission (rules in docs/domain.md).
    public var needsOnlineSubmission: Bool {
        switch self {
        case .partlyOnline, .fullyOnline: return true
        case .legacy(let n): return n >= 3
        case .informationOnly: return false
        }
    }
}

/// Which scheme a site shows, from `site.yml` `muc_do`.
public enum LevelScheme: String, Sendable, Hashable, CaseIterable {
    case nd42
    case legacy
}

/// One badge as shown to a citizen: text with colour, never colour alone.
public struct LevelBadge: Sendable, Hashable {
    /// URL-safe key, also the CSS modifier and the /muc-do/<key>/ page.
    public var key: String
    public var label: String
    public var explanation: String
    /// Sort rank: most online first.
    public var rank: Int

    public static func badge(for level: ServiceLevel, scheme: LevelScheme, hasForms: Bool) -> LevelBadge {
        switch scheme {
        case .nd42:
            switch level.nd42 {
            case .fullyOnline: return nd42FullyOnline
            case .partlyOnline: return nd42PartlyOnline
            default: return nd42Information
            }
        case .legacy:
            return legacy(level.legacyLevel(hasForms: hasForms))
        }
    }

    public static let nd42FullyOnline = LevelBadge(
        key: "toan-trinh", label: "Toàn trình",
        explanation: "Nộp hồ sơ, giải quyết và nhận kết quả hoàn toàn trực tuyến hoặc qua bưu chính công ích.", rank: 0)
    public static let nd42PartlyOnline = LevelBadge(
        key: "mot-phan", label: "Một phần",
        explanation: "Nộp hồ sơ trực tuyến; một số bước (nộp bản chính, nộp phí, nhận kết quả) làm trực tiếp.", rank: 1)
    public static let nd42Information = LevelBadge(
        key: "thong-tin", label: "Thông tin",
        explanation: "Chỉ cung cấp thông tin; nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công.", rank: 2)

    /// The explanation for a procedure submitted in these ways: information only means no online submission, and
    /// a procedure also or only sent by post says so instead of "trực tiếp" alone.
    public func explanation(methods: Set<Procedure.Method>) -> String {
        guard key == Self.nd42Information.key, methods.contains(.post) else { return explanation }
        return methods.contains(.inPerson)
            ? "Chỉ cung cấp thông tin; nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công hoặc qua bưu chính."
            : "Chỉ cung cấp thông tin; nộp hồ sơ qua bưu chính."
    }

    public static func legacy(_ n: Int) -> LevelBadge {
        let texts = [
            1: "Cung cấp đầy đủ thông tin về thủ tục hành chính.",
            2: "Mức độ 1 và cho phép tải mẫu đơn, tờ khai.",
            3: "Mức độ 2 và cho phép điền, nộp hồ sơ trực tuyến; nộp phí, nhận kết quả trực tiếp.",
            4: "Mức độ 3 và thanh toán phí trực tuyến; nhận kết quả trực tuyến, trực tiếp hoặc qua bưu chính.",
        ]
        return LevelBadge(key: "muc-do-\(n)", label: "Mức độ \(n)", explanation: texts[n] ?? "", rank: 4 - n)
    }

    /// Every badge of a scheme, most online first.
    public static func all(_ scheme: LevelScheme) -> [LevelBadge] {
        switch scheme {
        case .nd42: return [nd42FullyOnline, nd42PartlyOnline, nd42Information]
        case .legacy: return [legacy(4), legacy(3), legacy(2), legacy(1)]
        }
    }
}
