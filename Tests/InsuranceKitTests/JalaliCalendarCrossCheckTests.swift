import Foundation
import Testing
@testable import InsuranceKit

/// Property tests: the integer arithmetic against Foundation's independent calendars.
@Suite("R-G-03 calendar cross-checks")
struct JalaliCalendarCrossCheckTests {
    @Test("R-G-03 every day 1950-01-01 … 2100-12-31 equals Foundation's .persian and .gregorian")
    func foundationAgreement() throws {
        let gmt = try #require(TimeZone(identifier: "GMT"))
        var persian = Calendar(identifier: .persian)
        persian.timeZone = gmt
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = gmt
        // JDN 2440588 = 1970-01-01. 1950-01-01 is 20·365 + 5 leap days = 7305 days earlier → 2433283.
        // 2101-01-01 is 131·365 + 32 leap days (1972…2096; 2100 is not leap) = 47847 days later
        // → 2488435, so 2100-12-31 is 2488434: 55,152 days in all.
        let first = 2_433_283, last = 2_488_434
        var mismatches = 0
        for jdn in first...last {
            let noon = Date(timeIntervalSince1970: TimeInterval((jdn - 2_440_588) * 86_400 + 43_200))
            let p = persian.dateComponents([.year, .month, .day], from: noon)
            let g = gregorian.dateComponents([.year, .month, .day], from: noon)
            let jalali = JalaliDate(dayNumber: jdn)
            let greg = GregorianDate(dayNumber: jdn)
            if (jalali.year, jalali.month, jalali.day) != (p.year, p.month, p.day)
                || (greg.year, greg.month, greg.day) != (g.year, g.month, g.day)
                || jalali.dayNumber != jdn || JalaliDate(gregorian: greg) != jalali {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("JDN \(jdn): ours \(jalali) / \(greg), Foundation \(p) / \(g)")
                }
            }
        }
        #expect(mismatches == 0)
        #expect(GregorianDate(dayNumber: first) == GregorianDate(year: 1950, month: 1, day: 1))
        #expect(GregorianDate(dayNumber: last) == GregorianDate(year: 2100, month: 12, day: 31))
    }

    @Test("R-G-03 dayNumber round trip and successor rule over all supported years")
    func roundTripWholeRange() {
        // Each next day is day + 1, or the 1st of the next month after the month's last day: an
        // independent statement of the inverse, checked for years 1…3000.
        var previous = JalaliDate.earliestSupported
        var failures = 0
        let firstDay = previous.dayNumber, lastDay = JalaliDate.latestSupported.dayNumber
        for jdn in (firstDay + 1)...lastDay {
            let current = JalaliDate(dayNumber: jdn)
            let expected: (Int, Int, Int)
            if previous.day < JalaliDate.monthLength(year: previous.year, month: previous.month) {
                expected = (previous.year, previous.month, previous.day + 1)
            } else if previous.month < 12 {
                expected = (previous.year, previous.month + 1, 1)
            } else {
                expected = (previous.year + 1, 1, 1)
            }
            if (current.year, current.month, current.day) != expected || current.dayNumber != jdn {
                failures += 1
            }
            previous = current
        }
        #expect(failures == 0)
        #expect(previous == JalaliDate.latestSupported)
    }

    @Test("R-G-03 days(to:) agrees with day counting")
    func daysConsistency() throws {
        let a = try JalaliDate(year: 1380, month: 7, day: 15)
        for offset in stride(from: -20_000, through: 20_000, by: 37) {
            let b = a.adding(days: offset)
            #expect(a.days(to: b) == offset)
            #expect(b.days(to: a) == -offset)
        }
    }
}
