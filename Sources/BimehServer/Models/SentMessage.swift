import Fluent
import Foundation

/// One SMS to the insured (a policy issued, an installment due in 3 days, a claim's new state):
/// queued inside the change that causes it, sent after that change commits, its outcome kept.
/// `key` is unique per event, so a reminder run twice the same day queues nothing twice.
final class SentMessage: Model, @unchecked Sendable {
    static let schema = "sent_messages"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case policyIssued = "policy-issued", installmentDue = "installment-due", claimState = "claim-state"

        var title: String {
            switch self {
            case .policyIssued: "صدور بیمه‌نامه"
            case .installmentDue: "یادآوری سررسید قسط"
            case .claimState: "تغییر وضعیت پروندهٔ خسارت"
            }
        }
    }

    /// `pending` until delivered; `notSent` when there is nowhere to send it (no mobile).
    enum Outcome: String, Codable, Sendable {
        case pending, sending, sent, failed, notSent = "not-sent"

        var title: String {
            switch self {
            case .pending: "در صف ارسال"
            case .sending: "در حال ارسال"
            case .sent: "ارسال شد"
            case .failed: "ارسال نشد (خطای سامانهٔ پیامک)"
            case .notSent: "ارسال نشد"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "queued_at") var queuedAt: Date
    // data fields
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "installment") var installment: Int?
    @OptionalField(key: "mobile") var mobile: String?
    @Field(key: "text") var text: String
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "sent_at") var sentAt: Date?
    // relationships
    @OptionalField(key: "policy_id") var policyID: UUID?
    @OptionalField(key: "claim_id") var claimID: UUID?

    init() {}
}
