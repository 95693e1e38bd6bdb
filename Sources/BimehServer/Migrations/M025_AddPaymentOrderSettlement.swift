import Fluent

/// R-CL-05/10: what a payment order carries besides its amount — the payee's IBAN, who collects,
/// the notarized certificate (number and date) an employer brings, the settlement lines printed
/// on it — and its payment by accounting: the day and the bank transfer's reference.
struct M025_AddPaymentOrderSettlement: AsyncMigration {
    var name: String { "025_AddPaymentOrderSettlement" }

    static let columns = ["iban", "collector", "notarized_certificate_number", "notarized_certificate_date", "settlement_lines",
                          "paid_on", "transfer_reference"]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for column in Self.columns {
            try await database.schema("payment_orders").field(FieldKey(stringLiteral: column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns.reversed() {
            try await database.schema("payment_orders").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
