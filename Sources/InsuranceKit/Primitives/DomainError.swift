import Foundation

/// A rule violation found while validating or computing domain values.
///
/// `code` is a stable machine word for clients and the problem+json body; `message` is Persian,
/// ready for end users; `field` names the offending input when there is one. Every validation
/// failure in InsuranceKit throws this type, never traps.
public struct DomainError: Error, Sendable, Hashable, Codable, CustomStringConvertible, LocalizedError {
    public let code: String
    public let message: String
    public let field: String?

    public init(code: String, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code): \(message)" }
    public var errorDescription: String? { message }

    /// Same error with another Persian message (e.g. a more precise reason), code unchanged.
    public func withMessage(_ message: String) -> DomainError {
        DomainError(code: code, message: message, field: field)
    }

    /// Same error attached to another input field (e.g. "insured.nationalCode").
    public func withField(_ field: String?) -> DomainError {
        DomainError(code: code, message: message, field: field)
    }
}

// MARK: - Factories (codes are API: never rename them)

extension DomainError {
    // R-G-05
    public static let invalidNationalCode = DomainError(
        code: "invalid-national-code", message: "کد ملی واردشده معتبر نیست.", field: "nationalCode")
    public static let invalidLegalID = DomainError(
        code: "invalid-legal-id", message: "شناسه ملی اشخاص حقوقی معتبر نیست.", field: "legalId")
    public static let invalidForeignID = DomainError(
        code: "invalid-foreign-id", message: "شناسه اتباع خارجی باید ۱۲ رقم باشد.", field: "foreignId")

    // R-G-01
    public static let amountOverflow = DomainError(
        code: "amount-overflow", message: "مبلغ از حد مجاز بزرگ‌تر است.", field: nil)
    public static let negativeAmount = DomainError(
        code: "negative-amount", message: "مبلغ نمی‌تواند منفی باشد.", field: nil)

    // R-G-02
    public static let invalidRatio = DomainError(
        code: "invalid-ratio", message: "نسبت واردشده معتبر نیست (مخرج صفر یا عدد بسیار بزرگ).", field: nil)
    public static let invalidPercent = DomainError(
        code: "invalid-percent", message: "درصد واردشده معتبر نیست.", field: "percent")

    // R-G-03
    public static let invalidDate = DomainError(
        code: "invalid-date", message: "تاریخ واردشده معتبر نیست؛ قالب درست ۱۴۰۳/۰۵/۰۷ است.", field: "date")

    /// R-G-03: names the impossible date in Persian digits, e.g. «تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد.»
    public static func nonexistentDate(year: Int, month: Int, day: Int) -> DomainError {
        let text = JalaliDate.format(year: year, month: month, day: day)
        return invalidDate.withMessage("تاریخ \(Normalize.persianDigits(text)) وجود ندارد.")
    }

    // R-G-04
    public static let invalidTerm = DomainError(
        code: "invalid-term", message: "تاریخ پایان باید بعد از تاریخ شروع باشد.", field: "term")
}

extension DecodingError {
    /// Wraps a DomainError so Codable callers keep the coding path and the server keeps the code.
    static func domain(_ error: DomainError, in container: any SingleValueDecodingContainer) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath, debugDescription: error.message, underlyingError: error))
    }
}
