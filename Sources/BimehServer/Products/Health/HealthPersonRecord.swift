import Fluent
import Foundation

/// One person insured by a health policy, with the days their cover runs (R-SH-02, R-SH-09).
/// `coverFrom`/`coverTo` are the Jalali days cover begins and ends (both inclusive, the
/// eligibility store's valid-from/valid-to).
final class HealthPersonRecord: Model, @unchecked Sendable {
    static let schema = "health_persons"

    @ID(key: .id) var id: UUID?
    @Parent(key: "policy_id") var policy: Policy
    @Field(key: "national_code") var nationalCode: String
    @OptionalField(key: "first_name") var firstName: String?
    @OptionalField(key: "last_name") var lastName: String?
    @Field(key: "relation") var relation: String
    /// The person's number under the policy, `{policy number}-{k}`: the eligibility row's insurance number.
    @Field(key: "insurance_number") var insuranceNumber: String
    @Field(key: "cover_from") var coverFrom: String
    @Field(key: "cover_to") var coverTo: String

    init() {}
}
