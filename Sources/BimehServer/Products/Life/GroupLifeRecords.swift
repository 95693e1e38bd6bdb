import Fluent
import Foundation

/// R-GL-03: the number a group life contract took in the contract register, once.
final class GroupLifeContractRecord: Model, @unchecked Sendable {
    static let schema = "group_life_contracts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "policy_id") var policy: Policy
    /// `{serial}/{agencyCode}/{complexCode}/{year}`.
    @Field(key: "number") var number: String
    @Field(key: "serial") var serial: Int
    @Field(key: "year") var year: Int
    @Field(key: "agency_code") var agencyCode: String
    @Field(key: "complex_code") var complexCode: String
    /// The day the signed contract came back and was numbered: the member list's 15 days count from it.
    @Field(key: "contract_date") var contractDate: String

    init() {}
}

/// R-GL-04…06: one member of a group life contract, with its underwriting and where it stands.
final class GroupLifeMemberRecord: Model, @unchecked Sendable {
    static let schema = "group_life_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "policy_id") var policy: Policy
    /// The member's insurance number under the contract, 1…n.
    @Field(key: "row") var row: Int
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "birth_certificate_number") var birthCertificateNumber: String
    @Field(key: "place_of_issue") var issuePlace: String
    @Field(key: "job_title") var jobTitle: String
    @OptionalField(key: "national_code") var nationalCode: String?
    /// T-GL-EXAM: `accepted`, `questionnaire` or `examination`.
    @Field(key: "underwriting") var underwriting: String
    /// `admitted`, `pending`, `referred` (more tests) or `declined`.
    @Field(key: "status") var status: String
    /// The doctor's extra on the death cover, when admitted with one.
    @OptionalField(key: "extra_percent") var extraPercent: String?
    /// R-GL-09: the endorsement that added the member and its effective day (nil: on the list).
    @OptionalField(key: "added_by") var addedBy: Int?
    @OptionalField(key: "added_on") var addedOn: String?
    /// R-GL-09: the endorsement that removed the member; cover ended at 24:00 of `removedOn` (covered through that day;
    /// a death claim checks it).
    @OptionalField(key: "removed_by") var removedBy: Int?
    @OptionalField(key: "removed_on") var removedOn: String?

    init() {}
}
