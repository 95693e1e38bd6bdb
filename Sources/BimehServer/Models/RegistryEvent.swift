import Fluent
import Foundation

/// An event for the central registry (R-TP-13, R-SH-11), written in the transaction of the change it
/// reports so that it can never be lost; delivered later, retried until acknowledged.
final class RegistryEvent: Model, @unchecked Sendable {
    static let schema = "registry_outbox"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    /// The registry deduplicates by this id.
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    // relationships
    @Parent(key: "policy_id") var policy: Policy

    init() {}
}
