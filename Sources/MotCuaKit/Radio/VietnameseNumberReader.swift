/// Numbers in words as a Northern Vietnamese announcer reads them, so a radio text never shows a digit.
///
/// Northern conventions (the commune radio's): "linh" for a zero ten (105 → "một trăm linh năm"; the South says "lẻ"),
/// "mốt" for 1 after "mươi" (21), "tư" for 4 after "mươi" (24; "mười bốn" stays), "lăm" for 5 after a ten (15, 25),
/// "nghìn" (not "ngàn") and "tỷ".
public enum VietnameseNumberReader {
    static let digitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// `n` in words: 0 → "không", 21 → "hai mươi mốt", 1005 → "một nghìn không trăm linh năm", 2e9 → "hai tỷ".
    public static func words(_ n: Int) -> String {
        if n < 0 { return "âm " + words(n == Int.min ? Int.max : -n) }
        if n == 0 { return "không" }
        return below(n, full: false)
    }

    /// Each digit in words, for phone numbers and codes: "0220" → "không hai hai không". Non-digits are skipped.
    public static func digits(_ text: some StringProtocol) -> String {
        text.compactMap { $0.wholeNumberValue.map { digitWords[$0] } }.joined(separator: " ")
    }

    /// A phone number read digit by digit in the groups it is written in, so a listener can note it down:
    /// "0220 3 123 456" → "không hai hai không, ba, một hai ba, bốn năm sáu". Dots and dashes also separate groups.
    /// A group of six to eleven digits is read in the pieces a number of that length is usually written in
    /// ("39102126" as "3910 2126", "0912345678" as "0912 345 678"): a run of eight digits is more than a listener
    /// holds. Five digits, and twelve or more (an ID), stay whole.
    public static func phone(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: { !$0.isNumber })
            .flatMap { pieces(String($0)) }
            .map { digits($0) }
            .joined(separator: ", ")
    }

    /// Piece lengths for a group of digits, by its length.
    static let pieceLengths: [Int: [Int]] = [6: [3, 3], 7: [3, 4], 8: [4, 4], 9: [3, 3, 3], 10: [4, 3, 3], 11: [4, 3, 4]]

    static func pieces(_ group: String) -> [Substring] {
        guard let lengths = pieceLengths[group.count] else { return [group[...]] }
        var result: [Substring] = []
        var start = group.startIndex
        for length in lengths {
            let end = group.index(start, offsetBy: length)
            result.append(group[start..<end])
            start = end
        }
        return result
    }

    /// A number written the Vietnamese way, "." for thousands and "," for decimals:
    /// "10.000" → "mười nghìn", "2,5" → "hai phẩy năm". Nil when the text is not such a number.
    public static func written(_ text: some StringProtocol) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, let value = grouped(whole) else { return nil }
        var result = words(value)
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            result += " phẩy " + decimals(fraction)
        }
        return result
    }

    /// Digits after the decimal comma: two digits without a leading zero as a number ("2,25" → "hai mươi lăm"),
    /// otherwise one by one ("2,05" → "không năm"), as people read prices and rates.
    static func decimals(_ fraction: some StringProtocol) -> String {
        if fraction.count <= 2, fraction.first != "0", let value = Int(fraction) { return words(value) }
        return digits(fraction)
    }

    /// "1.000.000" or "1000000" → 1000000; nil for misplaced dots ("1.00", "1.001193" is a code, not a number).
    static func grouped(_ text: some StringProtocol) -> Int? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigit) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
            else { return nil }
        }
        guard text.count <= 18 else { return nil }
        return Int(groups.joined())
    }

    /// Reads 1 ≤ n; `full` reads a leading group with its zero hundreds ("không trăm linh năm"),
    /// as needed after a higher unit: 1.005 → "một nghìn không trăm linh năm".
    private static func below(_ n: Int, full: Bool) -> String {
        let units: [(Int, String)] = [(1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn")]
        for (size, name) in units where n >= size {
            let head = n / size, rest = n % size
            // The head of "tỷ" may itself be large (1.000 tỷ → "một nghìn tỷ").
            var text = below(head, full: full) + " " + name
            if rest > 0 { text += " " + below(rest, full: true) }
            return text
        }
        return hundreds(n, full: full)
    }

    /// 0 < n < 1000.
    private static func hundreds(_ n: Int, full: Bool) -> String {
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        guard full || h > 0 else { return tens(t, u) }
        var text = digitWords[h] + " trăm"
        if t == 0 && u == 0 { return text }
        text += t == 0 ? " linh " + digitWords[u] : " " + tens(t, u)
        return text
    }

    /// 0 < 10t + u < 100.
    private static func tens(_ t: Int, _ u: Int) -> String {
        if t == 0 { return digitWords[u] }
        var text = t == 1 ? "mười" : digitWords[t] + " mươi"
        switch u {
        case 0: break
        case 1: text += t == 1 ? " một" : " mốt"
        case 4: text += t == 1 ? " bốn" : " tư"
        case 5: text += " lăm"
        default: text += " " + digitWords[u]
        }
        return text
    }

    /// A day of the month after "ngày": days 1–10 take "mùng" (Northern), "mùng sáu", "mười bốn", "hai mươi tư".
    public static func day(_ d: Int) -> String {
        (1...10).contains(d) ? "mùng " + words(d) : words(d)
    }

    /// A month after "tháng": 4 is "tư" ("tháng tư"); the others are plain numbers ("tháng một", "tháng mười hai").
    public static func month(_ m: Int) -> String {
        m == 4 ? "tư" : words(m)
    }

    /// "ngày mùng sáu tháng một năm hai nghìn không trăm hai mươi hai".
    public static func date(_ date: CalendarDate) -> String {
        "ngày \(day(date.day)) tháng \(month(date.month)) năm \(words(date.year))"
    }

    /// "bảy giờ ba mươi phút"; a zero minute is not read ("bảy giờ") unless seconds follow it
    /// ("bảy giờ bốn mươi chín phút năm mươi lăm giây", "bảy giờ không phút năm giây").
    public static func time(hour: Int, minute: Int, second: Int? = nil) -> String {
        if let second { return "\(words(hour)) giờ \(words(minute)) phút \(words(second)) giây" }
        return minute == 0 ? "\(words(hour)) giờ" : "\(words(hour)) giờ \(words(minute)) phút"
    }

    /// After "thứ": 1 is "nhất" and 4 is "tư" ("thứ nhất", "thứ tư"); the others are plain ("thứ hai", "thứ mười bốn").
    public static func ordinal(_ n: Int) -> String {
        n == 1 ? "nhất" : n == 4 ? "tư" : words(n)
    }

    /// "a phần b": 1/2 → "một phần hai", 3/4 → "ba phần tư" (a quarter is "tư", as in "một phần tư").
    public static func fraction(_ numerator: Int, _ denominator: Int) -> String {
        "\(words(numerator)) phần \(denominator == 4 ? "tư" : words(denominator))"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
