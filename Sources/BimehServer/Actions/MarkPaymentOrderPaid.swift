import Foundation
import InsuranceKit

/// Accounting marks a payment order paid (R-CL-10): the bank transfer's reference, the day (today
/// when not given) and, for an order issued without one (refunds), the payee's IBAN. A claim's
/// order moves its file to `paid`. Both doors (the API, the order page) hand in this input.
struct MarkPaymentOrderPaid: Sendable {
    struct Input: Sendable {
        var transferReference: String?
        var paidOn: String?
        var iban: String?
    }

    let reference: BankTransferReference
    let paidOn: JalaliDate?
    let iban: Sheba?

    init(_ input: Input) throws {
        var reader = FieldReader()
        var reference: BankTransferReference?
        do { reference = try BankTransferReference(input.transferReference ?? "") } catch let error as DomainError {
            reader.add(error.field ?? "transferReference", error.code, error.message)
        }
        let day = input.paidOn.map(Normalize.text).flatMap { $0.isEmpty ? nil : $0 }
        paidOn = day.flatMap { reader.date($0, "paidOn") }
        var iban: Sheba?
        if let raw = input.iban, !Normalize.text(raw).isEmpty {
            do { iban = try Sheba(raw) } catch let error as DomainError { reader.add("iban", error.code, error.message) }
        }
        try reader.throwIfAny()
        guard let reference else { throw AppError.malformedJSON }
        self.reference = reference
        self.iban = iban
    }

    func run(orderID: UUID?, principal: Principal, in work: UnitOfWork) async throws -> PaymentOrder {
        try await PaymentOrderDesk.markPaid(orderID, reference: reference, paidOn: paidOn, iban: iban, principal: principal, in: work)
    }
}
