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
