import Fluent
import Foundation
import InsuranceKit

/// A policy from registration on (R-P-01): registered → issued → (expired | cancelled).
/// `version` guards against lost updates: every change bumps it, a stale `If-Match` gets 409.
final class Policy: Model, @unchecked Sendable {
    static let schema = "policies"

    enum Status: String, Codable, Sendable { case registered, issued, cancelled }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "version") var version: Int
    // data fields
    @Field(key: "product") var product: ProductCode
    @Enum(key: "status") var status: Status
    /// Policy register number, set at issue: `year/number` printed, stored as parts.
    @OptionalField(key: "number_year") var numberYear: Int?
    @OptionalField(key: "number") var number: Int?
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    /// Annual premium as quoted (R-P-02); endorsements add their deltas separately.
    @Field(key: "premium") var premium: Int64
    /// The annual premium after the latest endorsement (what a new endorsement compares with).
    @Field(key: "annual_premium") var annualPremium: Int64
    @Field(key: "sum_insured") var sumInsured: Int64
    @OptionalField(key: "franchise_percent") var franchisePercent: String?
    /// The product inputs in force (after endorsements), canonical JSON.
    @Field(key: "inputs") var inputs: String
    @Field(key: "lines") var lines: String
    @Field(key: "plan") var plan: String
    @OptionalField(key: "down_payment") var downPayment: Int64?
    @OptionalField(key: "installment_count") var installmentCount: Int?
    @OptionalField(key: "issue_date") var issueDate: String?
    @OptionalField(key: "cancellation") var cancellation: String?
    /// Third party: the code by which anyone can check the policy's authenticity (R-TP-13).
    @OptionalField(key: "unique_code") var uniqueCode: String?
    /// R-G-09: direct, through the agency, or through the broker.
    @Field(key: "channel") var channel: SaleChannel
    @OptionalField(key: "broker_id") var brokerID: UUID?
    // relationships
    @Parent(key: "quote_id") var quote: Quote
    @Parent(key: "customer_id") var customer: Customer
    @OptionalParent(key: "agency_id") var agency: Agency?
    @OptionalParent(key: "renewal_of") var renewalOf: Policy?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    var printedNumber: String? {
        guard let numberYear, let number else { return nil }
        return "\(numberYear)/\(number)"
    }
}

/// One line of a policy's payment schedule (R-P-04).
final class ScheduleEntry: Model, @unchecked Sendable {
    static let schema = "schedule_entries"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "seq") var seq: Int
    @Field(key: "due_date") var dueDate: String
    @Field(key: "amount") var amount: Int64
    @Field(key: "kind") var kind: String
    // relationships
    @Parent(key: "policy_id") var policy: Policy

    init() {}
}
