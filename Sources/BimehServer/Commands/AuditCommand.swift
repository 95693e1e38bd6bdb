import Foundation
import Vapor

/// `bimeh audit verify|checkpoint|keygen`: the audit trail's own checks and its signed checkpoints.
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Audit trail tools" }
    var commands: [String: any AnyAsyncCommand] {
        ["verify": VerifyAuditCommand(), "checkpoint": AuditCheckpointCommand(), "keygen": AuditKeygenCommand()]
    }
}

struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "deep", help: "Also compare every policy, payment, payment order, claim, customer and user row with its last audited state")
        var deep: Bool
        @Option(name: "checkpoint", help: "A checkpoint file saved earlier (bimeh audit checkpoint): the log must still hold every record it covered")
        var checkpoint: String?
        @Option(name: "pending-bound", help: "Seconds a written record may wait for its sequence number (PostgreSQL) before the log counts as broken; default 5")
        var pendingBound: Double?
        init() {}
    }

    var help: String { "Verify that no audit record was altered or removed (--deep: nor any bound business row; --checkpoint FILE: nor any record an earlier checkpoint covered)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        var saved: AuditCheckpoint?
        if let file = signature.checkpoint {
            do { saved = try AuditCheckpointFile.read(file) } catch {
                context.console.error("\(error)")
                throw ExitCode(1)
            }
        }
        switch try await AuditVerifier.verify(on: db, pendingBound: signature.pendingBound ?? AuditVerifier.defaultPendingBound) {
        case .intact(let records):
            context.console.print("Audit trail intact: \(records) records, every hash link verified.")
        case .broken(let seq, let reason):
            context.console.error("Audit trail BROKEN at record \(seq): \(reason)")
            throw ExitCode(1)
        }
        if let saved {
            let key = context.application.bimeh.config.auditSigningKey
            switch try await AuditVerifier.verify(against: saved, on: db) {
            case .intact:
                context.console.print("Checkpoint holds: the log still begins with the \(saved.treeSize) records it signed (root \(saved.rootHash.prefix(16))…).")
                if !key.trusts(saved) {
                    context.console.warning("The checkpoint's key \(saved.keyFingerprint) is not BIMEH_AUDIT_SIGNING_KEY's; compare it with the one you trust.")
                }
            case .broken(_, let reason):
                context.console.error("Checkpoint BROKEN: \(reason)")
                throw ExitCode(1)
            }
        }
        guard signature.deep else { return }
        let findings = try await RowSealVerifier.verify(on: db)
        if findings.isEmpty {
            context.console.print("Business rows intact: every bound row matches its last audited state.")
        } else {
            for finding in findings.prefix(100) { context.console.error("BROKEN: \(finding)") }
            context.console.error("\(findings.count) business row(s) do not match the audit trail.")
            throw ExitCode(1)
        }
    }
}

/// `bimeh audit checkpoint [--publish]`: prints the latest signed checkpoint as JSON, to be
/// kept somewhere the database's administrators cannot write.
struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "publish", help: "Sign a checkpoint over the records written since the last one first")
        var publish: Bool
        @Option(name: "output", help: "Write the checkpoint to this file (the log lines go to the console)")
        var output: String?
        init() {}
    }

    var help: String { "Print the latest signed checkpoint of the audit log (--publish: sign a new one first; --output FILE: write it there)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.publish { try await AuditCheckpointPublisher.publish(app: context.application) }
        guard let latest = try await AuditCheckpoints.latest(on: context.application.db) else {
            context.console.error("No checkpoint yet: a serving process publishes one every BIMEH_AUDIT_CHECKPOINT_SECONDS, or run with --publish.")
            throw ExitCode(1)
        }
        guard let output = signature.output else { return context.console.output(latest.checkpoint.json.consoleText()) }
        guard FileManager.default.createFile(atPath: output, contents: Data((latest.checkpoint.json + "\n").utf8)) else {
            context.console.error("Cannot write \(output).")
            throw ExitCode(1)
        }
        context.console.print("Checkpoint of \(latest.checkpoint.treeSize) records written to \(output) (key \(latest.checkpoint.keyFingerprint)).")
    }
}

/// `bimeh audit keygen`: a new Ed25519 key for BIMEH_AUDIT_SIGNING_KEY.
struct AuditKeygenCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }

    var help: String { "Print a new checkpoint signing key (BIMEH_AUDIT_SIGNING_KEY) and its public key" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let key = AuditSigningKey(key: .init(), configured: true)
        context.console.print("BIMEH_AUDIT_SIGNING_KEY=\(key.key.rawRepresentation.base64EncodedString())")
        context.console.print("public key: \(key.publicKey) (fingerprint \(AuditSigningKey.fingerprint(key.publicKey)))")
    }
}

enum AuditCheckpointFile {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws -> AuditCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(description: "cannot read checkpoint file \(path)") }
        guard let checkpoint = try? JSONDecoder().decode(AuditCheckpoint.self, from: data) else {
            throw Unreadable(description: "\(path) is not a checkpoint (bimeh audit checkpoint prints one)")
        }
        guard checkpoint.signatureHolds else { throw Unreadable(description: "the signature of \(path) does not hold: the file was changed") }
        return checkpoint
    }
}
