/// Token bucket for throttling public inquiries (R-EL-01/02: anyone may ask, so per-caller
/// rate limits). The caller passes the clock in seconds, so tests drive time by hand and the
/// type stays a plain value.
public struct TokenBucket: Sendable {
    public let capacity: Double
    public let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: Double

    /// Starts full. Negative or NaN settings count as 0 (a bucket that never grants).
    public init(capacity: Double, refillPerSecond: Double, now: Double) {
        self.capacity = capacity > 0 ? capacity : 0
        self.refillPerSecond = refillPerSecond > 0 ? refillPerSecond : 0
        tokens = self.capacity
        updatedAt = now.isFinite ? now : 0
    }

    /// Spends one token when available.
    public mutating func take(now: Double) -> Bool {
        tokens = available(now: now)
        if now.isFinite, now > updatedAt { updatedAt = now }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    public func isFull(now: Double) -> Bool {
        available(now: now) >= capacity
    }

    /// Tokens at `now`. A clock that steps backwards refills nothing (it never drains either).
    public func available(now: Double) -> Double {
        guard now.isFinite, now > updatedAt else { return tokens }
        return Swift.min(capacity, tokens + (now - updatedAt) * refillPerSecond)
    }
}
