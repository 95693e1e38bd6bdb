/// A Jalali month of the statistics store and its reports (R-P-10, R-RP-01): validated once, so
/// that month 13 or year 99999 never reach a query.
public struct ReportMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// `invalid-month` outside 1…12, `invalid-year` outside the calendar's supported years.
    public init(year: Int, month: Int) throws {
        guard JalaliDate.supportedYears.contains(year) else {
            throw DomainError(code: "invalid-year", message: "سال \(year) معتبر نیست؛ سال شمسی چهاررقمی بنویسید (مثلاً ۱۴۰۵).", field: "year")
        }
        guard (1...12).contains(month) else {
            throw DomainError(code: "invalid-month", message: "ماه \(month) معتبر نیست؛ ماه عددی از ۱ تا ۱۲ است.", field: "month")
        }
        self.year = year
        self.month = month
    }

    /// The month a date falls in (the Jalali month of effect).
    public init(_ date: JalaliDate) {
        year = date.year
        month = date.month
    }

    /// `yyyymm`, the stored form: ordered like the months themselves.
    public init(key: Int) throws { try self.init(year: key / 100, month: key % 100) }
    public var key: Int { year * 100 + month }

    public var first: JalaliDate { JalaliDate(unchecked: year, month, 1) }
    public var last: JalaliDate { JalaliDate(unchecked: year, month, JalaliDate.monthLength(year: year, month: month)) }
    public var next: ReportMonth { month == 12 ? ReportMonth(unchecked: year + 1, 1) : ReportMonth(unchecked: year, month + 1) }
    public var previous: ReportMonth { month == 1 ? ReportMonth(unchecked: year - 1, 12) : ReportMonth(unchecked: year, month - 1) }

    /// `1405/01`.
    public var description: String { "\(year)/" + (month < 10 ? "0\(month)" : "\(month)") }
    /// «فروردین ۱۴۰۵».
    public var persianDescription: String { "\(JalaliDate.monthNames[month - 1]) \(Normalize.persianDigits(String(year)))" }

    public static func < (a: ReportMonth, b: ReportMonth) -> Bool { a.key < b.key }

    /// `month-not-begun`: a report or close of a month after today's.
    public func checkBegun(today: JalaliDate) throws {
        guard self <= ReportMonth(today) else {
            throw DomainError(code: "month-not-begun", message: "ماه \(persianDescription) هنوز آغاز نشده است؛ گزارش و بستن ماه فقط برای ماه‌های آغازشده است.", field: "month")
        }
    }

    /// `month-not-ended`: R-RP-02 closes a month only after its last day.
    public func checkEnded(today: JalaliDate) throws {
        try checkBegun(today: today)
        guard self < ReportMonth(today) else {
            throw DomainError(code: "month-not-ended", message: "ماه \(persianDescription) هنوز تمام نشده است؛ بستن ماه پس از روز آخر آن ممکن است.", field: "month")
        }
    }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}
