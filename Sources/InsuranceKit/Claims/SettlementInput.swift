/// What a settlement is computed from (R-CL-07, R-CL-08, R-CL-09).
public struct SettlementInput: Codable, Sendable, Hashable {
    /// R-CL-07: the loss set by the independent expert, > 0 (computer: replacement value).
    public let loss: Rial
    /// R-CL-07: salvage (بازیافت), 0…loss.
    public let salvage: Rial
    /// R-CL-04: the premium inquiry's answer.
    public let premium: PremiumInquiryOutcome
    /// The franchise printed on the policy, 0…100 %.
    public let franchisePercent: Percent
    /// The sum insured (or the per-cover limit), ≥ 0.
    public let cap: Rial
    /// Already paid on this policy/cover, ≥ 0 (seed 002 step 15: from "Saman").
    public let previousPayments: Rial
    /// R-CL-09: the amount agreed after the offer or the meetings; replaces the assessed payable.
    public let agreedAmount: Rial?
    /// R-CL-08: the damaged items, each capped at its declared value before the other steps;
    /// their losses add up to `loss`. Empty when the claim names none.
    public let items: [ClaimedItem]

    public init(loss: Rial, salvage: Rial, premium: PremiumInquiryOutcome, franchisePercent: Percent, cap: Rial,
                previousPayments: Rial = .zero, agreedAmount: Rial? = nil, items: [ClaimedItem] = []) {
        self.loss = loss
        self.salvage = salvage
        self.premium = premium
        self.franchisePercent = franchisePercent
        self.cap = cap
        self.previousPayments = previousPayments
        self.agreedAmount = agreedAmount
        self.items = items
    }
}

extension SettlementInput {
    /// Input stored before items existed has no `items`: read as none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(loss: try c.decode(Rial.self, forKey: .loss), salvage: try c.decode(Rial.self, forKey: .salvage),
                  premium: try c.decode(PremiumInquiryOutcome.self, forKey: .premium),
                  franchisePercent: try c.decode(Percent.self, forKey: .franchisePercent),
                  cap: try c.decode(Rial.self, forKey: .cap),
                  previousPayments: try c.decode(Rial.self, forKey: .previousPayments),
                  agreedAmount: try c.decodeIfPresent(Rial.self, forKey: .agreedAmount),
                  items: try c.decodeIfPresent([ClaimedItem].self, forKey: .items) ?? [])
    }
}

/// A settlement breakdown (API.md: `{lines, approved, payable}`).
public struct Settlement: Codable, Sendable, Hashable {
    /// In R-CL-08 order: loss, item-cap, salvage, premium-proportion, franchise, cap-reduction,
    /// agreed-adjustment. Deductions are negative.
    public let lines: [QuoteLine]
    /// R-CL-07: loss − salvage, each named item first capped at its declared value (R-CL-08).
    public let approved: Rial
    /// Σ lines (R-G-02), never negative.
    public let payable: Rial

    public init(lines: [QuoteLine], approved: Rial, payable: Rial) {
        self.lines = lines
        self.approved = approved
        self.payable = payable
    }

    /// The line with this code, if present (zero deductions are omitted).
    public func line(_ code: String) -> QuoteLine? {
        lines.first { $0.code == code }
    }
}
