/// One amount due on a policy's payment schedule (R-P-04).
public struct ScheduledPayment: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case downPayment = "down-payment"
        case installment
        /// The whole premium at once (cash plan).
        case whole
        /// R-P-07: an additional premium collected before its endorsement took effect.
        case additional
    }

    public let dueDate: JalaliDate
    public let amount: Rial
    public let kind: Kind

    public init(dueDate: JalaliDate, amount: Rial, kind: Kind) {
        self.dueDate = dueDate
        self.amount = amount
        self.kind = kind
    }
}

/// How the insured chose to pay (API.md `payment`).
public enum PaymentPlan: Sendable, Hashable {
    case cash
    case installments(downPayment: Rial, count: Int)
}

/// R-P-04: the schedule of a premium under a payment plan.
public enum InstallmentSchedule: Sendable {
    /// Hard ceiling on installments whatever a product's rules say (ten years of months).
    public static let maximumCount = 120

    /// Cash → one `.whole` payment due on `date`. Installments → the down payment due on `date`
    /// (left out when zero), then `count` installments of floor((premium − down) / count), the
    /// remainder added to the last; installment k is due on `date.addingMonths(k)` (day clamped:
    /// 1403/06/31 → 1403/07/30). Σ amounts == premium exactly.
    public static func schedule(premium: Rial, plan: PaymentPlan, rules: PaymentPlanRules,
                                startingOn date: JalaliDate) throws -> [ScheduledPayment] {
        guard premium > .zero else {
            throw DomainError(code: "invalid-premium", message: "حق بیمه باید بیشتر از صفر باشد.", field: "premium")
        }
        switch plan {
        case .cash:
            guard rules.allowsCash else { throw planNotAllowed }
            return [ScheduledPayment(dueDate: date, amount: premium, kind: .whole)]
        case .installments(let downPayment, let count) where !rules.monthlyCounts.isEmpty:
            return try monthly(premium: premium, count: count, downPayment: downPayment, counts: rules.monthlyCounts, from: date)
        case .installments(let downPayment, let count):
            guard rules.allowsInstallments else { throw planNotAllowed }
            guard rules.installmentCounts.contains(count), (1...maximumCount).contains(count) else {
                throw invalidCount(rules.installmentCounts)
            }
            try checkDownPayment(downPayment, premium: premium, share: rules.downPaymentShare)
            return installments(premium: premium, downPayment: downPayment, count: count, from: date)
        }
    }

    /// R-SH-11: `count` equal monthly parts of floor(premium / count), the remainder on the last;
    /// the first (due on `date`, the down payment) is paid before issue, part k on
    /// `date.addingMonths(k − 1)`. A down payment sent with the plan must be that first part
    /// (0 means "not given").
    private static func monthly(premium: Rial, count: Int, downPayment: Rial, counts: Set<Int>,
                                from date: JalaliDate) throws -> [ScheduledPayment] {
        guard counts.contains(count) else {
            throw DomainError(code: "invalid-installment-count",
                              message: "تعداد اقساط ماهانه باید یکی از این‌ها باشد: \(counts.sorted().map { Normalize.persianDigits(String($0)) }.joined(separator: "، ")).",
                              field: "payment.count")
        }
        let each = premium.amount / Int64(count)
        let remainder = premium.amount % Int64(count)
        guard downPayment.isZero || downPayment.amount == each else {
            throw DomainError(code: "invalid-down-payment",
                              message: "در اقساط ماهانه، پیش‌پرداخت همان قسط نخست است: \(Rial(each).persianFormatted) ریال.",
                              field: "payment.downPayment")
        }
        return (1...count).map { k in
            ScheduledPayment(dueDate: date.addingMonths(k - 1), amount: Rial(k == count ? each + remainder : each),
                             kind: k == 1 ? .downPayment : .installment)
        }
    }

