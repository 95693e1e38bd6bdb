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

/// R-SH-04…06, R-SH-08: what a reimbursement file pays. The cover's part is the direct claim's
/// breakdown (`cost`, `base-insurer`, `franchise`, `ceiling-reduction`); side costs follow as
/// `side-costs` and, beyond the hospitalization ceiling left, `side-costs-ceiling-reduction`;
/// an amount agreed after a dispute (R-CL-09) adds `agreed-adjustment`. Σ lines = payable.
public struct ReimbursementSettlement: Codable, Sendable, Hashable {
    public let lines: [QuoteLine]
    public let payable: Rial
    /// What the file spends of the cover's ceiling, and of the hospitalization ceiling for side costs.
    public let coverPaid: Rial
    public let sideCostsPaid: Rial
    /// The cover's direct-claim breakdown, before side costs and any agreement.
    public let cover: HealthClaimSettlement
}

extension HealthClaimMath {
    /// Side costs are paid as claimed, without base insurer or franchise — seed 003 names only the
    /// ceiling («با توجه به سقف مجاز خسارت بیمه‌شده») — up to the hospitalization ceiling left,
    /// which is what the cover's part left of it when the cover is hospitalization itself
    /// (`sideCostsShareCover`). An agreed amount keeps the side costs' assessed part and gives the
    /// rest to the cover (up to its ceiling left), any excess to side costs (up to theirs):
    /// "agreed-above-cap" beyond both.
    public static func reimburse(cost: Rial, basePaid: Rial, franchise: Percent, remainingCeiling: Rial,
                                 sideCosts: Rial = .zero, remainingHospitalization: Rial = .zero, sideCostsShareCover: Bool = false,
                                 agreed: Rial? = nil) throws -> ReimbursementSettlement {
        guard !sideCosts.isNegative else { throw DomainError.negativeAmount.withField("sideCosts") }
        let cover = try settle(cost: cost, basePaid: basePaid, franchise: franchise, remainingCeiling: remainingCeiling)
        var lines = cover.lines
        let coverRoom = max(.zero, remainingCeiling)
        func sideRoom(after coverPart: Rial) throws -> Rial {
            guard sideCosts > .zero else { return .zero }
            return sideCostsShareCover ? try coverRoom.subtracting(coverPart) : max(.zero, remainingHospitalization)
        }
        var coverPaid = cover.payable
        var sidePaid = min(sideCosts, try sideRoom(after: coverPaid))
        if sideCosts > .zero {
            lines.append(QuoteLine(code: "side-costs", rule: "R-SH-05", label: "هزینه‌های جانبی (پروتز، لنز …)", amount: sideCosts))
            if sideCosts > sidePaid {
                lines.append(QuoteLine(code: "side-costs-ceiling-reduction", rule: "R-SH-06",
                                       label: "کسر هزینهٔ جانبی به سبب سقف باقی‌ماندهٔ بستری و جراحی",
                                       amount: try sidePaid.subtracting(sideCosts)))
            }
        }
        let assessed = try coverPaid.adding(sidePaid)
        if let agreed {
            guard !agreed.isNegative else { throw DomainError.negativeAmount.withField("agreedAmount") }
            // the side costs keep what the assessment gave them; the rest is the cover's, up to its room
            let kept = min(sidePaid, agreed)
            let coverLimit = sideCostsShareCover ? try coverRoom.subtracting(kept) : coverRoom
            let toCover = min(try agreed.subtracting(kept), coverLimit), toSide = try agreed.subtracting(toCover)
            guard toSide <= (try sideRoom(after: toCover)) else {
                throw DomainError(code: "agreed-above-cap", message: "مبلغ توافقی از سقف باقی‌ماندهٔ پوشش بیمه‌شده بیشتر است.", field: "agreedAmount")
            }
            if agreed != assessed {
                lines.append(QuoteLine(code: "agreed-adjustment", rule: "R-CL-09", label: "تعدیل به مبلغ توافق‌شده",
                                       amount: try agreed.subtracting(assessed)))
            }
            coverPaid = toCover
            sidePaid = toSide
        }
        let payable = try Rial.sum(lines.map(\.amount))
        guard payable == (try coverPaid.adding(sidePaid)) else {
            // Unreachable: each line keeps Σ lines equal to what the two ceilings pay.
            throw DomainError(code: "settlement-inconsistent", message: "محاسبهٔ خسارت ناسازگار است.")
        }
        return ReimbursementSettlement(lines: lines, payable: payable, coverPaid: coverPaid, sideCostsPaid: sidePaid, cover: cover)
    }
}
