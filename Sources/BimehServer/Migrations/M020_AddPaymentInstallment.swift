import Fluent

/// R-P-03: in an installment plan each cheque is recorded against the installment it pays.
struct M020_AddPaymentInstallment: AsyncMigration {
    var name: String { "020_AddPaymentInstallment" }

    func prepare(on database: any Database) async throws {
        try await database.schema("payments").field("installment", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("payments").deleteField("installment").update()
    }
}
