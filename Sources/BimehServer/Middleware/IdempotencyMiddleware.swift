import Fluent
import NIOConcurrencyHelpers
import Vapor

/// `Idempotency-Key` (API.md): the first response to a POST with a given key is kept, and a
/// retry with the same key and the same request gets it back without doing anything again.
///
/// The key is claimed before the work starts with a *lease* (`AppConfig.idempotencyLease`, 30 s):
/// while it is live a concurrent retry is told the first is still in progress (409 with
/// Retry-After). A handler that changes something stores its response in the same transaction as
/// the change (`Request.writeResponse`), so a crash leaves either both (a retry replays the
/// response) or neither (once the lease has expired, a retry runs the request afresh). A request
/// that outlives its lease and finds it taken over rolls its change back instead of committing it
/// twice.
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
        let leaseLength = request.bimeh.config.idempotencyLease
        let lease = IdempotencyLease(userID: principal.userID, key: key, token: UUID())
        let claim: Claim = try await store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            let existing = try await IdempotencyRecord.query(on: work.db)
                .filter(\.$userID == principal.userID).filter(\.$key == key).first()
            let decision = Self.decide(existing.map { Held(fingerprint: $0.fingerprint, status: $0.status, leaseExpiresAt: $0.leaseExpiresAt) },
                                       fingerprint: fingerprint, now: work.now)
            switch decision {
            case .claim:
                let record = IdempotencyRecord()
                record.userID = principal.userID
                record.key = key
                record.fingerprint = fingerprint
                record.status = 0
                record.leaseToken = lease.token
                record.leaseExpiresAt = work.now.addingTimeInterval(leaseLength)
                try await record.create(on: work.db)
            case .takeOver:
                // the holder died or gave up without storing anything: the request runs afresh
                guard let record = existing else { break }
                let before = ["leaseToken": record.leaseToken?.uuidString ?? "", "leaseExpiresAt": record.leaseExpiresAt.map(AuditTrail.timestamp) ?? ""]
                record.leaseToken = lease.token
                record.leaseExpiresAt = work.now.addingTimeInterval(leaseLength)
                try await record.save(on: work.db)
                try await work.audit("idempotency.lease-taken-over", entity: "idempotency-key", id: try record.requireID().uuidString,
                                     before: before,
                                     after: ["leaseToken": lease.token.uuidString, "leaseExpiresAt": AuditTrail.timestamp(record.leaseExpiresAt ?? work.now)])
            case .replay, .busy, .mismatch:
                break
            }
            return Claim(decision: decision, record: existing)
        }
        switch claim.decision {
        case .mismatch:
            throw AppError(.unprocessableEntity, code: "idempotency-key-reused",
                           detail: "این کلید تکرارناپذیری پیش‌تر برای درخواست دیگری به کار رفته است.")
        case .busy(let retryAfter):
            throw AppError(.conflict, code: "idempotency-in-progress",
                           detail: "درخواست قبلی با همین کلید هنوز در حال انجام است؛ \(retryAfter) ثانیهٔ دیگر دوباره بفرستید.",
                           headers: ["Retry-After": "\(retryAfter)"])
        case .replay:
            let existing = claim.record!
            let replay = Response(status: HTTPResponseStatus(statusCode: existing.status), body: .init(string: existing.body ?? ""))
            if let type = existing.contentType { replay.headers.set(.contentType, type) }
            replay.headers.set("Idempotent-Replayed", "true")
            return replay
        case .claim, .takeOver:
            break
        }
        request.idempotencyLease = lease
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await release(lease, request: request)
            throw error
        }
        guard response.status.code < 500 else {
            try? await release(lease, request: request)
            return response
        }
        // stored with the change already (Request.writeResponse)
        if lease.isCompleted { return response }
        // a request that changed nothing through writeResponse: its answer is stored on its own
        try await store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            try await lease.complete(with: response, in: work)
        }
        return response
    }

    /// What a key's stored row says about a new request with it.
    struct Held: Sendable, Equatable {
        var fingerprint: String
        /// 0 while in flight, else the stored response's status.
        var status: Int
        var leaseExpiresAt: Date?
    }

    enum Decision: Sendable, Equatable {
        /// A new key: claim it and run.
        case claim
        /// The first response is stored: send it back.
        case replay
        /// Another request holds a live lease: 409, try again in this many seconds.
        case busy(retryAfter: Int)
        /// The lease has expired with nothing stored: take the key over and run afresh.
        case takeOver
        /// The key was used for another request.
        case mismatch
    }

    struct Claim: Sendable {
        var decision: Decision
        var record: IdempotencyRecord?
    }

    /// The rule, apart from the database. A marker without an expiry (left by a version without
    /// leases) counts as expired.
    static func decide(_ held: Held?, fingerprint: String, now: Date) -> Decision {
        guard let held else { return .claim }
        guard held.fingerprint == fingerprint else { return .mismatch }
        if held.status != 0 { return .replay }
        guard let expires = held.leaseExpiresAt, expires > now else { return .takeOver }
        return .busy(retryAfter: max(1, Int(expires.timeIntervalSince(now).rounded(.up))))
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

    /// A request that failed leaves its key free, so that the corrected request can use it
    /// (only while it still holds the lease: a key taken over belongs to the newer request).
    private func release(_ lease: IdempotencyLease, request: Request) async throws {
        try await request.bimeh.store.write(on: request.db, actor: request.auditActor, requestID: request.id) { work in
            try await IdempotencyRecord.query(on: work.db).filter(\.$userID == lease.userID).filter(\.$key == lease.key)
                .filter(\.$leaseToken == lease.token).filter(\.$status == 0).delete()
        }
    }
}

