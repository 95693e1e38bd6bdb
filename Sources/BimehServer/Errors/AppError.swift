import Vapor
import InsuranceKit

/// One field's problem in a rejected request (API.md: `errors: [{field, code, message}]`).
public struct FieldError: Content, Equatable, Sendable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// An error the user is meant to see: an HTTP status, a stable machine `code` and a Persian message.
/// Everything else that escapes a handler is an internal error and is shown only as a request id.
public struct AppError: Error, Sendable {
    public var status: HTTPResponseStatus
    public var code: String
    public var detail: String
    public var errors: [FieldError]
    public var headers: HTTPHeaders

    public init(_ status: HTTPResponseStatus, code: String, detail: String, errors: [FieldError] = [], headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// 422 with the list of field problems.
    public static func validation(_ errors: [FieldError]) -> AppError {
        let errors = errors.map { FieldError(field: $0.field, code: $0.code, message: FieldLabels.withRow($0.message, field: $0.field)) }
        let detail = errors.count == 1 ? errors[0].message : "برخی از مقادیر واردشده معتبر نیستند."
        let code = errors.count == 1 ? errors[0].code : "validation-failed"
        return AppError(.unprocessableEntity, code: code, detail: detail, errors: errors)
    }

    public static func validation(_ error: DomainError, field: String) -> AppError {
        validation([FieldError(field: error.field ?? field, code: error.code, message: error.message)])
    }

    public static let unauthenticated = AppError(
        .unauthorized, code: "unauthenticated",
        detail: "برای این درخواست باید وارد شوید؛ توکن ارسال نشده، نامعتبر یا منقضی است.",
        headers: ["WWW-Authenticate": "Bearer"])

    public static let forbidden = AppError(
        .forbidden, code: "forbidden", detail: "نقش کاربری شما اجازهٔ این کار را ندارد.")

    public static func notFound(_ what: String = "رکورد") -> AppError {
        AppError(.notFound, code: "not-found", detail: "\(what) موردنظر پیدا نشد.")
    }

    public static let malformedJSON = AppError(
        .badRequest, code: "malformed-json", detail: "بدنهٔ درخواست JSON معتبر نیست.")

    /// A file form or upload over its limit: the user is told the size, not that the form expired.
    public static func fileTooLarge(limitBytes: Int?) -> AppError {
        let limit = limitBytes.map { "؛ هر فایل حداکثر \(Normalize.persianDigits(String($0 / (1024 * 1024)))) مگابایت است" } ?? ""
        return AppError(.payloadTooLarge, code: "file-too-large",
                        detail: "حجم فایل فرستاده‌شده بیش از حد مجاز است\(limit). فایل کوچک‌تری (مثلاً اسکن با کیفیت کمتر) بفرستید.")
    }

    public static let bodyTooLarge = AppError(
        .payloadTooLarge, code: "body-too-large", detail: "حجم درخواست از حد مجاز بیشتر است.")
}
