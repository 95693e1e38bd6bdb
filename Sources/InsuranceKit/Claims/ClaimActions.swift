/// What the claims department does on a file: the R-CL-13 events without their payload, and the
/// steps that only add to the file (attestation, documents, approvals, minutes, meetings, fees).
public enum ClaimAction: String, Codable, Sendable, CaseIterable {
    /// R-CL-03: the expert attests whether the insured subject changed.
    case decideLateNotice = "decide-late-notice"
    case requestDocuments = "request-documents"
    /// R-CL-06
    case uploadDocument = "upload-document"
    case scheduleInspection = "schedule-inspection"
    /// R-CL-05: the head approves the expert's appointment order.
    case approveInspection = "approve-inspection"
    /// R-CL-05: visit minutes.
    case recordMinutes = "record-minutes"
    case assess, offer, accept, dispute
    /// R-CL-09: a meeting of the dispute; one with an agreed amount is `agree`.
    case holdMeeting = "hold-meeting"
    case agree
    case orderPayment = "order-payment"
    case recordPayment = "record-payment"
    /// R-CL-11: the expert sets the independent expert's fee, the head approves it.
    case setExpertFee = "set-expert-fee"
    case approveExpertFee = "approve-expert-fee"
    case close, reject
    case closeUnpaid = "close-unpaid"

    /// The state the action leads to; nil for a step that leaves the state as it is.
    public var target: ClaimState? { event?.target }

    /// Persian button label (the claim page's wording).
    public var title: String {
        switch self {
        case .decideLateNotice: "ثبت نظر کارشناس"
        case .requestDocuments: "ثبت نامهٔ درخواست مدارک"
        case .uploadDocument: "بارگذاری"
        case .scheduleInspection: "برنامهٔ بازدید و حکم کارشناسی"
        case .approveInspection: "تأیید حکم کارشناسی (رئیس اداره)"
        case .recordMinutes: "ثبت صورتجلسه"
        case .assess: "ثبت ارزیابی"
        case .offer: "اعلام مبلغ به بیمه‌گذار (نامه)"
        case .accept: "رضایت کتبی بیمه‌گذار رسید"
        case .dispute: "ثبت اعتراض"
        case .holdMeeting: "ثبت جلسه"
        case .agree: "ثبت مبلغ توافقی"
        case .orderPayment: "صدور حوالهٔ پرداخت"
        case .recordPayment: "وجه پرداخت شد (رسید / مفاصاحساب)"
        case .setExpertFee: "تعیین حق‌الزحمه"
        case .approveExpertFee: "تأیید حق‌الزحمه و صدور حواله (۳ نسخه)"
        case .close: "مختومه کردن پرونده"
        case .reject: "رد خسارت"
        case .closeUnpaid: "مختومه بدون پرداخت"
        }
    }

    /// The event the action fires, with a stand-in reason (reasons are checked by `transition`).
    var event: ClaimEvent? {
        switch self {
        case .requestDocuments: .requestDocuments
        case .scheduleInspection: .scheduleInspection
        case .assess: .assess
        case .offer: .offer
        case .accept: .accept
        case .dispute: .dispute
        case .agree: .agree
        case .orderPayment: .orderPayment
        case .recordPayment: .recordPayment
        case .close: .close
        case .reject: .reject(reason: "")
        case .closeUnpaid: .closeUnpaid(reason: "")
        case .decideLateNotice, .uploadDocument, .approveInspection, .recordMinutes, .holdMeeting,
             .setExpertFee, .approveExpertFee: nil
        }
    }
}

extension ClaimEvent {
    /// The event without its payload.
    public var action: ClaimAction {
        switch self {
        case .requestDocuments: .requestDocuments
        case .scheduleInspection: .scheduleInspection
        case .assess: .assess
        case .offer: .offer
        case .accept: .accept
        case .dispute: .dispute
        case .agree: .agree
        case .orderPayment: .orderPayment
        case .recordPayment: .recordPayment
        case .close: .close
        case .reject: .reject
        case .closeUnpaid: .closeUnpaid
        }
    }
}

