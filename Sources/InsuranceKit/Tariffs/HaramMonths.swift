import Foundation

/// The four haram lunar months (R-TP-10), by their number in the Hijri year.
public enum HaramMonth: Int, Sendable, Hashable, CaseIterable, Codable {
    case muharram = 1
    case rajab = 7
    case dhuAlQadah = 11
    case dhuAlHijjah = 12

    public var persianName: String {
        switch self {
        case .muharram: "محرم"
        case .rajab: "رجب"
        case .dhuAlQadah: "ذی‌القعده"
        case .dhuAlHijjah: "ذی‌الحجه"
        }
    }
}

/// The civil days (Asia/Tehran) of one haram month.
public struct HaramMonthPeriod: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// Foundation's Umm al-Qura calendar.
        case computed
        /// The override table (an official announcement).
        case override
    }

    public let hijriYear: Int
    public let month: HaramMonth
    /// First and last day of the month, both inclusive.
    public let days: ClosedRange<JalaliDate>
    public let source: Source

    public init(hijriYear: Int, month: HaramMonth, days: ClosedRange<JalaliDate>, source: Source = .override) {
        self.hijriYear = hijriYear
        self.month = month
        self.days = days
        self.source = source
    }
}

/// R-TP-10: the haram-month date ranges of each year are data: computed with Foundation's
/// `Calendar(identifier: .islamicUmmAlQura)` in Asia/Tehran, and an override table that wins
/// for the (Hijri year, month) it names. Iran's months follow moon sighting and can differ from
/// Umm al-Qura by a day, so officially announced ranges go into the override table
/// (HaramMonths+Overrides.swift).
public struct HaramMonths: Sendable {
    public let overrides: [HaramMonthPeriod]

    /// Overrides are not checked here; `validate()` is.
    public init(overrides: [HaramMonthPeriod]) {
        self.overrides = overrides
    }

    /// The computed ranges with the shipped override table.
    public static let standard = HaramMonths(overrides: officialOverrides)

    /// R-TP-10 with the standard table.
    public static func isHaram(_ date: JalaliDate) -> Bool {
        standard.isHaram(date)
    }

    /// R-TP-10: true when `date` falls in Muharram, Rajab, Dhu al-Qa'dah or Dhu al-Hijjah.
    public func isHaram(_ date: JalaliDate) -> Bool {
        period(containing: date) != nil
    }

    /// The haram month containing `date`, if any.
    public func period(containing date: JalaliDate) -> HaramMonthPeriod? {
        guard let hijri = Self.hijriDate(of: date) else { return nil }
        // An override may move a boundary by a day or two: look at the neighbouring Hijri years too.
        for year in (hijri.year - 1)...(hijri.year + 1) {
            for month in HaramMonth.allCases {
                if let p = period(hijriYear: year, month: month), p.days.contains(date) { return p }
            }
        }
        return nil
    }

    /// The haram months overlapping Jalali `year` (1403 → Rajab, Dhu al-Qa'dah and Dhu al-Hijjah
    /// 1445, Muharram and Rajab 1446 …), in date order; empty for a year outside 1…3000.
    public func periods(jalaliYear year: Int) -> [HaramMonthPeriod] {
        guard let first = try? JalaliDate(year: year, month: 1, day: 1),
              let last = try? JalaliDate(year: year, month: 12, day: JalaliDate.monthLength(year: year, month: 12)),
              let from = Self.hijriDate(of: first), let to = Self.hijriDate(of: last),
              from.year <= to.year, to.year - from.year < 3 else { return [] }
        var result: [HaramMonthPeriod] = []
        for hijriYear in (from.year - 1)...(to.year + 1) {
            for month in HaramMonth.allCases {
                guard let p = period(hijriYear: hijriYear, month: month),
                      p.days.upperBound >= first, p.days.lowerBound <= last else { continue }
                result.append(p)
            }
        }
        return result.sorted { $0.days.lowerBound < $1.days.lowerBound }
    }

    /// The override for (year, month) when there is one, else the computed range.
    public func period(hijriYear: Int, month: HaramMonth) -> HaramMonthPeriod? {
        overrides.first { $0.hijriYear == hijriYear && $0.month == month }
            ?? Self.computedPeriod(hijriYear: hijriYear, month: month)
    }
}

// MARK: - Umm al-Qura computation (Foundation)

extension HaramMonths {
    /// Umm al-Qura in Tehran's time zone; Hijri dates are read at local noon so a day is never
    /// split by an offset change.
    static let hijriCalendar: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = JalaliDate.tehranTimeZone
        return calendar
    }()

    static let noon: TimeInterval = 12 * 3600

    /// The Umm al-Qura date of a Jalali date: Jalali → instant at Tehran noon (via the Julian Day
    /// Number, i.e. the Gregorian date) → Hijri components. nil if Foundation gives none.
    public static func hijriDate(of date: JalaliDate) -> (year: Int, month: Int, day: Int)? {
        let instant = date.startOfDay(in: JalaliDate.tehranTimeZone).addingTimeInterval(noon)
        let c = hijriCalendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = c.year, let month = c.month, let day = c.day else { return nil }
        return (year, month, day)
    }

    /// The days of `month` of Hijri `hijriYear` per Umm al-Qura, as Tehran civil dates; nil
    /// outside what Foundation can compute.
    public static func computedPeriod(hijriYear: Int, month: HaramMonth) -> HaramMonthPeriod? {
        guard (1...9_999).contains(hijriYear),
              let firstInstant = hijriCalendar.date(
                from: DateComponents(year: hijriYear, month: month.rawValue, day: 1, hour: 12)),
              let length = hijriCalendar.range(of: .day, in: .month, for: firstInstant)?.count,
              (29...30).contains(length) else { return nil }
        let first = JalaliDate(date: firstInstant, timeZone: JalaliDate.tehranTimeZone)
        return HaramMonthPeriod(hijriYear: hijriYear, month: month,
                                days: first...first.adding(days: length - 1), source: .computed)
    }
}

// MARK: - Validation

extension HaramMonths {
    /// Checks the override table; throws "invalid-tariff" (field "tariffs.haramMonths") naming the
    /// first problem: one entry per (year, month), 29 or 30 days, no overlaps, and within two
    /// days of the computed start (catches a typo'd month or year).
    public func validate() throws {
        func fail(_ p: HaramMonthPeriod, _ message: String) -> DomainError {
            DomainError(code: "invalid-tariff",
                        message: "جدول ماه‌های حرام، \(p.month.persianName) \(Normalize.persianDigits(String(p.hijriYear))): \(message)",
                        field: "tariffs.haramMonths")
        }
        for (index, p) in overrides.enumerated() {
            let length = p.days.lowerBound.days(to: p.days.upperBound) + 1
            guard (29...30).contains(length) else { throw fail(p, "ماه قمری باید ۲۹ یا ۳۰ روز باشد.") }
            for other in overrides[..<index] {
                guard !(other.hijriYear == p.hijriYear && other.month == p.month) else {
                    throw fail(p, "این ماه دو بار تعریف شده است.")
                }
                guard !p.days.overlaps(other.days) else { throw fail(p, "بازه با ماه دیگری هم‌پوشانی دارد.") }
            }
            if let computed = Self.computedPeriod(hijriYear: p.hijriYear, month: p.month) {
                let shift = abs(computed.days.lowerBound.days(to: p.days.lowerBound))
                guard shift <= 2 else { throw fail(p, "آغاز ماه بیش از دو روز با تقویم محاسبه‌شده فاصله دارد.") }
            }
        }
    }
}
