import Testing
@testable import InsuranceKit

/// Sign-in throttling: free failures, doubling waits, the lock and its end, with the clock in hand.
@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let policy = SignInThrottle.Policy.username

    @Test("the username policy's waits after n failures in a row: 0, 0, 0, then 1, 2, 4, 8, 16 s, capped at 30")
    func delays() {
        let throttle = SignInThrottle(policy: policy)
        #expect((1...10).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30])
        // the address policy: 10 free, then 1, 2, 4 … capped at 60
        let address = SignInThrottle(policy: .address)
        #expect((9...18).map { address.delay(afterFailures: $0) } == [0, 0, 1, 2, 4, 8, 16, 32, 60, 60])
    }

    @Test("three wrong passwords are free; the fourth makes the next attempt wait 1 s, the fifth 2 s, counted from the last failure")
    func backoff() {
        var t = SignInThrottle(policy: policy)
        for _ in 0..<3 { t.fail(now: 100) }
        #expect(t.verdict(now: 100) == .allowed)
        t.fail(now: 100)
        // 0.5 s after the 4th failure: 0.5 s left of 1, rounded up to 1
        #expect(t.verdict(now: 100.5) == .wait(seconds: 1))
        #expect(t.verdict(now: 101) == .allowed)
        t.fail(now: 101)
        // 2 s from 101: at 101.2, 1.8 s left → 2
        #expect(t.verdict(now: 101.2) == .wait(seconds: 2))
        #expect(t.verdict(now: 102.9) == .wait(seconds: 1))
        #expect(t.verdict(now: 103) == .allowed)
    }

    @Test("the tenth failure in a row locks for 15 minutes; when the lock ends, counting starts again")
    func lock() {
        var t = SignInThrottle(policy: policy)
        var lockedAt: Int?
        // attempts spaced 40 s apart, longer than any wait, so each is allowed and fails
        for n in 1...10 {
            let now = Double(n) * 40
            #expect(t.verdict(now: now) == .allowed, "attempt \(n)")
            if t.fail(now: now) { lockedAt = n }
        }
        #expect(lockedAt == 10)
        // locked at 400 until 400 + 900 = 1300
        #expect(t.verdict(now: 400) == .locked(seconds: 900))
        #expect(t.verdict(now: 1299.5) == .locked(seconds: 1))
        #expect(t.verdict(now: 1300) == .allowed)
        t.fail(now: 1300)
        #expect(t.failures == 1, "a fresh count after the lock")
        #expect(t.verdict(now: 1300) == .allowed)
    }

    @Test("a success clears everything; failures older than 15 minutes are forgotten")
    func resetAndForget() {
        var t = SignInThrottle(policy: policy)
        for _ in 0..<5 { t.fail(now: 0) }
        #expect(t.verdict(now: 0) == .wait(seconds: 2))
        t.succeed()
        #expect(t.verdict(now: 0) == .allowed)
        #expect(t.failures == 0)
        for _ in 0..<5 { t.fail(now: 0) }
        #expect(!t.isIdle(now: 899))
        #expect(t.isIdle(now: 900))
        t.fail(now: 900)
        #expect(t.failures == 1)
    }

    @Test("a clock stepping backwards never shortens a wait")
    func backwardsClock() {
        var t = SignInThrottle(policy: policy)
        for _ in 0..<4 { t.fail(now: 50) }
        t.fail(now: 40)
        // the 5th failure counts from the latest failure seen (50): 2 s → allowed again at 52
        #expect(t.verdict(now: 51) == .wait(seconds: 1))
        #expect(t.verdict(now: 52) == .allowed)
    }
}
