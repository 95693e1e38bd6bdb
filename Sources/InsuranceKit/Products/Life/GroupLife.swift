import Foundation

/// Group term life (بیمهٔ عمر زمانی گروهی, seed 004): a contract with an employer for its
/// members, priced per person by the occupational class of the 75 % majority (R-GL-01…09, T-GL).
public struct GroupLife: ProductLine {
    public init() {}

    public let code: ProductCode = "group-life"
    public let title = "بیمهٔ عمر زمانی گروهی"
    public var family: ProductFamily { .life }

    /// R-GL-07: the final premium is paid by cheque; CHOSEN: cash (one cheque) or 2–4 installment
    /// cheques after a 30–50 % down payment, as engineering contracts.
    public let paymentPlans = PaymentPlanRules(downPaymentShare: Percent(30)...Percent(50), installmentCounts: 2...4, allowsCash: true)
    /// R-P-08: the seeds give none for life; 20 days as the other lines.
    public let cancellationNoticeDays = 20
    /// R-CL-02: 10 days from the death.
    public let claimNoticeDays = LifeClaimRules.noticeDays

    public let coveredPerils = [
        "فوت بیمه‌شده به هر علت در مدت قرارداد: پرداخت سرمایهٔ بیمهٔ هر نفر به ذی‌نفع",
        "فوت بر اثر حادثه: پرداخت سرمایهٔ پوشش حادثه افزون بر سرمایهٔ فوت (در صورت خرید پوشش)",
    ]

    public var generalConditions: [String] {
        [
            "قرارداد از ساعت ۲۴ روز شروع تا ساعت ۲۴ روز پایان مدت معتبر است.",                                     // R-GL-03
            "بیمه‌گذار حداکثر ۱۵ روز پس از دریافت قرارداد فهرست بیمه‌شدگان را می‌فرستد.",                           // R-GL-04
            "پذیرش هر بیمه‌شده به ارزیابی پزشکی (بدون شرط، پرسش‌نامه یا معاینه) بستگی دارد.",                     // R-GL-05
            "حق بیمهٔ افزایش یا کاهش بیمه‌شدگان به نسبت ماه‌های باقی‌ماندهٔ قرارداد محاسبه می‌شود.",                 // R-GL-09
            "خودکشی در سه سال نخست بیمه تحت پوشش نیست.",                                                          // R-GL-10
            "فوت باید ظرف ۱۰ روز به بیمه‌گر اعلام شود.",                                                          // R-CL-02
        ]
    }

    /// R-CL-02/03, R-GL-11: the notice and payment-order parameters; the one claim case is a
    /// member's death, with the D-GL-DEATH checklist.
    public var claimRules: ClaimRules { .life(code) }
    public var claimCases: [CaseChecklist] { [Self.deathChecklist] }
    /// D-GL-DEATH.
    public static let deathChecklist = CaseChecklist(.death, LifeDeathDocuments.common + LifeDeathDocuments.governmentEmployees,
                                                     title: "فوت بیمه‌شده")

    /// R-GL-02, T-GL: `death` and `accidental-death`, each the per-person premium × members.
    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try LifeTariff.forYear(context.date.year)
        var reader = InputReader()
        let parsed = try GroupLifeInputs.parse(data, tariff: tariff, into: &reader)
        try reader.finish()
        guard let inputs = parsed, let klass = tariff.groupClass(inputs.occupationalClass) else {
            throw DomainError(code: "invalid-inputs", message: "ورودی‌های بیمهٔ عمر گروهی ناقص است.", field: "inputs")
        }
        let premium = GroupLifePremium(sumInsured: inputs.sumInsured, occupationalClass: klass, covers: inputs.covers)
        return try ProductQuote(
            product: code, lines: try premium.quoteLines(members: inputs.members),
            sumInsured: inputs.sumInsured, franchisePercent: nil,
            coveredPerils: inputs.covers.map { "\($0.title): \(inputs.sumInsured.persianFormatted) ریال برای هر نفر" },
            normalizedInputs: try inputs.canonicalJSON(), tariffYear: tariff.year, tariffIsSample: tariff.isSample)
    }
}
