/// The credit code (کد اعتباری) of R-EL-02: sent by SMS, typed on the public page to spend one
/// inquiry of its quota. Ten digits, never a leading zero (people and spreadsheets drop it).
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    /// 10 ASCII digits, the first non-zero.
    public let value: String

    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> CreditCode {
        let number = UInt64.random(in: 1_000_000_000...9_999_999_999, using: &generator)
        return CreditCode(unchecked: String(number))
    }

    /// Accepts Persian/Arabic digits and spaces or dashes between groups; "invalid-credit-code"
    /// otherwise.
    public init(parsing raw: String) throws {
        guard case .digits(let digits) = IdentifierDigits.scan(raw), digits.count == 10, digits[0] != 0 else {
            throw DomainError.invalidCreditCode
        }
        value = IdentifierDigits.string(digits)
    }

    private init(unchecked value: String) {
        self.value = value
    }

    public var description: String { value }
}
