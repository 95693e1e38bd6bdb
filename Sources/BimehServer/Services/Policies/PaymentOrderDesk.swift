import Fluent
import Foundation
import InsuranceKit

/// Payment orders (حواله پرداخت) numbered in their register (R-G-06): premium refunds now.
enum PaymentOrderDesk {
    /// Refund orders go to the insured, accounting and the file.
    static let refundCopies = 3

    static func create(amount: Rial, payee: String, reason: String, policyID: UUID?, principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        let today = JalaliDate(date: work.now)
        let order = PaymentOrder()
        order.year = today.year
        order.number = try await work.nextNumber(.paymentOrder, year: today.year)
        order.orderDate = today.description
        order.amount = amount.amount
        order.payee = payee
        order.reason = reason
        order.copies = refundCopies
        order.$policy.id = policyID
        order.$createdBy.id = principal.userID
        try await order.create(on: work.db)
        try await work.audit("payment-order.created", entity: "payment-order", id: try order.requireID().uuidString,
                             after: ["number": order.printedNumber, "amount": String(order.amount), "reason": reason])
        return order
    }
}
