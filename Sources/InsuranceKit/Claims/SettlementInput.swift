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

    public init(loss: Rial, salvage: Rial, premium: PremiumInquiryOutcome, franchisePercent: Percent, cap: Rial,
                previousPayments: Rial = .zero, agreedAmount: Rial? = nil) {
        self.loss = loss
        self.salvage = salvage
        self.premium = premium
        self.franchisePercent = franchisePercent
        self.cap = cap
        self.previousPayments = previousPayments
        self.agreedAmount = agreedAmount
    }
}

/// A settlement breakdown (API.md: `{lines, approved, payable}`).
public struct Settlement: Codable, Sendable, Hashable {
    /// In R-CL-08 order: loss, salvage, premium-proportion, franchise, cap-reduction,
    /// agreed-adjustment. Deductions are negative.
    public let lines: [QuoteLine]
    /// R-CL-07: loss − salvage.
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
