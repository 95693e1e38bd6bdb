/// R-CL-03: what happens to a claim notified after the product's deadline (R-CL-02).
public enum LateNoticePolicy: String, Codable, Sendable, Hashable, CaseIterable {
    /// Computer and all-risk lines: accepted only if the expert attests that the nature of the
    /// insured subject has not changed; otherwise rejected with a letter.
    case acceptIfSubjectUnchanged = "accept-if-subject-unchanged"
    /// Refused with a letter.
    case reject
    /// Group life (later): a late-notice form and an internal commission decide.
    case commission
    /// Compulsory third party: a late notice is recorded but never defeats the injured party's
    /// claim (the cover exists for the third party, not the policyholder).
    case accept
    /// Supplementary-health reimbursement (R-SH-08): a late notice is recorded and the head of the
    /// department accepts or rejects it, with the reason in a letter to the insured.
    case headDecides = "head-decides"

    /// R-CL-03: the decision for a late notice. `subjectUnchanged` is the expert's attestation
    /// (`.acceptIfSubjectUnchanged`) or the head's acceptance (`.headDecides`); it matters for
    /// those two only.
    public func decide(subjectUnchanged: Bool) -> LateNoticeDecision {
        switch self {
        case .acceptIfSubjectUnchanged, .headDecides: subjectUnchanged ? .accept : .reject
        case .reject: .reject
        case .commission: .referToCommission
        case .accept: .accept
        }
    }

    /// Who records the decision on a late file: the claims expert's attestation, the head's
    /// acceptance; nil where nobody decides on the file (accepted or rejected at notice, or the
    /// commission's).
    public var decider: Role? {
        switch self {
        case .acceptIfSubjectUnchanged: .claims
        case .headDecides: .head
        case .reject, .commission, .accept: nil
        }
    }

    /// R-SH-08: the head's decision carries its reason, for the letter to the insured.
    public var decisionNeedsReason: Bool { self == .headDecides }
}

/// R-CL-03: the outcome for one late notice.
public enum LateNoticeDecision: String, Codable, Sendable, Hashable, CaseIterable {
    case accept
    /// The file is rejected with a reason letter (claim state `rejected`, R-CL-13).
    case reject
    /// Group life: the late-notice form goes to the commission.
    case referToCommission = "refer-to-commission"

    /// Persian, as the claim page states it.
    public var title: String {
        switch self {
        case .accept: "پذیرفته شد"
        case .reject: "پذیرفته نشد"
        case .referToCommission: "ارجاع به کمیسیون"
        }
    }
}
