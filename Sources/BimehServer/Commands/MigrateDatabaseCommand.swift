import Vapor
import Fluent

/// Applies pending migrations without asking; `serve` does the same on start.
struct MigrateDatabaseCommand: AsyncCommand {
    struct Signature: CommandSignature {
        init() {}
    }

    var help: String { "Apply pending database migrations" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        context.console.print("Migrations applied (\(BimehMigrations.all.count) known).")
    }
}
