import Fluent
import Foundation

/// A numbered endorsement (الحاقیه) that is part of the policy (R-P-07).
final class Endorsement: Model, @unchecked Sendable {
    static let schema = "endorsements"

    enum Status: String, Codable, Sendable {
        /// Additional premium not yet paid: it is issued once paid (R-P-07).
        case awaitingPayment = "awaiting-payment"
        case issued
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    /// 1, 2, 3… within its policy.
    @Field(key: "number") var number: Int
    @Field(key: "kind") var kind: String
    @Enum(key: "status") var status: Status
    @Field(key: "effective_date") var effectiveDate: String
    @Field(key: "changes") var changes: String
    @Field(key: "description") var description: String
    @Field(key: "premium_delta") var premiumDelta: Int64
    @Field(key: "annual_premium_before") var annualPremiumBefore: Int64
    @Field(key: "annual_premium_after") var annualPremiumAfter: Int64
    @Field(key: "sum_insured_after") var sumInsuredAfter: Int64
    /// The product's own record of the change (JSON), applied when the endorsement takes effect.
    @OptionalField(key: "product_changes") var productChanges: String?
    // relationships
    @Parent(key: "policy_id") var policy: Policy
    @OptionalParent(key: "payment_order_id") var paymentOrder: PaymentOrder?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}

/// A payment order (حواله پرداخت) numbered in its register (R-G-06): refunds of endorsements
/// and cancellations, claim settlements (R-CL-10) and experts' fees (R-CL-11).
final class PaymentOrder: Model, @unchecked Sendable {
    static let schema = "payment_orders"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "year") var year: Int
    @Field(key: "number") var number: Int
    @Field(key: "order_date") var orderDate: String
    @Field(key: "amount") var amount: Int64
    @Field(key: "payee") var payee: String
    @Field(key: "reason") var reason: String
    @Field(key: "copies") var copies: Int
    /// `refund`, `claim` or `expert-fee`; nil on refunds made before claims existed.
    @OptionalField(key: "purpose") var purpose: String?
    /// One Persian recipient per printed copy, JSON (R-CL-10).
    @OptionalField(key: "recipients") var recipients: String?
    /// The payee's IBAN (شبا), "IR" + 24 digits; required on claim orders (R-CL-10).
    @OptionalField(key: "iban") var iban: String?
    /// Claim orders: `insured`, `injured` or `policyholder`.
    @OptionalField(key: "collector") var collector: String?
    /// R-CL-10: the notarized certificate an employer collecting a liability payment brings.
    @OptionalField(key: "notarized_certificate_number") var notarizedCertificateNumber: String?
    @OptionalField(key: "notarized_certificate_date") var notarizedCertificateDate: String?
    /// Claim orders: the R-CL-08 settlement lines the amount comes from, JSON `[QuoteLine]`.
    @OptionalField(key: "settlement_lines") var settlementLines: String?
    /// Set once, by accounting, with the bank transfer's reference.
    @OptionalField(key: "paid_on") var paidOn: String?
    @OptionalField(key: "transfer_reference") var transferReference: String?
    // relationships
    @OptionalParent(key: "policy_id") var policy: Policy?
    @OptionalParent(key: "claim_id") var claim: Claim?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    var printedNumber: String { "\(year)/\(number)" }
}
