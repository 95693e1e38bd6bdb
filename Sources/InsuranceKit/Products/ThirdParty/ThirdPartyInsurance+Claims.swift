/// The claim cases of compulsory third party (R-TP-10…12, D-TP).
extension ClaimCase {
    /// Damage to a third party's property (D-TP-FINANCIAL, R-TP-12).
    public static let financial = named("financial")
    /// Injury or death of a third party (D-TP-BODILY), priced in diya (R-TP-10).
    public static let bodily = named("bodily")
    /// Occupants of the insured vehicle (D-TP-OCCUPANT).
    public static let occupant = named("occupant")
    /// The optional driver-accident cover: the insured vehicle's own driver.
    public static let driverAccident = named("driver-accident")

    /// The cases whose loss is a share of the diya (R-TP-10).
    public var isPricedInDiya: Bool { self == .bodily || self == .occupant || self == .driverAccident }
}

extension ThirdPartyInsurance {
    public var family: ProductFamily { .motor }

    /// R-P-04: a legal person deducting the premium from salaries pays 25 % down.
    public var payrollDeductionPlans: PaymentPlanRules? { Self.payrollDeductionPlans }

    /// R-TP-03: sold on the purchase day; cover runs from 00:00 of the next day.
    public var termStartsOnPurchaseDay: Bool { true }

    /// R-TP-10…12: the injured is paid (liability copies, the notarized certificate when the
    /// policyholder collects); a late notice is recorded, never a reason to refuse.
    public var claimRules: ClaimRules {
        ClaimRules(product: code, noticeDays: claimNoticeDays, lateNoticePolicy: .accept,
                   paymentOrderCopies: PaymentOrderCopies.liability, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: true)
    }

    /// CHOSEN: the driver-accident cover has no list of its own in section D; its documents are
    /// the occupant's (police minutes and sketch, the driver's licence, ownership, policy).
    public var claimCases: [CaseChecklist] {
        [
            CaseChecklist(.financial, ThirdPartyClaims.checklist(.financial), title: "خسارت مالی به شخص ثالث"),
            CaseChecklist(.bodily, ThirdPartyClaims.checklist(.bodily), title: "خسارت بدنی شخص ثالث (دیه)"),
            CaseChecklist(.occupant, ThirdPartyClaims.checklist(.occupant), title: "سرنشین"),
            CaseChecklist(.driverAccident, ThirdPartyClaims.checklist(.occupant), title: "حوادث راننده"),
        ]
    }

    /// R-TP-03, R-TP-08: a sale is priced on the day of purchase, since the late penalty runs to
    /// the issue date and cover starts the next day; a sale dated otherwise is refused.
    static func checkPurchaseDay(_ inputs: ThirdPartyInputs, context: QuoteContext) throws {
        guard let today = context.purchaseDay else { return }
        guard context.date == today, inputs.issueDate == today else {
            throw DomainError(code: "not-purchase-day",
                              message: "بیمهٔ شخص ثالث در روز خرید نرخ‌گذاری می‌شود: تاریخ استعلام و issueDate باید امروز (\(today.persianDescription)) باشد.",
                              field: "inputs.issueDate")
        }
    }
}
