import Fluent
import SQLKit
import Foundation
import InsuranceKit

/// The money side of one policy: what is charged, what is collected, what is in hand.
struct PolicyLedger: Sendable {
    /// Premium plus the deltas of issued financial endorsements; after a cancellation, what the
    /// insurer retains.
    var charged: Rial
    /// Collected payments only (R-P-05).
    var collected: Rial
    /// Cheques held and bank slips awaiting confirmation: not yet paid.
    var inHand: Rial
    /// What the first schedule line requires before issue (down payment or whole premium).
    var dueBeforeIssue: Rial
    /// Refund payment orders issued for the policy: money paid back (R-P-07, R-P-08).
    var disbursed: Rial = .zero

    /// The same figures as one account, which every money decision reads.
    var account: PolicyAccount { PolicyAccount(charged: charged, collected: collected, inHand: inHand, disbursed: disbursed) }

    static func load(_ policy: Policy, on db: any Database) async throws -> PolicyLedger {
        let id = try policy.requireID()
        guard let sql = db as? any SQLDatabase, let row = try await sql.raw("""
            SELECT
              (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM payments WHERE policy_id = \(bind: id) AND status = 'collected') AS collected,
              (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM payments WHERE policy_id = \(bind: id) AND status IN ('held', 'pending')) AS in_hand,
              (SELECT CAST(COALESCE(SUM(premium_delta), 0) AS BIGINT) FROM endorsements WHERE policy_id = \(bind: id) AND status = 'issued') AS deltas,
              (SELECT amount FROM schedule_entries WHERE policy_id = \(bind: id) ORDER BY seq LIMIT 1) AS first_due,
              (SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM payment_orders WHERE policy_id = \(bind: id) AND purpose = 'refund') AS disbursed
            """).first() else { throw Registers.RegisterError.unsupportedDatabase }
        var charged = try Rial(amount: policy.premium).adding(Rial(amount: try row.decode(column: "deltas", as: Int64.self)))
        // R-P-08: a cancelled policy is charged what the insurer retains
        if let cancellation = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation") {
            charged = cancellation.outcome.retained
        }
        return PolicyLedger(
            charged: charged,
            collected: Rial(amount: try row.decode(column: "collected", as: Int64.self)),
            inHand: Rial(amount: try row.decode(column: "in_hand", as: Int64.self)),
            dueBeforeIssue: Rial(amount: try row.decode(column: "first_due", as: Int64?.self) ?? policy.premium),
            disbursed: Rial(amount: try row.decode(column: "disbursed", as: Int64.self)))
    }

    /// Still to be paid or handed over, including additional premium awaiting payment.
    func open(plus pendingAdditional: Rial = .zero) throws -> Rial {
        try account.open().adding(pendingAdditional)
    }
}
