import Fluent
import Vapor

/// `Idempotency-Key` (API.md): the first response to a POST with a given key is kept, and a
/// retry with the same key and the same request gets it back without doing anything again.
/// The key is claimed before the work starts, so two concurrent requests with one key cannot
/// both run: the second is told the first is still in progress (409).
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: Self.header),
              let principal = request.auth.get(Principal.self) else {
            return try await next.respond(to: request)
        }
        guard (1...200).contains(key.utf8.count) else {
            throw AppError.validation([FieldError(field: Self.header, code: "invalid-idempotency-key",
                                                  message: "کلید تکرارناپذیری باید ۱ تا ۲۰۰ نویسه باشد.")])
        }
        let body = request.body.data.map { Data($0.readableBytesView) } ?? Data()
        let fingerprint = Secrets.sha256("\(request.method.rawValue) \(request.url.path)\n") + Secrets.sha256(Self.canonical(body))
        let store = request.bimeh.store
        let claimed: IdempotencyRecord? = try await store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            if let existing = try await IdempotencyRecord.query(on: work.db)
                .filter(\.$userID == principal.userID).filter(\.$key == key).first() {
                return existing
            }
            let record = IdempotencyRecord()
            record.userID = principal.userID
            record.key = key
            record.fingerprint = fingerprint
            record.status = 0
            try await record.create(on: work.db)
            return nil
        }
        if let existing = claimed {
            guard existing.fingerprint == fingerprint else {
                throw AppError(.unprocessableEntity, code: "idempotency-key-reused",
                               detail: "این کلید تکرارناپذیری پیش‌تر برای درخواست دیگری به کار رفته است.")
            }
            guard existing.status != 0 else {
                throw AppError(.conflict, code: "idempotency-in-progress",
                               detail: "درخواست قبلی با همین کلید هنوز در حال انجام است؛ کمی بعد دوباره بفرستید.")
            }
            let replay = Response(status: HTTPResponseStatus(statusCode: existing.status), body: .init(string: existing.body ?? ""))
            if let type = existing.contentType { replay.headers.set(.contentType, type) }
            replay.headers.set("Idempotent-Replayed", "true")
            return replay
        }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await release(key: key, userID: principal.userID, request: request)
            throw error
        }
        guard response.status.code < 500 else {
            try? await release(key: key, userID: principal.userID, request: request)
            return response
        }
        let status = Int(response.status.code)
        let text = response.body.buffer.map { String(buffer: $0) } ?? response.body.string ?? ""
        let type = response.headers.first(name: .contentType)
        try await store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            guard let record = try await IdempotencyRecord.query(on: work.db)
                .filter(\.$userID == principal.userID).filter(\.$key == key).first() else { return }
            record.status = status
            record.body = text
            record.contentType = type
            try await record.save(on: work.db)
        }
        return response
    }

    /// The body with JSON members in a fixed order, so that a retry serialized by another
    /// library (or another run of the same one) is still recognized as the same request.
    static func canonical(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
           let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: sorted, as: UTF8.self)
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// A request that failed leaves its key free, so that the corrected request can use it.
    private func release(key: String, userID: UUID, request: Request) async throws {
        try await request.bimeh.store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            try await IdempotencyRecord.query(on: work.db).filter(\.$userID == userID).filter(\.$key == key).delete()
        }
    }
}
