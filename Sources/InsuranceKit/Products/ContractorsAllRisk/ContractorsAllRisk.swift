import Foundation

/// Contractors' all risk (بیمه تمام خطر پیمانکاران, seed 003): minimal issuance so claims
/// (R-CAR-01) have real policies. Premium = sum insured × the year's SAMPLE rate
/// (ContractorsAllRiskTariff).
public struct ContractorsAllRisk: ProductLine {
    public init() {}

    public let code: ProductCode = "contractors-all-risk"
    public let title = "بیمه تمام خطر پیمانکاران"

    /// R-P-04: as computer insurance, the other engineering line (seed 002): cash, or 30–40 % down
    /// and the rest in 2–5 installments.
    public let paymentPlans = PaymentPlanRules.engineering

    /// R-P-08: the seeds give no period for this line; 20 days as computer insurance (seed 002).
    public let cancellationNoticeDays = 20
    /// R-CL-02, R-CAR-01, seed 003: «ظرف مدت ۱۴ روز».
    public let claimNoticeDays = 14

    public let coveredPerils = [
        "آتش‌سوزی، صاعقه و انفجار",
        "سیل، طوفان و زلزله",
        "نشست و رانش زمین",
        "سرقت با شکست حرز از کارگاه",
        "حوادث و خطاهای اجرایی حین کار در کارگاه",
    ]

    public var generalConditions: [String] {
        let cancel = Normalize.persianDigits(String(cancellationNoticeDays))
        let claim = Normalize.persianDigits(String(claimNoticeDays))
        return [
            "تعهد بیمه‌گر خسارت فیزیکی کارهای موضوع پیمان و مصالح در کارگاه، حداکثر تا سرمایهٔ بیمه‌نامه "
                + "و با کسر پرداخت‌های قبلی است.",                                                   // R-CL-08
            "پوشش از ساعت ۲۴ روز شروع تا ساعت ۲۴ روز پایان مدت بیمه‌نامه است.",                        // R-G-04
            "خسارت باید ظرف \(claim) روز از وقوع، کتباً به بیمه‌گر اعلام شود؛ اعلام دیرتر فقط در صورتی "
                + "پذیرفته می‌شود که تغییری در ماهیت مورد بیمه ایجاد نشده باشد.",                         // R-CL-02/03
            "فرانشیز درج‌شده از خسارت قابل پرداخت کسر می‌شود.",                                        // R-CL-08
            "اگر اقساط حق بیمه کامل پرداخت نشده باشد، خسارت به نسبت حق بیمهٔ پرداختی به کل حق بیمه پرداخت می‌شود.", // R-CL-04
            "هر تغییر در بیمه‌نامه با صدور الحاقیه انجام می‌شود که جزء لاینفک بیمه‌نامه است.",              // R-P-07
            "بیمه‌گر یا بیمه‌گذار می‌توانند با اخطار کتبی \(cancel) روزه بیمه‌نامه را فسخ کنند.",            // R-P-08
        ]
    }

    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try ContractorsAllRiskTariff.forYear(context.date.year)
        var reader = InputReader()
        let draft = try ContractorsAllRiskInputs.parse(data, into: &reader)
        let franchise = FlatRateProduct.checkFranchise(draft.franchisePercent, tariff: tariff, into: &reader)
        try reader.finish()
        guard let sumInsured = draft.sumInsured, let description = draft.description,
              let projectName = draft.projectName else {
            throw FlatRateProduct.invalidInputs("بیمهٔ تمام خطر پیمانکاران")
        }
        let normalized = ContractorsAllRiskInputs(
            sumInsured: sumInsured, description: description, franchisePercent: franchise,
            projectName: projectName, contractAmount: draft.contractAmount)
        return try ProductQuote(
            product: code,
            lines: FlatRateProduct.premiumLines(sumInsured: sumInsured, tariff: tariff),
            sumInsured: sumInsured,
            franchisePercent: franchise,
            coveredPerils: coveredPerils,
            normalizedInputs: normalized.canonicalJSON(),
            tariffYear: tariff.year,
            tariffIsSample: tariff.isSample)
    }
}
