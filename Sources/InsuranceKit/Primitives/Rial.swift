/// Money: a whole number of rials (R-G-01). Never floating point; every operation that could
/// overflow is checked and throws "amount-overflow" instead of trapping.
public struct Rial: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral {
    public let amount: Int64

    public init(_ amount: Int64) { self.amount = amount }
    public init(amount: Int64) { self.amount = amount }
    public init(integerLiteral value: Int64) { amount = value }

    /// For inputs that must not be negative (sums insured, premiums, payments).
    public init(validating raw: Int64) throws {
        guard raw >= 0 else { throw DomainError.negativeAmount }
        amount = raw
    }

    public static func nonNegative(_ raw: Int64) throws -> Rial {
        try Rial(validating: raw)
    }

    public static let zero = Rial(0)

    public var isNegative: Bool { amount < 0 }
    public var isZero: Bool { amount == 0 }

    public static func < (a: Rial, b: Rial) -> Bool { a.amount < b.amount }

    // MARK: Checked arithmetic (R-G-01)

    public func adding(_ other: Rial) throws -> Rial {
        let (r, overflow) = amount.addingReportingOverflow(other.amount)
        guard !overflow else { throw DomainError.amountOverflow }
        return Rial(r)
    }

    public func subtracting(_ other: Rial) throws -> Rial {
        let (r, overflow) = amount.subtractingReportingOverflow(other.amount)
        guard !overflow else { throw DomainError.amountOverflow }
        return Rial(r)
    }

    public func multiplied(by factor: Int64) throws -> Rial {
        let (r, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw DomainError.amountOverflow }
        return Rial(r)
    }

    public func negated() throws -> Rial {
        try Rial.zero.subtracting(self)
    }

    /// R-G-02: the total of a breakdown is the sum of its (already rounded) lines.
    public static func sum(_ items: [Rial]) throws -> Rial {
        var total = Rial.zero
        for item in items { total = try total.adding(item) }
        return total
    }

    // MARK: Exact rounding (R-G-02: once, half away from zero, to a whole rial)

    /// round(numerator / denominator), half away from zero, exact for all Int64 inputs.
    /// A zero denominator throws "invalid-ratio"; a result beyond Int64 throws "amount-overflow".
    public static func rounded(numerator: Int64, denominator: Int64) throws -> Rial {
        guard denominator != 0 else { throw DomainError.invalidRatio }
        guard let r = WideArithmetic.roundedQuotient(numerator, times: 1, over: denominator) else {
            throw DomainError.amountOverflow
        }
        return Rial(r)
    }

    /// round(amount × ratio); the product is kept in 128 bits.
    public func scaled(by ratio: Ratio) throws -> Rial {
        guard let r = WideArithmetic.roundedQuotient(amount, times: ratio.numerator, over: ratio.denominator) else {
            throw DomainError.amountOverflow
        }
        return Rial(r)
    }

    /// round(amount × numerator / denominator), e.g. premium × remaining days / term days
    /// (R-P-07, R-P-08). A zero denominator throws "invalid-ratio".
    public func proRata(numerator: Int64, denominator: Int64) throws -> Rial {
        guard denominator != 0 else { throw DomainError.invalidRatio }
        guard let r = WideArithmetic.roundedQuotient(amount, times: numerator, over: denominator) else {
            throw DomainError.amountOverflow
        }
        return Rial(r)
    }

    /// round(amount × p / 100), exact: 1 % of 1,234,567 = 12,345.67 → 12,346.
    public func percent(_ p: Percent) throws -> Rial {
        guard let r = WideArithmetic.roundedQuotient(
            amount, times: p.value.numerator, over: p.value.denominator, 100) else {
            throw DomainError.amountOverflow
        }
        return Rial(r)
    }

    // MARK: Codable as a plain JSON integer (API money is integer rials, R-G-01)

    public init(from decoder: any Decoder) throws {
        amount = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }
}
