import Foundation

/// Compulsory third-party motor insurance (بیمه شخص ثالث, seeds 001/003, R-TP-01…R-TP-13).
public struct ThirdPartyInsurance: ProductLine {
    public init() {}

    public let code: ProductCode = "third-party"
    public let title = "بیمه شخص ثالث"

    /// R-P-04 for natural persons: at least 50 % down, the rest in 1–6 monthly installments
    /// (the last due within 6 months of issue), or cash.
    public let paymentPlans = PaymentPlanRules(
        downPaymentShare: Percent(50)...Percent.hundred, installmentCounts: 1...6, allowsCash: true)

    /// R-P-04 for legal persons deducting the premium from salaries: at least 25 % down, the
    /// rest in 1–6 monthly installments.
    public static let payrollDeductionPlans = PaymentPlanRules(
        downPaymentShare: Percent(25)...Percent.hundred, installmentCounts: 1...6, allowsCash: true)

    /// R-P-08: the seeds give no period for this line; 20 days as the other lines.
    public let cancellationNoticeDays = 20
    /// R-CL-02: 5 days, as every civil-liability line.
    public let claimNoticeDays = 5

    /// R-TP-01, seed 001.
    public let coveredPerils = [
        "خسارت بدنی اشخاص ثالث (فوت، نقص عضو و هزینهٔ درمان)",
        "خسارت مالی اشخاص ثالث",
        "حوادث راننده (در صورت خرید پوشش، با گواهینامهٔ معتبر و متناسب با وسیلهٔ نقلیه)",
    ]

    public var generalConditions: [String] {
        let claim = Normalize.persianDigits(String(claimNoticeDays))
        return [
            "پوشش از ساعت ۰۰:۰۰ روز بعد از خرید یا تمدید بیمه‌نامه آغاز می‌شود (قانون ۰۰).",           // R-TP-03
            "تعهد بدنی دست‌کم معادل دیهٔ کامل ماه حرام و تعهد مالی دست‌کم ۲٫۵٪ آن در سال جاری است.",  // R-TP-09
            "ثبت گواهینامهٔ یکی از استفاده‌کنندگان وسیلهٔ نقلیه در صدور و تمدید الزامی است.",          // R-TP-02
            "اگر راننده مقصر گواهینامه نداشته باشد، بیمه‌گر تعهدی به پرداخت خسارت ندارد.",            // R-TP-11
            "جریمهٔ دیرکرد برای هر روز بدون پوشش، حداکثر ۳۶۵ روز، دریافت می‌شود و قابل بخشش نیست.",  // R-TP-08
            "خسارت باید ظرف \(claim) روز از وقوع به بیمه‌گر اعلام شود.",                             // R-CL-02
            "هر تغییر در بیمه‌نامه با صدور الحاقیه انجام می‌شود که جزء لاینفک بیمه‌نامه است.",          // R-P-07
        ]
    }

    /// R-TP-03 (the "00 rule"): cover starts at 00:00 of the day after purchase or renewal.
    public static func coverStart(purchaseDate: JalaliDate) -> JalaliDate {
        purchaseDate.adding(days: 1)
    }

    /// R-TP-03: the instant cover starts (00:00 Tehran of the next day = 24:00 of the purchase
    /// day, as R-G-04 reads "from D1").
    public static func coverStartInstant(purchaseDate: JalaliDate) -> Date {
        coverStart(purchaseDate: purchaseDate).startOfDay(in: JalaliDate.tehranTimeZone)
    }

    /// Validates API.md `inputs` and prices them with the tariff and diya of the issue date's
    /// year (R-TP-04…R-TP-09). `sumInsured` is the financial cover; no franchise. `context.date`
    /// is not used: the issue date decides, so re-pricing normalized inputs for an endorsement
    /// (R-P-07) gives the same figures; the server must set `issueDate` to the purchase day.
    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        var reader = InputReader()
        let parsed = try ThirdPartyInputs.parse(data, into: &reader)
        if let parsed { try Self.checkPurchaseDay(parsed, context: context) }
        var normalized = parsed
        var tariff: ThirdPartyTariff?
        if let inputs = parsed {
            tariff = Self.checkTariffBounds(inputs, into: &reader)
            if let tariff, let cover = try? Self.financialCover(inputs.financialCover, tariff: tariff) {
                normalized?.financialCover = cover
            }
        }
        try reader.finish()
        guard let normalized, let tariff else {
            // Unreachable: a missing value always leaves an error in the reader.
            throw DomainError(code: "invalid-inputs", message: "ورودی‌های بیمهٔ شخص ثالث معتبر نیستند.", field: "inputs")
        }
        let diya = try DiyaTable.rates(year: tariff.year)
        return try ProductQuote(
            product: code,
            lines: Self.premiumLines(normalized, tariff: tariff),
            sumInsured: normalized.financialCover,
            franchisePercent: nil,
            coveredPerils: coveredPerils,
            normalizedInputs: normalized.canonicalJSON(),
            tariffYear: tariff.year,
            tariffIsSample: tariff.isSample || diya.isSample)
    }
}
