import Fluent
import Foundation

/// R-GL-07/08: the final premium a group life contract took, once, and the endorsement that
/// moved the registered premium to it.
final class GroupLifeFinalPremiumRecord: Model, @unchecked Sendable {
    static let schema = "group_life_final_premiums"

    @ID(key: .id) var id: UUID?
    @Parent(key: "policy_id") var policy: Policy
    @Parent(key: "endorsement_id") var endorsement: Endorsement
    /// What was charged before: the request letter's premium.
    @Field(key: "registered") var registered: Int64
    @Field(key: "total") var total: Int64
    /// The final premium letter's lines, JSON `[QuoteLine]`.
    @Field(key: "lines") var lines: String
    @Field(key: "admitted") var admitted: Int
    @Field(key: "pending") var pending: Int
    @Field(key: "declined") var declined: Int
    @Field(key: "settled_on") var settledOn: String

    init() {}
}
