import Fluent
import Foundation

/// Who did something, as a page names them: a user's display name (not the username the audit
/// trail keeps), «کاربر واردنشده» for a request without sign-in (public inquiry, a failed
/// sign-in), and «سامانه» for the system's own work (CLI, demo seed, scheduled jobs).
struct ActorNames {
    static let system = "سامانه"
    static let anonymous = "کاربر واردنشده"
    private let names: [UUID: String]

    static func load(_ records: [AuditRecord], on db: any Database) async throws -> ActorNames {
        let ids = Array(Set(records.compactMap(\.actorID)))
        guard !ids.isEmpty else { return ActorNames(names: [:]) }
        let users = try await User.query(on: db).filter(\.$id ~~ ids).all()
        return ActorNames(names: Dictionary(users.compactMap { u in u.id.map { ($0, u.displayName) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// A user no longer on file keeps the name the record was written with.
    func name(of record: AuditRecord) -> String {
        guard let id = record.actorID else { return record.actorName == "anonymous" ? Self.anonymous : Self.system }
        return names[id] ?? record.actorName
    }
}
