import Foundation
import InsuranceKit

/// Recording a cheque or a bank slip against a policy or its pending endorsement (R-P-03): the
/// API and the policy page hand in the same input and get the same answer.
struct RecordPayment: Sendable {
    struct Cheque: Sendable {
        var number: String?
        var bank: String?
        var dueDate: String?
        var account: String? = nil
    }

    struct Input: Sendable {
        var method: String?
        var amount: Int64?
        var paidOn: String?
        /// nil when no cheque details were given at all.
        var cheque: Cheque?
        var endorsementId: String?
        /// R-P-03: the schedule line a cheque pays (1 = the down payment).
        var installment: Int? = nil
    }

    let request: PaymentDesk.Request

    /// Every problem of the input at once (422), field names as in API.md.
    init(_ input: Input) throws {
        var reader = FieldReader()
        let method = Payment.Method(rawValue: input.method ?? "")
        if method == nil { reader.add("method", "invalid-method", "روش پرداخت باید «cheque» (چک) یا «bank-slip» (فیش بانکی) باشد.") }
        let amount = reader.rial(input.amount, "amount")
        let paidOn = reader.date(input.paidOn, "paidOn")
        let endorsementID = input.endorsementId.flatMap { reader.id($0, "endorsementId", code: "unknown-endorsement") }
        var cheque: (number: String, bank: String, dueDate: JalaliDate?, account: String?)?
        if method == .cheque {
            if let c = input.cheque {
                let number = reader.text(c.number, "cheque.number", max: 30)
                let bank = reader.text(c.bank, "cheque.bank", max: 100)
                // an installment's cheque may leave its due date to the schedule (R-P-03)
                let due = (c.dueDate ?? "").isEmpty ? nil : reader.date(c.dueDate, "cheque.dueDate")
                let account = (c.account ?? "").isEmpty ? nil : reader.text(c.account, "cheque.account", max: 34)
                if let number, let bank { cheque = (number, bank, due, account) }
            } else {
                reader.add("cheque", "required", "مشخصات چک (شماره، بانک، تاریخ سررسید) را وارد کنید.")
            }
        }
        try reader.throwIfAny()
        guard let method, let amount, let paidOn else { throw AppError.malformedJSON }
        request = PaymentDesk.Request(method: method, amount: amount, paidOn: paidOn, cheque: cheque, endorsementID: endorsementID,
                                      installment: input.installment)
    }

    func run(policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> Payment {
        try await PaymentDesk.receive(request, policyID: policyID, ifMatch: ifMatch, principal: principal, in: work)
    }
}
