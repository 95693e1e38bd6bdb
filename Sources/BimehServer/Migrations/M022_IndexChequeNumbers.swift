import Fluent
import SQLKit

/// R-P-03: a cheque is looked up by its number before it is recorded (one cheque, one record);
/// at scale that lookup must not scan every payment.
struct M022_IndexChequeNumbers: AsyncMigration {
    var name: String { "022_IndexChequeNumbers" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "payments_cheque_number_idx").on("payments").column("cheque_number").column("cheque_bank").run()
        try await sql.create(index: "payment_orders_policy_idx").on("payment_orders").column("policy_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "payment_orders_policy_idx").run()
        try await sql.drop(index: "payments_cheque_number_idx").run()
    }
}
