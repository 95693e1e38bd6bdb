import Fluent
import Foundation
import InsuranceKit

/// A claim file (پرونده خسارت, R-CL-01): opened from the insured's written notice, numbered in the
/// secretariat and the claim-notice register, moved through the R-CL-13 states.
final class Claim: Model, @unchecked Sendable {
    static let schema = "claims"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "version") var version: Int
    // data fields
    @Field(key: "product") var product: ProductCode
    @Field(key: "file_year") var fileYear: Int
    @Field(key: "file_number") var fileNumber: Int
    /// The notice letter's secretariat number, `year/number`.
    @Field(key: "notice_letter") var noticeLetter: String
    @Field(key: "loss_date") var lossDate: String
    @Field(key: "notice_date") var noticeDate: String
    @Field(key: "description") var description: String
    /// Decoded on read: an unknown stored value is an error, never a default.
    @Field(key: "claim_case") var claimCase: ClaimCase
    @Field(key: "status") var status: ClaimState
    @Field(key: "notice_late") var noticeLate: Bool
    @Field(key: "days_late") var daysLate: Int
    /// Nil while an expert has not yet attested (R-CL-03).
    @OptionalField(key: "late_decision") var lateDecision: LateNoticeDecision?
    /// The R-CL-04 outcome, JSON.
    @Field(key: "premium_inquiry") var premiumInquiry: String
    @OptionalField(key: "loss") var loss: Int64?
    @OptionalField(key: "salvage") var salvage: Int64?
    @OptionalField(key: "agreed_amount") var agreedAmount: Int64?
    @OptionalField(key: "end_reason") var endReason: String?
    /// Recorded when the payment order is collected (R-CL-10 settlement receipt).
    @OptionalField(key: "paid_on") var paidOn: String?
    /// R-CL-08: the damaged items the assessment named, JSON `[ClaimedItem]`; nil when none.
    @OptionalField(key: "claimed_items") var claimedItems: String?
    /// R-CL-06: the conditions that hold on the file, which make conditional documents required.
    /// Nil on files opened before conditions were recorded.
    @OptionalField(key: "conditions") var conditions: [String]?
    /// R-CL-02: the day the insured learned of a claim against them (civil liability); nil: the loss date.
    @OptionalField(key: "claim_known_date") var claimKnownDate: String?
    // relationships
    @Parent(key: "policy_id") var policy: Policy
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    var printedFileNumber: String { "\(fileYear)/\(fileNumber)" }
}

/// A dated step of a claim file that is not a state change of its own: an inspection visit, the
/// head's approval, visit minutes, a dispute meeting, a letter sent, the expert's fee.
final class ClaimEntry: Model, @unchecked Sendable {
    static let schema = "claim_entries"

    enum Kind: String, Codable, Sendable {
        case inspectionScheduled = "inspection-scheduled"
        case inspectionApproved = "inspection-approved"
        case visitMinutes = "visit-minutes"
        case meeting
        case letter
        case expertFee = "expert-fee"
        /// R-CL-03: a step of the late-notice form (issuance's figures, the commission, HQ).
        case lateNotice = "late-notice"
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Enum(key: "kind") var kind: Kind
    @Field(key: "entry_date") var entryDate: String
    @Field(key: "text") var text: String
    @OptionalField(key: "amount") var amount: Int64?
    /// A letter's secretariat number, when the entry is a letter.
    @OptionalField(key: "reference") var reference: String?
    // relationships
    @Parent(key: "claim_id") var claim: Claim
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}

/// A scanned document of a claim file (R-CL-06). Stored in the database so that it is backed up
/// and access-checked with the file; served only to claims staff.
final class ClaimDocument: Model, @unchecked Sendable {
    static let schema = "claim_documents"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    /// The checklist item it satisfies (`RequiredDocument.code`).
    @Field(key: "code") var code: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    // relationships
    @Parent(key: "claim_id") var claim: Claim
    @OptionalParent(key: "uploaded_by") var uploadedBy: User?

    init() {}
}
