/// Employer's liability claims (R-CL-02, R-CL-03, R-CL-10, R-EL-LI-01, D-EMP).
extension EmployersLiability {
    public var family: ProductFamily { .liability }

    /// R-CL-02/03: 5 days from the day the employer learned of the claim; the seed states the duty,
    /// not a forfeiture, so a late notice is recorded and accepted. The employer collects only
    /// with a notarized certificate that the injured was paid (R-CL-10).
    public var claimRules: ClaimRules {
        ClaimRules(product: code, noticeDays: claimNoticeDays, noticeFrom: .claimKnown, lateNoticePolicy: .accept,
                   paymentOrderCopies: PaymentOrderCopies.liability, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: true)
    }

    public var claimCases: [CaseChecklist] {
        [CaseChecklist(.injury, Self.injuryDocuments, title: "صدمهٔ بدنی کارکنان (بدون فوت)"), CaseChecklist(.death, Self.deathDocuments, title: "فوت کارکنان")]
    }

    /// D-EMP-INJURY (seed 003). CHOSEN: the surgery report only when there was surgery; the
    /// social-security list only for civil projects, per the seed.
    static let injuryDocuments = [
        RequiredDocument(code: "hospital-invoice", title: "صورتحساب بیمارستان", required: true),
        RequiredDocument(code: "paid-receipts", title: "قبوض پرداختی", required: true),
        RequiredDocument(code: "surgery-report", title: "شرح عمل جراحی (در صورت انجام جراحی)", condition: .surgery),
        RequiredDocument(code: "hospital-file-summary", title: "خلاصهٔ پروندهٔ بیمارستان", required: true),
        RequiredDocument(code: "birth-certificate", title: "شناسنامه و کپی شناسنامهٔ مصدوم", required: true),
        RequiredDocument(code: "national-card", title: "کارت ملی و کپی کارت ملی مصدوم", required: true),
        RequiredDocument(code: "treating-doctor-certificate", title: "فرم تکمیل‌شدهٔ «گواهی پزشک معالج»", required: true),
        socialSecurityList,
    ]

    /// D-EMP-DEATH (seed 003): certified copies (کپی برابر اصل).
    static let deathDocuments = [
        RequiredDocument(code: "death-certificate", title: "کپی برابر اصل گواهی فوت", required: true),
        RequiredDocument(code: "cancelled-birth-certificate", title: "کپی برابر اصل شناسنامهٔ باطل‌شده", required: true),
        RequiredDocument(code: "police-report", title: "کپی برابر اصل گزارش نیروی انتظامی", required: true),
        RequiredDocument(code: "labour-inspector-report", title: "کپی برابر اصل گزارش بازرس کار و امور اجتماعی",
                         required: true),
        RequiredDocument(code: "forensic-report", title: "کپی برابر اصل گزارش پزشکی قانونی (معاینهٔ جسد)",
                         required: true),
        RequiredDocument(code: "inheritance-certificate", title: "کپی برابر اصل گواهی حصر وراثت", required: true),
        socialSecurityList,
    ]

    static let socialSecurityList = RequiredDocument(
        code: "social-security-list", title: "کپی برابر اصل لیست تأمین اجتماعی (فقط برای پروژه‌های عمرانی)",
        condition: .civilProject)
}

extension DocumentCondition {
    /// D-EMP: the work was a civil (public construction) project.
    public static let civilProject = DocumentCondition(
        code: "civil-project", question: "آیا کار در یک پروژهٔ عمرانی انجام می‌شده است؟")
}
