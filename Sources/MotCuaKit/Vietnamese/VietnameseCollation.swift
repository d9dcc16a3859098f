/// Alphabetical order as Vietnamese readers expect it (CLDR vi): a ă â b c d đ e ê … with tones as a
/// secondary difference (ngang, huyền, hỏi, ngã, sắc, nặng). A code-point sort puts ă, â, đ, ơ, ư after z.
public struct VietnameseSortKey: Sendable, Comparable, Hashable {
    let primary: [UInt16]
    let secondary: [UInt8]
    let tertiary: [UInt8]

    public init(_ text: String) {
        self = Self.fromTable(text) ?? Self(decomposing: text)
    }

    private init(primary: [UInt16], secondary: [UInt8], tertiary: [UInt8]) {
        self.primary = primary
        self.secondary = secondary
        self.tertiary = tertiary
    }

    /// Each scalar's weights for Latin (U+0000–U+024F), Vietnamese letters (U+1E00–U+1EFF) and general
    /// punctuation (U+2000–U+206F), from `init(decomposing:)` on the scalar alone: (primary, tone << 16,
    /// upper << 24), or `UInt32.max` where that would not agree with decomposing a whole text (a combining mark,
    /// a scalar whose decomposition starts with one, or one that gives other than one letter). Only these
    /// ranges: making an entry costs a decomposition, and a small site must not pay for thousands.
    static let scalarTable: [UInt32] = (0..<0x3C0).map { slot -> UInt32 in
        let v = slot < 0x250 ? slot : slot < 0x350 ? 0x1E00 + slot - 0x250 : 0x2000 + slot - 0x350
        guard let scalar = Unicode.Scalar(UInt32(v)), scalar.properties.canonicalCombiningClass == .notReordered,
              String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first?.properties.canonicalCombiningClass == .notReordered
        else { return .max }
        let key = VietnameseSortKey(decomposing: String(scalar))
        guard key.primary.count == 1 else { return .max }
        return UInt32(key.primary[0]) | UInt32(key.secondary[0]) << 16 | UInt32(key.tertiary[0]) << 24
    }

    /// A scalar's slot in `scalarTable`, nil outside its ranges.
    @inline(__always)
    static func tableSlot(_ v: UInt32) -> Int? {
        if v < 0x250 { return Int(v) }
        if v >= 0x1E00 && v < 0x1F00 { return Int(v - 0x1E00 + 0x250) }
        if v >= 0x2000 && v < 0x2070 { return Int(v - 0x2000 + 0x350) }
        return nil
    }

    /// The key from `scalarTable` when every scalar is in it: sorting 10,000 titles decomposed each one with
    /// Foundation and lowercased letter by letter through String. Since no scalar in the table is or starts
    /// with a combining mark, decomposing the whole text gives the scalars' decompositions one after another.
    static func fromTable(_ text: String) -> VietnameseSortKey? {
        var primary: [UInt16] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        primary.reserveCapacity(text.utf8.count)
        secondary.reserveCapacity(text.utf8.count)
        tertiary.reserveCapacity(text.utf8.count)
        let covered = scalarTable.withUnsafeBufferPointer { table -> Bool in
            for scalar in text.unicodeScalars {
                guard let slot = tableSlot(scalar.value), table[slot] != .max else { return false }
                primary.append(UInt16(truncatingIfNeeded: table[slot]))
                secondary.append(UInt8(truncatingIfNeeded: table[slot] >> 16))
                tertiary.append(UInt8(truncatingIfNeeded: table[slot] >> 24))
            }
            return true
        }
        return covered ? VietnameseSortKey(primary: primary, secondary: secondary, tertiary: tertiary) : nil
    }

    /// The key by the rule itself: decompose, then weigh each letter with the marks after it.
    init(decomposing text: String) {
        var primary: [UInt16] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        var current: (base: Unicode.Scalar, shape: UInt8, tone: UInt8, upper: Bool)?

        func flush() {
            guard let c = current else { return }
            primary.append(VietnameseSortKey.primaryWeight(base: c.base, shape: c.shape))
            secondary.append(c.tone)
            tertiary.append(c.upper ? 1 : 0)
            current = nil
        }

        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0306: current?.shape = 1  // breve: ă
            case 0x0302: current?.shape = 2  // circumflex: â ê ô
            case 0x031B: current?.shape = 3  // horn: ơ ư
            case 0x0300: current?.tone = 1  // huyền
            case 0x0309: current?.tone = 2  // hỏi
            case 0x0303: current?.tone = 3  // ngã
            case 0x0301: current?.tone = 4  // sắc
            case 0x0323: current?.tone = 5  // nặng
            case 0x0300...0x036F: continue
            default:
                flush()
                let lower = Character(scalar).lowercased().unicodeScalars.first ?? scalar
                current = (lower, 0, 0, lower != scalar)
            }
        }
        flush()
        self.primary = primary
        self.secondary = secondary
        self.tertiary = tertiary
    }

    /// Letters get slots of 4 so that a, ă, â (and o, ô, ơ; u, ư; e, ê; d, đ) sort in that order.
    static func primaryWeight(base: Unicode.Scalar, shape: UInt8) -> UInt16 {
        let v = base.value
        if v >= 0x61 && v <= 0x7A {
            return UInt16(0x1000 + (v - 0x61) * 4) + UInt16(shape)
        }
        if v == 0x0111 {  // đ sorts right after d
            return UInt16(0x1000 + (0x64 - 0x61) * 4) + 1
        }
        if v < 0x61 {  // spaces, digits and punctuation come before letters
            return UInt16(v)
        }
        return UInt16(truncatingIfNeeded: min(v, 0xEFFF)) | 0x8000
    }

    public static func < (a: VietnameseSortKey, b: VietnameseSortKey) -> Bool {
        if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
        if a.secondary != b.secondary { return a.secondary.lexicographicallyPrecedes(b.secondary) }
        return a.tertiary.lexicographicallyPrecedes(b.tertiary)
    }
}

extension Sequence {
    /// Sorts by a Vietnamese string key; ties keep their order so output stays deterministic.
    public func sortedVietnamese(by key: (Element) -> String) -> [Element] {
        enumerated()
            .map { (VietnameseSortKey(key($0.element)), $0.offset, $0.element) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { $0.2 }
    }
}
