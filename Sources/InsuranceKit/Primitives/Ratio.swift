/// An exact fraction for rate arithmetic (R-G-02): always reduced, denominator > 0, so equal
/// values are equal structs and hash alike.
public struct Ratio: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// Reduces by the gcd and moves the sign to the numerator. Throws "invalid-ratio" for a zero
    /// denominator or when the normalized value does not fit (e.g. Int64.min / −1).
    public init(numerator: Int64, denominator: Int64) throws {
        guard denominator != 0 else { throw DomainError.invalidRatio }
        let n = numerator.magnitude, d = denominator.magnitude
        let g = WideArithmetic.gcd(n, d)
        let negative = numerator != 0 && ((numerator < 0) != (denominator < 0))
        guard let num = WideArithmetic.signed(n / g, negative: negative),
              let den = WideArithmetic.signed(d / g, negative: false) else { throw DomainError.invalidRatio }
        self.numerator = num
        self.denominator = den
    }

    /// A whole number as a ratio (n/1).
    public init(_ whole: Int64) {
        numerator = whole
        denominator = 1
    }

    public static let zero = Ratio(0)
    public static let one = Ratio(1)

    /// "25/2", or "7" for whole numbers.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// Cross-multiplied in 128 bits: exact for every pair.
    public static func < (a: Ratio, b: Ratio) -> Bool {
        WideArithmetic.compareProducts(a.numerator, b.denominator, b.numerator, a.denominator) < 0
    }

    private enum CodingKeys: String, CodingKey { case numerator, denominator }

    /// Decoding re-normalizes, so a JSON {numerator: 2, denominator: 4} becomes 1/2.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let n = try c.decode(Int64.self, forKey: .numerator)
        let d = try c.decode(Int64.self, forKey: .denominator)
        do { try self.init(numerator: n, denominator: d) } catch let error as DomainError {
            throw DecodingError.dataCorruptedError(forKey: .denominator, in: c, debugDescription: error.message)
        }
    }
}
