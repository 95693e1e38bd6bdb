/// What staff do to a proposal or a policy (R-P-01…R-P-09): one case per route and page button.
public enum PolicyAction: String, Codable, Sendable, CaseIterable {
    /// R-P-01: the customer agreed to the quote; the policy is registered with its payment plan.
    case register
    /// R-P-03: a cheque (held until due) or a bank slip (pending the bank's confirmation).
    case recordPayment = "record-payment"
    /// R-P-05: accounting's verdict on a cheque or slip; only collected money counts as paid.
    case collectPayment = "collect-payment"
    case bouncePayment = "bounce-payment"
    /// R-TP-02: a third-party policy needs a driver's licence before issue.
    case registerLicence = "register-licence"
    /// R-P-06
    case issue
    /// R-P-07
    case endorse
    /// R-P-08
    case cancel
    /// R-P-09: a new registered policy for the next term; the old one stays as it is.
    case renew
    /// R-P-06: the printed policy.
    case printPolicy = "print-policy"

    /// Persian button label (the pages' wording).
    public var title: String {
        switch self {
        case .register: "ثبت بیمه‌نامه"
        case .recordPayment: "ثبت پرداخت"
        case .collectPayment: "وصول شد"
        case .bouncePayment: "برگشت خورد"
        case .registerLicence: "ثبت و استعلام گواهینامه"
        case .issue: "صدور بیمه‌نامه"
        case .endorse: "ثبت الحاقیه"
        case .cancel: "ثبت فسخ"
        case .renew: "تمدید"
        case .printPolicy: "چاپ بیمه‌نامه"
        }
    }
}

/// Which action each role may take in which state, so that desks refuse and pages show buttons
/// from one answer. Data conditions (premium collected, an endorsement awaiting payment, a
/// licence on file, the agent's own agency) stay with the caller.
public enum PolicyStateMachine: Sendable {
    /// Roles per action, as the routes allow them.
    public static func roles(for action: PolicyAction) -> Set<Role> {
        switch action {
        case .register, .registerLicence, .renew: [.issuer, .agent]
        case .recordPayment: [.issuer, .accountant]
        case .collectPayment, .bouncePayment: [.accountant]
        case .issue, .endorse, .cancel: [.issuer]
        case .printPolicy: [.admin, .issuer, .agent, .claims, .head, .accountant]
        }
    }

    /// States in which the action is possible for a role that may take it.
    public static func states(for action: PolicyAction) -> Set<PolicyState> {
        switch action {
        case .register: [.quoted]
        case .recordPayment: [.registered, .issued, .expired]
        // a cheque received before a cancellation is still collected or bounced after it
        case .collectPayment, .bouncePayment: [.registered, .issued, .expired, .cancelled]
        case .registerLicence, .issue: [.registered]
        // the stored state is what counts: an expired policy is still endorsed, cancelled, renewed
        case .endorse, .cancel, .renew: [.issued, .expired]
        case .printPolicy: [.issued, .expired, .cancelled]
        }
    }

    public static func allows(_ action: PolicyAction, in state: PolicyState, role: Role) -> Bool {
        roles(for: action).contains(role) && states(for: action).contains(state)
    }

    /// The allowed actions in `PolicyAction.allCases` order.
    public static func actions(in state: PolicyState, role: Role) -> [PolicyAction] {
        PolicyAction.allCases.filter { allows($0, in: state, role: role) }
    }

    /// "forbidden" for a role that never takes the action (checked first, like the routes), else
    /// the desk's refusal for the state. `printedNumber` goes into "already-issued".
    public static func check(_ action: PolicyAction, in state: PolicyState, role: Role, printedNumber: String? = nil) throws {
        guard roles(for: action).contains(role) else { throw DomainError.forbidden }
        if let refusal = refusal(action, in: state, printedNumber: printedNumber) { throw refusal }
    }

    /// The state after an allowed action.
    public static func transition(_ action: PolicyAction, from state: PolicyState) -> PolicyState {
        switch action {
        case .register: .registered
        case .issue: .issued
        case .cancel: .cancelled
        default: state
        }
    }

    static func refusal(_ action: PolicyAction, in state: PolicyState, printedNumber: String?) -> DomainError? {
        guard !states(for: action).contains(state) else { return nil }
        if action == .register {
            return state == .draft
                ? DomainError(code: "not-quoted", message: "نرخ و شرایط این پیشنهاد هنوز محاسبه نشده است.")
                : DomainError(code: "quote-already-used", message: "این استعلام پیش‌تر برای بیمه‌نامهٔ دیگری به کار رفته یا رد شده است؛ استعلام تازه بگیرید.")
        }
        if [.draft, .quoted, .declined].contains(state) {
            return DomainError(code: "no-policy", message: "برای این پیشنهاد هنوز بیمه‌نامه‌ای ثبت نشده است.")
        }
        let cancelled = state == .cancelled
        switch action {
        case .recordPayment:
            return DomainError(code: "policy-cancelled", message: "این بیمه‌نامه فسخ شده است و پرداختی برای آن ثبت نمی‌شود.")
        case .registerLicence:
            return DomainError(code: "policy-not-registered", message: "گواهینامه پیش از صدور بیمه‌نامه ثبت می‌شود.")
        case .issue:
            return cancelled
                ? DomainError(code: "policy-cancelled", message: "این بیمه‌نامه فسخ شده است.")
                : alreadyIssued(printedNumber: printedNumber)
        case .endorse:
            return cancelled
                ? DomainError(code: "policy-cancelled", message: "الحاقیه برای بیمه‌نامهٔ فسخ‌شده صادر نمی‌شود.")
                : DomainError(code: "policy-not-issued", message: "الحاقیه فقط برای بیمه‌نامهٔ صادرشده ثبت می‌شود.")
        case .cancel:
            return cancelled
                ? DomainError(code: "already-cancelled", message: "این بیمه‌نامه پیش‌تر فسخ شده است.")
                : DomainError(code: "policy-not-issued", message: "بیمه‌نامهٔ صادرنشده فسخ نمی‌شود؛ پیشنهاد را رد کنید.")
        case .renew:
            return DomainError(code: "policy-not-renewable", message: "فقط بیمه‌نامهٔ صادرشده و فسخ‌نشده تمدید می‌شود.")
        case .printPolicy:
            return DomainError(code: "policy-not-issued", message: "بیمه‌نامه هنوز صادر نشده است و چاپ نمی‌شود.")
        case .register, .collectPayment, .bouncePayment:
            return nil  // register is answered above; payments are settled in every state of a policy
        }
    }

    /// R-P-06: issuing twice names the number already printed.
    public static func alreadyIssued(printedNumber: String?) -> DomainError {
        DomainError(code: "already-issued", message: "این بیمه‌نامه پیش‌تر صادر شده است (شماره \(printedNumber ?? "")).")
    }
}

extension DomainError {
    /// A role that never takes the action (the routes' 403, same words).
    public static let forbidden = DomainError(code: "forbidden", message: "نقش کاربری شما اجازهٔ این کار را ندارد.")
}
