import Foundation
import InsuranceKit

/// The one source of "now" for every rule (losses, notices, penalties, expiry).
/// Injected so that demos (`BIMEH_TODAY`) and tests can fix the date.
public struct BimehClock: Sendable {
    private let fixedToday: JalaliDate?
    private let instant: @Sendable () -> Date

    public init(fixedToday: JalaliDate? = nil, instant: @escaping @Sendable () -> Date = { Date() }) {
        self.fixedToday = fixedToday
        self.instant = instant
    }

    public static let tehran = TimeZone(identifier: "Asia/Tehran")!

    /// The current instant; with a fixed today, that day at the current Tehran time of day.
    public func now() -> Date {
        let real = instant()
        guard let fixedToday else { return real }
        let realToday = JalaliDate(date: real, timeZone: Self.tehran)
        return real.addingTimeInterval(TimeInterval(realToday.days(to: fixedToday)) * 86_400)
    }

    public func today() -> JalaliDate {
        fixedToday ?? JalaliDate(date: instant(), timeZone: Self.tehran)
    }
}
