/// National ID of a legal entity (شناسه ملی اشخاص حقوقی), R-G-05: 11 digits with a check digit.
public struct LegalID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 11 ASCII digits.
    public let value: String

    public init(_ raw: String) throws {
        guard case .digits(let digits) = IdentifierDigits.scan(raw), digits.count == 11 else {
            throw DomainError.invalidLegalID.withMessage("شناسه ملی اشخاص حقوقی باید ۱۱ رقم باشد.")
        }
        // All-same-digit is rejected as for national codes: 33333333333 passes the checksum
        // (3k + 2 ≡ 0 mod 11 for k = 3) but is not a real ID.
        guard !IdentifierDigits.allSame(digits), Self.checkDigit(digits) == Int(digits[10]) else {
            throw DomainError.invalidLegalID
        }
        value = IdentifierDigits.string(digits)
    }

    public static func isValid(_ raw: String) -> Bool {
        (try? LegalID(raw)) != nil
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { self = try LegalID(raw) } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static let weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17]

    /// R-G-05: d = d₁₀ + 2; r = Σ (dᵢ + d)·wᵢ over the first 10 digits, mod 11; r = 10 → 0.
    static func checkDigit(_ digits: [UInt8]) -> Int {
        let d = Int(digits[9]) + 2
        var sum = 0
        for i in 0..<10 { sum += (Int(digits[i]) + d) * weights[i] }
        let r = sum % 11
        return r == 10 ? 0 : r
    }
}
