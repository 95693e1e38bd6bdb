/// An Iranian mobile number, stored as `09XXXXXXXXX`. Accepts `+98…`, `0098…`, `98…`, `9…`,
/// Persian or Arabic digits, spaces and dashes.
public struct MobileNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws {
        var digits = Normalize.identifier(raw)
        if digits.hasPrefix("+") { digits.removeFirst() }
        guard digits.count <= 14, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DomainError.invalidMobile
        }
        if digits.hasPrefix("0098") { digits = "0" + digits.dropFirst(4) }
        else if digits.hasPrefix("98") && digits.count == 12 { digits = "0" + digits.dropFirst(2) }
        else if digits.hasPrefix("9") && digits.count == 10 { digits = "0" + digits }
        guard digits.count == 11, digits.hasPrefix("09") else { throw DomainError.invalidMobile }
        value = digits
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension DomainError {
    public static let invalidMobile = DomainError(code: "invalid-mobile", message: "شمارهٔ همراه باید ۱۱ رقم و با ۰۹ شروع شود.", field: "mobile")
}
