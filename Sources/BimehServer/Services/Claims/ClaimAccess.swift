import Fluent
import Foundation
import InsuranceKit

/// Claim files are the claims department's: its experts and heads (and the admin) see them;
/// nobody outside the insurer does, agents included.
enum ClaimAccess {
    static let staff: Set<Role> = [.claims, .head, .admin]

    static func claim(_ id: UUID?, on db: any Database) async throws -> Claim {
        guard let id, let claim = try await Claim.find(id, on: db) else { throw AppError.notFound("پروندهٔ خسارت") }
        return claim
    }

    static func state(of claim: Claim) -> ClaimState { claim.status }

    /// Applies an R-CL-13 event; an impossible one is 409 with the machine's Persian message.
    static func move(_ claim: Claim, _ event: ClaimEvent, in work: UnitOfWork, note: String? = nil) async throws {
        let from = state(of: claim)
        let to: ClaimState
        do {
            to = try ClaimStateMachine.transition(from: from, on: event)
        } catch let error as DomainError where error.code == "invalid-claim-transition" {
            throw AppError(.conflict, code: error.code, detail: error.message)
        }
        claim.status = to
        claim.version += 1
        try await claim.save(on: work.db)
        var after = ["status": to.rawValue]
        if let note { after["note"] = note }
        try await work.audit("claim.\(to.rawValue)", entity: "claim", id: try claim.requireID().uuidString,
                             before: ["status": from.rawValue], after: after)
        try await Notifier.claimMoved(claim, to: to, in: work)
    }

    /// Refuses an action the lifecycle does not allow this role in the file's state: 403 for a role
    /// that never takes it, 409 with the machine's code otherwise.
    static func allow(_ action: ClaimAction, on claim: Claim, for principal: Principal) throws {
        do {
            try ClaimStateMachine.check(action, from: state(of: claim), role: principal.role)
        } catch let error as DomainError {
            throw error == .forbidden ? AppError.forbidden : AppError.conflict(error.code, error.message)
        }
    }

    static func checkVersion(_ claim: Claim, ifMatch: String?) throws {
        try PolicyAccess.checkVersion(claim.version, ifMatch: ifMatch, what: "پرونده")
    }
}