/// The key held by the request being served: who holds it, and whether its response is stored.
final class IdempotencyLease: Sendable {
    let userID: UUID
    let key: String
    let token: UUID
    private let completed = NIOLockedValueBox(false)

    init(userID: UUID, key: String, token: UUID) {
        self.userID = userID
        self.key = key
        self.token = token
    }

    var isCompleted: Bool { completed.withLockedValue { $0 } }

    /// Stores the response on the key inside `work`'s transaction. When the lease was taken over
    /// (it expired and a retry claimed the key) the transaction is refused, so the change it holds
    /// is rolled back rather than made twice.
    func complete(with response: Response, in work: UnitOfWork) async throws {
        guard let record = try await IdempotencyRecord.query(on: work.db)
            .filter(\.$userID == userID).filter(\.$key == key).filter(\.$leaseToken == token).filter(\.$status == 0).first() else {
            throw AppError(.conflict, code: "idempotency-lease-lost",
                           detail: "زمان نگه‌داری این کلید تکرارناپذیری پیش از پایان کار سر آمد و درخواست دیگری آن را گرفت؛ این درخواست ثبت نشد. با همان کلید دوباره بفرستید تا نتیجه را ببینید.")
        }
        record.status = Int(response.status.code)
        record.body = response.body.buffer.map { String(buffer: $0) } ?? response.body.string ?? ""
        record.contentType = response.headers.first(name: .contentType)
        record.leaseExpiresAt = nil
        try await record.save(on: work.db)
        completed.withLockedValue { $0 = true }
    }
}

extension Request {
    private struct IdempotencyLeaseKey: StorageKey { typealias Value = IdempotencyLease }

    /// Set by `IdempotencyMiddleware` while this request holds its key.
    var idempotencyLease: IdempotencyLease? {
        get { storage[IdempotencyLeaseKey.self] }
        set { storage[IdempotencyLeaseKey.self] = newValue }
    }

    /// A change and its answer in one transaction: `body` makes the change and builds the
    /// response (reading through `work.db`, which sees the change). Under an Idempotency-Key the
    /// response is stored on the key in that same transaction, so a crash leaves both or neither.
    func writeResponse(_ body: @escaping @Sendable (UnitOfWork) async throws -> Response) async throws -> Response {
        try await write(body, answering: { response, _ in response }).response
    }

    /// `writeResponse` for a command that opens its unit of work itself: `body` is the change,
    /// `answer` builds the response from its result, both in the change's transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (UnitOfWork) async throws -> T,
                            answering answer: @escaping @Sendable (T, UnitOfWork) async throws -> Response) async throws -> (result: T, response: Response) {
        let lease = idempotencyLease
        return try await write { work in
            let result = try await body(work)
            let response = try await answer(result, work)
            if let lease, response.status.code < 500 { try await lease.complete(with: response, in: work) }
            return (result, response)
        }
    }

    /// The same for a command that takes a `write` function (`EnterProposal`, `OrderClaimPayment`):
    /// hands it one that also builds and stores the response, and returns that response.
    func respond<T: Sendable>(writing run: (@escaping @Sendable (@escaping @Sendable (UnitOfWork) async throws -> T) async throws -> T) async throws -> T,
                              answering answer: @escaping @Sendable (T, UnitOfWork) async throws -> Response) async throws -> Response {
        let built = NIOLockedValueBox<Response?>(nil)
        _ = try await run { body in
            let (result, response) = try await self.write(body, answering: answer)
            built.withLockedValue { $0 = response }
            return result
        }
        guard let response = built.withLockedValue({ $0 }) else { throw Abort(.internalServerError) }
        return response
    }

    /// `writeResponse` for a JSON answer.
    func writeAnswer<C: Content>(status: HTTPStatus = .ok, _ body: @escaping @Sendable (UnitOfWork) async throws -> C) async throws -> Response {
        try await writeResponse { work in
            let answer = try await body(work)
            let response = Response(status: status)
            try response.content.encode(answer, as: .json)
            return response
        }
    }
}
