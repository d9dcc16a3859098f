@testable import MotCuaKit
import Testing

@Suite("Radio: numbers in words")
struct RadioNumberReaderTests {
    @Test(arguments: [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (1_000, "một nghìn"),
        (1_005, "một nghìn không trăm linh năm"),
        (1_050, "một nghìn không trăm năm mươi"),
        (10_000, "mười nghìn"),
        (100_000, "một trăm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_000_000_000, "một tỷ"),
        (2_000_000_000, "hai tỷ"),
        (1_005_000_000, "một tỷ không trăm linh năm triệu"),
        (1_000_000_000_000, "một nghìn tỷ"),
        (2022, "hai nghìn không trăm hai mươi hai"),
        (2026, "hai nghìn không trăm hai mươi sáu"),
        (200_000, "hai trăm nghìn"),
        (-3, "âm ba"),
    ])
    func words(_ n: Int, _ expected: String) {
        #expect(VietnameseNumberReader.words(n) == expected)
    }

    @Test(arguments: [
        ("10.000", "mười nghìn"),
        ("1.000.000", "một triệu"),
        ("2,5", "hai phẩy năm"),
        ("2,25", "hai phẩy hai mươi lăm"),
        ("2,05", "hai phẩy không năm"),
        ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
    ])
    func written(_ text: String, _ expected: String) {
        #expect(VietnameseNumberReader.written(text) == expected)
    }

    @Test(arguments: ["1.00", "1.001193", "abc", "2,", "1,2,3"])
    func notWrittenNumbers(_ text: String) {
        #expect(VietnameseNumberReader.written(text) == nil)
    }

    @Test func digitsAndPhoneGroups() {
        #expect(VietnameseNumberReader.digits("0220") == "không hai hai không")
        #expect(VietnameseNumberReader.phone("0220 3 123 456") == "không hai hai không, ba, một hai ba, bốn năm sáu")
        #expect(VietnameseNumberReader.phone("0912.345.678") == "không chín một hai, ba bốn năm, sáu bảy tám")
    }

    @Test(arguments: [
        (1, 1, "ngày mùng một tháng một"),
        (6, 1, "ngày mùng sáu tháng một"),
        (10, 4, "ngày mùng mười tháng tư"),
        (11, 11, "ngày mười một tháng mười một"),
        (14, 2, "ngày mười bốn tháng hai"),
        (24, 12, "ngày hai mươi tư tháng mười hai"),
        (31, 5, "ngày ba mươi mốt tháng năm"),
    ])
    func dayAndMonth(_ day: Int, _ month: Int, _ expected: String) {
        let date = CalendarDate(year: 2022, month: month, day: day)!
        #expect(VietnameseNumberReader.date(date) == expected + " năm hai nghìn không trăm hai mươi hai")
    }

    @Test func times() {
        #expect(VietnameseNumberReader.time(hour: 7, minute: 30) == "bảy giờ ba mươi phút")
        #expect(VietnameseNumberReader.time(hour: 7, minute: 0) == "bảy giờ")
        #expect(VietnameseNumberReader.time(hour: 13, minute: 5) == "mười ba giờ năm phút")
    }
}
