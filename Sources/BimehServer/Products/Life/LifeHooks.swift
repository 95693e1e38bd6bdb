import Fluent
import Foundation
import InsuranceKit

/// Group term life on the server (R-GL-01…03, R-GL-09/12/13): the contract is the employer's, a
/// legal person; members change by endorsement priced by months; refunds go to accounting with
/// the endorsement, without a payment order; a renewal is a new contract with the members.
struct GroupLifeHooks: ProductHooks {
    let product = GroupLife().code

    func checkRegistration(inputs: String, customer: Customer) throws {
        guard customer.kind == .legal else {
            throw AppError.validation([FieldError(field: "customerId", code: "group-needs-legal-customer",
                                                  message: "قرارداد بیمهٔ عمر گروهی با شخص حقوقی (کارفرما یا سازمان) بسته می‌شود.")])
        }
    }

    func pricedEndorsement(_ policy: Policy, changes: Data, effective: JalaliDate, term: PolicyTerm,
                           on db: any Database) async throws -> PricedEndorsement? {
        try await GroupLifeChangesDesk.price(policy, changes: changes, effective: effective, term: term, on: db)
    }

    func endorsementApplied(_ endorsement: Endorsement, to policy: Policy, in work: UnitOfWork) async throws {
        try await GroupLifeChangesDesk.apply(endorsement, to: policy, in: work)
    }

    /// R-GL-13.
    var refundsByPaymentOrder: Bool { false }
    /// R-GL-09.
    var endorsementDeltaBasis: String { "به نسبت ماه‌های باقی‌مانده" }

    /// R-GL-09: the contract cancelled refunds the annual premium in force × remaining months / 12.
    func cancellationOutcome(_ policy: Policy, initiatedBy: CancellationInitiator, noticeDate: JalaliDate, noticeDays: Int,
                             ledger: PolicyLedger, term: PolicyTerm) throws -> CancellationOutcome? {
        try LifeCancellation.groupContract(annualPremium: Rial(amount: policy.annualPremium), charged: ledger.charged,
                                           paid: try ledger.account.netPaid(), term: term, noticeDate: noticeDate, noticeDays: noticeDays)
    }

    func renewal(of old: Policy, today: JalaliDate, on db: any Database) async throws -> RenewalBasis {
        try await GroupLifeChangesDesk.renewalBasis(of: old, on: db)
    }

    func renewed(_ policy: Policy, from old: Policy, in work: UnitOfWork) async throws {
        try await GroupLifeChangesDesk.renewed(policy, from: old, in: work)
    }

}

/// Individual term life on the server (R-IL-01/02): the insured is the buyer, a natural person;
/// one premium a year over the term; nothing refunded on cancellation.
struct TermLifeHooks: ProductHooks {
    let product = TermLife().code

    func checkRegistration(inputs: String, customer: Customer) throws {
        guard customer.kind == .natural else {
            throw AppError.validation([FieldError(field: "customerId", code: "natural-customer-required",
                                                  message: "بیمهٔ عمر انفرادی را شخص حقیقی (خود بیمه‌شده) می‌خرد؛ برای کارکنان یک سازمان، قرارداد عمر گروهی ببندید.")])
        }
    }

    /// R-IL-02: the quoted yearly premium, due on the start and each anniversary of it.
    func premiumSchedule(quoted: Rial, inputs: String, term: PolicyTerm, plan: PaymentPlan) throws -> [ScheduledPayment]? {
        let years = TermLife().termYears(normalizedInputs: Data(inputs.utf8))
        return TermLife.schedule(start: term.start, termYears: years, yearly: quoted).map {
            ScheduledPayment(dueDate: $0.dueDate, amount: $0.amount, kind: .installment)
        }
    }

    /// R-IL-01: premiums are never refunded.
    func cancellationOutcome(_ policy: Policy, initiatedBy: CancellationInitiator, noticeDate: JalaliDate, noticeDays: Int,
                             ledger: PolicyLedger, term: PolicyTerm) throws -> CancellationOutcome? {
        try LifeCancellation.termLife(paid: try ledger.account.netPaid(), term: term, noticeDate: noticeDate, noticeDays: noticeDays)
    }
}
