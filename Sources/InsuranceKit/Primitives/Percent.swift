import Foundation

/// An exact percentage (R-G-02). Stored as the rational value of the percent itself
/// (12.5 % → 25/2), so 1/3 % or 12.345 % lose nothing; `ratio` is the fraction (12.5 % → 1/8).
public struct Percent: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The percent value: 12.5 % is 25/2.
    public let value: Ratio

    /// Largest denominator kept, so `ratio` (value / 100) always fits in Int64. 10^15 also bounds
    /// the fractional digits a text may carry.
    static let maxDenominator: Int64 = 1_000_000_000_000_000
    /// Fractional digits accepted when parsing and written when encoding.
    static let maxFractionDigits = 12

    /// A whole percent: Percent(15) is 15 %.
    public init(_ whole: Int64) {
        value = Ratio(whole)
    }

    /// Basis points: Percent(basisPoints: 1250) is 12.5 %.
    public init(basisPoints: Int64) {
        // Denominator divides 100: within maxDenominator.
        value = (try? Ratio(numerator: basisPoints, denominator: 100)) ?? .zero
    }

    /// Any exact value; throws "invalid-percent" when its denominator exceeds 10^15.
    public init(value: Ratio) throws {
        guard value.denominator <= Self.maxDenominator else { throw DomainError.invalidPercent }
        self.value = value
    }

    public static let zero = Percent(0)
    public static let hundred = Percent(100)

    /// The fraction this percent stands for: 12.5 % → 1/8.
    public var ratio: Ratio {
        // denominator ≤ 10^15 ⇒ denominator × 100 fits; the numerator only shrinks.
        (try? Ratio(numerator: value.numerator, denominator: value.denominator * 100)) ?? .zero
    }

    public static func < (a: Percent, b: Percent) -> Bool { a.value < b.value }

    // MARK: Arithmetic (exact; throws "invalid-percent" when the result is not representable)

    public func adding(_ other: Percent) throws -> Percent {
        try combine(other, negateOther: false)
    }

    public func subtracting(_ other: Percent) throws -> Percent {
        try combine(other, negateOther: true)
    }

    public func clamped(to range: ClosedRange<Percent>) -> Percent {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }

    private func combine(_ other: Percent, negateOther: Bool) throws -> Percent {
        let a = value, b = other.value
        let g = Int64(WideArithmetic.gcd(a.denominator.magnitude, b.denominator.magnitude))
        let (lcm, o1) = (a.denominator / g).multipliedReportingOverflow(by: b.denominator)
        let (left, o2) = a.numerator.multipliedReportingOverflow(by: lcm / a.denominator)
        let (right, o3) = b.numerator.multipliedReportingOverflow(by: lcm / b.denominator)
        let (sum, o4) = negateOther ? left.subtractingReportingOverflow(right) : left.addingReportingOverflow(right)
        guard !(o1 || o2 || o3 || o4) else { throw DomainError.invalidPercent }
        return try Percent(value: Ratio(numerator: sum, denominator: lcm))
    }

    // MARK: Text

    /// Parses "12.5", "۱۲٫۵", "12/5" (Persian users write the decimal point as "/"), "-3",
    /// ".5", with an optional trailing "%" or "٪". Rejects anything else with "invalid-percent".
    public init(parsing text: String) throws {
        guard text.utf8.count <= 64 else { throw DomainError.invalidPercent }
        // Normalize.text trims (incl. bidi marks) and maps digits; inner spaces stay and are rejected.
        var scalars = Array(Normalize.text(text).unicodeScalars)
        if let last = scalars.last, last == "%" || last == "\u{066A}" {
            scalars.removeLast()
            while let l = scalars.last, Normalize.isHorizontalSpace(l) { scalars.removeLast() }
        }
        var index = 0
        var negative = false
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "\u{2212}" || scalars[index] == "+" {
            negative = scalars[index] != "+"
            index += 1
        }
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        var integerDigits = 0, fractionDigits = 0
        var inFraction = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "." || scalar == "\u{066B}" || scalar == "/" {
                guard !inFraction else { throw DomainError.invalidPercent }
                inFraction = true
                continue
            }
            guard scalar.value >= 0x30, scalar.value <= 0x39 else { throw DomainError.invalidPercent }
            let (times10, o1) = numerator.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(scalar.value - 0x30))
            guard !o1, !o2 else { throw DomainError.invalidPercent }
            numerator = next
            if inFraction {
                fractionDigits += 1
                guard fractionDigits <= Self.maxFractionDigits else { throw DomainError.invalidPercent }
                denominator *= 10
            } else {
                integerDigits += 1
            }
        }
        // "12." and "." are rejected: a separator needs digits after it.
        guard integerDigits + fractionDigits > 0, !(inFraction && fractionDigits == 0) else {
            throw DomainError.invalidPercent
        }
        try self.init(value: Ratio(numerator: negative ? -numerator : numerator, denominator: denominator))
    }

    /// Decimal text with ASCII digits, at most 12 fractional digits (rounded half away from zero
    /// beyond that, e.g. 1/3 → "0.333333333333"): "12.5", "-3", "0.05".
    public var description: String {
        let den = UInt64(value.denominator)
        var whole = value.numerator.magnitude / den
        let rest = value.numerator.magnitude % den
        let scale: UInt64 = 1_000_000_000_000   // 10^maxFractionDigits
        // rest < den ≤ 10^15, but rest × 10^12 may exceed 64 bits: the helper works in 128.
        var fraction = UInt64(WideArithmetic.roundedQuotient(Int64(rest), times: Int64(scale), over: Int64(den)) ?? 0)
        if fraction == scale { whole += 1; fraction = 0 }
        var text = (value.numerator < 0 && (whole != 0 || fraction != 0) ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: Self.maxFractionDigits - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// Persian display: "۱۲٫۵٪" (U+066B decimal separator, U+066A percent sign).
    public var persianFormatted: String {
        // Byte by byte from the ASCII text: every priced line shows a percentage, and going
        // through Foundation's string replacement was most of a quote line's cost.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for byte in description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): bytes += [0xDB, 0xB0 + byte - UInt8(ascii: "0")]   // ۰…۹
            case UInt8(ascii: "."): bytes += [0xD9, 0xAB]                                              // ٫
            case UInt8(ascii: "-"): bytes += [0xE2, 0x80, 0x8E, 0xE2, 0x88, 0x92]                      // LRM, −
            default: bytes.append(byte)
            }
        }
        bytes += [0xD9, 0xAA]                                                                          // ٪
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Codable as a JSON number

    /// Decodes a JSON number through Decimal's exact decimal text (no binary floating point), so
    /// 12.5 becomes exactly 25/2. A JSON string ("12.5", "۱۲٫۵") is accepted too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let decimal = try? container.decode(Decimal.self) {
            text = decimal.description
        } else {
            text = try container.decode(String.self)
        }
        do { self = try Percent(parsing: text) } catch let error as DomainError {
            throw DecodingError.domain(error, in: container)
        }
    }

    /// Encodes `description` as a JSON number (Decimal keeps the digits exact).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
    }
}
