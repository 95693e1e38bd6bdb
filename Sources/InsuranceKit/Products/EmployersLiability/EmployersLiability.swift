import Foundation

/// Employer's liability towards employees (بیمه مسئولیت کارفرما در برابر کارکنان, seed 003):
/// minimal issuance so claims (R-EL-LI-01) have real policies. Premium = sum insured × the
/// year's SAMPLE rate (EmployersLiabilityTariff).
public struct EmployersLiability: ProductLine {
    public init() {}

    public let code: ProductCode = "employers-liability"
    public let title = "بیمه مسئولیت کارفرما در برابر کارکنان"

    /// R-P-04: as computer insurance (seed 002 gives no plan for this line): cash, or 30–40 % down
    /// and the rest in 2–5 installments.
    public let paymentPlans = PaymentPlanRules.engineering

    /// R-P-08: the seeds give no period for this line; 20 days as computer insurance (seed 002).
    public let cancellationNoticeDays = 20
    /// R-CL-02, R-EL-LI-01, seed 003: every civil-liability line «حداکثر ظرف مدت ۵ روز».
    public let claimNoticeDays = 5

    public let coveredPerils = [
        "غرامت فوت کارکنان در حوادث ناشی از کار که کارفرما مسئول آن شناخته شود",
        "غرامت نقص عضو و ازکارافتادگی کارکنان در حوادث ناشی از کار",
        "هزینه‌های پزشکی و درمان کارکنان آسیب‌دیده",
    ]

    public var generalConditions: [String] {
        let cancel = Normalize.persianDigits(String(cancellationNoticeDays))
        let claim = Normalize.persianDigits(String(claimNoticeDays))
        return [
            "تعهد بیمه‌گر حداکثر تا سرمایهٔ بیمه‌نامه و با کسر پرداخت‌های قبلی است.",                      // R-CL-08
            "پوشش از ساعت ۲۴ روز شروع تا ساعت ۲۴ روز پایان مدت بیمه‌نامه است.",                        // R-G-04
            "بیمه‌گذار باید به محض اطلاع از هر ادعا، حداکثر ظرف \(claim) روز کتباً به بیمه‌گر اعلام کند؛ "
                + "مدارک می‌تواند بعداً تحویل شود.",                                                 // R-CL-02
            "اگر بیمه‌گذار (کارفرما) حوالهٔ خسارت را دریافت کند، باید گواهی محضری پرداخت خسارت به "
                + "زیان‌دیده را ارائه دهد.",                                                        // R-CL-10
            "اگر اقساط حق بیمه کامل پرداخت نشده باشد، خسارت به نسبت حق بیمهٔ پرداختی به کل حق بیمه پرداخت می‌شود.", // R-CL-04
            "هر تغییر در بیمه‌نامه با صدور الحاقیه انجام می‌شود که جزء لاینفک بیمه‌نامه است.",              // R-P-07
            "بیمه‌گر یا بیمه‌گذار می‌توانند با اخطار کتبی \(cancel) روزه بیمه‌نامه را فسخ کنند.",            // R-P-08
        ]
    }

    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try EmployersLiabilityTariff.forYear(context.date.year)
        var reader = InputReader()
        let draft = try EmployersLiabilityInputs.parse(data, into: &reader)
        let franchise = FlatRateProduct.checkFranchise(draft.franchisePercent, tariff: tariff, into: &reader)
        try reader.finish()
        guard let sumInsured = draft.sumInsured, let description = draft.description else {
            throw FlatRateProduct.invalidInputs("بیمهٔ مسئولیت کارفرما")
        }
        let normalized = EmployersLiabilityInputs(
            sumInsured: sumInsured, description: description, franchisePercent: franchise, employees: draft.employees)
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
