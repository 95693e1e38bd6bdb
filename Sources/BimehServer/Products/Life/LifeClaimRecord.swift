import Fluent
import Foundation

/// R-GL-10/12, R-IL-02: what a life death claim says beyond the generic file — whose death (the
/// member's row, or 0 for the insured of a term-life policy), its cause, and the benefit's basis
/// as the policy gave it at the death. Unique per (policy, row): one death claim per person.
final class LifeClaimRecord: Model, @unchecked Sendable {
    static let schema = "life_claims"

    // managed fields: the claim's own id
    @ID(custom: "claim_id", generatedBy: .user) var id: UUID?
    // data fields
    /// The member's insurance number under the contract; 0: the term-life insured.
    @Field(key: "member_row") var memberRow: Int
    @OptionalField(key: "member_name") var memberName: String?
    /// `DeathCause`: illness, accident, suicide.
    @Field(key: "cause") var cause: String
    /// The first day of the person's cover (the suicide exclusion's three years run from it).
    @Field(key: "cover_start") var coverStart: String
    /// The person's sum insured (R-GL-12: the member's; the extra rate does not change it).
    @Field(key: "sum_insured") var sumInsured: Int64
    /// Whether the accidental-death cover was bought.
    @Field(key: "accident_cover") var accidentCover: Bool
    // relationships
    @Parent(key: "policy_id") var policy: Policy

    init() {}

    static func of(_ claim: Claim, on db: any Database) async throws -> LifeClaimRecord? {
        try await LifeClaimRecord.find(claim.requireID(), on: db)
    }

    /// The insured of a term-life policy, in the member-row column.
    static let insuredRow = 0
}
