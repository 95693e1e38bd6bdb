import Vapor

/// `bimeh seed demo`: the demo users and organization of API.md. Running it twice changes nothing.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dataset", help: "What to seed: demo")
        var dataset: String
        init() {}
    }

    var help: String { "Seed data into the database (demo)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.dataset {
        case "demo":
            try await context.application.autoMigrate()
            let created = try await DemoData.seed(context.application)
            context.console.print(created == 0 ? "Demo data already present; nothing changed." : "Demo data seeded (\(created) records).")
        default:
            context.console.error("Unknown dataset '\(signature.dataset)'. Known: demo")
            throw ExitCode(1)
        }
    }
}

struct ExitCode: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}
