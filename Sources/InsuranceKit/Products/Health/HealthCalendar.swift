/// The dates of health cover and health claims (R-G-04, R-SH-07, R-SH-09): who is covered on
/// which days, how long an introduction letter lasts, and a center's statement months.
public enum HealthCalendar: Sendable {
    /// R-G-04: cover runs from 24:00 of the start day, so its first covered day is the next one;
    /// the end day is covered to 24:00.
    public static func window(start: JalaliDate, end: JalaliDate) -> (from: JalaliDate, to: JalaliDate) {
        (start.adding(days: 1), end)
    }

    /// A person added by an endorsement effective on `effective` is covered from the next day to
    /// the policy's end; one removed (or a cancellation) stops at 24:00 of `effective` itself.
    public static func added(effective: JalaliDate, end: JalaliDate) -> (from: JalaliDate, to: JalaliDate) {
        window(start: effective, end: end)
    }

    /// R-SH-07: a letter issued on `issuedOn` is valid for this many days after it.
    public static let introductionDays = 30

    public static func introductionValidTo(issuedOn: JalaliDate) -> JalaliDate {
        issuedOn.adding(days: introductionDays)
    }

    /// R-SH-07: a letter serves one claim whose service falls within its days:
    /// "introduction-used", "introduction-expired" (field "introduction").
    public static func checkIntroduction(serviceDate: JalaliDate, issuedOn: JalaliDate, validTo: JalaliDate, used: Bool, number: String) throws {
        guard !used else {
            throw DomainError(code: "introduction-used", message: "معرفی‌نامهٔ \(Normalize.persianDigits(number)) پیش‌تر به کار رفته است.", field: "introduction")
        }
        guard serviceDate >= issuedOn, serviceDate <= validTo else {
            throw DomainError(code: "introduction-expired",
                              message: "معرفی‌نامهٔ \(Normalize.persianDigits(number)) تا \(validTo.persianDescription) اعتبار دارد و تاریخ خدمت در آن نیست.",
                              field: "introduction")
        }
    }

    /// A claim is for a service already given: "service-date-in-future" (field "serviceDate").
    public static func checkServiceDate(_ serviceDate: JalaliDate, today: JalaliDate) throws {
        guard serviceDate <= today else {
            throw DomainError(code: "service-date-in-future", message: "تاریخ خدمت هنوز نرسیده است.", field: "serviceDate")
        }
    }

    /// The statement month of a day, `yyyy/mm`.
    public static func month(of day: JalaliDate) -> String { String(day.description.prefix(7)) }

    /// A statement month: its key and first day; "nonexistent-date" for month 13 or a year out of range.
    public static func month(year: Int, month: Int) throws -> (key: String, first: JalaliDate) {
        let first = try JalaliDate(year: year, month: month, day: 1)
        return (self.month(of: first), first)
    }

    /// R-SH-07: a month's statement is approved once it has ended: "month-not-ended".
    public static func checkMonthEnded(first: JalaliDate, today: JalaliDate) throws {
        guard today >= first.addingMonths(1) else {
            throw DomainError(code: "month-not-ended", message: "صورت‌حساب ماه \(Normalize.persianDigits(month(of: first))) پس از پایان ماه تأیید می‌شود.", field: nil)
        }
    }
}
