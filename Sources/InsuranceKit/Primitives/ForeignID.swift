/// Foreign national ID (شناسه اتباع خارجی / FIDA), R-G-05: 12 digits, format only (no public
/// checksum); all-same-digit is rejected as obvious filler.
public struct ForeignID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 12 ASCII digits.
    public let value: String

    public init(_ raw: String) throws {
        guard case .digits(let digits) = IdentifierDigits.scan(raw), digits.count == 12 else {
            throw DomainError.invalidForeignID
        }
        guard !IdentifierDigits.allSame(digits) else {
            throw DomainError.invalidForeignID.withMessage("شناسه اتباع خارجی معتبر نیست.")
        }
        value = IdentifierDigits.string(digits)
    }

    public static func isValid(_ raw: String) -> Bool {
        (try? ForeignID(raw)) != nil
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { self = try ForeignID(raw) } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
