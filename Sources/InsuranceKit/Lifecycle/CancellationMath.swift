/// Who asked for the cancellation (R-P-08); decides the refund method.
public enum CancellationInitiator: String, Codable, Sendable, Hashable, CaseIterable {
    case insurer
    case insured
}

/// The money side of a cancellation (R-P-08).
public struct CancellationOutcome: Codable, Sendable, Hashable {
    /// Cover stops at 24:00 of this day.
    public let effectiveDate: JalaliDate
    public let elapsedDays: Int
    public let remainingDays: Int
    /// "pro-rata" (insurer) or "short-period" (insured, T-SP).
    public let method: String
    /// The T-SP percentage; nil for pro-rata.
    public let retainedPercent: Percent?
    /// What the insurer keeps of the premium.
    public let retained: Rial
    /// paid − retained when positive: paid back to the insured.
    public let refund: Rial
    /// retained − paid when positive: still owed by the insured.
    public let owed: Rial

    public init(effectiveDate: JalaliDate, elapsedDays: Int, remainingDays: Int, method: String,
                retainedPercent: Percent?, retained: Rial, refund: Rial, owed: Rial) {
        self.effectiveDate = effectiveDate
        self.elapsedDays = elapsedDays
        self.remainingDays = remainingDays
        self.method = method
        self.retainedPercent = retainedPercent
        self.retained = retained
        self.refund = refund
        self.owed = owed
    }
}

/// R-P-08 with T-SP: effective date, retained premium, refund or amount owed.
public enum CancellationMath: Sendable {
    public static let proRata = "pro-rata"
    public static let shortPeriod = "short-period"

    /// effectiveDate = noticeDate + noticeDays, moved up to term.start when earlier (a notice
    /// given before the term starts takes effect at the start: nothing elapsed). Later than
    /// term.end → "cancellation-after-expiry" (the policy ends by itself first).
    ///
    /// Insurer: retained = premium − round(premium × remaining / termDays) (the unused days are
    /// refunded pro rata). Insured: retained = round(premium × T-SP(elapsed) %).
    /// refund = max(0, paid − retained); owed = max(0, retained − paid).
    ///
    /// `premium` is the policy's annual premium including endorsements; premium and paid must
    /// be ≥ 0 and noticeDays ≥ 0.
    public static func compute(initiatedBy initiator: CancellationInitiator, annualPremium premium: Rial, paid: Rial,
                               term: PolicyTerm, noticeDate: JalaliDate, noticeDays: Int) throws -> CancellationOutcome {
        guard !premium.isNegative else { throw DomainError.negativeAmount.withField("premium") }
        guard !paid.isNegative else { throw DomainError.negativeAmount.withField("paid") }
        guard noticeDays >= 0 else {
            throw DomainError(code: "invalid-notice-days", message: "مهلت اخطار نمی‌تواند منفی باشد.",
                              field: "noticeDays")
        }
        let effective = Swift.max(noticeDate.adding(days: noticeDays), term.start)
        guard effective <= term.end else {
            throw DomainError(
                code: "cancellation-after-expiry",
                message: "فسخ با اخطار \(Normalize.persianDigits(String(noticeDays))) روزه پس از پایان بیمه‌نامه "
                    + "(\(term.end.persianDescription)) اجرا می‌شود؛ بیمه‌نامه خودبه‌خود منقضی می‌شود.",
                field: "noticeDate")
        }
        let elapsed = term.elapsedDays(at: effective)
        let remaining = term.days - elapsed

        let retained: Rial
        let percent: Percent?
        switch initiator {
        case .insurer:
            percent = nil
            let unused = try premium.proRata(numerator: Int64(remaining), denominator: Int64(term.days))
            retained = try premium.subtracting(unused)
        case .insured:
            let p = ShortPeriodTable.retainedPercent(elapsedDays: elapsed)
            percent = p
            retained = try premium.percent(p)
        }
        // Both sides are ≥ 0 and retained ≤ premium, so these differences cannot overflow.
        let balance = try paid.subtracting(retained)
        return CancellationOutcome(
            effectiveDate: effective, elapsedDays: elapsed, remainingDays: remaining,
            method: initiator == .insurer ? proRata : shortPeriod, retainedPercent: percent,
            retained: retained,
            refund: balance > .zero ? balance : .zero,
            owed: balance < .zero ? try balance.negated() : .zero)
    }
}
