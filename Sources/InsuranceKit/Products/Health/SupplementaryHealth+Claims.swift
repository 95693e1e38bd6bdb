/// Health claims (R-CL-02, R-SH-04…08). Direct claims at contracted centers are answered at once
/// by the server's health desk; a reimbursement (non-contracted center, R-SH-08) is a claim file
/// of the generic engine: notice within 10 days of the service, the D-SH checklist, the head's
/// decision on a late notice, the R-SH-04 breakdown and a payment order (R-CL-10).
extension SupplementaryHealth {
    public var claimRules: ClaimRules {
        ClaimRules(product: code, noticeDays: claimNoticeDays, noticeFrom: .loss, lateNoticePolicy: .headDecides,
                   paymentOrderCopies: HealthReimbursement.paymentOrderCopies, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: false)
    }

    public var claimCases: [CaseChecklist] {
        [CaseChecklist(.reimbursement, HealthReimbursement.checklist, title: "بازپرداخت هزینهٔ درمان (مرکز غیرطرف قرارداد)")]
    }
}

extension ClaimCase {
    /// R-SH-08: the insured paid a non-contracted center and claims the cost back.
    public static let reimbursement = named("reimbursement")
}

/// R-CL-06, D-SH / D-GH: the facts of a reimbursement file that make a conditional document
/// required. The server derives every one of them from the file (the person, the cover and the
/// amounts), so the notice form does not ask them.
extension DocumentCondition {
    /// Birth certificate pages 1–2: maternity, and daughters of marriageable age — read as
    /// daughters of 18 or more, whose cover depends on being unmarried (R-SH-02).
    public static let maternityOrAdultDaughter = DocumentCondition(
        code: "maternity-or-adult-daughter", question: "هزینهٔ زایمان است یا بیمه‌شده دختر ۱۸ ساله یا بیشتر است؟")
    /// Study certificate: sons of 18 to 25.
    public static let studyingAgeSon = DocumentCondition(code: "son-18-25", question: "بیمه‌شده پسر ۱۸ تا ۲۵ ساله است؟")
    /// The certified invoice copy with the first insurer's cheque: the base insurer paid a share.
    public static let baseInsurerPaid = DocumentCondition(code: "base-insurer-paid", question: "بیمه‌گر پایه سهمی پرداخته است؟")
    /// Hospital cashier receipt, surgeon's and anaesthetist's certificates with the surgery report.
    public static let hospitalStay = DocumentCondition(code: "hospital-stay", question: "بستری، جراحی یا زایمان در بیمارستان است؟")
    /// Doctor's orders with results and the pharmacy / lab / radiology itemization.
    public static let paraclinicServices = DocumentCondition(
        code: "paraclinic-services", question: "خدمات پاراکلینیکی، آزمایشگاه، رادیولوژی یا دارو است؟")
    /// Side costs (prosthesis, lens …) are claimed with the file (seed 003).
    public static let sideCosts = DocumentCondition(code: "side-costs", question: "هزینهٔ جانبی (پروتز، لنز …) مطالبه می‌شود؟")
}
