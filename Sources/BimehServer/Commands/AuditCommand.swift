import Vapor

/// `bimeh audit verify`: recomputes the hash chain; exits non-zero at the first broken link.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Audit trail tools" }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAuditCommand()] }
}

struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        init() {}
    }

    var help: String { "Verify that no audit record was altered or removed" }

    func run(using context: CommandContext, signature: Signature) async throws {
        switch try await AuditVerifier.verify(on: context.application.db) {
        case .intact(let records):
            context.console.print("Audit trail intact: \(records) records, every hash link verified.")
        case .broken(let seq, let reason):
            context.console.error("Audit trail BROKEN at record \(seq): \(reason)")
            throw ExitCode(1)
        }
    }
}
