/// The cause of a life claim (API.md `cause`).
public enum DeathCause: String, Codable, Sendable, Hashable, CaseIterable {
    case illness, accident, suicide

    public var title: String {
        switch self {
        case .illness: "بیماری یا علل طبیعی"
        case .accident: "حادثه"
        case .suicide: "خودکشی"
        }
    }
}

/// R-GL-10/12, R-IL-02, R-CL-02/03: what a death claim on a life policy pays and when it must
/// be notified.
public enum LifeClaimRules {
    /// R-CL-02: days from the death within which the notice must arrive.
    public static let noticeDays = 10
    /// R-CL-03: a late notice approved by the commission also needs HQ past this many months.
    public static let headquartersAfterMonths = 9
    /// R-GL-10, R-IL-02: suicide is excluded in the first three years of cover.
    public static let suicideExclusionYears = 3

    /// R-CL-03 (seed 004 «اگر تاخیر بالای ۹ ماه باشد»): the delay is the time from the death to the
    /// notice; past 9 calendar months (the notice later than death + 9 months) HQ must approve too.
    public static func needsHeadquarters(deathDate: JalaliDate, noticeDate: JalaliDate) -> Bool {
        noticeDate > deathDate.addingMonths(headquartersAfterMonths)
    }

    /// R-GL-10, R-IL-02: a suicide within three years of the start of the member's cover is
    /// excluded. Cover starts at 24:00 of `coverStart` (R-G-04), so the three years run to 24:00
    /// of the same day three years later: a death on that day is still inside them.
    public static func isExcluded(cause: DeathCause, deathDate: JalaliDate, coverStart: JalaliDate) -> Bool {
        cause == .suicide && deathDate <= coverStart.addingYears(suicideExclusionYears)
    }

    /// R-GL-12: death by any cause pays the member's sum insured; an accidental death adds the
    /// accidental-death cover when it was bought. An excluded suicide pays nothing (no lines).
    /// Lines `death`, `accidental-death`.
    public static func benefit(sumInsured: Rial, covers: [GroupLifeCover], cause: DeathCause, deathDate: JalaliDate,
                               coverStart: JalaliDate) -> [QuoteLine] {
        guard !isExcluded(cause: cause, deathDate: deathDate, coverStart: coverStart), covers.contains(.death) else { return [] }
        var lines = [QuoteLine(code: GroupLifeCover.death.rawValue, rule: "R-GL-12", label: "سرمایهٔ فوت به هر علت", amount: sumInsured)]
        if cause == .accident, covers.contains(.accidentalDeath) {
            lines.append(QuoteLine(code: GroupLifeCover.accidentalDeath.rawValue, rule: "R-GL-12",
                                   label: "سرمایهٔ فوت بر اثر حادثه", amount: sumInsured))
        }
        return lines
    }
}

/// R-CL-03 for group life: the late-notice form's path. Issuance adds its figures, the internal
/// commission approves (agreed amount, reason) or rejects (reason); an approval of a notice more
/// than 9 months after the death goes to HQ, which approves or rejects.
public struct LateNoticeReview: Sendable, Hashable {
    public enum Stage: String, Sendable, Hashable {
        case awaitingIssuance = "awaiting-issuance"
        case awaitingCommission = "awaiting-commission"
        case awaitingHeadquarters = "awaiting-headquarters"
        case approved
        case rejected
    }

    /// What issuance adds to the form (seed 004).
    public struct IssuanceFigures: Sendable, Hashable {
        public let averagePremiumLastTwoYears: Rial
        public let lastPremiumDate: JalaliDate
        public let lastPremiumAmount: Rial
        public let averageInsuredLastTwoYears: Int

        public init(averagePremiumLastTwoYears: Rial, lastPremiumDate: JalaliDate, lastPremiumAmount: Rial, averageInsuredLastTwoYears: Int) {
            self.averagePremiumLastTwoYears = averagePremiumLastTwoYears
            self.lastPremiumDate = lastPremiumDate
            self.lastPremiumAmount = lastPremiumAmount
            self.averageInsuredLastTwoYears = averageInsuredLastTwoYears
        }
    }

    public private(set) var stage: Stage = .awaitingIssuance
    public let needsHeadquarters: Bool
    public private(set) var figures: IssuanceFigures?
    public private(set) var agreedAmount: Rial?
    public private(set) var reason: String?

    public init(deathDate: JalaliDate, noticeDate: JalaliDate) {
        needsHeadquarters = LifeClaimRules.needsHeadquarters(deathDate: deathDate, noticeDate: noticeDate)
    }

    public mutating func addIssuanceFigures(_ figures: IssuanceFigures) throws {
        try expect(.awaitingIssuance)
        guard !figures.averagePremiumLastTwoYears.isNegative, !figures.lastPremiumAmount.isNegative,
              figures.averageInsuredLastTwoYears >= 0 else { throw DomainError.negativeAmount }
        self.figures = figures
        stage = .awaitingCommission
    }

    /// The commission's decision; an approval names the agreed amount (> 0) and a reason.
    public mutating func commission(approve: Bool, agreedAmount: Rial?, reason: String) throws {
        try expect(.awaitingCommission)
        let reason = try Self.reason(reason)
        if approve {
            guard let amount = agreedAmount, amount > .zero else {
                throw DomainError(code: "agreed-amount-required", message: "مبلغ مورد توافق کمیسیون را وارد کنید.", field: "agreedAmount")
            }
            self.agreedAmount = amount
            stage = needsHeadquarters ? .awaitingHeadquarters : .approved
        } else {
            stage = .rejected
        }
        self.reason = reason
    }

    public mutating func headquarters(approve: Bool, reason: String) throws {
        try expect(.awaitingHeadquarters)
        self.reason = try Self.reason(reason)
        stage = approve ? .approved : .rejected
    }

    private func expect(_ wanted: Stage) throws {
        guard stage == wanted else {
            throw DomainError(code: "late-notice-wrong-stage", message: "فرم اعلام تأخیر در این مرحله نیست.", field: "stage")
        }
    }

    private static func reason(_ text: String) throws -> String {
        let reason = Normalize.text(text)
        guard !reason.isEmpty else {
            throw DomainError(code: "reason-required", message: "دلیل تصمیم را بنویسید.", field: "reason")
        }
        return reason
    }
}
