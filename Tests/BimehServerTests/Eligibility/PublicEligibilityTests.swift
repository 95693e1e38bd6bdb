@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The public inquiry with credit codes (R-EL-01, R-EL-02) over HTTP, on both engines.
@Suite("Public eligibility inquiry (R-EL-01, R-EL-02)")
struct PublicEligibilityTests {
    static func code(_ app: Application, mobile: String = "09121234567") async throws -> String {
        let sent = try await app.send(.POST, "/api/v1/public/credit-codes", json: ["mobile": mobile])
        #expect(sent.status == .accepted)
        #expect(sent.json["mobile"] as? String == String(mobile.prefix(4)) + "•••" + String(mobile.suffix(4)))
        return try #require(try SMSInbox.lastCode(app, to: mobile))
    }

    @Test("R-EL-02 a code by SMS with quota 20; each inquiry takes one, covered or not; a mistyped person takes none")
    func quotaFalls() async throws {
        try await TestApp.run { app in
            let code = try await Self.code(app)
            let first = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"])
            #expect(first.status == .ok)
            #expect(first.json["covered"] as? Bool == true)
            #expect(first.json["message"] as? String == "از حمایت‌های درمانی برخوردار می‌باشید")
            #expect(first.json["remainingQuota"] as? Int == 19)
            // Nothing about the person beyond covered / not covered.
            #expect(Set(first.json.keys) == ["covered", "message", "remainingQuota", "mobile"])

            let second = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "1583250689"])
            #expect(second.json["covered"] as? Bool == false)
            #expect(second.json["remainingQuota"] as? Int == 18)

            let typo = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229646"])
            #expect(typo.status == .unprocessableEntity)
            let both = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645", "foreignId": "100200300400"])
            #expect(both.status == .unprocessableEntity)
            let foreign = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "foreignId": "100200300400"])
            #expect(foreign.json["covered"] as? Bool == true)
            #expect(foreign.json["remainingQuota"] as? Int == 17)
        }
    }

    @Test("R-EL-02 the code is valid until its quota reaches zero; then refused in Persian; unknown codes are 404")
    func exhaustion() async throws {
        try await TestApp.run(adjust: { $0.creditCodeQuota = 2 }) { app in
            let code = try await Self.code(app)
            for expected in [1, 0] {
                let res = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"])
                #expect(res.json["remainingQuota"] as? Int == expected)
            }
            let refused = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"])
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "credit-exhausted")
            #expect((refused.json["detail"] as? String)?.contains("تمام شده است") == true)
            let unknown = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": "1000000000", "nationalCode": "0076229645"])
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "credit-code-not-found")
            let junk = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": "12ab", "nationalCode": "0076229645"])
            #expect(junk.status == .unprocessableEntity)
            let record = try #require(try await CreditCodeRecord.query(on: app.db).first())
            #expect(record.remaining == 0)
            #expect(record.codeHash != code && record.codeHash.count == 64)
        }
    }

    @Test("R-EL-02 200 simultaneous inquiries on one code with quota 100: exactly 100 answered, 100 refused, quota 0")
    func concurrentSpending() async throws {
        try await TestApp.run(adjust: {
            $0.creditCodeQuota = 100
            $0.publicLimits.perIP = RateLimiter.Limit(burst: 10_000, perSecond: 1_000)
        }) { app in
            let code = try await Self.code(app)
            let statuses = try await withThrowingTaskGroup(of: (UInt, Int?).self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let res = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"])
                        return (res.status.code, res.json["remainingQuota"] as? Int)
                    }
                }
                return try await group.reduce(into: [(UInt, Int?)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 200 }.count == 100)
            #expect(statuses.filter { $0.0 == 403 }.count == 100)
            // Every remaining count from 99 down to 0 was handed out exactly once.
            #expect(Set(statuses.compactMap(\.1)) == Set(0...99))
            let record = try #require(try await CreditCodeRecord.query(on: app.db).first())
            #expect(record.remaining == 0)
        }
    }

    @Test("rate limits: per IP on inquiries, per mobile number on SMS; 429 with a Persian message")
    func rateLimits() async throws {
        try await TestApp.run(adjust: { $0.publicLimits.perIP = RateLimiter.Limit(burst: 5, perSecond: 0.001) }) { app in
            let code = try await Self.code(app)   // 1 of 5
            var last: TestingHTTPResponse?
            for _ in 0..<5 { last = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"]) }
            #expect(last?.status == .tooManyRequests)
            #expect(last?.problemCode == "rate-limited")
            #expect(last?.headers.first(name: "Retry-After") == "60")
        }
        try await TestApp.run { app in
            for _ in 0..<3 { _ = try await Self.code(app, mobile: "09350000001") }
            let fourth = try await app.send(.POST, "/api/v1/public/credit-codes", json: ["mobile": "09350000001"])
            #expect(fourth.status == .tooManyRequests)
            // Another number is not held back by the first.
            #expect(try await app.send(.POST, "/api/v1/public/credit-codes", json: ["mobile": "09350000002"]).status == .accepted)
            let bad = try await app.send(.POST, "/api/v1/public/credit-codes", json: ["mobile": "0912"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemCode == "invalid-mobile")
        }
    }

    @Test("the rate limiter's buckets refill with time and are forgotten when the table is full")
    func limiterUnit() {
        let limiter = RateLimiter(RateLimiter.Limit(burst: 2, perSecond: 1), maxKeys: 3)
        #expect(limiter.allow("a", now: 0) && limiter.allow("a", now: 0))
        #expect(!limiter.allow("a", now: 0.5))
        #expect(limiter.allow("a", now: 1.6))
        for key in ["b", "c", "d", "e"] { #expect(limiter.allow(key, now: 2)) }
    }
}
