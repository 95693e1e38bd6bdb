import Testing
@testable import InsuranceKit

@Suite("Token bucket for public inquiries")
struct EligibilityTokenBucketTests {
    /// Takes once per instant and reports which succeeded (keeps mutation out of #expect).
    func takes(_ bucket: inout TokenBucket, at instants: [Double]) -> [Bool] {
        instants.map { bucket.take(now: $0) }
    }

    @Test("starts full, drains, refills at the given rate")
    func refill() {
        // capacity 3, 0.5 token/s: three takes at t=100, then one token every 2 s.
        var bucket = TokenBucket(capacity: 3, refillPerSecond: 0.5, now: 100)
        #expect(bucket.isFull(now: 100))
        // 101.9: 1.9 s · 0.5 = 0.95 token, refused; 102: 0.95 + 0.05 = 1, granted.
        #expect(takes(&bucket, at: [100, 100, 100, 100, 101.9, 102]) == [true, true, true, false, false, true])
        #expect(!bucket.isFull(now: 104))    // 1 token after 2 s more
        #expect(bucket.isFull(now: 108))     // (108 − 102) · 0.5 = 3, capped at capacity
        #expect(bucket.isFull(now: 1_000_000))
        #expect(bucket.available(now: 1_000_000) == 3)
    }

    @Test("a clock going backwards neither refills nor traps")
    func backwards() {
        var bucket = TokenBucket(capacity: 1, refillPerSecond: 1, now: 50)
        #expect(takes(&bucket, at: [50, 10, 50.5, 51, .nan, .infinity, -.infinity]) == [true, false, false, true, false, false, false])
    }

    @Test("nonsense settings give a bucket that never grants")
    func nonsense() {
        var zero = TokenBucket(capacity: 0, refillPerSecond: 10, now: 0)
        #expect(takes(&zero, at: [0, 100]) == [false, false])
        var nan = TokenBucket(capacity: .nan, refillPerSecond: .nan, now: .nan)
        #expect(takes(&nan, at: [0, 1]) == [false, false])
        var negative = TokenBucket(capacity: 2, refillPerSecond: -1, now: 0)
        #expect(takes(&negative, at: [0, 0, 1_000]) == [true, true, false])
    }
}
