/// R-GL-05, T-GL-EXAM: what a member needs before admission.
public enum GroupUnderwriting: String, Codable, Sendable, Hashable, CaseIterable {
    /// Admitted without conditions.
    case accepted
    /// The health questionnaire, reviewed by the insurer's doctor.
    case questionnaire
    /// Examination by the insurer's doctor (report form: name, birth date, job).
    case examination

    public var title: String {
        switch self {
        case .accepted: "پذیرش بدون شرط"
        case .questionnaire: "پرسش‌نامهٔ پزشکی"
        case .examination: "معاینهٔ پزشک معتمد"
        }
    }
}

extension GroupExamRules {
    /// T-GL-EXAM by sum insured per person, age at start and group size: below the review
    /// threshold → accepted; ≤ 45 → accepted in a group of ≥ 50, else questionnaire; 46–55 →
    /// questionnaire up to 500,000,000, else examination; ≥ 56 → examination.
    public func underwriting(sumInsured: Rial, age: Int, groupSize: Int) -> GroupUnderwriting {
        if sumInsured < noReviewBelow { return .accepted }
        if age <= acceptedUpToAge { return groupSize >= acceptedFromGroupSize ? .accepted : .questionnaire }
        if age <= questionnaireUpToAge { return sumInsured <= questionnaireUpToSum ? .questionnaire : .examination }
        return .examination
    }
}

/// R-GL-06: the insurer's doctor's outcome for one member under review.
public enum MedicalOutcome: Sendable, Hashable {
    case accept
    /// Accepted with a medical extra rate on the death cover (T-GL extra rate).
    case extra(Percent)
    /// Referred with an introduction letter to the insurer's hospital; the consulting doctor decides.
    case moreTests
    case decline

    /// The API's `outcome` word.
    public var code: String {
        switch self {
        case .accept: "accept"
        case .extra: "extra"
        case .moreTests: "more-tests"
        case .decline: "decline"
        }
    }
}

/// Where a member stands after underwriting (R-GL-05/06): admitted (with its extra percent),
/// awaiting the doctor (or the consulting doctor after more tests), or declined.
public enum MemberAdmission: Sendable, Hashable {
    case admitted(extra: Percent)
    case pending(referred: Bool)
    case declined

    /// The standing straight after the list is underwritten.
    public static func initial(_ underwriting: GroupUnderwriting) -> MemberAdmission {
        underwriting == .accepted ? .admitted(extra: .zero) : .pending(referred: false)
    }

    public var isAdmitted: Bool {
        if case .admitted = self { return true }
        return false
    }

    /// R-GL-06: applies the doctor's outcome. Only a member under review takes one
    /// ("member-not-under-review"); after a referral the consulting doctor accepts, sets an extra
    /// or declines, never refers again ("already-referred"); the extra is 0…max ("extra-out-of-range").
    public func applying(_ outcome: MedicalOutcome, maxExtra: Percent) throws -> MemberAdmission {
        guard case .pending(let referred) = self else { throw DomainError.memberNotUnderReview }
        switch outcome {
        case .accept: return .admitted(extra: .zero)
        case .extra(let percent):
            try GroupLifeExtra.check(percent, max: maxExtra)
            return .admitted(extra: percent)
        case .moreTests:
            guard !referred else { throw DomainError.alreadyReferred }
            return .pending(referred: true)
        case .decline: return .declined
        }
    }
}

/// T-GL extra rate: the doctor's percent, 0…300, raising only that member's death-cover premium.
public enum GroupLifeExtra {
    public static func check(_ percent: Percent, max: Percent, field: String = "extraPercent") throws {
        guard percent >= .zero, percent <= max else {
            throw DomainError(code: "extra-out-of-range",
                              message: "اضافه‌نرخ پزشکی باید بین ۰ و \(max.persianFormatted) باشد.", field: field)
        }
    }
}

extension DomainError {
    public static let memberNotUnderReview = DomainError(
        code: "member-not-under-review", message: "این بیمه‌شده در انتظار نظر پزشک نیست (پیش‌تر پذیرفته یا رد شده است).", field: "outcome")
    public static let alreadyReferred = DomainError(
        code: "already-referred", message: "این بیمه‌شده پیش‌تر برای آزمایش‌های بیشتر معرفی شده است؛ پزشک مشاور باید بپذیرد، اضافه‌نرخ تعیین کند یا رد کند.",
        field: "outcome")
}
