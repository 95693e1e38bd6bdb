import Foundation

/// Instants ↔ calendar days in a time zone, by offset arithmetic (no Calendar), R-G-03/R-G-04.
extension JalaliDate {
    /// Asia/Tehran; if the system lacks tzdata, a fixed +03:30 (Iran's offset since 2022, when
    /// daylight saving was abolished).
    public static let tehranTimeZone: TimeZone =
        TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600) ?? TimeZone.current

    /// JDN of 1970-01-01.
    static let unixEpochDayNumber = 2_440_588
    static let secondsPerDay = 86_400

    /// The Jalali date on the wall calendar of `timeZone` at `date` (Tehran by default).
    /// Non-finite or absurd instants clamp to the supported range.
    public init(date: Date, timeZone: TimeZone = JalaliDate.tehranTimeZone) {
        let t = date.timeIntervalSince1970
        guard t.isFinite else {
            self = t > 0 ? .latestSupported : .earliestSupported
            return
        }
        let seconds = Int(Swift.min(Swift.max(t, -1e14), 1e14).rounded(.down))
        let local = seconds + timeZone.secondsFromGMT(for: date)
        self.init(dayNumber: WideArithmetic.floorDiv(local, Self.secondsPerDay) + Self.unixEpochDayNumber)
    }

    /// The first instant of this day in `timeZone` (00:00 local).
    public func startOfDay(in timeZone: TimeZone = JalaliDate.tehranTimeZone) -> Date {
        Self.firstInstant(ofDayNumber: dayNumber, in: timeZone)
    }

    /// "24:00 of D" (R-G-04): the first instant of the next day.
    public func endOfDay(in timeZone: TimeZone = JalaliDate.tehranTimeZone) -> Date {
        Self.firstInstant(ofDayNumber: dayNumber + 1, in: timeZone)
    }

    /// Local midnight → UTC. The offset is taken from a day before and a day after (a zone changes
    /// at most once in between); the candidate whose own offset agrees is midnight. When both agree
    /// (clocks turned back over midnight) the earlier wins; when neither does (clocks jumped over
    /// midnight, as Iran's DST did at 24:00 of 1 Farvardin until 1401) the day starts at the jump,
    /// which is local midnight read with the earlier offset.
    static func firstInstant(ofDayNumber dayNumber: Int, in timeZone: TimeZone) -> Date {
        let local = (dayNumber - unixEpochDayNumber) * secondsPerDay
        func offset(at seconds: Int) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        let early = local - offset(at: local - secondsPerDay)
        let late = local - offset(at: local + secondsPerDay)
        let earlyFits = offset(at: early) == local - early
        let lateFits = offset(at: late) == local - late
        let chosen: Int
        switch (earlyFits, lateFits) {
        case (true, true): chosen = Swift.min(early, late)
        case (true, false): chosen = early
        case (false, true): chosen = late
        case (false, false): chosen = early
        }
        return Date(timeIntervalSince1970: TimeInterval(chosen))
    }
}
