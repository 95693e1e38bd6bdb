/// The API's `product` value (`computer`, …): a product's identity in requests, stored rows and
/// reports. A type of its own so that a product code is never mixed up with other text.
public struct ProductCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (a: ProductCode, b: ProductCode) -> Bool { a.rawValue < b.rawValue }
    /// Stored rows and request bodies carry the code as text.
    public static func == (code: ProductCode, text: String) -> Bool { code.rawValue == text }
    public static func == (text: String, code: ProductCode) -> Bool { code.rawValue == text }
}

/// The insurer's family of lines: which department issues a product, handles its claims and
/// reports it (R-RP-01).
public enum ProductFamily: String, Codable, Sendable, Hashable, CaseIterable {
    case engineering, liability, motor, health, life

    /// Persian name of the family, as in «بیمه‌های مهندسی».
    public var title: String {
        switch self {
        case .engineering: "بیمه‌های مهندسی"
        case .liability: "بیمه‌های مسئولیت"
        case .motor: "بیمه‌های خودرو"
        case .health: "بیمه‌های درمان"
        case .life: "بیمه‌های زندگی"
        }
    }

    /// The claims department that handles the family's files. Motor claims are handled with the
    /// liability lines: compulsory third party is a civil-liability cover.
    public var claimsDepartment: String {
        switch self {
        case .engineering: "ادارهٔ خسارت بیمه‌های مهندسی"
        case .liability, .motor: "ادارهٔ خسارت بیمه‌های مسئولیت"
        case .health, .life: "ادارهٔ خسارت بیمه‌های اشخاص"
        }
    }
}
