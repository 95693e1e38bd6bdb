import Fluent
import Foundation

/// One entry of the append-only audit trail (R-G-07). `seq` is gapless; `hash` covers the
/// record's content and the previous record's hash, so editing or removing any row breaks the chain.
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_records"

    // managed fields
    @ID(custom: "seq", generatedBy: .user) var id: Int?
    // data fields
    /// ISO 8601 UTC with milliseconds, kept as text so that the hash input is exactly what is stored.
    @Field(key: "at") var at: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @OptionalField(key: "request_id") var requestID: String?
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
