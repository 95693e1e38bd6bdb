/// An Iranian bank account number (شبا): `IR` + 24 digits, valid under the ISO 13616 mod-97 check.
/// Accepts spaces, dashes, lower case and Persian or Arabic digits; stored as `IR` + 24 digits.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws {
        let text = Normalize.identifier(raw).uppercased()
        guard text.count == 26, text.hasPrefix("IR"), text.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DomainError.invalidIBAN
        }
        guard Self.mod97(text) == 1 else { throw DomainError.invalidIBAN }
        value = text
    }

    /// ISO 13616: move the first four characters to the end, letters become 10…35, the number mod 97.
    static func mod97(_ iban: String) -> Int {
        let moved = iban.dropFirst(4) + iban.prefix(4)
        var remainder = 0
        for ch in moved {
            let digits: String
            if let d = ch.wholeNumberValue, ch.isASCII { digits = String(d) }
            else if let a = ch.asciiValue, ch.isUppercase { digits = String(Int(a) - 55) }
            else { return -1 }
            for d in digits { remainder = (remainder * 10 + Int(String(d))!) % 97 }
        }
        return remainder
    }

    public var description: String { value }
}

/// An Iranian postal code: 10 digits.
public struct PostalCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws {
        let digits = Normalize.identifier(raw)
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw DomainError.invalidPostalCode }
        value = digits
    }

    public var description: String { value }
}

/// A company's economic code (کد اقتصادی): 12 digits.
public struct EconomicCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ raw: String) throws {
        let digits = Normalize.identifier(raw)
        guard digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw DomainError.invalidEconomicCode }
        value = digits
    }

    public var description: String { value }
}

extension DomainError {
    public static let invalidIBAN = DomainError(code: "invalid-iban", message: "شمارهٔ شبا باید IR و ۲۴ رقم باشد و رقم‌های کنترلی آن درست باشد.", field: "iban")
    public static let invalidPostalCode = DomainError(code: "invalid-postal-code", message: "کد پستی باید ۱۰ رقم باشد.", field: "postalCode")
    public static let invalidEconomicCode = DomainError(code: "invalid-economic-code", message: "کد اقتصادی باید ۱۲ رقم باشد.", field: "economicCode")
    public static let invalidSex = DomainError(code: "invalid-sex", message: "جنسیت را «مرد» یا «زن» انتخاب کنید.", field: "sex")
    public static let fieldTooLong = DomainError(code: "too-long", message: "این مقدار بیش از اندازه بلند است.", field: nil)
}
