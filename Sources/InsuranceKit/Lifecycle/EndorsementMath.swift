/// R-P-07: what an endorsement does to the premium.
public enum EndorsementKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// The premium increases; collected before the endorsement is issued.
    case additional
    /// The premium decreases; a refund payment order to the insured is issued.
    case refund
    /// No premium effect (including an increase and a decrease that cancel out).
    case nonFinancial = "non-financial"

    /// The kind of an endorsement whose premium delta is `delta`.
    public init(premiumDelta delta: Rial) {
        self = EndorsementMath.kind(for: delta)
    }
}

/// R-P-07: premium effect of a change at a date inside the policy term.
public enum EndorsementMath: Sendable {
    /// round((new − old) × remainingDays / termDays), once, half away from zero (R-G-02), with
    /// remainingDays = days from `effectiveDate` to the term's end.
    ///
    /// The change must take effect inside the term: start < effectiveDate ≤ end, else
    /// "endorsement-outside-term". On the end date itself nothing remains, so the delta is 0.
    /// Annual premiums must not be negative ("negative-amount").
    public static func premiumDelta(oldAnnual: Rial, newAnnual: Rial, term: PolicyTerm,
                                    effectiveDate: JalaliDate) throws -> Rial {
        guard !oldAnnual.isNegative else { throw DomainError.negativeAmount.withField("oldAnnual") }
        guard !newAnnual.isNegative else { throw DomainError.negativeAmount.withField("newAnnual") }
        guard term.start < effectiveDate, effectiveDate <= term.end else {
            throw DomainError(
                code: "endorsement-outside-term",
                message: "تاریخ اجرای الحاقیه باید پس از \(term.start.persianDescription) و تا "
                    + "\(term.end.persianDescription) باشد.",
                field: "effectiveDate")
        }
        // Both are ≥ 0, so the difference cannot overflow.
        let change = try newAnnual.subtracting(oldAnnual)
        return try change.proRata(numerator: Int64(term.remainingDays(at: effectiveDate)),
                                  denominator: Int64(term.days))
    }

    /// > 0 additional, < 0 refund, 0 non-financial: «در صورتی که مقدار بار مالی افزایش یافته با
    /// مقدار کاهش یافته برابری نماید … حق بیمه اضافی دریافت نمی‌شود» (seed 002).
    public static func kind(for delta: Rial) -> EndorsementKind {
        if delta > .zero { return .additional }
        if delta < .zero { return .refund }
        return .nonFinancial
    }
}
