import Foundation
import InsuranceKit
import NIOConcurrencyHelpers

/// Token buckets per key (an IP address, a mobile number), in memory. A refused request costs
/// nothing stored. Buckets that have refilled completely are forgotten when the table grows, so
/// memory stays bounded under a flood of distinct keys.
final class RateLimiter: Sendable {
    struct Limit: Sendable, Equatable {
        /// Requests allowed at once.
        var burst: Double
        /// Requests regained per second.
        var perSecond: Double
    }

    private let limit: Limit
    private let maxKeys: Int
    private let buckets = NIOLockedValueBox<[String: TokenBucket]>([:])

    init(_ limit: Limit, maxKeys: Int = 100_000) {
        self.limit = limit
        self.maxKeys = maxKeys
    }

    /// True when the request may go ahead (and takes a token).
    /// `now`: the clock's instant, in seconds since 1970.
    func allow(_ key: String, now: Double) -> Bool {
        let limit = self.limit, maxKeys = self.maxKeys
        return buckets.withLockedValue { table in
            if table.count >= maxKeys {
                table = table.filter { !$0.value.isFull(now: now) }
                // Still full of active keys: start over rather than grow without bound.
                if table.count >= maxKeys { table.removeAll(keepingCapacity: true) }
            }
            var bucket = table[key] ?? TokenBucket(capacity: limit.burst, refillPerSecond: limit.perSecond, now: now)
            let allowed = bucket.take(now: now)
            table[key] = bucket
            return allowed
        }
    }
}

/// The public channels' limits (R-EL-02/03): generous for a person, tight for a script.
struct PublicRateLimits: Sendable, Equatable {
    /// Public inquiries and credit-code requests per client IP.
    var perIP = RateLimiter.Limit(burst: 30, perSecond: 0.5)
    /// Credit codes sent to one mobile number (each is an SMS the insurer pays for).
    var perMobile = RateLimiter.Limit(burst: 3, perSecond: 1.0 / 600)
    /// USSD requests per phone.
    var perPhone = RateLimiter.Limit(burst: 20, perSecond: 0.2)
}

/// The limiters of a running application.
struct PublicLimiters: Sendable {
    let perIP: RateLimiter
    let perMobile: RateLimiter
    let perPhone: RateLimiter

    init(_ limits: PublicRateLimits) {
        perIP = RateLimiter(limits.perIP)
        perMobile = RateLimiter(limits.perMobile)
        perPhone = RateLimiter(limits.perPhone)
    }

    static let refused = AppError(.tooManyRequests, code: "rate-limited",
                                  detail: "تعداد درخواست‌ها بیش از حد مجاز است؛ چند دقیقهٔ دیگر دوباره تلاش کنید.",
                                  headers: ["Retry-After": "60"])
}
