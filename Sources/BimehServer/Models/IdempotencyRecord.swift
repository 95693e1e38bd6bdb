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
    /// 0 while the first request is still being processed (under its lease).
    @Field(key: "status") var status: Int
    @OptionalField(key: "body") var body: String?
    @OptionalField(key: "content_type") var contentType: String?
    /// The request holding the key while `status` is 0; only it may store the response.
    @OptionalField(key: "lease_token") var leaseToken: UUID?
    /// When the in-flight marker stops holding the key: after it a retry runs the request afresh.
    @OptionalField(key: "lease_expires_at") var leaseExpiresAt: Date?

    init() {}
}
