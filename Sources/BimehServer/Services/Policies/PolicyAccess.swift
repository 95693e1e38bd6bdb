import Fluent
import Vapor

/// Who may see which quote or policy: staff all, an agent only its agency's (404 otherwise,
/// R-G-09 / API.md). And the lost-update guard: a stale `If-Match` version gets 409.
enum PolicyAccess {
    static let readers: Set<Role> = [.admin, .issuer, .agent, .claims, .head, .accountant]

    static func policy(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> Policy {
        guard let id, let policy = try await Policy.find(id, on: db), visible(agencyID: policy.$agency.id, to: principal) else {
            throw AppError.notFound("بیمه‌نامه")
        }
        return policy
    }

    static func quote(_ id: UUID?, for principal: Principal, on db: any Database) async throws -> Quote? {
        guard let id, let quote = try await Quote.find(id, on: db), visible(agencyID: quote.$agency.id, to: principal) else {
            return nil
        }
        return quote
    }

    static func visible(agencyID: UUID?, to principal: Principal) -> Bool {
        principal.role == .agent ? (principal.agencyID != nil && agencyID == principal.agencyID) : principal.role.isStaff
    }

    /// `If-Match: "3"` must name the policy's current version when sent.
    static func checkVersion(_ policy: Policy, ifMatch: String?) throws {
        try checkVersion(policy.version, ifMatch: ifMatch, what: "بیمه‌نامه")
    }

    /// The lost-update guard for any versioned record: a stale `If-Match` is 409 `stale-version`.
    static func checkVersion(_ version: Int, ifMatch: String?, what: String) throws {
        guard let ifMatch else { return }
        let sent = ifMatch.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))
        guard sent == String(version) else {
            throw AppError(.conflict, code: "stale-version",
                           detail: "\(what) در این فاصله تغییر کرده است؛ آن را دوباره باز کنید و تغییر را از نو بفرستید.")
        }
    }
}

extension PolicyAccess {
    /// The policy's R-P-01 state as stored (desks decide on it; `expired` is a reading by date).
    static func state(of policy: Policy) -> PolicyState {
        switch policy.status {
        case .registered: .registered
        case .issued: .issued
        case .cancelled: .cancelled
        }
    }

    /// Refuses an action the lifecycle does not allow this role in the policy's state: 403 for a
    /// role that never takes it, 409 with the machine's code otherwise.
    static func allow(_ action: PolicyAction, on policy: Policy, for principal: Principal) throws {
        do {
            try PolicyStateMachine.check(action, in: state(of: policy), role: principal.role, printedNumber: policy.printedNumber)
        } catch let error as DomainError {
            throw error == .forbidden ? AppError.forbidden : AppError.conflict(error.code, error.message)
        }
    }

    /// What the role may do with the policy on `day` (an issued policy past its end is expired).
    static func actions(on policy: Policy, for principal: Principal, day: JalaliDate) -> [PolicyAction] {
        PolicyStateMachine.actions(in: standing(of: policy, on: day).state, role: principal.role)
    }

    /// Where the policy stands on `day`, the one answer lists, pages and the API show (R-G-04, R-P-08).
    static func standing(of policy: Policy, on day: JalaliDate) -> PolicyStanding {
        let end = (try? JalaliDate(parsing: policy.endDate)) ?? day
        let effective = (try? StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation"))??.outcome.effectiveDate
        return PolicyStanding.on(day, stored: state(of: policy), endDate: end, cancellationEffective: effective)
    }
}

extension AppError {
    static func conflict(_ code: String, _ detail: String) -> AppError { AppError(.conflict, code: code, detail: detail) }
}
