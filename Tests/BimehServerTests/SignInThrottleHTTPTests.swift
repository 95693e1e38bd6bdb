@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Password sign-in is throttled per username and per client address, on the API token endpoint
/// and on the web login alike; failures are audited; a lock is told in Persian.
@Suite("Sign-in throttling")
struct SignInThrottleHTTPTests {
    /// Waits of a minute after the free failures, so that no test races the clock.
    static func minuteWaits(_ config: inout AppConfig) {
        config.signIn.username.baseDelay = 60
        config.signIn.username.maxDelay = 60
    }

    static func strictAddress(_ config: inout AppConfig) {
        config.signIn.address.freeFailures = 5
        config.signIn.address.baseDelay = 60
    }

    static func signIn(_ app: Application, _ username: String, _ password: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/auth/token", json: ["username": username, "password": password])
    }

    @Test("three wrong passwords are answered 401; the next attempt, even with the right password, is 429 sign-in-throttled with Retry-After")
    func throttled() async throws {
        try await TestApp.run(adjust: Self.minuteWaits) { (app: Application) async throws in
            for _ in 0..<3 { #expect(try await Self.signIn(app, "issuer", "wrong").status == .unauthorized) }
            // the 3 free failures are spent: the 4th failure sets a 60 s wait
            let fourth = ContinuousClock.now
            #expect(try await Self.signIn(app, "issuer", "wrong").problemCode == "invalid-credentials")
            let refused = try await Self.signIn(app, "issuer", "demo-issuer")
            let elapsed = Int((ContinuousClock.now - fourth).components.seconds) + 1
            #expect(refused.status == .tooManyRequests)
            #expect(refused.problemCode == "sign-in-throttled")
            // a 60 s wait, less the time these two requests took (seconds on a busy machine)
            let wait = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((60 - elapsed...60).contains(wait), "Retry-After \(wait) after \(elapsed) s")
            #expect(refused.json["detail"] as? String == "پس از ورود نادرست باید کمی صبر کنید؛ \(Normalize.persianDigits(String(wait))) ثانیهٔ دیگر دوباره تلاش کنید.")
            // another user is not held back by issuer's failures
            #expect(try await Self.signIn(app, "claims", "demo-claims").status == .ok)
            // every wrong password is in the audit trail, a throttled attempt is not (it was never checked)
            let failed = try await AuditRecord.query(on: app.db).filter(\.$action == "auth.sign-in-failed").all()
            #expect(failed.count == 4)
            let issuerID = try #require(try await User.query(on: app.db).filter(\.$username == "issuer").first()?.requireID())
            #expect(failed.allSatisfy { $0.entityID == issuerID.uuidString })
        }
    }

    @Test("a wrong username is throttled and audited like a wrong password")
    func unknownUsername() async throws {
        try await TestApp.run(adjust: Self.minuteWaits) { (app: Application) async throws in
            for _ in 0..<4 { #expect(try await Self.signIn(app, "nobody", "x").status == .unauthorized) }
            #expect(try await Self.signIn(app, "nobody", "x").problemCode == "sign-in-throttled")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "auth.sign-in-failed").filter(\.$entityID == "unknown:nobody").count() == 4)
        }
    }

    @Test("the failure that reaches the limit locks the username and says so in Persian; the right password is then 429 account-locked until the lock ends")
    func lock() async throws {
        try await TestApp.run(adjust: { c in
            c.signIn.username = SignInThrottle.Policy(freeFailures: 4, baseDelay: 0, maxDelay: 0, lockAfter: 5, lockFor: 15 * 60, forgetAfter: 15 * 60)
        }) { (app: Application) async throws in
            for _ in 0..<4 { #expect(try await Self.signIn(app, "head", "wrong").json["detail"] as? String == "نام کاربری یا گذرواژه نادرست است.") }
            let fifth = try await Self.signIn(app, "head", "wrong")
            #expect(fifth.status == .unauthorized)
            #expect(fifth.json["detail"] as? String == "نام کاربری یا گذرواژه نادرست است. به دلیل ورودهای نادرست پیاپی، ورود با این نام کاربری برای ۱۵ دقیقه قفل شد.")
            let locked = try await Self.signIn(app, "head", "demo-head")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.problemCode == "account-locked")
            let retry = try #require(locked.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((885...900).contains(retry))
            #expect(locked.json["detail"] as? String == "به دلیل چند ورود نادرست پیاپی، ورود با این نام کاربری تا ۱۵ دقیقهٔ دیگر قفل است. پس از آن دوباره تلاش کنید یا با مدیر سامانه تماس بگیرید.")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "auth.sign-in-locked").count() == 1)
        }
    }

    @Test("failures from one address across many usernames throttle that address")
    func perAddress() async throws {
        try await TestApp.run(adjust: Self.strictAddress) { (app: Application) async throws in
            // six different usernames, one wrong password each: no username reaches its own limit
            for n in 1...6 { #expect(try await Self.signIn(app, "guess\(n)", "x").status == .unauthorized) }
            let refused = try await Self.signIn(app, "accountant", "demo-accountant")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.problemCode == "sign-in-throttled")
        }
    }

    @Test("a successful sign-in clears the username's count")
    func successResets() async throws {
        try await TestApp.run(adjust: Self.minuteWaits) { (app: Application) async throws in
            for _ in 0..<3 { _ = try await Self.signIn(app, "issuer", "wrong") }
            #expect(try await Self.signIn(app, "issuer", "demo-issuer").status == .ok)
            // three more free failures, then throttled again
            for _ in 0..<4 { #expect(try await Self.signIn(app, "issuer", "wrong").status == .unauthorized) }
            #expect(try await Self.signIn(app, "issuer", "wrong").status == .tooManyRequests)
        }
    }

    @Test("the web login: throttled and locked with the same Persian messages, 429 and Retry-After")
    func webLogin() async throws {
        try await TestApp.run(adjust: { c in
            c.signIn.username = SignInThrottle.Policy(freeFailures: 2, baseDelay: 0, maxDelay: 0, lockAfter: 3, lockFor: 600, forgetAfter: 600)
        }) { (app: Application) async throws in
            var browser = WebPageTests.Browser(app: app)
            for n in 1...3 {
                let page = try await browser.get("/login")
                let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))
                let wrong = try await browser.post("/login", form: ["username": "issuer", "password": "x", "_csrf": csrf])
                #expect(wrong.status == .unauthorized)
                if n == 3 { #expect(wrong.body.string.contains("برای ۱۰ دقیقه قفل شد")) }
            }
            let page = try await browser.get("/login")
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))
            let locked = try await browser.post("/login", form: ["username": "issuer", "password": "demo-issuer", "_csrf": csrf])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers.first(name: "Retry-After").flatMap(Int.init).map { (585...600).contains($0) } == true)
            #expect(locked.body.string.contains("ورود با این نام کاربری تا ۱۰ دقیقهٔ دیگر قفل است"))
            #expect(browser.cookies[SessionAuthenticator.cookieName] == nil, "no session")
        }
    }

    @Test("the in-memory guard: a lock outranks a wait; a success clears the username but not the address")
    func guardRules() {
        let g = SignInGuard(.init(username: .init(freeFailures: 1, baseDelay: 10, maxDelay: 10, lockAfter: 3, lockFor: 100, forgetAfter: 1000),
                                  address: .init(freeFailures: 1, baseDelay: 20, maxDelay: 20, lockAfter: 50, lockFor: 100, forgetAfter: 1000),
                                  concurrentHashes: 1))
        #expect(g.check(username: "u", address: "a", now: 0) == nil)
        _ = g.failed(username: "u", address: "a", now: 0)
        #expect(g.check(username: "u", address: "a", now: 0) == nil, "one free failure each")
        let second = g.failed(username: "u", address: "a", now: 0)
        #expect(second.usernameFailures == 2 && second.addressFailures == 2 && second.usernameLockedFor == nil)
        // username waits 10 s, the address 20 s: the longer one
        #expect(g.check(username: "u", address: "a", now: 1) == SignInGuard.Refusal(reason: .tooSoon, retryAfter: 19))
        #expect(g.check(username: "v", address: "b", now: 1) == nil)
        let third = g.failed(username: "u", address: "b", now: 30)
        #expect(third.usernameLockedFor == 100)
        #expect(g.check(username: "u", address: "c", now: 31) == SignInGuard.Refusal(reason: .usernameLocked, retryAfter: 99))
        g.succeeded(username: "u")
        #expect(g.check(username: "u", address: "c", now: 31) == nil)
        #expect(g.check(username: "w", address: "a", now: 5) == SignInGuard.Refusal(reason: .tooSoon, retryAfter: 15), "the address still waits")
    }

    @Test("the hashing gate runs one check at a time and lets a clean sign-in go before queued suspect ones")
    func hashGateOrder() async throws {
        let gate = PasswordHashGate(permits: 1)
        await gate.acquire(clean: false)
        let order = OrderLog()
        let suspect = Task { await gate.acquire(clean: false); await order.add("suspect"); await gate.release() }
        while await gate.waiting < 1 { await Task.yield() }
        let clean = Task { await gate.acquire(clean: true); await order.add("clean"); await gate.release() }
        while await gate.waiting < 2 { await Task.yield() }
        await gate.release()
        await suspect.value
        await clean.value
        #expect(await order.items == ["clean", "suspect"])
    }

    actor OrderLog {
        var items: [String] = []
        func add(_ item: String) { items.append(item) }
    }

    @Test("BIMEH_SIGNIN_LOCK_AFTER, BIMEH_SIGNIN_LOCK_MINUTES and BIMEH_SIGNIN_HASHES are read and checked")
    func settings() throws {
        let config = try AppConfig.fromEnvironment(["BIMEH_SIGNIN_LOCK_AFTER": "5", "BIMEH_SIGNIN_LOCK_MINUTES": "30", "BIMEH_SIGNIN_HASHES": "2"], demo: false)
        #expect(config.signIn.username.lockAfter == 5)
        #expect(config.signIn.username.lockFor == 1800)
        #expect(config.signIn.address.lockFor == 1800)
        #expect(config.signIn.concurrentHashes == 2)
        #expect(try AppConfig.fromEnvironment([:], demo: false).signIn.username == .username)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_SIGNIN_LOCK_AFTER": "1"], demo: false) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_SIGNIN_HASHES": "0"], demo: false) }
    }
}
