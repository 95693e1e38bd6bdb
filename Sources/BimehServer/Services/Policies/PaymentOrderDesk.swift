import Fluent
import Foundation
import InsuranceKit

/// Payment orders (حواله پرداخت) numbered in their register (R-G-06): premium refunds, claim
/// settlements (R-CL-10) and independent experts' fees (R-CL-11).
enum PaymentOrderDesk {
    enum Purpose: String, Sendable { case refund, claim, expertFee = "expert-fee" }

    /// Refund orders go to the insured, accounting and the file.
    static let refundRecipients = ["بیمه‌گذار", "ادارهٔ حسابداری و آمار", "پروندهٔ بیمه‌نامه"]

    static func create(amount: Rial, payee: String, reason: String, policyID: UUID?, claimID: UUID? = nil,
                       purpose: Purpose = .refund, recipients: [String] = refundRecipients,
                       principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        let today = JalaliDate(date: work.now)
        let order = PaymentOrder()
        order.year = today.year
        order.number = try await work.nextNumber(.paymentOrder, year: today.year)
        order.orderDate = today.description
        order.amount = amount.amount
        order.payee = payee
        order.reason = reason
        order.copies = recipients.count
        order.recipients = try QuoteDesk.json(recipients)
        order.purpose = purpose.rawValue
        order.$policy.id = policyID
        order.$claim.id = claimID
        order.$createdBy.id = principal.userID
        try await order.create(on: work.db)
        try await work.audit("payment-order.created", entity: "payment-order", id: try order.requireID().uuidString,
                             after: ["number": order.printedNumber, "amount": String(order.amount), "reason": reason, "purpose": purpose.rawValue])
        return order
    }

    static func recipients(of order: PaymentOrder) -> [String] {
        order.recipients.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? Array(refundRecipients.prefix(order.copies))
    }
}
