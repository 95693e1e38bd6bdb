import Fluent
import Foundation
import InsuranceKit

/// An endorsement a product priced itself (R-P-07): the inputs and annual premium after it, the
/// delta to charge or refund, and what the product keeps to apply it when it takes effect.
struct PricedEndorsement: Sendable {
    var inputs: Data
    var annualPremium: Rial
    var sumInsured: Int64
    var premiumDelta: Rial
    /// JSON kept on the endorsement (`productChanges`).
    var record: Data?
}

extension ProductHooks {
    func pricedEndorsement(_ policy: Policy, changes: Data, effective: JalaliDate, term: PolicyTerm,
                           on db: any Database) async throws -> PricedEndorsement? { nil }
    func endorsementApplied(_ endorsement: Endorsement, to policy: Policy, in work: UnitOfWork) async throws {}
    var refundsByPaymentOrder: Bool { true }
    var endorsementDeltaBasis: String { "به نسبت روزهای باقی‌مانده" }
    func cancellationOutcome(_ policy: Policy, initiatedBy: CancellationInitiator, noticeDate: JalaliDate, noticeDays: Int,
                             ledger: PolicyLedger, term: PolicyTerm) throws -> CancellationOutcome? { nil }
    func premiumSchedule(quoted: Rial, inputs: String, term: PolicyTerm, plan: PaymentPlan) throws -> [ScheduledPayment]? { nil }
    func renewed(_ policy: Policy, from old: Policy, in work: UnitOfWork) async throws {}
}
