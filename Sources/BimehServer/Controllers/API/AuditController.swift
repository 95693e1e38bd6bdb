import InsuranceKit
import Vapor

/// The audit log for auditors and the central insurer: the latest signed checkpoint, and the
/// proofs that check a record or an older checkpoint against it (RFC 6962).
struct AuditController: RouteCollection {
    static let readers: [Role] = [.admin, .head]

    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(Set(Self.readers)))
        readers.get(.api(.auditCheckpoint), use: checkpoint)
        readers.get(.api(.auditProof(.key)), use: proof)
        readers.get(.api(.auditConsistency(.key, .key)), use: consistency)
    }

    @Sendable func checkpoint(req: Request) async throws -> AuditCheckpoint {
        guard let latest = try await AuditCheckpoints.latest(on: req.db) else { throw AuditProofs.noCheckpoint() }
        return latest.checkpoint
    }

    @Sendable func proof(req: Request) async throws -> AuditProofs.Inclusion {
        guard let seq = req.parameters.get("seq", as: Int.self) else { throw AppError.notFound("رکورد رویداد") }
        return try await AuditProofs.inclusion(seq: seq, on: req.db)
    }

    @Sendable func consistency(req: Request) async throws -> AuditProofs.Consistency {
        guard let from = req.parameters.get("from", as: Int.self), let to = req.parameters.get("to", as: Int.self) else {
            throw AppError.notFound("بازهٔ رویدادها")
        }
        return try await AuditProofs.consistency(from: from, to: to, on: req.db)
    }
}

extension AuditCheckpoint: Content {}
