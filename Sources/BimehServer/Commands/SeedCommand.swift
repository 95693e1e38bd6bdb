import Vapor

import InsuranceKit

/// `bimeh seed demo`: the demo users and organization of API.md. Running it twice changes nothing.
/// `bimeh seed eligibility --persons N`: a synthetic list of N entitled persons (source
/// "synthetic", replaced on every run), the same list for the same `--seed`. Products add their
/// own datasets (ProductBook.seedTasks), e.g. `bimeh seed health-bench --persons N`.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dataset", help: "What to seed: demo, eligibility or a product's dataset")
        var dataset: String
        @Option(name: "persons", help: "eligibility or a product's dataset: how many persons (default 100000)")
        var persons: Int?
        @Option(name: "seed", help: "eligibility: the generator's seed (default 1405)")
        var seed: UInt64?
        init() {}
    }

    var help: String { "Seed data into the database (demo, eligibility --persons N)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch signature.dataset {
        case "demo":
            try await context.application.autoMigrate()
            let created = try await DemoData.seed(context.application)
            context.console.print(created == 0 ? "Demo data already present; nothing changed." : "Demo data seeded (\(created) records).")
        case "eligibility":
            let persons = signature.persons ?? 100_000
            guard (1...50_000_000).contains(persons) else {
                context.console.error("--persons must be from 1 to 50,000,000.")
                throw ExitCode(2)
            }
            let app = context.application
            try await app.autoMigrate()
            let rows = SyntheticEntitlements(persons: persons, seed: signature.seed ?? 1405, today: app.bimeh.clock.today())
            let started = ContinuousClock.now  // a duration, not a time of day
            let report = try await EntitlementLoader(source: SyntheticEntitlements.sourceName)
                .replace(on: app, actor: .system("seed-eligibility"), from: SyntheticBatches(rows))
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            context.console.print("Seeded \(report.loaded) synthetic entitled persons in \(String(format: "%.1f", seconds)) s (\(Int(Double(report.loaded) / max(seconds, 0.001))) rows/s; \(report.replaced) earlier rows replaced).")
        default:
            guard let task = ProductBook.seedTasks[signature.dataset] else {
                context.console.error("Unknown dataset '\(signature.dataset)'. Known: demo, eligibility, \(ProductBook.seedTasks.keys.sorted().joined(separator: ", "))")
                throw ExitCode(1)
            }
            try await task.run(context.application, options: ProductTaskOptions(count: signature.persons, runs: nil), console: context.console)
        }
    }
}

struct ExitCode: Error, CustomStringConvertible {
    let code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}
