import Fluent
import SQLKit
import Vapor

/// The one-time token of a web form that moves money or numbers (R-P-03): each rendered page
/// carries a fresh `_once`; the action consumes it inside its own transaction, so an error leaves
/// it unused (the user corrects and resubmits) and Back + resubmit of a done form is refused with
/// 409 `form-already-submitted` instead of recording the payment twice. The API has
/// Idempotency-Key for the same purpose.
enum FormOnce {
    static let field = "_once"

    static func fresh() -> String { UUID().uuidString }

    /// The token the request's form carries, if any (a form rendered by an older page has none).
    static func token(in req: Request) -> String? {
        guard let raw = try? req.content.get(String.self, at: field) else { return nil }
        let token = raw.trimmingCharacters(in: .whitespaces)
        return token.isEmpty || token.count > 64 ? nil : token
    }

    static func consume(_ token: String?, userID: UUID?, in work: UnitOfWork) async throws {
        guard let token else { return }
        guard let sql = work.db as? any SQLDatabase else { return }
        let used = try await sql.raw("SELECT 1 AS used FROM form_tokens WHERE token = \(bind: token)").first()
        guard used == nil else {
            throw AppError.conflict("form-already-submitted", "این فرم پیش‌تر ثبت شده است و دوباره ثبت نشد؛ نتیجهٔ ثبت نخست در همین صفحه آمده است.")
        }
        try await sql.insert(into: "form_tokens").columns("token", "used_at", "user_id").values(SQLBind(token), SQLBind(work.now), SQLBind(userID)).run()
    }
}
