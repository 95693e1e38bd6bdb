import Fluent
import Foundation

/// The first response to a POST sent with an `Idempotency-Key`; a retry gets it back unchanged.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_records"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    /// Method, path and SHA-256 of the body: the same key with another request is refused.
    @Field(key: "fingerprint") var fingerprint: String
    /// 0 while the first request is still being processed.
    @Field(key: "status") var status: Int
    @OptionalField(key: "body") var body: String?
    @OptionalField(key: "content_type") var contentType: String?

    init() {}
}
