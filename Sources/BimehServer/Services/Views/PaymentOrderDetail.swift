import Foundation
import InsuranceKit
import Vapor

/// A payment order as the API and the printed order show it (R-CL-10): the amount in figures
/// and words, the payee and the IBAN, the settlement lines of a claim order, the notarized
/// certificate, and accounting's payment once made.
struct PaymentOrderDetail: Content {
    var id: UUID?
    var number: String
    var date: String
    var amount: Int64
    var amountInWords: String
    var payee: String
    var reason: String
    var copies: Int
    var recipients: [String]
    var purpose: String
    var iban: String?
    var ibanPrinted: String?
    var collector: String?
    var notarizedCertificateNumber: String?
    var notarizedCertificateDate: String?
    var lines: [QuoteLine]
    var paid: Bool
    var paidOn: String?
    var transferReference: String?

    init(_ o: PaymentOrder) throws {
        id = o.id
        number = o.printedNumber
        date = o.orderDate
        amount = o.amount
        amountInWords = Rial(amount: o.amount).inWords
        payee = o.payee
        reason = o.reason
        copies = o.copies
        recipients = PaymentOrderDesk.recipients(of: o)
        purpose = o.purpose ?? PaymentOrderDesk.Purpose.refund.rawValue
        iban = o.iban
        ibanPrinted = o.iban.flatMap { try? Sheba($0).printed }
        collector = o.collector
        notarizedCertificateNumber = o.notarizedCertificateNumber
        notarizedCertificateDate = o.notarizedCertificateDate
        lines = try PaymentOrderDesk.settlementLines(of: o)
        paid = o.paidOn != nil
        paidOn = o.paidOn
        transferReference = o.transferReference
    }
}
