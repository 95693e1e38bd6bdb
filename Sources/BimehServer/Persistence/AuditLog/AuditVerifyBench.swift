import Foundation
import Vapor

/// `bimeh bench audit-verify --count 1000000`: fills the audit log up to COUNT records (records
/// the size of a policy change's, written 20,000 to a transaction), then times what an auditor
/// runs over all of it — the hash chain, the first checkpoint over the whole log, that checkpoint
/// checked again, one inclusion proof — and the next checkpoint after 1,000 more records.
struct AuditVerifyBench: ProductTask {
    var help: String { "audit-verify --count RECORDS: audit verify, checkpoint and proof over a log of that size" }

    func run(_ app: Application, options: ProductTaskOptions, console: any Console) async throws {
        let target = options.count ?? 1_000_000
        guard (1_000...50_000_000).contains(target) else {
            console.error("--count must be from 1000 to 50000000.")
            throw ExitCode(2)
        }
        try await app.autoMigrate()
        let filling = ContinuousClock.now
        var count = try await AuditLogLeaves.count(on: app.db)
        while count < target {
            count += try await append(app, min(20_000, target - count), from: count)
        }
        console.print("log of \(count) records (filled in \(format(secondsSince(filling))) s)")

        let chain = ContinuousClock.now
        let outcome = try await AuditVerifier.verify(on: app.db)
        console.print("audit verify (every record's hash and link): \(format(secondsSince(chain))) s — \(outcome)")

        let publishing = ContinuousClock.now
        var checkpoint = try await AuditCheckpointPublisher.publish(app: app)
        if checkpoint == nil { checkpoint = try await AuditCheckpoints.latest(on: app.db)?.checkpoint }
        console.print("checkpoint over the log: \(format(secondsSince(publishing))) s — tree size \(checkpoint?.treeSize ?? 0)")

        if let checkpoint {
            let against = ContinuousClock.now
            let result = try await AuditVerifier.verify(against: checkpoint, on: app.db)
            console.print("verify --checkpoint (root recomputed): \(format(secondsSince(against))) s — \(result)")
            let proving = ContinuousClock.now
            let proof = try await AuditProofs.inclusion(seq: checkpoint.treeSize / 2, on: app.db)
            console.print("inclusion proof of record \(proof.seq): \(format(secondsSince(proving))) s — \(proof.proof.count) hashes")
        }
        _ = try await append(app, 1_000, from: try await AuditLogLeaves.count(on: app.db))
        let next = ContinuousClock.now
        let later = try await AuditCheckpointPublisher.publish(app: app)
        console.print("next checkpoint after 1000 more records: \(format(secondsSince(next))) s — tree size \(later?.treeSize ?? 0)")
    }

    private func append(_ app: Application, _ n: Int, from start: Int) async throws -> Int {
        struct State: Encodable {
            var premium: Int
            var status: String
        }
        let entries = try (1...n).map { i in
            try AuditTrail.Entry("bench.change", entity: "policy", id: UUID().uuidString,
                                 before: State(premium: 1_000_000, status: "registered"), after: State(premium: 1_000_000 + start + i, status: "issued"))
        }
        try await app.bimeh.store.write(on: app.db, actor: .system("bench-audit"), requestID: nil) { work in
            try await AuditTrail.appendAll(on: work.db, at: work.now, actor: .system("bench-audit"), entries: entries, requestID: nil)
        }
        // the write adds its own record of the rows it sealed (none here) when there were any
        return try await AuditLogLeaves.count(on: app.db) - start
    }

    private func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}
