import Fluent
import SQLKit

/// R-P-03: a bank slip carries its short payment id and, once the bank confirms, the bank's
/// tracking number (each confirmed once); a cheque is told apart by bank, number and account.
struct M023_AddSlipAndChequeAccount: AsyncMigration {
    var name: String { "023_AddSlipAndChequeAccount" }

    func prepare(on database: any Database) async throws {
        // one field per statement: SQLite alters a table one column at a time
        try await database.schema("payments").field("slip_id", .string).update()
        try await database.schema("payments").field("bank_tracking", .string).update()
        try await database.schema("payments").field("cheque_account", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "payments_slip_id_key").unique().on("payments").column("slip_id").run()
        try await sql.create(index: "payments_bank_tracking_key").unique().on("payments").column("bank_tracking").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "payments_bank_tracking_key").run()
            try await sql.drop(index: "payments_slip_id_key").run()
        }
        try await database.schema("payments").deleteField("cheque_account").update()
        try await database.schema("payments").deleteField("bank_tracking").update()
        try await database.schema("payments").deleteField("slip_id").update()
    }
}
