import Vapor
import InsuranceKit

/// `bimeh brokers unlicensed [--on YYYY/MM/DD]`: the R-G-09 list for cancellation and for the
/// report to Central Insurance, one contract a line.
struct BrokersCommand: AsyncCommandGroup {
    var help: String { "Broker channel tools" }
    var commands: [String: any AnyAsyncCommand] { ["unlicensed": UnlicensedContractsCommand()] }
}

struct UnlicensedContractsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "on", help: "Jalali day (default today)")
        var on: String?
        init() {}
    }

    var help: String { "List contracts of online brokers without a valid licence (R-G-09)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let day = try signature.on.map { try JalaliDate(parsing: $0) } ?? app.bimeh.clock.today()
        let rows = try await BrokerContracts.unlicensed(on: day, db: app.db)
        context.console.print("\(rows.count) contract(s) of online brokers without a valid licence on \(day):")
        for row in rows {
            context.console.print([row.policyNumber ?? "(not issued)", row.customer, row.broker, "licence \(row.licenceNumber) to \(row.licenceExpiry)",
                                   "premium \(row.premium)", "paid \(row.paid)", "due \(row.due)"].joined(separator: "\t"))
        }
    }
}
