import Fluent
import Foundation

/// Money received for a policy (R-P-03, R-P-05): a cheque held in custody until accounting
/// collects or bounces it, or a bank slip recorded after the bank confirms. Only `collected`
/// counts as paid.
final class Payment: Model, @unchecked Sendable {
    static let schema = "payments"

    enum Method: String, Codable, Sendable { case cheque, bankSlip = "bank-slip" }
    enum Status: String, Codable, Sendable {
        /// A cheque received and held by the issuing department.
        case held
        /// A bank slip printed and handed over, waiting for the bank's confirmation.
        case pending
        case collected, bounced
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Enum(key: "method") var method: Method
    @Enum(key: "status") var status: Status
    @Field(key: "amount") var amount: Int64
    @Field(key: "paid_on") var paidOn: String
    /// Receipt register number for cheques (قبض رسید), `year/number`.
    @OptionalField(key: "receipt_number") var receiptNumber: String?
    @OptionalField(key: "cheque_number") var chequeNumber: String?
    @OptionalField(key: "cheque_bank") var chequeBank: String?
    @OptionalField(key: "cheque_due_date") var chequeDueDate: String?
    /// The drawer's account number; a cheque is unique by bank, number and account (R-P-03).
    @OptionalField(key: "cheque_account") var chequeAccount: String?
    /// A bank slip's ten-digit payment id (SlipPaymentID), typed at the bank.
    @OptionalField(key: "slip_id") var slipID: String?
    /// The bank's tracking number, stored when accounting confirms the slip (once).
    @OptionalField(key: "bank_tracking") var bankTracking: String?
    @OptionalField(key: "settled_on") var settledOn: String?
    /// R-P-03: the schedule line a cheque pays (1 = the down payment); nil outside installment plans.
    @OptionalField(key: "installment") var installment: Int?
    // relationships
    @Parent(key: "policy_id") var policy: Policy
    @OptionalParent(key: "endorsement_id") var endorsement: Endorsement?
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}
}
