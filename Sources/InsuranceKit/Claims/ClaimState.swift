/// R-CL-13: where a claim file stands.
public enum ClaimState: String, Codable, Sendable, Hashable, CaseIterable {
    case notified
    case documentsPending = "documents-pending"
    case inspection
    case assessed
    case offered
    case agreed
    case disputed
    case paymentOrdered = "payment-ordered"
    case paid
    case closed
    case rejected
    case closedUnpaid = "closed-unpaid"

    /// End states: nothing happens to the file after them.
    public var isTerminal: Bool {
        switch self {
        case .closed, .rejected, .closedUnpaid: true
        default: false
        }
    }

    /// Persian name for screens, letters and error messages.
    public var title: String {
        switch self {
        case .notified: "اعلام‌شده"
        case .documentsPending: "در انتظار مدارک"
        case .inspection: "بازدید کارشناسی"
        case .assessed: "برآوردشده"
        case .offered: "اعلام مبلغ به بیمه‌گذار"
        case .agreed: "توافق‌شده"
        case .disputed: "مورد اعتراض"
        case .paymentOrdered: "حوالهٔ پرداخت صادرشده"
        case .paid: "پرداخت‌شده"
        case .closed: "مختومه"
        case .rejected: "ردشده"
        case .closedUnpaid: "مختومه بدون پرداخت"
        }
    }
}

/// R-CL-13: what happens to a claim file. Rejecting or closing unpaid carries the reason printed
/// in the letter to the insured.
public enum ClaimEvent: Codable, Sendable, Hashable {
    /// R-CL-06: the insured is told by letter which documents are missing.
    case requestDocuments
    /// R-CL-05: an expert visit is arranged.
    case scheduleInspection
    /// R-CL-07: the independent expert sets loss and salvage.
    case assess
    /// R-CL-09: the final amount is notified by letter.
    case offer
    /// R-CL-09: the insured's written consent to the offer.
    case accept
    /// R-CL-09: the insured does not agree; meetings follow.
    case dispute
    /// R-CL-09: agreement reached after the meetings.
    case agree
    /// R-CL-10: the payment order is issued.
    case orderPayment
    /// R-CL-10: the payee collected the cheque.
    case recordPayment
    case close
    /// R-CL-03 and others: the claim is refused with a reason letter.
    case reject(reason: String)
    /// R-CL-04, R-CL-12 and others: closed without payment, with a reason letter.
    case closeUnpaid(reason: String)

    /// The state the event leads to.
    public var target: ClaimState {
        switch self {
        case .requestDocuments: .documentsPending
        case .scheduleInspection: .inspection
        case .assess: .assessed
        case .offer: .offered
        case .accept, .agree: .agreed
        case .dispute: .disputed
        case .orderPayment: .paymentOrdered
        case .recordPayment: .paid
        case .close: .closed
        case .reject: .rejected
        case .closeUnpaid: .closedUnpaid
        }
    }
}
