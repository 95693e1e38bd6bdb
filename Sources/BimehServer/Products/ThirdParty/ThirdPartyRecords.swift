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
