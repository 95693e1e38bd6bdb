import Fluent
import Foundation
import InsuranceKit

/// One entry of the statistics store (R-P-10): what a report counts, written in the transaction
/// of the change it records and never updated; a correction of a closed month is a new entry in
/// the first open month that names the month it corrects (R-RP-02).
final class StatisticsEntry: Model, @unchecked Sendable {
    static let schema = "statistics_entries"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    /// `yyyymm` of the month the entry counts in.
    @Field(key: "month") var month: Int
    /// `yyyymm` of the Jalali month of the change's effective date.
    @Field(key: "effect_month") var effectMonth: Int
    @Field(key: "kind") var kind: String
    @Field(key: "product") var product: String
    @Field(key: "family") var family: String
    @Field(key: "department") var department: String
    /// The agency's name, or the channel's title for a direct or broker sale (the agency row).
    @Field(key: "agency") var agency: String
    @OptionalField(key: "agency_code") var agencyCode: String?
    @Field(key: "complex_code") var complexCode: String
    @Field(key: "channel") var channel: String
    /// Premium (a policy), premium delta (an endorsement; negative for a refund), premium change
    /// of a cancellation (retained − charged), or the amount paid (a claim payment).
    @Field(key: "amount") var amount: Int64
    /// The row's own document: «بیمه‌نامهٔ ۱۴۰۵/۱», «الحاقیهٔ ۲ بیمه‌نامهٔ ۱۴۰۵/۱», …
    @Field(key: "document") var document: String
    /// R-RP-03: the original documents behind the row, JSON `[String]`.
    @Field(key: "documents") var documents: String
    /// `yyyy/mm` of the closed month an adjustment corrects.
    @OptionalField(key: "corrects") var corrects: String?
    @Field(key: "source_entity") var sourceEntity: String
    @Field(key: "source_id") var sourceID: UUID
    @OptionalField(key: "policy_id") var policyID: UUID?
    @Field(key: "recorded_on") var recordedOn: String

    init() {}
}

/// A closed month (R-RP-02).
final class MonthClose: Model, @unchecked Sendable {
    static let schema = "month_closes"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "month") var month: Int
    @Field(key: "closed_at") var closedAt: Date
    @OptionalField(key: "closed_by") var closedBy: UUID?
    @Field(key: "entries") var entries: Int

    init() {}
}

/// A closed month's aggregate, copied at close: one (kind, department, agency, product) cell.
final class FrozenFigure: Model, @unchecked Sendable {
    static let schema = "frozen_figures"

    // managed fields
    @ID(key: .id) var id: UUID?
    // data fields
    @Field(key: "month") var month: Int
    @Field(key: "kind") var kind: String
    @Field(key: "department") var department: String
    @Field(key: "agency") var agency: String
    @Field(key: "product") var product: String
    @Field(key: "count") var count: Int
    @Field(key: "amount") var amount: Int64

    init() {}
}

/// A report's workflow state (R-RP-01, R-RP-04); no row means a draft.
final class ReportState: Model, @unchecked Sendable {
    static let schema = "report_states"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    // data fields
    @Field(key: "kind") var kind: String
    @Field(key: "month") var month: Int
    @Field(key: "approved") var approved: Bool
    /// JSON `[String]` of ReportRecipient raw values, in the order sent.
    @Field(key: "sent_to") var sentTo: String

    init() {}
}