/// Who does what on a file, and in which states. Data conditions (a late notice awaiting the
/// attestation, missing documents, a visit arranged, a fee already ordered) stay with the caller.
extension ClaimStateMachine {
    /// The head approves and orders money; the accountant pays the order (R-CL-10: the bank
    /// transfer is accounting's, and marking the claim's payment order paid is what moves the file
    /// to `paid`); the claims expert does the rest. Admin only reads.
    public static func roles(for action: ClaimAction) -> Set<Role> {
        switch action {
        case .approveInspection, .orderPayment, .approveExpertFee: [.head]
        case .recordPayment: [.accountant]
        // R-CL-03 the expert's attestation, R-SH-08 the head's acceptance: the product's
        // `LateNoticePolicy.decider` says which one a file waits for
        case .decideLateNotice: [.claims, .head]
        default: [.claims]
        }
    }

    /// States in which the action is possible: an event's sources, or where a step can be done.
    public static func states(for action: ClaimAction) -> Set<ClaimState> {
        if let event = action.event { return sources(of: event) }
        switch action {
        // a late file awaiting the attestation moves nowhere (R-CL-03) but to an end: rejected, closed unpaid
        case .decideLateNotice: return [.notified, .rejected, .closedUnpaid]
        case .uploadDocument: return Set(ClaimState.allCases.filter { !$0.isTerminal })
        // a visit arranged has left `notified` for good
        case .approveInspection: return Set(ClaimState.allCases).subtracting([.notified])
        case .recordMinutes: return Set(ClaimState.allCases)
        case .holdMeeting: return [.disputed]
        // a fee is set only after payment, and a paid file only goes on to closed
        case .setExpertFee, .approveExpertFee: return [.paid, .closed]
        default: return []
        }
    }

    /// Labelled `action:` so that a case both enums share (`.assess`) is never ambiguous.
    public static func allows(action: ClaimAction, from state: ClaimState, role: Role) -> Bool {
        roles(for: action).contains(role) && states(for: action).contains(state)
    }

    /// Whether `role` may fire `event` in `state` (reasons are not checked).
    public static func allows(_ event: ClaimEvent, from state: ClaimState, role: Role) -> Bool {
        allows(action: event.action, from: state, role: role)
    }

    /// Every allowed action, state events and steps, in `ClaimAction.allCases` order.
    public static func actions(from state: ClaimState, role: Role) -> [ClaimAction] {
        ClaimAction.allCases.filter { allows(action: $0, from: state, role: role) }
    }

    /// Only the allowed actions that move the file (R-CL-13 events).
    public static func events(from state: ClaimState, role: Role) -> [ClaimAction] {
        actions(from: state, role: role).filter { $0.target != nil }
    }

    /// "forbidden" for a role that never takes the action, else the refusal the desks give today.
    public static func check(_ action: ClaimAction, from state: ClaimState, role: Role) throws {
        guard roles(for: action).contains(role) else { throw DomainError.forbidden }
        guard !states(for: action).contains(state) else { return }
        if let target = action.target {
            throw DomainError(code: "invalid-claim-transition",
                              message: "پروندهٔ خسارت از وضعیت «\(state.title)» به وضعیت «\(target.title)» نمی‌رود.")
        }
        switch action {
        case .decideLateNotice:
            throw DomainError(code: "no-late-decision-pending", message: "این پرونده تصمیم دیرکرد اعلام لازم ندارد یا پیش‌تر تصمیم گرفته شده است.")
        case .uploadDocument:
            throw DomainError(code: "claim-closed", message: "پرونده مختومه است.")
        case .approveInspection:
            throw DomainError(code: "no-inspection-scheduled", message: "برای این پرونده بازدیدی برنامه‌ریزی نشده است.")
        case .holdMeeting:
            throw DomainError(code: "not-disputed", message: "جلسهٔ رسیدگی فقط برای پروندهٔ مورد اعتراض ثبت می‌شود.")
        case .setExpertFee:
            throw DomainError(code: "claim-not-paid", message: "حق‌الزحمهٔ کارشناس پس از پرداخت خسارت تعیین می‌شود.")
        case .approveExpertFee:
            throw DomainError(code: "no-expert-fee", message: "حق‌الزحمهٔ کارشناس هنوز تعیین نشده است.")
        default:
            return  // recordMinutes: any state
        }
    }
}
