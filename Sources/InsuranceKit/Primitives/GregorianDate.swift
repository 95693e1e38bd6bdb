/// A proleptic Gregorian calendar date, for conversions and interfaces that need one (R-G-03).
/// A plain value: it is not validated (see `isValid`); conversions treat out-of-range months
/// and days leniently (2024-02-30 is 2024-03-01), as Foundation does.
public struct GregorianDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func monthLength(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeap(year) ? 29 : 28
        default: return 0
        }
    }

    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.monthLength(year: year, month: month)
    }

    /// Julian Day Number (Fliegel–Van Flandern with floor division, so it is proleptic for all
    /// years). Inputs are clamped to ±1,000,000 years so no arithmetic can overflow.
    public var dayNumber: Int {
        let months = Swift.min(Swift.max(month, -12_000_000), 12_000_000)
        let y = Swift.min(Swift.max(year, -1_000_000), 1_000_000) + WideArithmetic.floorDiv(months - 1, 12)
        let m = WideArithmetic.floorMod(months - 1, 12) + 1
        let d = Swift.min(Swift.max(day, -400_000_000), 400_000_000)
        let a = (14 - m) / 12
        let yy = y + 4800 - a
        let mm = m + 12 * a - 3
        return d + (153 * mm + 2) / 5 + 365 * yy + WideArithmetic.floorDiv(yy, 4)
            - WideArithmetic.floorDiv(yy, 100) + WideArithmetic.floorDiv(yy, 400) - 32_045
    }

    /// The Gregorian date of a Julian Day Number (Richards' inverse, floor division throughout).
    public init(dayNumber: Int) {
        let j = Swift.min(Swift.max(dayNumber, -1_000_000_000_000), 1_000_000_000_000)
        let a = j + 32_044
        let b = WideArithmetic.floorDiv(4 * a + 3, 146_097)
        let c = a - WideArithmetic.floorDiv(146_097 * b, 4)
        let d = WideArithmetic.floorDiv(4 * c + 3, 1461)
        let e = c - WideArithmetic.floorDiv(1461 * d, 4)
        let m = WideArithmetic.floorDiv(5 * e + 2, 153)
        self.init(year: 100 * b + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10),
                  day: e - WideArithmetic.floorDiv(153 * m + 2, 5) + 1)
    }

    /// ISO 8601 calendar date: "2024-03-20".
    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let t = String(n)
            return n >= 0 && t.count < w ? String(repeating: "0", count: w - t.count) + t : t
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: GregorianDate, b: GregorianDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension JalaliDate {
    /// The Jalali date of a Gregorian date (via the Julian Day Number; clamped to years 1…3000).
    public init(gregorian: GregorianDate) {
        self.init(dayNumber: gregorian.dayNumber)
    }

    public var gregorian: GregorianDate {
        GregorianDate(dayNumber: dayNumber)
    }
}
