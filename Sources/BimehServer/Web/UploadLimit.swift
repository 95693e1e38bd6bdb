import Foundation
import InsuranceKit
import Vapor

/// The one place that knows the upload limits: every file route is registered with
/// `upload(_:limit:use:)`, which keeps its limit on the route itself. A web form's body is
/// collected by `CSRFMiddleware` before the route runs (the token is in it), so the middleware
/// collects an upload route's body up to the largest limit of any route, and the route then judges
/// the body by its own limit — a file a little too big reaches its page, which shows the message
/// beside the file input instead of a bare error page.
enum UploadLimit {
    static let key = "bimeh.upload-limit"

    /// The matched route's own limit in bytes, nil for a route that takes no file.
    static func of(_ req: Request) -> Int? {
        req.route?.userInfo[key] as? Int
    }

    /// The largest limit of any upload route.
    static func ceiling(_ app: Application) -> Int {
        app.routes.all.compactMap { $0.userInfo[key] as? Int }.max() ?? app.routes.defaultMaxBodySize.value
    }

    /// «حجم فایل بیش از … است», 413 `file-too-large`, named by the form's file field.
    static func tooLarge(field: String, limitBytes: Int) -> AppError {
        let megabytes = Normalize.persianDigits(String(limitBytes / (1024 * 1024)))
        return AppError(.payloadTooLarge, code: "file-too-large", detail: "حجم فایل بیش از \(megabytes) مگابایت است.",
                        errors: [FieldError(field: field, code: "file-too-large",
                                            message: "حجم فایل بیش از \(megabytes) مگابایت است؛ فایل کوچک‌تری بفرستید.")])
    }

    /// The refusal of a body over the matched route's own limit (the middleware may have
    /// collected more), nil when it is within it.
    static func oversize(_ req: Request, field: String) -> AppError? {
        guard let limit = of(req), let size = req.body.data?.readableBytes, size > limit else { return nil }
        return tooLarge(field: field, limitBytes: limit)
    }

    /// Throws `oversize`'s refusal.
    static func refuseOversize(_ req: Request, field: String) throws {
        if let refusal = oversize(req, field: field) { throw refusal }
    }
}

extension RoutesBuilder {
    /// A POST that takes a file of at most `limit` (the whole body), its limit kept on the route.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(
        _ url: SiteURL, limit: ByteCount, use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, url, body: .collect(maxSize: limit), use: closure)
        route.userInfo[UploadLimit.key] = limit.value
        return route
    }
}
