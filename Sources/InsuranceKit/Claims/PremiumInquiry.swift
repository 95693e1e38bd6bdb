/// One premium payment accounting reports as collected (R-P-05: only collected money counts).
public struct PremiumPayment: Codable, Sendable, Hashable {
    public let collectedOn: JalaliDate
    public let amount: Rial

    public init(collectedOn: JalaliDate, amount: Rial) {
        self.collectedOn = collectedOn
        self.amount = amount
    }
}

/// Why a claim is not payable after the premium inquiry (R-CL-04); the file is closed with a letter.
public enum PremiumNotPayableReason: String, Codable, Sendable, Hashable, CaseIterable {
    /// Cash policy: the whole premium was collected, but not by the loss date.
    case paidAfterLoss = "paid-after-loss"
    /// Cash policy: the whole premium has not been collected at all (not even after the loss).
    case notPaid = "not-paid"
    /// Installment policy: nothing at all was collected by the loss date.
    case nothingPaidBeforeLoss = "nothing-paid-before-loss"

    /// Persian sentence for the closing letter.
    public var message: String {
        switch self {
        case .paidAfterLoss: "حق بیمهٔ نقدی پس از تاریخ وقوع خسارت پرداخت شده است؛ خسارت قابل پرداخت نیست."
        case .notPaid: "حق بیمهٔ نقدی به‌طور کامل پرداخت نشده است؛ خسارت قابل پرداخت نیست."
        case .nothingPaidBeforeLoss: "تا تاریخ وقوع خسارت هیچ مبلغی از حق بیمه پرداخت نشده است؛ خسارت قابل پرداخت نیست."
        }
    }
}

/// The answer of the premium inquiry (استعلام پرداخت حق بیمه, R-CL-04).
public enum PremiumInquiryOutcome: Codable, Sendable, Hashable {
    /// Not payable; the file is closed with a letter (state `closed-unpaid`, R-CL-13).
    case notPayable(reason: PremiumNotPayableReason)
    /// Installments not fully paid by the loss date: payable = approved × paid / total.
    case proportional(paid: Rial, total: Rial)
    /// Fully paid by the loss date: no reduction.
    case full
}

/// R-CL-04: the premium rule, applied before any payment from accounting's list of collected
/// premiums (seed 002 step 6).
///
/// "Paid" always means collected ON OR BEFORE the loss date (a premium collected on the loss day
/// counts: the loss instant within that day is unknown). Later collections never count:
/// - cash: the whole premium must be collected by the loss date, else not payable
///   (`paid-after-loss` when it was completed later, `not-paid` when it still is not);
/// - installments: paid = Σ collected by the loss date, capped at the total; paid ≥ total → full,
///   0 → not payable (`nothing-paid-before-loss`, the formula would give 0), otherwise
///   proportional. Installments collected after the loss do not raise the proportion: the
///   insurer carried only the paid share when the loss happened.
public enum PremiumInquiry: Sendable {
    /// `refunds` are refund payment orders, dated by their order: money paid back is no longer
    /// premium paid (the policy account's net paid), from its date on.
    public static func inquire(plan: PaymentPlan, totalPremium: Rial, payments: [PremiumPayment],
                               refunds: [PremiumPayment] = [], lossDate: JalaliDate) throws -> PremiumInquiryOutcome {
        guard totalPremium > .zero else {
            throw DomainError(code: "invalid-premium", message: "حق بیمه باید بیشتر از صفر باشد.", field: "totalPremium")
        }
        var byLoss = Rial.zero, overall = Rial.zero
        for (index, payment) in payments.enumerated() {
            guard !payment.amount.isNegative else {
                throw DomainError.negativeAmount.withField("payments[\(index)].amount")
            }
            do {
                overall = try overall.adding(payment.amount)
                if payment.collectedOn <= lossDate { byLoss = try byLoss.adding(payment.amount) }
            } catch let error as DomainError {
                throw error.withField("payments")
            }
        }
        for refund in refunds where !refund.amount.isNegative {
            overall = max(.zero, try overall.subtracting(refund.amount))
            if refund.collectedOn <= lossDate { byLoss = max(.zero, try byLoss.subtracting(refund.amount)) }
        }
        switch plan {
        case .cash:
            if byLoss >= totalPremium { return .full }
            return .notPayable(reason: overall >= totalPremium ? .paidAfterLoss : .notPaid)
        case .installments:
            if byLoss >= totalPremium { return .full }
            if byLoss.isZero { return .notPayable(reason: .nothingPaidBeforeLoss) }
            return .proportional(paid: byLoss, total: totalPremium)
        }
    }

    /// The same, with payments as (collectedOn, amount) pairs.
    public static func inquire(plan: PaymentPlan, totalPremium: Rial,
                               payments: [(collectedOn: JalaliDate, amount: Rial)],
                               lossDate: JalaliDate) throws -> PremiumInquiryOutcome {
        try inquire(plan: plan, totalPremium: totalPremium,
                    payments: payments.map { PremiumPayment(collectedOn: $0.collectedOn, amount: $0.amount) },
                    lossDate: lossDate)
    }
}
