import Fluent
import Foundation
import InsuranceKit

/// Payment orders (حواله پرداخت) numbered in their register (R-G-06): premium refunds, claim
/// settlements (R-CL-10) and independent experts' fees (R-CL-11); accounting marks each paid once.
enum PaymentOrderDesk {
    enum Purpose: String, Sendable { case refund, claim, expertFee = "expert-fee" }

    /// Refund orders go to the insured, accounting and the file.
    static let refundRecipients = ["بیمه‌گذار", "ادارهٔ حسابداری و آمار", "پروندهٔ بیمه‌نامه"]

    /// What a claim order carries besides its amount (R-CL-10).
    struct ClaimDetails: Sendable {
        var iban: Sheba
        var collector: String
        var certificate: NotarizedCertificate?
        var lines: [QuoteLine]
    }

    static func create(amount: Rial, payee: String, reason: String, policyID: UUID?, claimID: UUID? = nil,
                       purpose: Purpose = .refund, recipients: [String] = refundRecipients, details: ClaimDetails? = nil,
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
        var after = ["number": order.printedNumber, "amount": String(order.amount), "reason": reason, "purpose": purpose.rawValue]
        if let details {
            order.iban = details.iban.value
            order.collector = details.collector
            order.notarizedCertificateNumber = details.certificate?.number
            order.notarizedCertificateDate = details.certificate?.date.description
            order.settlementLines = try QuoteDesk.json(details.lines)
            after["iban"] = details.iban.value
            after["collector"] = details.collector
            if let certificate = details.certificate {
                after["notarizedCertificateNumber"] = certificate.number
                after["notarizedCertificateDate"] = certificate.date.description
            }
        }
        try await order.create(on: work.db)
        if purpose == .claim { try await StatisticsStore.claimPaymentOrdered(order, in: work) }
        try await work.audit("payment-order.created", entity: "payment-order", id: try order.requireID().uuidString, after: after)
        return order
    }

    static func recipients(of order: PaymentOrder) -> [String] {
        order.recipients.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? Array(refundRecipients.prefix(order.copies))
    }

    static func settlementLines(of order: PaymentOrder) throws -> [QuoteLine] {
        guard let text = order.settlementLines else { return [] }
        return try StoredJSON.decode([QuoteLine].self, from: text, what: "payment_orders.settlement_lines")
    }

    /// Who may mark an order paid: accounting pays (R-CL-10).
    static let payers: Set<Role> = [.accountant]

    /// Accounting marks an order paid with the bank transfer's reference, once ("order-already-paid").
    /// A claim's payment order moving to paid moves its file to `paid` (R-CL-13); a refund order may
    /// take the payee's IBAN here if it had none (an order that has one keeps it: `iban-already-set`).
    static func markPaid(_ id: UUID?, reference: BankTransferReference, paidOn: JalaliDate?, iban: Sheba?,
                         principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        guard payers.contains(principal.role) else { throw AppError.forbidden }
        guard let id, let order = try await PaymentOrder.find(id, on: work.db) else { throw AppError.notFound("حواله") }
        let today = JalaliDate(date: work.now)
        let day = paidOn ?? today
        do {
            try PaymentOrderPayment.check(alreadyPaidOn: order.paidOn.map { (try? JalaliDate(parsing: $0)) ?? today },
                                          orderDate: try JalaliDate(parsing: order.orderDate), paidOn: day, today: today)
        } catch let error as DomainError where error.field == nil {
            throw AppError.conflict(error.code, error.message)
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? "paidOn")
        }
        if let iban, let existing = order.iban, existing != iban.value {
            throw AppError.validation([FieldError(field: "iban", code: "iban-already-set",
                                                  message: "شمارهٔ شبای این حواله هنگام صدور ثبت شده است و تغییر نمی‌کند.")])
        }
        if order.purpose == Purpose.claim.rawValue, let claimID = order.$claim.id {
            let claim = try await ClaimAccess.claim(claimID, on: work.db)
            // a file marked paid before payments were accounting's keeps its state; its order is recorded now
            if ![.paid, .closed].contains(ClaimAccess.state(of: claim)) {
                try ClaimAccess.allow(.recordPayment, on: claim, for: principal)
                claim.paidOn = day.description
                try await ClaimAccess.move(claim, .recordPayment, in: work,
                                           note: "حوالهٔ \(order.printedNumber) پرداخت شد (مرجع \(reference.value)) — رسید دریافت وجه / مفاصاحساب")
            }
        }
        order.paidOn = day.description
        order.transferReference = reference.value
        if let iban, order.iban == nil { order.iban = iban.value }
        try await order.save(on: work.db)
        var after = ["paidOn": day.description, "transferReference": reference.value]
        if let iban = order.iban { after["iban"] = iban }
        try await work.audit("payment-order.paid", entity: "payment-order", id: id.uuidString, before: ["paidOn": ""], after: after)
        return order
    }
}
