/// Contractors' all-risk tariffs (بیمه تمام خطر پیمانکاران), one value per Jalali year
/// (section T: 1403 to next year).
///
/// EVERY figure is a SAMPLE: the seeds give no rate or franchise for this line. 0.3 % a year of the
/// sum insured, franchise 10 % by default, 5–30 % allowed (as computer insurance, the other
/// engineering line). Hence `isSample: true` on every year.
public enum ContractorsAllRiskTariff: Sendable {
    public static let product = "contractors-all-risk"

    public static let all: [FlatRateTariff] = [1403, 1404, 1405, 1406].map { year in
        FlatRateTariff(
            product: product, year: year, isSample: true, note: sampleNote,
            annualRate: sampleAnnualRate,
            defaultFranchise: Percent(10), franchiseRange: Percent(5)...Percent(30))
    }

    /// SAMPLE: 0.3 % (30 basis points) of the sum insured per year.
    static let sampleAnnualRate = Percent(basisPoints: 30)

    static let sampleNote = "نمونه: نرخ ۰٫۳٪ سرمایه و فرانشیز (پیش‌فرض ۱۰٪، بین ۵ و ۳۰٪) ارقام نمونه‌اند؛ "
        + "منابع نرخی برای این بیمه‌نامه نداده‌اند و باید با ارقام رسمی جایگزین شوند."

    /// The tariff of a Jalali year; "no-tariff-for-year" (field "date") when there is none.
    public static func forYear(_ year: Int) throws -> FlatRateTariff {
        try FlatRateTariff.forYear(year, in: all, title: "بیمهٔ تمام خطر پیمانکاران")
    }
}
