import Fluent
import Foundation

/// The SMS list on a policy or claim page: what was sent, when, to which number, and the outcome.
struct SentMessageRow: Encodable {
    var kind: String
    var mobile: String
    var text: String
    var at: String
    var outcome: String
    var outcomeCode: String
    var reason: String?

    init(_ m: SentMessage) {
        kind = SentMessage.Kind(rawValue: m.kind)?.title ?? m.kind
        mobile = m.mobile ?? "—"
        text = m.text
        at = TehranTime.stamp(m.sentAt ?? m.queuedAt)
        outcomeCode = m.outcome
        outcome = SentMessage.Outcome(rawValue: m.outcome)?.title ?? m.outcome
        reason = m.reason
    }

    static func forPolicy(_ id: UUID, on db: any Database) async throws -> [SentMessageRow] {
        try await SentMessage.query(on: db).filter(\.$policyID == id).sort(\.$queuedAt).all().map(SentMessageRow.init)
    }

    static func forClaim(_ id: UUID, on db: any Database) async throws -> [SentMessageRow] {
        try await SentMessage.query(on: db).filter(\.$claimID == id).sort(\.$queuedAt).all().map(SentMessageRow.init)
    }
}
