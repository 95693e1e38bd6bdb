/// R-P-01: where a proposal or a policy stands. A stored policy is only registered, issued or
/// cancelled; draft, quoted and declined are the proposal's, and expired is read off the end date.
public enum PolicyState: String, Codable, Sendable, CaseIterable {
    case draft, quoted, registered, issued, expired, cancelled, declined

    /// Persian name for screens and letters (the policy pages' wording for the stored states).
    public var title: String {
        switch self {
        case .draft: "پیش‌نویس پیشنهاد"
        case .quoted: "استعلام‌شده (در انتظار پذیرش بیمه‌گذار)"
        case .registered: "ثبت‌شده (در انتظار صدور)"
        case .issued: "صادرشده"
        case .expired: "منقضی"
        case .cancelled: "فسخ‌شده"
        case .declined: "ردشده از سوی بیمه‌گذار"
        }
    }

    /// The state on `day`: an issued policy is expired once its end date has passed. Cover runs to
    /// 24:00 of the end day (R-G-04), so the end day itself is still in force.
    public static func effective(stored: PolicyState, endDate: JalaliDate, on day: JalaliDate) -> PolicyState {
        stored == .issued && day > endDate ? .expired : stored
    }
}

/// R-G-04, R-P-08: where a policy stands on a day, as every list, page and API answer shows it.
/// A cancellation takes effect at 24:00 of its effective day; until then the policy is still in
/// force and «در انتظار فسخ».
public enum PolicyStanding: String, Codable, Sendable, CaseIterable {
    case registered, issued, expired, cancelled
    case pendingCancellation = "pending-cancellation"

    public static func on(_ day: JalaliDate, stored: PolicyState, endDate: JalaliDate, cancellationEffective: JalaliDate?) -> PolicyStanding {
        switch stored {
        case .cancelled:
            if let effective = cancellationEffective, day <= effective, day <= endDate { return .pendingCancellation }
            return .cancelled
        case .issued: return day > endDate ? .expired : .issued
        default: return .registered
        }
    }

    /// The lifecycle state the state machine reads: a pending cancellation is already stored.
    public var state: PolicyState {
        switch self {
        case .registered: .registered
        case .issued: .issued
        case .expired: .expired
        case .cancelled, .pendingCancellation: .cancelled
        }
    }

    public var title: String {
        switch self {
        case .pendingCancellation: "در انتظار فسخ"
        default: state.title
        }
    }

    /// Cover runs until the end day, or the cancellation's effective day (both to 24:00).
    public var inForce: Bool { self == .issued || self == .pendingCancellation }
}
