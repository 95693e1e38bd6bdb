import Foundation

/// The period of a policy "from D1 to D2" (R-G-04): cover runs from 24:00 of D1 to 24:00 of D2
/// in Asia/Tehran, and the term is D2 − D1 days.
public struct PolicyTerm: Hashable, Sendable, Codable {
    public let start: JalaliDate
    public let end: JalaliDate

    /// Throws "invalid-term" unless `to` is after `from` (a zero-day term covers nothing).
    public init(from start: JalaliDate, to end: JalaliDate) throws {
        guard start < end else { throw DomainError.invalidTerm }
        self.start = start
        self.end = end
    }

    /// A term of whole years from `start` (1403/01/01, 1 → to 1404/01/01).
    public init(from start: JalaliDate, years: Int) throws {
        try self.init(from: start, to: start.addingYears(years))
    }

    /// D2 − D1 (R-G-04).
    public var days: Int { start.days(to: end) }

    /// 24:00 of the start day, Tehran (exclusive bound).
    public var coverBegins: Date { start.endOfDay(in: JalaliDate.tehranTimeZone) }

    /// 24:00 of the end day, Tehran (inclusive bound).
    public var coverEnds: Date { end.endOfDay(in: JalaliDate.tehranTimeZone) }

    /// R-G-04: covered iff D1 24:00 < t ≤ D2 24:00.
    public func covers(_ instant: Date) -> Bool {
        coverBegins < instant && instant <= coverEnds
    }

    /// A loss dated on calendar day D (no time known) is covered iff D1 < D ≤ D2: the whole of
    /// such a day lies inside (D1 24:00, D2 24:00].
    public func covers(lossDate: JalaliDate) -> Bool {
        start < lossDate && lossDate <= end
    }

    /// Days of cover left when cover stops at 24:00 of `date`, clamped to 0…days
    /// (pro-rata refunds and endorsements, R-P-07/R-P-08).
    public func remainingDays(at date: JalaliDate) -> Int {
        Swift.min(Swift.max(date.days(to: end), 0), days)
    }

    /// Days of cover used up to 24:00 of `date`, clamped to 0…days (short-period table, T-SP).
    public func elapsedDays(at date: JalaliDate) -> Int {
        Swift.min(Swift.max(start.days(to: date), 0), days)
    }

    // Decoding validates like the initializer.
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let start = try c.decode(JalaliDate.self, forKey: .start)
        let end = try c.decode(JalaliDate.self, forKey: .end)
        do { try self.init(from: start, to: end) } catch let error as DomainError {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: error.message)
        }
    }
}
