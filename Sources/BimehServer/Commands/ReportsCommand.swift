import Vapor
import InsuranceKit

/// `bimeh reports reconcile YEAR MONTH`: the statistics store against the source records (R-P-10);
/// exit 1 when they differ, each difference on a line.
struct ReportsCommand: AsyncCommandGroup {
    var help: String { "Monthly reports and the statistics store" }
    var commands: [String: any AnyAsyncCommand] { ["reconcile": ReconcileCommand(), "bench": ReportsBenchCommand()] }
}

struct ReconcileCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "year", help: "Jalali year, e.g. 1405")
        var year: Int
        @Argument(name: "month", help: "Jalali month 1…12")
        var month: Int
        init() {}
    }

    var help: String { "Recompute a month from the source records and name any difference from the statistics store" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let month: ReportMonth
        do { month = try ReportMonth(year: signature.year, month: signature.month) } catch let error as DomainError {
            context.console.error(error.message)
            throw ExitCode(2)
        }
        let differences = try await Reconciliation.run(month, on: context.application.db)
        guard !differences.isEmpty else {
            context.console.print("\(month): the statistics store matches the source records.")
            return
        }
        context.console.error("\(month): \(differences.count) difference(s) between the statistics store and the source records:")
        for difference in differences { context.console.print(difference.description) }
        throw ExitCode(1)
    }
}
