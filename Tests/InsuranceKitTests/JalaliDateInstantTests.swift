import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-03 Jalali dates of instants in Asia/Tehran")
struct JalaliDateInstantTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) throws -> JalaliDate {
        try JalaliDate(year: y, month: m, day: d)
    }

    @Test("R-G-03 the Tehran date flips at local midnight (+03:30 since 1401)")
    func tehranMidnight() throws {
        // 2024-03-19T20:30:00Z + 03:30 = 2024-03-20 00:00 Tehran = 1403/01/01
        #expect(JalaliDate(date: instant("2024-03-19T20:29:59Z")) == (try date(1402, 12, 29)))
        #expect(JalaliDate(date: instant("2024-03-19T20:30:00Z")) == (try date(1403, 1, 1)))
        #expect(try date(1403, 1, 1).startOfDay() == instant("2024-03-19T20:30:00Z"))
        #expect(try date(1403, 1, 1).endOfDay() == instant("2024-03-20T20:30:00Z"))
        // the same instant in UTC is still 1402/12/29 (2024-03-19)
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(JalaliDate(date: instant("2024-03-19T20:30:00Z"), timeZone: utc) == (try date(1402, 12, 29)))
    }

    @Test("R-G-03 daylight-saving years use +04:30 in summer")
    func daylightSaving() throws {
        // 1399/03/13 = 2020-06-02 (1399/01/01 = 2020-03-20; +31 +31 +12 days).
        // Summer 2020 Tehran was +04:30: 2020-06-02 00:00 local = 2020-06-01T19:30:00Z.
        #expect(JalaliDate(date: instant("2020-06-01T19:29:59Z")) == (try date(1399, 3, 12)))
        #expect(JalaliDate(date: instant("2020-06-01T19:30:00Z")) == (try date(1399, 3, 13)))
        #expect(try date(1399, 3, 13).startOfDay() == instant("2020-06-01T19:30:00Z"))
        // Clocks jumped 24:00 → 01:00 at the end of 1399/01/01: the 2nd begins at that jump,
        // 2020-03-21 00:00 read at +03:30 = 2020-03-20T20:30:00Z.
        #expect(try date(1399, 1, 2).startOfDay() == instant("2020-03-20T20:30:00Z"))
        // Clocks went back 24:00 → 23:00 at the end of 1399/06/30: midnight happens once,
        // at +03:30: 2020-09-21 00:00 = 2020-09-20T20:30:00Z.
        #expect(try date(1399, 6, 31).startOfDay() == instant("2020-09-20T20:30:00Z"))
    }

    @Test("R-G-03/R-G-04 start of day equals Foundation's for every day 1380…1410 in Tehran")
    func startOfDayAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = JalaliDate.tehranTimeZone
        var day = try date(1380, 1, 1)
        let last = try date(1410, 12, 29)
        var mismatches = 0
        while day <= last {
            let start = day.startOfDay()
            let foundation = calendar.startOfDay(for: start.addingTimeInterval(12 * 3600))
            if start != foundation || JalaliDate(date: start) != day
                || JalaliDate(date: start.addingTimeInterval(-1)) != day.adding(days: -1) {
                mismatches += 1
                if mismatches <= 5 { Issue.record("\(day): ours \(start), Foundation \(foundation)") }
            }
            day = day.adding(days: 1)
        }
        #expect(mismatches == 0)
    }

    @Test("R-G-03 non-finite and far instants clamp instead of trapping")
    func extremes() {
        #expect(JalaliDate(date: Date(timeIntervalSince1970: .infinity)) == .latestSupported)
        #expect(JalaliDate(date: Date(timeIntervalSince1970: -.infinity)) == .earliestSupported)
        #expect(JalaliDate(date: Date(timeIntervalSince1970: .nan)) == .earliestSupported)
        #expect(JalaliDate(date: Date(timeIntervalSince1970: 1e300)) == .latestSupported)
        #expect(JalaliDate(date: .distantPast) == .earliestSupported)
    }
}
