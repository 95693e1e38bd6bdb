import Fluent
import Foundation

/// R-CL-03 (seed 004): the late-notice form of one claim file, kept beside the sealed claims
/// table: issuance's figures, the commission's decision and, past 9 months, HQ's.
final class LateNoticeReviewRecord: Model, @unchecked Sendable {
    static let schema = "claim_late_notice_reviews"

    // managed fields: the claim's own id
    @ID(custom: "claim_id", generatedBy: .user) var id: UUID?
    // data fields
    @Field(key: "needs_headquarters") var needsHeadquarters: Bool
    @OptionalField(key: "average_premium") var averagePremium: Int64?
    @OptionalField(key: "last_premium_date") var lastPremiumDate: String?
    @OptionalField(key: "last_premium_amount") var lastPremiumAmount: Int64?
    @OptionalField(key: "average_insured") var averageInsured: Int?
    @OptionalField(key: "commission_approved") var commissionApproved: Bool?
    @OptionalField(key: "agreed_amount") var agreedAmount: Int64?
    @OptionalField(key: "commission_reason") var commissionReason: String?
    @OptionalField(key: "headquarters_approved") var headquartersApproved: Bool?
    @OptionalField(key: "headquarters_reason") var headquartersReason: String?

    init() {}
}
