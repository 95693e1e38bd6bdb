import Vapor

/// `bimeh audit verify`: recomputes the hash chain; exits non-zero at the first broken link.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Audit trail tools" }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAuditCommand()] }
}

struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "deep", help: "Also compare every policy, payment, payment order, claim, customer and user row with its last audited state")
        var deep: Bool
        init() {}
    }

    var help: String { "Verify that no audit record was altered or removed (--deep: nor any bound business row)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch try await AuditVerifier.verify(on: context.application.db) {
        case .intact(let records):
            context.console.print("Audit trail intact: \(records) records, every hash link verified.")
            guard signature.deep else { return }
            let findings = try await RowSealVerifier.verify(on: context.application.db)
            if findings.isEmpty {
                context.console.print("Business rows intact: every bound row matches its last audited state.")
            } else {
                for finding in findings.prefix(100) { context.console.error("BROKEN: \(finding)") }
                context.console.error("\(findings.count) business row(s) do not match the audit trail.")
                throw ExitCode(1)
            }
        case .broken(let seq, let reason):
            context.console.error("Audit trail BROKEN at record \(seq): \(reason)")
            throw ExitCode(1)
        }
    }
}
