import Fluent
import Foundation

/// The driving licence of a person who uses the vehicle (not necessarily the owner), registered
/// and verified before a third-party policy is issued or renewed (R-TP-02).
final class PolicyLicence: Model, @unchecked Sendable {
    static let schema = "policy_licences"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "number") var number: String
    @Field(key: "licence_class") var licenceClass: String
    @Field(key: "expiry") var expiry: String
    @Field(key: "holder_name") var holderName: String
    @Field(key: "holder_national_code") var holderNationalCode: String
    @Field(key: "verified_on") var verifiedOn: String
    // relationships
    @Parent(key: "policy_id") var policy: Policy

    init() {}
}

/// An event for the central registry (R-TP-13), written in the transaction of the change it
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

/// A tariff loaded from a file; installed over the built-in tariff of its year at start-up.
final class TariffFile: Model, @unchecked Sendable {
    static let schema = "tariff_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "product") var product: String
    @Field(key: "year") var year: Int
    @Field(key: "body") var body: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "loaded_at") var loadedAt: Date

    init() {}
}

/// What a third-party claim notice says beyond the generic file (R-TP-11, R-TP-12), one row per
/// claim, kept beside the shared claims table.
final class ThirdPartyClaimFacts: Model, @unchecked Sendable {
    static let schema = "third_party_claim_facts"

    // managed fields: the claim's own id
    @ID(custom: "claim_id", generatedBy: .user) var id: UUID?
    // data fields
    /// Did the at-fault driver hold a driving licence?
    @OptionalField(key: "at_fault_licensed") var atFaultLicensed: Bool?
    /// Did the police draw a sketch of the accident?
    @OptionalField(key: "police_sketch") var policeSketch: Bool?

    init() {}

    static func of(_ claim: Claim, on db: any Database) async throws -> ThirdPartyClaimFacts? {
        try await ThirdPartyClaimFacts.find(claim.requireID(), on: db)
    }
}
