import Vapor

extension PolicyPages {
    /// The payment form's inputs: as typed when the page comes back after a refusal of that form,
    /// else the defaults (the open amount, today, a cheque).
    struct PaymentValues: Encodable {
        var bySlip: Bool
        var amount: String
        var paidOn: String
        var chequeNumber: String
        var chequeBank: String
        var chequeDueDate: String
        var chequeAccount: String
        var endorsementId: String
        var installment: String

        init(_ form: PaymentForm?, open: Int64, today: String) {
            bySlip = form?.method == "bank-slip"
            amount = form.map { $0.amount ?? "" } ?? String(open)
            paidOn = form.map { $0.paidOn ?? "" } ?? today
            chequeNumber = form?.chequeNumber ?? ""
            chequeBank = form?.chequeBank ?? ""
            chequeDueDate = form?.chequeDueDate ?? ""
            chequeAccount = form?.chequeAccount ?? ""
            endorsementId = form?.endorsementId ?? ""
            installment = form?.installment ?? ""
        }
    }
}
