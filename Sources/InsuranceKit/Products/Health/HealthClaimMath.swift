/// R-SH-04/06: what a health claim pays. payable = min(remaining ceiling,
/// cost − max(base insurer's payment, franchise % × cost)); the lines add up to it:
/// `cost`, `base-insurer` (what the base insurer paid), `franchise` (what the franchise takes beyond
/// that, never negative), `ceiling-reduction` (what the person's remaining ceiling cannot take).
public struct HealthClaimSettlement: Codable, Sendable, Hashable {
    public let lines: [QuoteLine]
    public let payable: Rial
    /// What the insured still pays: cost − base insurer − payable.
    public let insuredShare: Rial
    /// The cover's ceiling left for the person after this claim.
    public let remainingCeiling: Rial
}

public enum HealthClaimMath: Sendable {
    /// R-SH-06: what is left of a person's cover for the policy year: the annual ceiling less what
    /// earlier paid claims used, never below zero.
    public static func remaining(ceiling: Rial, used: Rial) throws -> Rial {
        max(.zero, try ceiling.subtracting(used))
    }

    public static func settle(cost: Rial, basePaid: Rial, franchise: Percent, remainingCeiling: Rial) throws -> HealthClaimSettlement {
        guard cost > .zero else {
            throw DomainError(code: cost.isZero ? "zero-amount" : "negative-amount", message: "هزینه باید بیشتر از صفر باشد.", field: "cost")
        }
        guard !basePaid.isNegative else { throw DomainError.negativeAmount.withField("basePaid") }
        guard basePaid <= cost else {
            throw DomainError(code: "base-paid-exceeds-cost", message: "سهم بیمه‌گر پایه از کل هزینه بیشتر است.", field: "basePaid")
        }
        let franchiseAmount = try cost.percent(franchise)
        let deducted = max(basePaid, franchiseAmount)
        let beforeCeiling = try cost.subtracting(deducted)
        let left = max(.zero, remainingCeiling)
        let payable = min(beforeCeiling, left)
        var lines = [
            QuoteLine(code: "cost", rule: "R-SH-04", label: "هزینهٔ درمان", amount: cost),
            QuoteLine(code: "base-insurer", rule: "R-SH-04", label: "سهم پرداختی بیمه‌گر پایه", amount: try basePaid.negated()),
        ]
        let franchiseBeyond = try deducted.subtracting(basePaid)
        if franchiseBeyond > .zero {
            lines.append(QuoteLine(code: "franchise", rule: "R-SH-04", label: "فرانشیز (\(franchise.persianFormatted) هزینه، بیش از سهم بیمه‌گر پایه)",
                                   amount: try franchiseBeyond.negated()))
        }
        let reduction = try beforeCeiling.subtracting(payable)
        if reduction > .zero {
            lines.append(QuoteLine(code: "ceiling-reduction", rule: "R-SH-06", label: "کسر به سبب سقف باقی‌ماندهٔ پوشش", amount: try reduction.negated()))
        }
        return HealthClaimSettlement(lines: lines, payable: payable,
                                     insuredShare: try cost.subtracting(basePaid).subtracting(payable),
                                     remainingCeiling: try left.subtracting(payable))
    }
}
