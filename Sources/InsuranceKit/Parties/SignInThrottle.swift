/// Throttling of password sign-ins, per username and per client address. A few wrong passwords
/// cost nothing; after that each further attempt must wait twice as long as the one before (from
/// the last failure), and after `lockAfter` failures in a row the key is locked for `lockFor`.
/// A success clears the key; failures older than `forgetAfter` are forgotten. The caller passes
/// the clock in seconds, so tests drive time by hand and the type stays a plain value.
public struct SignInThrottle: Sendable, Equatable {
    public struct Policy: Sendable, Equatable {
        /// Failures in a row that are answered without any wait.
        public var freeFailures: Int
        /// The wait after the first failure past the free ones; it doubles with each further one.
        public var baseDelay: Double
        /// The longest wait between two attempts (before the lock).
        public var maxDelay: Double
        /// Failures in a row after which the key is locked.
        public var lockAfter: Int
        /// How long a lock lasts.
        public var lockFor: Double
        /// A key with no failure for this long starts again from nothing.
        public var forgetAfter: Double

        public init(freeFailures: Int, baseDelay: Double, maxDelay: Double, lockAfter: Int, lockFor: Double, forgetAfter: Double) {
            self.freeFailures = max(0, freeFailures)
            self.baseDelay = max(0, baseDelay)
            self.maxDelay = max(0, maxDelay)
            self.lockAfter = max(1, lockAfter)
            self.lockFor = max(0, lockFor)
            self.forgetAfter = max(0, forgetAfter)
        }

        /// A username: 3 free failures, then 1, 2, 4, 8, 16, 30, 30 s; the 10th failure in a row
        /// locks it for 15 minutes.
        public static let username = Policy(freeFailures: 3, baseDelay: 1, maxDelay: 30, lockAfter: 10, lockFor: 15 * 60, forgetAfter: 15 * 60)
        /// A client address (an office behind one NAT shares it): 10 free failures, then 1, 2, 4 …
        /// up to 60 s; the 50th failure in a row locks the address for 15 minutes.
        public static let address = Policy(freeFailures: 10, baseDelay: 1, maxDelay: 60, lockAfter: 50, lockFor: 15 * 60, forgetAfter: 15 * 60)
    }

    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Too soon after the last failure: try again in this many seconds (at least 1).
        case wait(seconds: Int)
        /// Locked after too many failures: open again in this many seconds (at least 1).
        case locked(seconds: Int)

        public var retryAfter: Int? {
            switch self {
            case .allowed: return nil
            case .wait(let s), .locked(let s): return s
            }
        }
    }

    public let policy: Policy
    /// Failures in a row.
    public private(set) var failures = 0
    public private(set) var lastFailure: Double = 0
    public private(set) var lockedUntil: Double?

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Whether an attempt may be checked now.
    public func verdict(now: Double) -> Verdict {
        if let until = lockedUntil, now < until { return .locked(seconds: Self.seconds(until - now)) }
        guard failures > 0, !isForgotten(now: now) else { return .allowed }
        let delay = self.delay(afterFailures: failures)
        guard delay > 0, now < lastFailure + delay else { return .allowed }
        return .wait(seconds: Self.seconds(lastFailure + delay - now))
    }

    /// The wait before the next attempt after `n` failures in a row: 0 for the free ones, then
    /// `baseDelay`, doubling, capped at `maxDelay`.
    public func delay(afterFailures n: Int) -> Double {
        let past = n - policy.freeFailures
        guard past > 0 else { return 0 }
        let doubled = policy.baseDelay * Double(1 << Swift.min(past - 1, 30))
        return Swift.min(policy.maxDelay, doubled)
    }

    /// A wrong password at `now`. Returns true when this failure locked the key.
    @discardableResult
    public mutating func fail(now: Double) -> Bool {
        if let until = lockedUntil, now >= until {
            // the lock has run out: the next failure starts a fresh count
            lockedUntil = nil
            failures = 0
        }
        if isForgotten(now: now) { failures = 0 }
        failures += 1
        lastFailure = Swift.max(lastFailure, now)
        if failures >= policy.lockAfter, lockedUntil == nil {
            lockedUntil = now + policy.lockFor
            return true
        }
        return false
    }

    /// A correct password: the key starts again from nothing.
    public mutating func succeed() {
        failures = 0
        lockedUntil = nil
    }

    /// Nothing left to remember at `now` (the entry may be dropped).
    public func isIdle(now: Double) -> Bool {
        if let until = lockedUntil { return now >= until }
        return failures == 0 || isForgotten(now: now)
    }

    private func isForgotten(now: Double) -> Bool {
        lockedUntil == nil && now - lastFailure >= policy.forgetAfter
    }

    private static func seconds(_ interval: Double) -> Int {
        Swift.max(1, Int(interval.rounded(.up)))
    }
}
