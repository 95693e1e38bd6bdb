import Fluent
import Foundation
import InsuranceKit

/// Issuing (R-P-06): the down payment (or the whole premium) collected, then the policy
/// register's next number and the issue date.
enum IssueDesk {
    static func issue(_ policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> Policy {
        let policy = try await PolicyAccess.policy(policyID, for: principal, on: work.db)
        try PolicyAccess.checkVersion(policy, ifMatch: ifMatch)
        try PolicyAccess.allow(.issue, on: policy, for: principal)
        let ledger = try await PolicyLedger.load(policy, on: work.db)
        guard ledger.collected >= ledger.dueBeforeIssue else {
            throw AppError.conflict("premium-not-paid",
                "پیش از صدور باید \(ledger.dueBeforeIssue.persianFormatted) ریال (پیش‌پرداخت یا کل حق بیمه) وصول شده باشد؛ وصول‌شده: \(ledger.collected.persianFormatted) ریال. چکِ نزد صدور تا وصول، پرداخت به حساب نمی‌آید.")
        }
        let today = JalaliDate(date: work.now)
        let hooks = work.products.hooks(policy.product)
        try await hooks.prepareIssue(policy, today: today, in: work)
        // R-G-04: a policy whose term is over is never issued (its cover would be all past)
        do { try CoverDates.checkIssuable(end: try JalaliDate(parsing: policy.endDate), today: today) } catch let e as DomainError {
            throw AppError.conflict(e.code, e.message)
        }
        let before = PolicySnapshot(policy)
        policy.numberYear = today.year
        policy.number = try await work.nextNumber(.policy, year: today.year)
        policy.issueDate = today.description
        policy.status = .issued
        // every issued policy can be checked in the public inquiry: its printed QR code links there
        if policy.uniqueCode == nil { policy.uniqueCode = PolicyUniqueCode.make() }
        policy.version += 1
        try await policy.save(on: work.db)
        try await hooks.issued(policy, in: work)
        try await StatisticsStore.policyIssued(policy, in: work)
        try await work.audit("policy.issued", entity: "policy", id: policyID.uuidString, before: before, after: PolicySnapshot(policy))
        try await Notifier.policyIssued(policy, in: work)
        return policy
    }
}
