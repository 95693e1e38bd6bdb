import Vapor

/// A product's own dataset (`bimeh seed <name>`) or in-process measurement (`bimeh bench <name>`),
/// listed in ProductRegistry so that the generic commands name no product.
protocol ProductTask: Sendable {
    var help: String { get }
    func run(_ app: Application, options: ProductTaskOptions, console: any Console) async throws
}

/// The few numbers a task takes: how many (persons, rows) and how many runs.
struct ProductTaskOptions: Sendable {
    var count: Int?
    var runs: Int?
}

/// `bimeh bench <name> [--count N] [--runs R]`: a product's in-process measurement on the
/// configured database (a fresh one: the measurement adds its own data).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "name", help: "What to measure")
        var name: String
        @Option(name: "count", help: "How many rows or persons")
        var count: Int?
        @Option(name: "runs", help: "How many runs (the median is reported)")
        var runs: Int?
        init() {}
    }

    /// Measurements of the system itself, beside the products' own.
    static let tasks: [String: any ProductTask] = ProductBook.benchTasks.merging(["audit-verify": AuditVerifyBench()]) { product, _ in product }

    var help: String { "In-process measurements: \(Self.tasks.keys.sorted().joined(separator: ", "))" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let task = Self.tasks[signature.name] else {
            context.console.error("Unknown measurement '\(signature.name)'. Known: \(Self.tasks.keys.sorted().joined(separator: ", "))")
            throw ExitCode(1)
        }
        try await task.run(context.application, options: ProductTaskOptions(count: signature.count, runs: signature.runs), console: context.console)
    }
}

/// Seconds since `start`, for the tasks' reports.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
