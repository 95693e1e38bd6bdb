import Fluent
import Foundation
import InsuranceKit

/// The money side of one policy: what is charged, what is collected, what is in hand.
struct PolicyLedger: Sendable {
    /// Premium plus the deltas of issued financial endorsements.
    var charged: Rial
    /// Collected payments only (R-P-05).
    var collected: Rial
    /// Cheques held and bank slips awaiting confirmation: not yet paid.
    var inHand: Rial
    /// What the first schedule line requires before issue (down payment or whole premium).
    var dueBeforeIssue: Rial

    static func load(_ policy: Policy, on db: any Database) async throws -> PolicyLedger {
        let policyID = try policy.requireID()
        let payments = try await Payment.query(on: db).filter(\.$policy.$id == policyID).all()
        let endorsements = try await Endorsement.query(on: db).filter(\.$policy.$id == policyID).filter(\.$status == .issued).all()
        let first = try await ScheduleEntry.query(on: db).filter(\.$policy.$id == policyID).sort(\.$seq).first()
        var charged = Rial(amount: policy.premium)
        for e in endorsements { charged = try charged.adding(Rial(amount: e.premiumDelta)) }
        return PolicyLedger(
            charged: charged,
            collected: try Rial.sum(payments.filter { $0.status == .collected }.map { Rial(amount: $0.amount) }),
            inHand: try Rial.sum(payments.filter { $0.status == .held || $0.status == .pending }.map { Rial(amount: $0.amount) }),
            dueBeforeIssue: Rial(amount: first?.amount ?? policy.premium))
    }

    /// Still to be paid or handed over, including additional premium awaiting payment.
    func open(plus pendingAdditional: Rial = .zero) throws -> Rial {
        try charged.adding(pendingAdditional).subtracting(collected).subtracting(inHand)
    }
}
