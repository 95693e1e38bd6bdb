import Foundation

/// Computer insurance (بیمه رایانه, seed 002): physical loss of listed computers up to their
/// declared value (R-CP-01), 1 % a year with volume and competitive discounts (R-CP-02, R-G-10).
public struct ComputerInsurance: ProductLine {
    public init() {}

    public let code: ProductCode = "computer"
    public let title = "بیمه رایانه"

    /// R-P-04 (seed 002): cash, or 30–40 % down and the rest in 2–5 installments.
    public let paymentPlans = PaymentPlanRules.engineering

    /// R-P-08, seed 002: «اخطار قبلی و کتبی 20 روزه».
    public let cancellationNoticeDays = 20
    /// R-CL-02, seed 002: «ظرف مدت 14 روز».
    public let claimNoticeDays = 14

    /// R-CP-01, in the seed's order.
    public let coveredPerils = [
        "آتش‌سوزی",
        "انفجار",
        "سیل",
        "طوفان",
        "زلزله",
        "نشست و رانش زمین",
        "سقوط از بلندی",
        "برخورد جسم خارجی",
        "نفوذ مایعات به داخل اجزا",
        "حمل و جابه‌جایی در محل مورد بیمه",
        "نوسانات جریان الکتریسیته",
        "سرقت با شکست حرز",
    ]

    public var generalConditions: [String] {
        let cancel = Normalize.persianDigits(String(cancellationNoticeDays))
        let claim = Normalize.persianDigits(String(claimNoticeDays))
        return [
            "تعهد بیمه‌گر برای هر رایانه حداکثر تا ارزش اعلام‌شدهٔ آن در فهرست پیوست است.",             // R-CP-01
            "پوشش از ساعت ۲۴ روز شروع تا ساعت ۲۴ روز پایان مدت بیمه‌نامه است.",                        // R-G-04
            "خسارت باید ظرف \(claim) روز از وقوع، کتباً به بیمه‌گر اعلام شود.",                        // R-CL-02
            "خسارت بر پایهٔ ارزش جایگزینی (قیمت خرید، حقوق و عوارض گمرکی، هزینهٔ حمل تا محل نصب و هزینهٔ نصب) "
                + "برآورد می‌شود و فرانشیز درج‌شده از آن کسر می‌شود.",                                  // R-CL-07, R-CL-08
            "اگر اقساط حق بیمه کامل پرداخت نشده باشد، خسارت به نسبت حق بیمهٔ پرداختی به کل حق بیمه پرداخت می‌شود.", // R-CL-04
            "هر تغییر در بیمه‌نامه با صدور الحاقیه انجام می‌شود که جزء لاینفک بیمه‌نامه است.",              // R-P-07
            "بیمه‌گر یا بیمه‌گذار می‌توانند با اخطار کتبی \(cancel) روزه بیمه‌نامه را فسخ کنند؛ "
                + "در فسخ از سوی بیمه‌گر حق بیمهٔ مدت باقی‌مانده به‌صورت روزشمار و در فسخ از سوی بیمه‌گذار "
                + "بر اساس تعرفهٔ کوتاه‌مدت برگشت داده می‌شود.",                                       // R-P-08
        ]
    }

    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try ComputerTariff.forYear(context.date.year)
        var reader = InputReader()
        let draft = try ComputerInsuranceInputs.parse(data, into: &reader)
        let discount = Self.checkCompetitiveDiscount(
            draft.competitiveDiscountPercent, tariff: tariff, context: context, into: &reader)
        let franchise = Self.checkFranchise(draft.franchisePercent, tariff: tariff, into: &reader)
        let sumInsured = draft.items.flatMap { Self.sumInsured(of: $0, into: &reader) }
        try reader.finish()
        guard let items = draft.items, let sumInsured else {
            // Unreachable: a missing value always leaves an error in the reader.
            throw DomainError(code: "invalid-inputs", message: "ورودی‌های بیمهٔ رایانه معتبر نیستند.", field: "inputs")
        }

        let normalized = ComputerInsuranceInputs(
            items: items, competitiveDiscountPercent: discount == .zero ? nil : discount, franchisePercent: franchise)
        return try ProductQuote(
            product: code,
            lines: Self.premiumLines(
                sumInsured: sumInsured, itemCount: items.count, competitiveDiscount: discount, tariff: tariff),
            sumInsured: sumInsured,
            franchisePercent: franchise,
            coveredPerils: coveredPerils,
            normalizedInputs: normalized.canonicalJSON(),
            tariffYear: tariff.year,
            tariffIsSample: tariff.isSample)
    }
}
