/// Who receives each printed copy of a claim payment order (R-CL-10) and of the independent
/// expert's fee order (R-CL-11). Count = copies.
enum PaymentOrderCopies {
    /// Computer and contractors' all risk: 7 copies (seed 002 step 17–18, seed 003 step 5–6).
    /// From the seeds: copies 1–2 (to the insured / insured person / legal representative, with
    /// the settlement receipt form, to collect the cheque at accounting), 3 (accounting &
    /// statistics), 4 (statistics & reinsurance), 5 (the insured's file). INFERRED: 6 (claims
    /// supervision, which receives copies of the month's payment orders, seed 002 step 19) and 7
    /// (the payment-order register of the claims department, R-G-06).
    static let engineering = [
        "بیمه‌گذار / بیمه‌شده / نمایندهٔ قانونی (نسخهٔ اول)",
        "بیمه‌گذار / بیمه‌شده / نمایندهٔ قانونی (نسخهٔ دوم، برای دریافت چک از حسابداری)",
        "ادارهٔ کل حسابداری و آمار",
        "ادارهٔ آمار و اتکایی",
        "بایگانی در پروندهٔ بیمه‌گذار",
        "ادارهٔ نظارت بر خسارت بیمه‌نامه‌ها",
        "دفتر صدور حوالهٔ ادارهٔ خسارت",
    ]

    /// Employer's liability: seed 003 says only «در چند نسخه» (several copies) and, like the
    /// engineering guides, two copies with the settlement receipt to the payee who collects the
    /// cheque at accounting & statistics. CHOSEN: the same 7-copy distribution; the payee may be
    /// the injured employee (or heirs), the employer only with the notarized certificate.
    static let liability = [
        "بیمه‌گذار / زیان‌دیده / نمایندهٔ قانونی (نسخهٔ اول)",
        "بیمه‌گذار / زیان‌دیده / نمایندهٔ قانونی (نسخهٔ دوم، برای دریافت چک از حسابداری)",
        "ادارهٔ کل حسابداری و آمار",
        "ادارهٔ آمار و اتکایی",
        "بایگانی در پروندهٔ بیمه‌گذار",
        "ادارهٔ نظارت بر خسارت بیمه‌نامه‌ها",
        "دفتر صدور حوالهٔ ادارهٔ خسارت",
    ]

    /// R-CL-11, seed 002: 3 copies, two to the independent expert (one presented to accounting to
    /// collect the fee), one archived in the policy file. All from the seed.
    static let expertFee = [
        "کارشناس فنی آزاد",
        "کارشناس فنی آزاد (برای ارائه به حسابداری)",
        "بایگانی در پروندهٔ بیمه‌نامه",
    ]
}
