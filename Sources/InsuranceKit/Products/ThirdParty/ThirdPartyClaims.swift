/// Third-party claim rules (R-TP-10, R-TP-11, R-TP-12).
public enum ThirdPartyClaims: Sendable {
    /// R-TP-11 data: the day the licence-registration rule (circular ۱۵۳۰۶۶/۴۰۱/۹۹) took effect.
    /// SAMPLE day: seed 001 gives only the year («در سال ۱۴۰۲ اجرایی شده»), so 1402/01/01.
    public static let licenceRuleStart = JalaliDate(unchecked: 1402, 1, 1)

    /// R-TP-12, seed 003: «خسارت بیش از ۱۰,۰۰۰,۰۰۰ ریال … بازدید مقصر حادثه الزامیست».
    public static let inspectionThreshold: Rial = 10_000_000

    /// R-TP-10: the full diya used for a bodily claim, from the T-DY row of the accident's Jalali
    /// year: the haram amount for a death in a haram lunar month, the ordinary amount otherwise.
    /// Throws "no-diya-for-year" (field "date") for a year the table lacks.
    public static func bodilyDiya(accidentDate: JalaliDate, death: Bool,
                                  haramMonths: HaramMonths = .standard) throws -> Rial {
        let rates = try DiyaTable.rates(year: accidentDate.year)
        return death && haramMonths.isHaram(accidentDate) ? rates.haram : rates.ordinary
    }

    /// R-TP-10: a bodily loss as the forensic share of the diya (R-G-02 rounding): a death is the
    /// whole diya (the haram amount in a haram month), an injury `share` of the ordinary diya.
    /// Throws "invalid-diya-share" (field "diyaPercent") outside (0, 100] or for a death below 100.
    public static func bodilyLoss(accidentDate: JalaliDate, death: Bool, share: Percent,
                                  haramMonths: HaramMonths = .standard) throws -> Rial {
        guard share > .zero, share <= .hundred, !death || share == .hundred else {
            throw DomainError(code: "invalid-diya-share",
                              message: "سهم دیه باید بیشتر از صفر و حداکثر ۱۰۰ درصد باشد؛ در فوت ۱۰۰ درصد است.", field: "diyaPercent")
        }
        return try bodilyDiya(accidentDate: accidentDate, death: death, haramMonths: haramMonths).percent(share)
    }

    /// The cap of one third-party claim file. CHOSEN: a file is one injured person or one damaged
    /// property, so earlier files of the policy do not reduce it; a bodily case (bodily, occupant,
    /// driver accident) is capped by the full diya of the accident date (the haram amount in a
    /// haram month), property damage by the policy's financial cover.
    public static func settlementCap(for claimCase: ClaimCase, accidentDate: JalaliDate, financialCover: Rial,
                                     haramMonths: HaramMonths = .standard) throws -> Rial {
        guard claimCase.isPricedInDiya else { return financialCover }
        return try bodilyDiya(accidentDate: accidentDate, death: true, haramMonths: haramMonths)
    }

    /// R-TP-11: whether the insurer is obliged to pay when the at-fault driver had no driving
    /// licence. Not obliged (false), except for a policy issued before the licence rule started
    /// (`licenceRuleStart`) and still in force at the accident (true).
    public static func atFaultUnlicensed(policyIssueDate: JalaliDate, licenceRuleStart: JalaliDate,
                                         policyInForce: Bool) -> Bool {
        policyIssueDate < licenceRuleStart && policyInForce
    }

    /// R-TP-12: a financial claim above 10,000,000 rials, or one without a police sketch, needs
    /// an inspection of the at-fault vehicle (exactly 10,000,000 with a sketch does not).
    public static func requiresInspection(financialClaim: Rial, hasPoliceSketch: Bool) -> Bool {
        financialClaim > inspectionThreshold || !hasPoliceSketch
    }
}
