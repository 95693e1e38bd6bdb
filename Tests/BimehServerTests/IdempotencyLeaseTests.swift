@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// `Idempotency-Key` markers are leases (AppConfig.idempotencyLease): a key held by a request that
/// died frees itself; a live one answers 409 with Retry-After; the response is stored in the
/// change's own transaction.
@Suite("Idempotency leases")
struct IdempotencyLeaseTests {
    static var letter: [String: Any] { ["direction": "incoming", "subject": "درخواست الحاقیه", "correspondent": "شرکت نمونه"] }

    static func post(_ app: Application, token: String, key: String, json: [String: Any] = letter, path: String = "/api/v1/letters") async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        headers.add(name: IdempotencyMiddleware.header, value: key)
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)))
    }

    /// The marker a request leaves when the server dies under it (status 0).
    static func leaveMarker(_ app: Application, user: String, key: String, json: [String: Any] = letter, path: String = "/api/v1/letters",
                            expiresIn: TimeInterval?) async throws {
        let userID = try #require(try await User.query(on: app.db).filter(\.$username == user).first()?.requireID())
        let body = try JSONSerialization.data(withJSONObject: json)
        let record = IdempotencyRecord()
        record.userID = userID
        record.key = key
        record.fingerprint = Secrets.sha256("POST \(path)\n") + Secrets.sha256(IdempotencyMiddleware.canonical(body))
        record.status = 0
        record.leaseToken = UUID()
        record.leaseExpiresAt = expiresIn.map { app.bimeh.clock.now().addingTimeInterval($0) }
        try await record.create(on: app.db)
    }

    // MARK: the rule

    @Test("the decision: new key → claim; stored → replay; live lease → 409 after the remaining seconds, rounded up; expired or no expiry → take over; other body → refused")
    func decision() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        typealias H = IdempotencyMiddleware.Held
        #expect(IdempotencyMiddleware.decide(nil, fingerprint: "a", now: now) == .claim)
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 201, leaseExpiresAt: nil), fingerprint: "a", now: now) == .replay)
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 201, leaseExpiresAt: nil), fingerprint: "b", now: now) == .mismatch)
        // 12.2 s left → Retry-After 13; 0.3 s left → 1
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: now.addingTimeInterval(12.2)), fingerprint: "a", now: now) == .busy(retryAfter: 13))
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: now.addingTimeInterval(0.3)), fingerprint: "a", now: now) == .busy(retryAfter: 1))
        // expiring exactly now is expired
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: now), fingerprint: "a", now: now) == .takeOver)
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: now.addingTimeInterval(-1)), fingerprint: "a", now: now) == .takeOver)
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: nil), fingerprint: "a", now: now) == .takeOver)
        // a dead request's key is still its own: another body is refused
        #expect(IdempotencyMiddleware.decide(H(fingerprint: "a", status: 0, leaseExpiresAt: nil), fingerprint: "b", now: now) == .mismatch)
    }

    @Test("BIMEH_IDEMPOTENCY_LEASE_SECONDS: default 30, a whole number from 1 to 3600")
    func leaseSetting() throws {
        #expect(try AppConfig.fromEnvironment([:], demo: false).idempotencyLease == 30)
        #expect(try AppConfig.fromEnvironment(["BIMEH_IDEMPOTENCY_LEASE_SECONDS": "5"], demo: false).idempotencyLease == 5)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_IDEMPOTENCY_LEASE_SECONDS": "0"], demo: false) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_IDEMPOTENCY_LEASE_SECONDS": "soon"], demo: false) }
    }

    // MARK: over HTTP

    @Test("a key left in flight by a dead request, lease expired: the retry runs afresh (201, one letter), and the takeover is audited")
    func expiredMarkerRunsAfresh() async throws {
        try await TestApp.run { app in
            let issuer = try await app.token("issuer")
            try await Self.leaveMarker(app, user: "issuer", key: "dead-1", expiresIn: -1)
            let letters = try await Letter.query(on: app.db).count()
            let retry = try await Self.post(app, token: issuer, key: "dead-1")
            #expect(retry.status == .created, "not 409 forever")
            #expect(retry.headers.first(name: "Idempotent-Replayed") == nil)
            #expect(try await Letter.query(on: app.db).count() == letters + 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "idempotency.lease-taken-over").count() == 1)
            // and from now on the key replays that response
            let again = try await Self.post(app, token: issuer, key: "dead-1")
            #expect(again.status == .created)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(again.json["registerNumber"] as? String == retry.json["registerNumber"] as? String)
            #expect(try await Letter.query(on: app.db).count() == letters + 1)
        }
    }

    @Test("a marker left by a version without leases (no expiry) no longer holds its key")
    func markerWithoutExpiry() async throws {
        try await TestApp.run { app in
            let issuer = try await app.token("issuer")
            try await Self.leaveMarker(app, user: "issuer", key: "old-1", expiresIn: nil)
            #expect(try await Self.post(app, token: issuer, key: "old-1").status == .created)
        }
    }

    @Test("while the lease is live a retry gets 409 idempotency-in-progress with Retry-After, and nothing is made")
    func liveLeaseIsBusy() async throws {
        try await TestApp.run { app in
            let issuer = try await app.token("issuer")
            try await Self.leaveMarker(app, user: "issuer", key: "busy-1", expiresIn: 20)
            let letters = try await Letter.query(on: app.db).count()
            let busy = try await Self.post(app, token: issuer, key: "busy-1")
            #expect(busy.status == .conflict)
            #expect(busy.problemCode == "idempotency-in-progress")
            // 20 s lease, rounded up; a slow machine may have spent a few seconds since it was left
            let wait = try #require(busy.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((15...20).contains(wait))
            #expect(try await Letter.query(on: app.db).count() == letters)
        }
    }

    @Test("the response is stored in the change's transaction: a request that fails after its change committed still replays it")
    func responseCommittedWithChange() async throws {
        try await TestApp.run { app in
            // a route that makes its change, then dies before answering (as a crash after the commit would)
            app.grouped(BearerAuthenticator()).grouped(IdempotencyMiddleware()).post("api", "test-commit-then-fail") { req async throws -> Response in
                let userID = try req.principal.userID
                _ = try await req.writeAnswer(status: .created) { work in
                    LetterController.LetterResponse(try await LetterBook.register(.incoming, subject: "پس از ثبت", correspondent: "آزمون", userID: userID, in: work))
                }
                throw Abort(.internalServerError)
            }
            let issuer = try await app.token("issuer")
            let failed = try await Self.post(app, token: issuer, key: "late-1", path: "/api/test-commit-then-fail")
            #expect(failed.status == .internalServerError)
            let record = try #require(try await IdempotencyRecord.query(on: app.db).filter(\.$key == "late-1").first())
            #expect(record.status == 201, "the letter's response was committed with the letter")
            let retry = try await Self.post(app, token: issuer, key: "late-1", path: "/api/test-commit-then-fail")
            #expect(retry.status == .created)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(retry.json["subject"] as? String == "پس از ثبت")
            #expect(try await Letter.query(on: app.db).filter(\.$subject == "پس از ثبت").count() == 1)
        }
    }

    @Test("a request whose lease was taken over while it ran commits nothing (409 idempotency-lease-lost): the key's new holder makes the one change")
    func takenOverLeaseRollsBack() async throws {
        try await TestApp.run { app in
            // the route's lease is taken by another request just before its change commits
            app.grouped(BearerAuthenticator()).grouped(IdempotencyMiddleware()).post("api", "test-lease-lost") { req async throws -> Response in
                let userID = try req.principal.userID
                let key = try #require(req.headers.first(name: IdempotencyMiddleware.header))
                try await req.write { work in
                    let record = try #require(try await IdempotencyRecord.query(on: work.db).filter(\.$key == key).first())
                    record.leaseToken = UUID()
                    try await record.save(on: work.db)
                }
                return try await req.writeAnswer(status: .created) { work in
                    LetterController.LetterResponse(try await LetterBook.register(.incoming, subject: "دیر رسیده", correspondent: "آزمون", userID: userID, in: work))
                }
            }
            let issuer = try await app.token("issuer")
            let late = try await Self.post(app, token: issuer, key: "lost-1", path: "/api/test-lease-lost")
            #expect(late.status == .conflict)
            #expect(late.problemCode == "idempotency-lease-lost")
            #expect(try await Letter.query(on: app.db).filter(\.$subject == "دیر رسیده").count() == 0)
            // the marker belongs to the other holder: not released by the loser
            let record = try #require(try await IdempotencyRecord.query(on: app.db).filter(\.$key == "lost-1").first())
            #expect(record.status == 0)
        }
    }
}