    /// Down payment and count already validated: 0 ≤ down ≤ premium, 1 ≤ count ≤ 120.
    private static func installments(premium: Rial, downPayment: Rial, count: Int,
                                     from date: JalaliDate) -> [ScheduledPayment] {
        let rest = premium.amount - downPayment.amount        // no overflow: 0 ≤ down ≤ premium
        let each = rest / Int64(count)
        let remainder = rest % Int64(count)
        var payments: [ScheduledPayment] = []
        payments.reserveCapacity(count + 1)
        if downPayment > .zero {
            payments.append(ScheduledPayment(dueDate: date, amount: downPayment, kind: .downPayment))
        }
        for k in 1...count {
            let amount = k == count ? each + remainder : each
            payments.append(ScheduledPayment(dueDate: date.addingMonths(k), amount: Rial(amount), kind: .installment))
        }
        return payments
    }

    // MARK: Validation

    /// share.lower ≤ down / premium ≤ share.upper, compared exactly as down × 100 × q vs
    /// premium × p for a percent p/q (128-bit products, no floating point).
    private static func checkDownPayment(_ down: Rial, premium: Rial, share: ClosedRange<Percent>) throws {
        func atLeast(_ p: Percent) -> Bool {
            WideArithmetic.compareProducts(down.amount, 100 * p.value.denominator, premium.amount, p.value.numerator) >= 0
        }
        func atMost(_ p: Percent) -> Bool {
            WideArithmetic.compareProducts(down.amount, 100 * p.value.denominator, premium.amount, p.value.numerator) <= 0
        }
        guard down >= .zero, down <= premium, atLeast(share.lowerBound), atMost(share.upperBound) else {
            throw invalidDownPayment(premium: premium, share: share)
        }
    }

    private static let planNotAllowed = DomainError(
        code: "plan-not-allowed", message: "این روش پرداخت برای این بیمه‌نامه مجاز نیست.", field: "payment.plan")

    private static func invalidCount(_ counts: ClosedRange<Int>) -> DomainError {
        let low = Normalize.persianDigits(String(counts.lowerBound))
        let high = Normalize.persianDigits(String(Swift.min(counts.upperBound, maximumCount)))
        return DomainError(code: "invalid-installment-count",
                           message: "تعداد اقساط باید بین \(low) و \(high) باشد.", field: "payment.count")
    }

    /// Names the allowed range in percent and, when one exists, in rials:
    /// «پیش‌پرداخت باید بین ۳۰٪ و ۴۰٪ حق بیمه باشد (از ۳۰۰٬۰۰۰ تا ۴۰۰٬۰۰۰ ریال).»
    private static func invalidDownPayment(premium: Rial, share: ClosedRange<Percent>) -> DomainError {
        var message = "پیش‌پرداخت باید بین \(share.lowerBound.persianFormatted) و "
            + "\(share.upperBound.persianFormatted) حق بیمه باشد"
        if let low = rialShare(premium, share.lowerBound, roundingUp: true),
           let high = rialShare(premium, share.upperBound, roundingUp: false), low <= high {
            message += " (از \(Rial(low).persianFormatted) تا \(Rial(high).persianFormatted) ریال)"
        }
        return DomainError(code: "invalid-down-payment", message: message + ".", field: "payment.downPayment")
    }

    /// premium × p / 100 rounded up or down to a rial, clamped to 0…premium; nil if not
    /// representable.
    private static func rialShare(_ premium: Rial, _ p: Percent, roundingUp: Bool) -> Int64? {
        guard p.value.numerator > 0 else { return 0 }
        guard p < .hundred else { return premium.amount }
        // p < 100 ⇒ the quotient is below premium: it fits.
        let product = WideArithmetic.U128.product(UInt64(premium.amount), UInt64(p.value.numerator))
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: UInt64(p.value.denominator) * 100)
        guard quotient.high == 0, quotient.low <= UInt64(Int64.max) else { return nil }
        let floor = Int64(quotient.low)
        return roundingUp && remainder > 0 ? floor + 1 : floor
    }
}
