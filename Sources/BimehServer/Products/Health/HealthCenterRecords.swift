import Fluent
import Foundation

/// A health center (hospital, clinic, pharmacy, laboratory) and whether it is contracted (R-SH-05).
final class HealthCenter: Model, @unchecked Sendable {
    static let schema = "health_centers"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "contracted") var contracted: Bool

    init() {}
    init(code: String, name: String, contracted: Bool) {
        self.code = code
        self.name = name
        self.contracted = contracted
    }
}

/// A provider user who works for a center and submits its direct claims (R-SH-07).
final class HealthCenterStaff: Model, @unchecked Sendable {
    static let schema = "health_center_staff"

    @ID(key: .id) var id: UUID?
    @Parent(key: "center_id") var center: HealthCenter
    @Parent(key: "user_id") var user: User

    init() {}
}

/// An introduction letter (معرفی‌نامه): a person, a center and a cover, numbered in the
/// secretariat, valid 30 days, used by one claim (R-SH-07).
final class HealthIntroduction: Model, @unchecked Sendable {
    static let schema = "health_introductions"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "national_code") var nationalCode: String
    @Parent(key: "center_id") var center: HealthCenter
    @Field(key: "cover") var cover: String
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "valid_to") var validTo: String
    @OptionalField(key: "used_by_claim") var usedByClaim: UUID?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}

/// A direct claim at a contracted center (R-SH-07), or what a reimbursement file's payment order
/// spent (R-SH-08, no center, `claimID` the file): the payable amount is what the insurer owes,
/// and what it spent of the person's cover ceiling (R-SH-06).
final class HealthClaim: Model, @unchecked Sendable {
    static let schema = "health_claims"

    @ID(key: .id) var id: UUID?
    @Parent(key: "policy_id") var policy: Policy
    @Parent(key: "person_id") var person: HealthPersonRecord
    @OptionalParent(key: "center_id") var center: HealthCenter?
    @Field(key: "cover") var cover: String
    @Field(key: "service_date") var serviceDate: String
    /// `yyyy/mm` of the service: the center's monthly statement.
    @Field(key: "month") var month: String
    @Field(key: "cost") var cost: Int64
    @Field(key: "base_paid") var basePaid: Int64
    @Field(key: "payable") var payable: Int64
    @Field(key: "insured_share") var insuredShare: Int64
    @Field(key: "lines") var lines: String
    @OptionalField(key: "introduction_id") var introductionID: UUID?
    /// The reimbursement file (R-SH-08) whose payment order spent this; nil for a direct claim.
    @OptionalField(key: "claim_id") var claimID: UUID?
    @OptionalParent(key: "created_by") var createdBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A reimbursement file's health facts (R-SH-08), kept beside the generic claim file.
final class HealthReimbursementRecord: Model, @unchecked Sendable {
    static let schema = "health_reimbursements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "claim_id") var claim: Claim
    @Parent(key: "policy_id") var policy: Policy
    /// The person's cover window on the service day.
    @Parent(key: "person_id") var person: HealthPersonRecord
    @Field(key: "national_code") var nationalCode: String
    @Field(key: "cover") var cover: String
    @Field(key: "cost") var cost: Int64
    @Field(key: "base_paid") var basePaid: Int64
    /// Side costs (prosthesis, lens …) claimed with the file, paid from the hospitalization ceiling.
    @Field(key: "side_costs") var sideCosts: Int64

    init() {}

    static func of(_ claim: Claim, on db: any Database) async throws -> HealthReimbursementRecord? {
        try await query(on: db).filter(\.$claim.$id == claim.requireID()).first()
    }
}

/// A center's approved month (R-SH-07): its claims' count and total frozen at approval, then paid.
final class HealthStatement: Model, @unchecked Sendable {
    static let schema = "health_statements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "center_id") var center: HealthCenter
    /// `yyyy/mm`
    @Field(key: "month") var month: String
    @Field(key: "count") var count: Int
    @Field(key: "total") var total: Int64
    @Field(key: "approved_on") var approvedOn: String
    @OptionalParent(key: "approved_by") var approvedBy: User?
    @OptionalField(key: "paid_on") var paidOn: String?
    @OptionalField(key: "transfer_reference") var transferReference: String?

    init() {}
}
