import Foundation

/// A vehicle identification number (VIN, ISO 3779): 17 characters from A–Z and 0–9 without I, O
/// and Q. Typed with spaces, dashes, lower case or Persian digits, it is stored upper case.
///
/// CHOSEN: the length and the alphabet are checked strictly (`invalid-vin`); the check digit
/// (position 9, the North-American rule) is only reported by `checkDigitMatches`, never a
/// refusal: vehicles assembled in Iran often carry a VIN whose ninth character is not that digit,
/// and the vehicle card is what the registry knows.
public struct VIN: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public static let length = 17

    public static let invalid = DomainError(
        code: "invalid-vin",
        message: "شمارهٔ شناسایی خودرو (VIN) باید ۱۷ نویسه از حروف لاتین A تا Z (به‌جز I، O و Q) و رقم باشد.",
        field: "vin")

    public init(parsing text: String) throws {
        let value = Normalize.identifier(Normalize.text(text)).uppercased()
        guard value.count == Self.length, value.unicodeScalars.allSatisfy({ Self.transliteration[$0] != nil }) else {
            throw Self.invalid
        }
        self.value = value
    }

    public var description: String { value }

    /// ISO 3779 / 49 CFR 565 transliteration of each allowed character.
    static let transliteration: [Unicode.Scalar: Int] = {
        var table: [Unicode.Scalar: Int] = [:]
        for (i, digit) in "0123456789".unicodeScalars.enumerated() { table[digit] = i }
        let letters: [(String, Int)] = [
            ("A", 1), ("B", 2), ("C", 3), ("D", 4), ("E", 5), ("F", 6), ("G", 7), ("H", 8),
            ("J", 1), ("K", 2), ("L", 3), ("M", 4), ("N", 5), ("P", 7), ("R", 9),
            ("S", 2), ("T", 3), ("U", 4), ("V", 5), ("W", 6), ("X", 7), ("Y", 8), ("Z", 9),
        ]
        for (letter, number) in letters { table[letter.unicodeScalars.first!] = number }
        return table
    }()

    static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The check digit the other 16 characters give: Σ(value × weight) mod 11, 10 written "X".
    public var expectedCheckDigit: Character {
        let sum = zip(value.unicodeScalars, Self.weights).reduce(0) { $0 + (Self.transliteration[$1.0] ?? 0) * $1.1 }
        let r = sum % 11
        return r == 10 ? "X" : Character(String(r))
    }

    /// Whether position 9 holds the check digit (informative only, see the type's note).
    public var checkDigitMatches: Bool {
        value[value.index(value.startIndex, offsetBy: 8)] == expectedCheckDigit
    }

    /// For the public inquiry (R-TP-13): only the last four characters, the rest starred.
    public var masked: String { VehicleDetails.maskAllButLast(4, of: value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            try self.init(parsing: try container.decode(String.self))
        } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// The chassis and engine numbers, as stamped on the vehicle and written on its card.
public enum VehicleNumbers {
    /// CHOSEN: a chassis number (for a vehicle without a VIN: old or locally built) is 4–30
    /// letters and digits; anything else is a typo.
    public static let chassisLength = 4...30
    /// CHOSEN: an engine number is 4–20 letters and digits.
    public static let engineLength = 4...20

    /// Upper-case ASCII letters and digits, spaces and dashes removed; `invalid-chassis-number`.
    public static func chassisNumber(_ text: String) throws -> String {
        try alphanumeric(text, length: chassisLength, error: DomainError(
            code: "invalid-chassis-number",
            message: "شمارهٔ شاسی باید ۴ تا ۳۰ نویسه از حروف لاتین و رقم باشد.", field: "chassisNumber"))
    }

    /// Upper-case ASCII letters and digits, spaces and dashes removed; `invalid-engine-number`.
    public static func engineNumber(_ text: String) throws -> String {
        try alphanumeric(text, length: engineLength, error: DomainError(
            code: "invalid-engine-number",
            message: "شمارهٔ موتور باید ۴ تا ۲۰ نویسه از حروف لاتین و رقم باشد.", field: "engineNumber"))
    }

    static func alphanumeric(_ text: String, length: ClosedRange<Int>, error: DomainError) throws -> String {
        let value = Normalize.identifier(Normalize.text(text)).uppercased()
        guard length.contains(value.count),
              value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) else { throw error }
        return value
    }
}

/// The model year (سال ساخت), as the vehicle card gives it: a Jalali year (cars built for the
/// Iranian market) or a Gregorian one (imports).
public enum ModelYear {
    public enum Calendar: String, Sendable {
        case jalali
        case gregorian
    }

    /// CHOSEN: from 1300 (Jalali) or 1921 (Gregorian, the same year) to the year after the
    /// purchase day's year in that calendar (a next year's model is sold late in the year). The
    /// two ranges do not overlap, so the number alone says its calendar.
    public static func calendar(of year: Int, purchaseDay: JalaliDate) throws -> Calendar {
        let jalali = 1300...(purchaseDay.year + 1)
        let gregorian = 1921...(purchaseDay.gregorian.year + 1)
        if jalali.contains(year) { return .jalali }
        if gregorian.contains(year) { return .gregorian }
        func fa(_ n: Int) -> String { Normalize.persianDigits(String(n)) }
        throw DomainError(
            code: "invalid-model-year",
            message: "سال ساخت باید سال شمسی (\(fa(jalali.lowerBound)) تا \(fa(jalali.upperBound))) "
                + "یا میلادی (\(fa(gregorian.lowerBound)) تا \(fa(gregorian.upperBound))) باشد.",
            field: "modelYear")
    }
}
