/// Iranian national code (کد ملی) of a natural person, R-G-05.
///
/// Always 10 ASCII digits with a valid check digit; 8–9 digit input is left-padded with zeros
/// (people drop leading zeros, e.g. "11537027" → "0011537027").
public struct NationalCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 10 ASCII digits.
    public let value: String

    public init(_ raw: String) throws {
        let digits: [UInt8]
        switch IdentifierDigits.scan(raw) {
        case .empty:
            throw DomainError.invalidNationalCode.withMessage("کد ملی وارد نشده است.")
        case .nonDigit:
            throw DomainError.invalidNationalCode.withMessage("کد ملی فقط باید شامل رقم باشد.")
        case .tooLong:
            throw DomainError.invalidNationalCode.withMessage("کد ملی باید ۱۰ رقم باشد.")
        case .digits(let d):
            digits = d
        }
        guard (8...10).contains(digits.count) else {
            throw DomainError.invalidNationalCode.withMessage("کد ملی باید ۱۰ رقم باشد.")
        }
        let padded = [UInt8](repeating: 0, count: 10 - digits.count) + digits
        // Every all-same-digit code passes the checksum (Σ weights = 54 ≡ −1 mod 11), hence the
        // explicit rule in R-G-05.
        guard !IdentifierDigits.allSame(padded),
              Self.checkDigit(padded[0..<9]) == Int(padded[9]) else {
            throw DomainError.invalidNationalCode
        }
        value = IdentifierDigits.string(padded)
    }

    public static func isValid(_ raw: String) -> Bool {
        (try? NationalCode(raw)) != nil
    }

    /// R-G-05 check digit for the first nine digits given as a number 0…999_999_999
    /// (leading zeros implied). nil when out of range.
    public static func checkDigit(forFirstNine prefix: Int) -> Int? {
        guard let digits = nineDigits(prefix) else { return nil }
        return checkDigit(digits[...])
    }

    /// R-G-05 check digit for nine digits given as text ("007622964"); nil unless exactly nine
    /// digits after normalization.
    public static func checkDigit(forFirstNine text: String) -> Int? {
        guard case .digits(let digits) = IdentifierDigits.scan(text), digits.count == 9 else { return nil }
        return checkDigit(digits[...])
    }

    /// A valid code built from a nine-digit prefix (0…999_999_999) and its check digit, for data
    /// generators. nil when out of range or when the result would be all-same-digit.
    public static func make(prefix: Int) -> NationalCode? {
        guard let nine = nineDigits(prefix) else { return nil }
        let digits = nine + [UInt8(checkDigit(nine[...]))]
        guard !IdentifierDigits.allSame(digits) else { return nil }
        return NationalCode(uncheckedDigits: digits)
    }

    public var description: String { value }

    // MARK: Codable as a plain string; decoding validates.

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { self = try NationalCode(raw) } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: Internals

    private init(uncheckedDigits digits: [UInt8]) {
        value = IdentifierDigits.string(digits)
    }

    /// r = Σ dᵢ·(10 − i), i = 0…8, mod 11; c = r if r < 2 else 11 − r (R-G-05).
    static func checkDigit(_ nine: ArraySlice<UInt8>) -> Int {
        var sum = 0
        for (i, d) in zip(0..., nine) { sum += Int(d) * (10 - i) }
        let r = sum % 11
        return r < 2 ? r : 11 - r
    }

    private static func nineDigits(_ prefix: Int) -> [UInt8]? {
        guard (0...999_999_999).contains(prefix) else { return nil }
        var digits = [UInt8](repeating: 0, count: 9)
        var rest = prefix
        for i in stride(from: 8, through: 0, by: -1) {
            digits[i] = UInt8(rest % 10)
            rest /= 10
        }
        return digits
    }
}
