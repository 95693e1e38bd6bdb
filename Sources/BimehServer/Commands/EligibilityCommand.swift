import Foundation
import InsuranceKit
import Vapor

/// `bimeh eligibility import FILE --source NAME`: replaces a source's entitled persons with the
/// rows of a CSV file (API.md), reporting each refused row with its line number and reason.
struct EligibilityCommand: AsyncCommandGroup {
    var help: String { "Manage the coverage eligibility lists" }
    var commands: [String: any AnyAsyncCommand] { ["import": ImportEntitlementsCommand()] }
}

struct ImportEntitlementsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV with the header nationalCode,insuranceNumber,validTo,relation,plan")
        var file: String
        @Option(name: "source", help: "The base insurer's name; its earlier rows are replaced")
        var source: String?
        @Option(name: "show", help: "How many refused rows to print (default 1000; all are counted)")
        var show: Int?
        init() {}
    }

    var help: String { "Import a base insurer's entitlement list (replaces that source's rows)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let source = EntitlementSourceName.normalized(signature.source) else {
            context.console.error("--source is required: 1–60 characters naming the base insurer (e.g. --source tamin).")
            throw ExitCode(2)
        }
        try await app.autoMigrate()
        let limit = max(0, signature.show ?? 1_000)
        let console = context.console
        let printed = Counter()
        let batches: CSVImportBatches
        do {
            batches = try CSVImportBatches(path: signature.file) { rejection in
                if printed.increment() <= limit {
                    console.print("line \(rejection.lineNumber): \(rejection.code): \(rejection.reason)")
                }
            }
        } catch let error as CSVImportBatches.HeaderError {
            console.error(error.description)
            throw ExitCode(1)
        }
        let started = ContinuousClock.now  // a duration, not a time of day
        let report = try await EntitlementLoader(source: source)
            .replace(on: app, actor: .system("eligibility-import"), from: batches)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        console.print("Source '\(report.source)': \(report.loaded) persons loaded, \(report.rejected) rows refused, \(report.replaced) earlier rows replaced, in \(String(format: "%.1f", seconds)) s (file SHA-256 \(batches.fingerprint ?? "-")).")
        if report.rejected > limit { console.print("(\(report.rejected - Int64(limit)) more refused rows not shown; use --show N.)") }
    }
}

/// A source name as stored and shown to providers as the insurer.
enum EntitlementSourceName {
    static func normalized(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let name = Normalize.text(raw).trimmingCharacters(in: .whitespaces)
        guard (1...60).contains(name.count), !name.contains(where: { $0.isNewline || $0 == "," }) else { return nil }
        return name
    }
}

/// Counts across a closure that is only called from one task at a time.
final class Counter: @unchecked Sendable {
    private var value = 0
    func increment() -> Int { value += 1; return value }
}
