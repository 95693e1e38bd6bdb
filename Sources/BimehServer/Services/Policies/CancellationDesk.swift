import Fluent
import Foundation
import InsuranceKit

/// Cancellation (R-P-08): written notice N days before effect; insurer → pro-rata refund,
/// insured → short-period table (T-SP); a refund payment order, or the amount still owed.
enum CancellationDesk {
    struct Request: Sendable {
        var initiatedBy: CancellationInitiator
        var noticeDate: JalaliDate
        var reason: String
    }

    struct Record: Codable, Sendable {
        var initiatedBy: String
        var noticeDate: String
        var reason: String
        var outcome: CancellationOutcome
        var paymentOrderNumber: String?
    }

    static func cancel(_ request: Request, policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> (Record, PaymentOrder?) {
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: work.db)
        try PolicyAccess.checkVersion(policy, ifMatch: ifMatch)
        try PolicyAccess.allow(.cancel, on: policy, for: principal)
        let product = try work.products.line(policy.product)
        let term = try PolicyTerm(from: try JalaliDate(parsing: policy.startDate), to: try JalaliDate(parsing: policy.endDate))
        let ledger = try await PolicyLedger.load(policy, on: work.db)
        let hooks = work.products.hooks(policy.product)
        let outcome: CancellationOutcome
        do {
            outcome = try hooks.cancellationOutcome(policy, initiatedBy: request.initiatedBy, noticeDate: request.noticeDate,
                                                    noticeDays: product.cancellationNoticeDays, ledger: ledger, term: term)
                ?? CancellationMath.compute(initiatedBy: request.initiatedBy, annualPremium: ledger.charged, paid: try ledger.account.netPaid(),
                                                   term: term, noticeDate: request.noticeDate, noticeDays: product.cancellationNoticeDays)
        } catch let error as DomainError {
            throw AppError.validation(error, field: "noticeDate")
        }
        // the account keeps the retained share: the schedule loses the rest, unpaid lines first
        let credit = try DomainErrorMapping.validating { try ledger.account.cancellationCredit(retained: outcome.retained) }
        if credit > .zero {
            try await EndorsementDesk.credit(credit, to: policy, covered: try ledger.account.netPaid(), in: work)
        }
        var order: PaymentOrder?
        // a product may send the refund to accounting with the cancellation itself, without an order
        if outcome.refund > .zero, hooks.refundsByPaymentOrder {
            let customer = try await policy.$customer.get(on: work.db)
            order = try await PaymentOrderDesk.create(amount: outcome.refund, payee: customer.displayName,
                reason: "برگشت حق بیمه بابت فسخ بیمه‌نامهٔ \(policy.printedNumber ?? "")", policyID: policyID, principal: principal, in: work)
        }
        let record = Record(initiatedBy: request.initiatedBy.rawValue, noticeDate: request.noticeDate.description,
                            reason: request.reason, outcome: outcome, paymentOrderNumber: order?.printedNumber)
        let before = PolicySnapshot(policy)
        policy.status = .cancelled
        policy.cancellation = try QuoteDesk.json(record)
        policy.version += 1
        try await policy.save(on: work.db)
        try await hooks.cancelled(policy, in: work)
        try await StatisticsStore.policyCancelled(policy, record: record, chargedBefore: ledger.charged, in: work)
        try await work.audit("policy.cancelled", entity: "policy", id: policyID.uuidString, before: before, after: record)
        return (record, order)
    }
}
