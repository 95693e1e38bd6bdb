import Testing
@testable import InsuranceKit

/// Expected Hijri dates are from published Umm al-Qura / Saudi dates, not from the code:
/// - 1 Muharram 1446 = 7 July 2024 (Umm al-Qura; Iran's calendar agrees: ۱۷ تیر ۱۴۰۳) = 1403/04/17.
/// - 1 Muharram 1447 = 26 June 2025 (Umm al-Qura) = 1404/04/05. Iran's sighting may differ by a
///   day (sources disagree on 26 or 27 June): the reason for the override table.
/// - 1 Rajab 1445 = 13 January 2024 (Umm al-Qura; Isra and Mi'raj, 27 Rajab, was 8 February 2024)
///   = 1402/10/23; the day before is Jumada al-Thani.
/// - 1 Dhu al-Hijjah 1445 = 7 June 2024 (Saudi: Eid al-Adha, 10 Dhu al-Hijjah, was 16 June 2024)
///   = 1403/03/18.
/// - 1 Rajab 1446 = 1 January 2025 (Umm al-Qura; Isra and Mi'raj 27 January 2025) = 1403/10/12.
/// - 1 Ramadan 1445 = 11 March 2024 (Saudi announcement, as Umm al-Qura) = 1402/12/21.
/// Gregorian → Jalali by hand: 1403/01/01 = 20 March 2024, 1404/01/01 = 21 March 2025,
/// 1402/10/01 = 22 December 2023.
@Suite("R-TP-10 haram months (Umm al-Qura via Foundation, overridable)")
struct HaramMonthsTests {
    @Test("R-TP-10 Foundation's Umm al-Qura gives the published first days", arguments: [
        ("1403/04/17", 1446, 1, 1),
        ("1404/04/05", 1447, 1, 1),
        ("1402/10/23", 1445, 7, 1),
        ("1403/03/18", 1445, 12, 1),
        ("1403/10/12", 1446, 7, 1),
        ("1402/12/21", 1445, 9, 1),
    ] as [(String, Int, Int, Int)])
    func knownDates(_ date: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let hijri = try #require(HaramMonths.hijriDate(of: try jalali(date)))
        #expect(hijri.year == year)
        #expect(hijri.month == month)
        #expect(hijri.day == day)
    }

    @Test("R-TP-10 inside and outside the haram months", arguments: [
        ("1403/04/17", true),    // 1 Muharram 1446
        ("1403/04/16", true),    // 30 Dhu al-Hijjah 1445: also haram
        ("1403/03/18", true),    // 1 Dhu al-Hijjah 1445
        ("1402/10/23", true),    // 1 Rajab 1445
        ("1402/10/22", false),   // last day of Jumada al-Thani 1445
        ("1402/12/21", false),   // 1 Ramadan 1445
        ("1403/10/12", true),    // 1 Rajab 1446
    ] as [(String, Bool)])
    func isHaram(_ date: String, _ expected: Bool) throws {
        #expect(HaramMonths.isHaram(try jalali(date)) == expected)
    }

    @Test("R-TP-10 the periods of 1403: Dhu al-Qa'dah, Dhu al-Hijjah 1445, Muharram and Rajab 1446")
    func periodsOf1403() throws {
        let periods = HaramMonths.standard.periods(jalaliYear: 1403)
        #expect(periods.map(\.month) == [.dhuAlQadah, .dhuAlHijjah, .muharram, .rajab])
        #expect(periods.map(\.hijriYear) == [1445, 1445, 1446, 1446])
        #expect(periods[1].days.lowerBound == (try jalali("1403/03/18")))
        #expect(periods[2].days.lowerBound == (try jalali("1403/04/17")))
        #expect(periods[3].days.lowerBound == (try jalali("1403/10/12")))
        #expect(periods.allSatisfy { (29...30).contains($0.days.lowerBound.days(to: $0.days.upperBound) + 1) })
        #expect(periods.allSatisfy { $0.source == .computed })
        // consecutive months: Dhu al-Hijjah ends the day before Muharram begins
        #expect(periods[1].days.upperBound.adding(days: 1) == periods[2].days.lowerBound)
    }

    @Test("R-TP-10 the shipped override table validates")
    func shippedOverrides() throws {
        try HaramMonths.standard.validate()
    }

    /// Umm al-Qura (Foundation): Muharram 1447 = 26 June … 25 July 2025 (30 days), so 26 July
    /// (1404/05/04) is 1 Safar. Dhu al-Hijjah 1446 = 28 May … 25 June 2025 (Saudi: Eid al-Adha
    /// 6 June 2025, and 1 Muharram 1447 = 26 June).
    @Test("R-TP-10 an override wins over the computation")
    func overrideWins() throws {
        // given Muharram 1447 announced as 27 June … 26 July 2025 (1404/04/06 … 1404/05/04, 30 days)
        let announced = HaramMonthPeriod(hijriYear: 1447, month: .muharram,
                                         days: try jalali("1404/04/06")...(try jalali("1404/05/04")))
        let table = HaramMonths(overrides: [announced])
        try table.validate()
        // then the announced range replaces the computed one
        #expect(table.period(hijriYear: 1447, month: .muharram) == announced)
        #expect(HaramMonths.standard.period(hijriYear: 1447, month: .muharram)?.source == .computed)
        #expect(table.isHaram(try jalali("1404/05/04")))
        #expect(!HaramMonths.standard.isHaram(try jalali("1404/05/04")))
        // and 26 June, 1 Muharram by Umm al-Qura, is now in no haram month: only the month named
        // is replaced (the table must override Dhu al-Hijjah 1446 too if it had 30 days)
        #expect(HaramMonths.standard.isHaram(try jalali("1404/04/05")))
        #expect(!table.isHaram(try jalali("1404/04/05")))
    }

    @Test("R-TP-10 overrides are validated", arguments: ["31 days", "shifted a week", "duplicate"])
    func invalidOverrides(_ problem: String) throws {
        let good = HaramMonthPeriod(hijriYear: 1447, month: .muharram,
                                    days: try jalali("1404/04/06")...(try jalali("1404/05/04")))
        let overrides: [HaramMonthPeriod]
        switch problem {
        case "31 days":
            overrides = [HaramMonthPeriod(hijriYear: 1447, month: .muharram,
                                          days: try jalali("1404/04/06")...(try jalali("1404/05/05")))]
        case "shifted a week":
            overrides = [HaramMonthPeriod(hijriYear: 1447, month: .muharram,
                                          days: try jalali("1404/04/12")...(try jalali("1404/05/10")))]
        default:
            overrides = [good, good]
        }
        let error = #expect(throws: DomainError.self) { try HaramMonths(overrides: overrides).validate() }
        #expect(error?.code == "invalid-tariff")
        #expect(error?.field == "tariffs.haramMonths")
    }

    @Test("R-TP-10 years far outside the data never trap")
    func extremes() throws {
        _ = HaramMonths.isHaram(.earliestSupported)
        _ = HaramMonths.isHaram(.latestSupported)
        _ = HaramMonths.standard.periods(jalaliYear: 0)
        _ = HaramMonths.standard.periods(jalaliYear: 3000)
    }
}
