/// How money and dates are written on a Vietnamese government page.
public enum VietnameseFormat {
    /// 8000 → "8.000": the dot separates thousands.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// 0 → "Miễn lệ phí", 8000 → "8.000 đồng".
    public static func fee(_ amount: Int) -> String {
        amount == 0 ? "Miễn lệ phí" : "\(grouped(amount)) đồng"
    }

    /// 2014-11-20 → "20/11/2014".
    public static func date(_ date: CalendarDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}
