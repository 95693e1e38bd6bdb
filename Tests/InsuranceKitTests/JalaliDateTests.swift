import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-03 Jalali calendar")
struct JalaliDateTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) throws -> JalaliDate {
        try JalaliDate(year: y, month: m, day: d)
    }

    @Test("R-G-03 leap years by (25·y + 11) mod 33 < 8")
    func leapYears() throws {
        // 1403: 25·1403 + 11 = 35086 = 33·1063 + 7  → 7 < 8 leap
        // 1404: 35111 = 33·1063 + 32                → not leap
        // 1399: 34986 = 33·1060 + 6                 → leap
        // 1408: 35211 = 33·1067 + 0                 → leap
        // 1407: 35186 = 33·1066 + 8                 → not leap
        // 1395: 34886 = 33·1057 + 5                 → leap
        #expect(JalaliDate.isLeap(1403))
        #expect(!JalaliDate.isLeap(1404))
        #expect(JalaliDate.isLeap(1399))
        #expect(JalaliDate.isLeap(1408))
        #expect(!JalaliDate.isLeap(1407))
        #expect(JalaliDate.isLeap(1395))
        _ = JalaliDate.isLeap(Int.min)   // no trap
        _ = JalaliDate.isLeap(Int.max)
        #expect(try date(1403, 12, 30).day == 30)
        #expect(JalaliDate.monthLength(year: 1404, month: 12) == 29)
        #expect(JalaliDate.monthLength(year: 1403, month: 6) == 31)
        #expect(JalaliDate.monthLength(year: 1403, month: 7) == 30)
        #expect(JalaliDate.monthLength(year: 1403, month: 13) == 0)
    }

    @Test("R-G-03 impossible dates throw invalid-date with the date in Persian digits")
    func invalidComponents() throws {
        let error = #expect(throws: DomainError.self) { try date(1404, 12, 30) }
        #expect(error?.code == "invalid-date")
        #expect(error?.message == "تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد.")
        for (y, m, d) in [(1403, 13, 1), (1403, 0, 10), (1403, 7, 31), (1403, 1, 0), (0, 1, 1), (3001, 1, 1),
                          (Int.max, Int.max, Int.max), (Int.min, 1, 1)] {
            #expect(throws: DomainError.self) { try date(y, m, d) }
        }
        #expect(try date(3000, 1, 1).year == 3000)
        #expect(try date(1, 1, 1) == JalaliDate.earliestSupported)
    }

    @Test("R-G-03 day number of 1403/01/01 is JDN 2460390")
    func dayNumber() throws {
        // 1948320 − 1 + 365·1402 + ⌊(8·1403 + 21)/33⌋ + 0 + 1
        // = 1948319 + 511730 + ⌊11245/33⌋ (= 340, 33·340 = 11220) + 1 = 2460390
        #expect(try date(1403, 1, 1).dayNumber == 2_460_390)
        #expect(JalaliDate(dayNumber: 2_460_390) == (try date(1403, 1, 1)))
        #expect(JalaliDate.earliestSupported.dayNumber == 1_948_320)   // the epoch itself
    }

    @Test("R-G-03 known Gregorian conversions", arguments: [
        (1403, 1, 1, 2024, 3, 20),
        (1404, 1, 1, 2025, 3, 21),   // 1403 is leap: 2024-03-20 + 366 days
        (1405, 1, 1, 2026, 3, 21),   // 1404 is not:  2025-03-21 + 365 days
        (1357, 11, 22, 1979, 2, 11),
        (1403, 12, 30, 2025, 3, 20),
    ])
    func gregorian(_ y: Int, _ m: Int, _ d: Int, _ gy: Int, _ gm: Int, _ gd: Int) throws {
        let jalali = try date(y, m, d)
        let gregorian = GregorianDate(year: gy, month: gm, day: gd)
        #expect(jalali.gregorian == gregorian)
        #expect(JalaliDate(gregorian: gregorian) == jalali)
    }

    @Test("R-G-03 Gregorian helpers")
    func gregorianHelpers() {
        // 2024-03-20 by Fliegel–Van Flandern: a = 0, y = 6824, m = 0
        // 20 + 0 + 365·6824 + 1706 − 68 + 17 − 32045 = 2460390
        #expect(GregorianDate(year: 2024, month: 3, day: 20).dayNumber == 2_460_390)
        #expect(GregorianDate(year: 2024, month: 3, day: 20).description == "2024-03-20")
        #expect(GregorianDate(year: 2024, month: 2, day: 30).dayNumber
                == GregorianDate(year: 2024, month: 3, day: 1).dayNumber)   // lenient roll-over
        #expect(!GregorianDate(year: 2023, month: 2, day: 29).isValid)
        #expect(GregorianDate(year: 2024, month: 2, day: 29).isValid)
        _ = JalaliDate(gregorian: GregorianDate(year: Int.max, month: Int.min, day: Int.max))   // no trap
        _ = GregorianDate(dayNumber: Int.min)
    }

    @Test("R-G-03 parsing accepts typed forms", arguments: [
        "1403/5/7", "1403/05/07", "1403-05-07", "۱۴۰۳/۰۵/۰۷", "١٤٠٣/٠٥/٠٧", "  1403/05/07\n",
        "\u{200F}۱۴۰۳/۵/۷\u{200E}", "1403/\u{200E}05/07",
    ])
    func parsing(_ text: String) throws {
        #expect(try JalaliDate(parsing: text) == date(1403, 5, 7))
    }

    @Test("R-G-03 parsing rejects everything else with invalid-date", arguments: [
        "", "garbage", "1403/05", "1403/05/07/01", "1403/05-07", "14030/05/07", "1403/005/07",
        "1403//07", "/05/07", "1403/05/", "1403/05/07x", "99999999999999999999/01/01", "1403 / 05 / 07",
        "+1403/05/07", "1403.05.07", "1404/12/30", "1403/13/01", "1403/00/10", "1403/07/31", "0000/01/01",
        "3001/01/01", "07/05/1403",
    ])
    func parsingRejects(_ text: String) {
        let error = #expect(throws: DomainError.self) { try JalaliDate(parsing: text) }
        #expect(error?.code == "invalid-date")
    }

    @Test("R-G-03 parsing a 10 MB string is rejected, not crashed on")
    func hugeInput() {
        let huge = String(repeating: "1", count: 10_000_000)
        #expect(throws: DomainError.self) { try JalaliDate(parsing: huge) }
    }

    @Test("R-G-03 text forms and month names")
    func text() throws {
        let d = try date(1403, 5, 7)
        #expect(d.description == "1403/05/07")
        #expect(d.persianDescription == "۱۴۰۳/۰۵/۰۷")
        #expect(d.monthName == "مرداد")
        #expect(d.persianLongDescription == "۷ مرداد ۱۴۰۳")
        #expect(JalaliDate.monthNames == ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                                          "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"])
        #expect(try date(1, 1, 1).description == "0001/01/01")
    }

    @Test("R-G-03 Codable as the API string; decoding validates")
    func codable() throws {
        let data = try JSONEncoder().encode([try date(1403, 5, 7)])
        #expect(String(decoding: data, as: UTF8.self) == #"["1403\/05\/07"]"#)
        #expect(try JSONDecoder().decode([JalaliDate].self, from: Data(#"["۱۴۰۳/۵/۷"]"#.utf8)) == [try date(1403, 5, 7)])
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([JalaliDate].self, from: Data(#"["1404/12/30"]"#.utf8))
        }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted")
            return
        }
        #expect((context.underlyingError as? DomainError)?.message == "تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد.")
    }

    @Test("R-G-03 adding days across Esfand and the year end")
    func addingDays() throws {
        #expect(try date(1403, 12, 29).adding(days: 1) == date(1403, 12, 30))   // 1403 leap
        #expect(try date(1403, 12, 29).adding(days: 2) == date(1404, 1, 1))
        #expect(try date(1404, 12, 29).adding(days: 1) == date(1405, 1, 1))     // 1404 not leap
        #expect(try date(1403, 1, 1).adding(days: -1) == date(1402, 12, 29))    // 1402: 35061 ≡ 15, not leap
        #expect(try date(1403, 6, 31).adding(days: 1) == date(1403, 7, 1))
        #expect(try date(1403, 1, 1).adding(days: Int.max) == .latestSupported)
        #expect(try date(1403, 1, 1).adding(days: Int.min) == .earliestSupported)
        #expect(JalaliDate(dayNumber: Int.max) == .latestSupported)
        #expect(JalaliDate(dayNumber: Int.min) == .earliestSupported)
        #expect(throws: DomainError.self) { try JalaliDate(validatingDayNumber: 0) }
    }

    @Test("R-G-03 adding months clamps the day", arguments: [
        ((1403, 6, 31), 1, (1403, 7, 30)),
        ((1403, 11, 30), 1, (1403, 12, 30)),   // 1403 leap: Esfand has 30
        ((1404, 11, 30), 1, (1404, 12, 29)),   // 1404: Esfand has 29
        ((1403, 1, 31), -1, (1402, 12, 29)),
        ((1403, 5, 7), 12, (1404, 5, 7)),
        ((1403, 5, 7), -14, (1402, 3, 7)),     // 1403·12 + 4 − 14 = month index 1402·12 + 2
        ((1403, 12, 30), 12, (1404, 12, 29)),
        ((1403, 5, 7), 0, (1403, 5, 7)),
    ])
    func addingMonths(_ from: (Int, Int, Int), _ months: Int, _ to: (Int, Int, Int)) throws {
        #expect(try date(from.0, from.1, from.2).addingMonths(months) == date(to.0, to.1, to.2))
    }

    @Test("R-G-03 adding months and years stays in range")
    func addingMonthsExtremes() throws {
        #expect(try date(1403, 5, 7).addingMonths(Int.max) == .latestSupported)
        #expect(try date(1403, 5, 7).addingMonths(Int.min) == .earliestSupported)
        #expect(try date(1403, 12, 30).addingYears(1) == date(1404, 12, 29))
        #expect(try date(1403, 12, 30).addingYears(Int.min) == .earliestSupported)
    }

    @Test("R-G-03 days(to:) and ordering")
    func daysBetween() throws {
        // 1403: 6·31 + 5·30 + 30 = 366; 1404: 6·31 + 5·30 + 29 = 365
        #expect(try date(1403, 1, 1).days(to: date(1404, 1, 1)) == 366)
        #expect(try date(1404, 1, 1).days(to: date(1403, 1, 1)) == -366)
        #expect(try date(1404, 1, 1).days(to: date(1405, 1, 1)) == 365)
        #expect(try date(1403, 5, 7) < date(1403, 5, 8))
        #expect(try date(1403, 5, 31) < date(1403, 6, 1))
        #expect(try date(1403, 12, 30) < date(1404, 1, 1))
    }
}
