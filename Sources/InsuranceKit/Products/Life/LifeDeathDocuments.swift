/// D-GL-DEATH (R-GL-10, seed 004): the documents of a life death claim. Documents must be free
/// of erasures (checked by the claims expert on paper).
enum LifeDeathDocuments {
    static let common = [
        RequiredDocument(code: "beneficiary-request", title: "درخواست کتبی ذی‌نفع یا وراث", required: true),
        RequiredDocument(code: "policy-and-endorsements", title: "قرارداد (بیمه‌نامه) و الحاقیه‌های آن", required: true),
        RequiredDocument(code: "premium-receipt", title: "رسید پرداخت حق بیمه", required: true),
        RequiredDocument(code: "death-certificate-summary", title: "رونوشت خلاصهٔ فوت", required: true),
        RequiredDocument(code: "cause-of-death", title: "گواهی علت فوت (پزشکی قانونی یا پزشک معالج)", required: true),
        RequiredDocument(code: "court-ruling", title: "رأی قطعی دادگاه یا تأیید دادگاه بر عدم دخالت اولیای دم (در قتل)", condition: .murder),
    ]

    /// Group claims of government employees add these (seed 004).
    static let governmentEmployees = [
        RequiredDocument(code: "employment-order", title: "آخرین حکم کارگزینی", condition: .governmentEmployee),
        RequiredDocument(code: "last-payslip", title: "آخرین فیش حقوق یا لیست حقوق ماه پیش از فوت", condition: .governmentEmployee),
        RequiredDocument(code: "accident-report", title: "گزارش مشروح حادثه از مرجع صلاحیت‌دار", condition: .governmentEmployee),
        RequiredDocument(code: "driving-licence", title: "گواهینامهٔ رانندگی متناسب با وسیلهٔ نقلیه (فوت در حال رانندگی)", condition: .diedDriving),
    ]
}

extension DocumentCondition {
    /// D-GL-DEATH: the insured was murdered.
    public static let murder = DocumentCondition(code: "murder", question: "آیا فوت بر اثر قتل بوده است؟")
    /// D-GL-DEATH: a group claim for a government employee.
    public static let governmentEmployee = DocumentCondition(
        code: "government-employee", question: "آیا متوفی کارمند دولت (قرارداد کارکنان دولت) است؟")
    /// D-GL-DEATH: the insured died while driving.
    public static let diedDriving = DocumentCondition(code: "died-driving", question: "آیا فوت در حال رانندگی رخ داده است؟")
}

extension PaymentOrderCopies {
    /// R-GL-11, R-CL-10: group life, 3 copies; the beneficiary's representative signs the third,
    /// and takes two to collect the cheque at accounting & statistics.
    static let life = [
        "نمایندهٔ قانونی بیمه‌شده (نسخهٔ اول، برای دریافت چک از حسابداری)",
        "نمایندهٔ قانونی بیمه‌شده (نسخهٔ دوم، برای ارائه به ادارهٔ کل حسابداری و آمار)",
        "بایگانی ادارهٔ خسارت عمر (نسخهٔ سوم، با امضای نمایندهٔ قانونی بیمه‌شده)",
    ]
}

extension ClaimRules {
    /// R-CL-02/03, R-CL-10: 10 days from the death; a late notice goes to the commission;
    /// a payment order in 3 copies.
    static func life(_ product: ProductCode) -> ClaimRules {
        ClaimRules(product: product, noticeDays: LifeClaimRules.noticeDays, noticeFrom: .loss, lateNoticePolicy: .commission,
                   paymentOrderCopies: PaymentOrderCopies.life, expertFeeOrderCopies: PaymentOrderCopies.expertFee,
                   requiresNotarizedCertificateWhenPolicyholderCollects: false)
    }
}
