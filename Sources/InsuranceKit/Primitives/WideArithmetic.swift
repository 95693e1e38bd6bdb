/// Integer helpers for exact money math (R-G-01, R-G-02) and calendar math (R-G-03).
/// Internal: callers see only the throwing domain API built on them.
enum WideArithmetic {
    /// Floor division (rounds toward −∞); `b` must be positive. Calendar formulas need it for
    /// dates before the epoch.
    @inline(__always)
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b < 0) ? q - 1 : q
    }

    /// Floor modulo, always in 0..<b for positive `b`.
    @inline(__always)
    static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return r < 0 ? r + b : r
    }

    /// Unsigned 128-bit value as two halves; enough for products of two Int64 magnitudes.
    struct U128: Comparable {
        var high: UInt64
        var low: UInt64

        static func < (a: U128, b: U128) -> Bool {
            a.high != b.high ? a.high < b.high : a.low < b.low
        }

        static func product(_ a: UInt64, _ b: UInt64) -> U128 {
            let (h, l) = a.multipliedFullWidth(by: b)
            return U128(high: h, low: l)
        }

        /// Long division by a non-zero 64-bit divisor: quotient (128-bit) and remainder.
        func quotientAndRemainder(dividingBy d: UInt64) -> (quotient: U128, remainder: UInt64) {
            let qh = high / d
            let rh = high % d
            // rh < d, so dividingFullWidth cannot overflow.
            let (ql, r) = d.dividingFullWidth((rh, low))
            return (U128(high: qh, low: ql), r)
        }

        /// self + v; callers guarantee no 128-bit overflow.
        func adding(_ v: UInt64) -> U128 {
            let (l, carry) = low.addingReportingOverflow(v)
            return U128(high: high &+ (carry ? 1 : 0), low: l)
        }

        /// self × 2; callers guarantee self < 2^127.
        func doubled() -> U128 {
            U128(high: (high << 1) | (low >> 63), low: low << 1)
        }
    }

    /// R-G-02: round-half-away-from-zero of a × n / (d1 × d2), exact for every Int64 input:
    /// the product and both divisions are done in 128 bits, so no intermediate can overflow.
    /// Returns nil when a divisor is zero or the rounded result does not fit in Int64.
    static func roundedQuotient(_ a: Int64, times n: Int64, over d1: Int64, _ d2: Int64 = 1) -> Int64? {
        guard d1 != 0, d2 != 0 else { return nil }
        // Sign of the result: an odd number of negative factors.
        let negative = ((a < 0) != (n < 0)) != ((d1 < 0) != (d2 < 0))
        let m1 = d1.magnitude, m2 = d2.magnitude
        let product = U128.product(a.magnitude, n.magnitude)
        // product = m1·(m2·q + r2) + r1  ⇒  fraction = (m1·r2 + r1) / (m1·m2)
        let (q1, r1) = product.quotientAndRemainder(dividingBy: m1)
        let (q, r2) = q1.quotientAndRemainder(dividingBy: m2)
        guard q.high == 0 else { return nil }
        // m1, m2 ≤ 2^63 ⇒ m1·m2 ≤ 2^126 and the fraction numerator < m1·m2, so doubling fits.
        let twiceFraction = U128.product(m1, r2).adding(r1).doubled()
        let roundUp = !(twiceFraction < U128.product(m1, m2))   // half or more → away from zero
        var magnitude = q.low
        if roundUp {
            let (sum, overflow) = magnitude.addingReportingOverflow(1)
            guard !overflow else { return nil }
            magnitude = sum
        }
        return signed(magnitude, negative: negative)
    }

    /// Applies a sign to a magnitude, or nil if it does not fit in Int64 (−2^63 does fit).
    static func signed(_ magnitude: UInt64, negative: Bool) -> Int64? {
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Greatest common divisor of magnitudes (gcd(0, b) = b).
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Sign-correct comparison of a·b with c·d using 128-bit products (for exact ratios).
    static func compareProducts(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        let l = a.multipliedFullWidth(by: b)
        let r = c.multipliedFullWidth(by: d)
        if l.high != r.high { return l.high < r.high ? -1 : 1 }
        if l.low != r.low { return l.low < r.low ? -1 : 1 }
        return 0
    }
}
