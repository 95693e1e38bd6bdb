import Fluent
import Foundation

/// A frozen quote (R-P-02): the proposal's inputs and the premium breakdown computed from them.
/// Issuing uses these numbers; changed inputs need a new quote.
final class Quote: Model, @unchecked Sendable {
    static let schema = "quotes"

    enum Status: String, Codable, Sendable { case quoted, declined, used }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "product") var product: ProductCode
    @Enum(key: "status") var status: Status
    /// Jalali date the quote was computed for (tariff year).
    @Field(key: "quote_date") var quoteDate: String
    /// The proposal's number in the secretariat register (R-P-01), `year/number`.
    @Field(key: "proposal_number") var proposalNumber: String
    @Field(key: "inputs") var inputs: String
    @Field(key: "lines") var lines: String
    @Field(key: "total") var total: Int64
    @Field(key: "sum_insured") var sumInsured: Int64
    @OptionalField(key: "franchise_percent") var franchisePercent: String?
    @Field(key: "tariff_year") var tariffYear: Int
    // relationships
    @OptionalParent(key: "customer_id") var customer: Customer?
    @OptionalParent(key: "agency_id") var agency: Agency?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}
