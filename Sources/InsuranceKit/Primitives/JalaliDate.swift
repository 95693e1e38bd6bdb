/// A calendar date in the Jalali (Solar Hijri) calendar, R-G-03.
///
/// Pure integer arithmetic (no Calendar) because quoting computes many dates. The leap rule is
/// ICU's 33-year cycle, identical to Foundation's `.persian` calendar (a test checks every day of
/// 1950–2100 against it). Supported years: 1…3000; every value of this type is a real date.
public struct JalaliDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Throws "invalid-date" unless year is 1…3000, month 1…12 and day exists in that month
    /// (e.g. 1404/12/30 does not: 1404 is not a leap year).
    public init(year: Int, month: Int, day: Int) throws {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.monthLength(year: year, month: month) else {
            throw DomainError.nonexistentDate(year: year, month: month, day: day)
        }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static let supportedYears = 1...3000
    public static let earliestSupported = JalaliDate(unchecked: 1, 1, 1)
    public static let latestSupported = JalaliDate(unchecked: 3000, 12, monthLength(year: 3000, month: 12))

    // MARK: Calendar rules

    /// ICU's rule: leap iff (25·y + 11) mod 33 < 8 (floor mod). Reducing y mod 33 first keeps
    /// any Int input overflow-free.
    public static func isLeap(_ year: Int) -> Bool {
        WideArithmetic.floorMod(25 * WideArithmetic.floorMod(year, 33) + 11, 33) < 8
    }

    /// Months 1–6 have 31 days, 7–11 have 30, Esfand 29 (30 in a leap year); 0 for a bad month.
    public static func monthLength(year: Int, month: Int) -> Int {
        switch month {
        case 1...6: return 31
        case 7...11: return 30
        case 12: return isLeap(year) ? 30 : 29
        default: return 0
        }
    }

    /// Days before the first of each month (index = month − 1).
    static let daysBeforeMonth = [0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336]
    /// JDN of 1/01/01 (ICU's PERSIAN_EPOCH).
    static let epochDayNumber = 1_948_320

    /// Julian Day Number: 1403/01/01 → 2460390 (= Gregorian 2024-03-20).
    public var dayNumber: Int {
        Self.epochDayNumber - 1 + 365 * (year - 1) + WideArithmetic.floorDiv(8 * year + 21, 33)
            + Self.daysBeforeMonth[month - 1] + day
    }

    /// The date of a Julian Day Number. Day numbers outside years 1…3000 are clamped to the
    /// first/last supported day (this initializer never fails or traps); use
    /// `init(validatingDayNumber:)` to reject them instead.
    public init(dayNumber: Int) {
        let jdn = Swift.min(Swift.max(dayNumber, Self.firstDayNumber), Self.lastDayNumber)
        let daysSinceEpoch = jdn - Self.epochDayNumber
        let year = 1 + WideArithmetic.floorDiv(33 * daysSinceEpoch + 3, 12_053)
        let dayOfYear = daysSinceEpoch - (365 * (year - 1) + WideArithmetic.floorDiv(8 * year + 21, 33))
        let monthIndex = dayOfYear < 216 ? dayOfYear / 31 : (dayOfYear - 6) / 30
        self.init(unchecked: year, monthIndex + 1, dayOfYear - Self.daysBeforeMonth[monthIndex] + 1)
    }

    public init(validatingDayNumber dayNumber: Int) throws {
        guard (Self.firstDayNumber...Self.lastDayNumber).contains(dayNumber) else { throw DomainError.invalidDate }
        self.init(dayNumber: dayNumber)
    }

    static let firstDayNumber = earliestSupported.dayNumber
    static let lastDayNumber = latestSupported.dayNumber

    // MARK: Arithmetic

    /// The date `days` later (earlier when negative), clamped to the supported range.
    public func adding(days: Int) -> JalaliDate {
        let (target, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latestSupported : .earliestSupported }
        return JalaliDate(dayNumber: target)
    }

    /// Calendar months later (earlier when negative); the day is clamped to the target month's
    /// length: 1403/06/31 + 1 → 1403/07/30, 1404/11/30 + 1 → 1404/12/29. Clamped to the
    /// supported range.
    public func addingMonths(_ months: Int) -> JalaliDate {
        let maxShift = 12 * (Self.supportedYears.upperBound + 1)   // anything larger leaves the range
        let shift = Swift.min(Swift.max(months, -maxShift), maxShift)
        let index = (year - 1) * 12 + (month - 1) + shift
        guard index >= 0 else { return .earliestSupported }
        let y = index / 12 + 1, m = index % 12 + 1
        guard y <= Self.supportedYears.upperBound else { return .latestSupported }
        return JalaliDate(unchecked: y, m, Swift.min(day, Self.monthLength(year: y, month: m)))
    }

    /// Whole years later (earlier when negative): 1403/12/30 + 1 year → 1404/12/29.
    public func addingYears(_ years: Int) -> JalaliDate {
        let bound = Self.supportedYears.upperBound + 1   // keeps years × 12 overflow-free
        return addingMonths(Swift.min(Swift.max(years, -bound), bound) * 12)
    }

    /// other − self in days (positive when `other` is later).
    public func days(to other: JalaliDate) -> Int {
        other.dayNumber - dayNumber
    }

    public static func < (a: JalaliDate, b: JalaliDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
