import Vapor
import FluentSQLiteDriver
import NIOHTTP1
import InsuranceKit

/// Turns every error into problem+json (API) or a Persian error page (web).
/// Internal errors are logged with the request id and never shown to the user.
struct BimehErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.classify(error, request: request)
            if request.url.path.hasPrefix("/api/") || request.url.path == "/metrics" {
                return Self.problemResponse(appError, request: request)
            }
            return await WebErrorPage.render(appError, request: request)
        }
    }

    static func problemResponse(_ error: AppError, request: Request) -> Response {
        let problem = Problem(error, requestId: request.id)
        let response = Response(status: error.status, headers: error.headers)
        do {
            try response.content.encode(problem, using: JSONCoding.encoder)
        } catch {
            response.body = .init(string: #"{"status":500,"code":"internal-error"}"#)
        }
        response.headers.contentType = Problem.defaultContentType
        return response
    }

    /// Maps anything thrown to a user-facing error; unknown errors become a logged 500.
    static func classify(_ error: any Error, request: Request) -> AppError {
        switch error {
        case let e as AppError:
            return e
        case let e as DomainError:
            return .validation(e, field: e.field ?? "")
        case let failure as ValidationFailure:
            return .validation(failure.errors.map(FieldError.init))
        case is DecodingError:
            return .malformedJSON
        case is HTTPParserError:
            // the client hung up inside its body, or sent a broken request: its fault, not ours (not a 5xx)
            return AppError(.badRequest, code: "request-incomplete", detail: "درخواست ناقص رسید یا پیش از پایان قطع شد.")
        case let sqlite as SQLiteError where Self.isBusy(sqlite):
            // another process held the file's write lock past the busy timeout: nothing was written
            request.logger.warning("database busy: \(sqlite)")
            return AppError(.serviceUnavailable, code: "database-busy",
                            detail: "پایگاه داده لحظه‌ای در دست نوشتن دیگری است و چیزی ثبت نشد؛ چند لحظهٔ دیگر دوباره بفرستید.",
                            headers: ["Retry-After": "2"])
        case let abort as any AbortError:
            switch abort.status {
            case .payloadTooLarge: return request.headers.contentType?.type == "multipart" ? .fileTooLarge(limitBytes: nil) : .bodyTooLarge
            case .notFound: return AppError(.notFound, code: "not-found", detail: "نشانی درخواست‌شده وجود ندارد.")
            case .unauthorized: return .unauthenticated
            case .forbidden: return .forbidden
            case .methodNotAllowed: return AppError(.methodNotAllowed, code: "method-not-allowed", detail: "این روش درخواست برای این نشانی مجاز نیست.")
            case .unsupportedMediaType: return AppError(.unsupportedMediaType, code: "unsupported-media-type", detail: "نوع محتوای درخواست پشتیبانی نمی‌شود؛ JSON بفرستید.")
            case .badRequest: return .malformedJSON
            default:
                if abort.status.code < 500 {
                    return AppError(abort.status, code: "request-rejected", detail: "درخواست پذیرفته نشد.")
                }
                return internalError(error, request: request)
            }
        default:
            return internalError(error, request: request)
        }
    }

    static func isBusy(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot: true
        default: false
        }
    }

    private static func internalError(_ error: any Error, request: Request) -> AppError {
        request.logger.error("internal error: \(String(reflecting: error))")
        return AppError(.internalServerError, code: "internal-error",
                        detail: "خطای داخلی رخ داد. شناسهٔ درخواست را به پشتیبانی اعلام کنید: \(request.id)")
    }
}
