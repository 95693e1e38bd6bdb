/// Employer's liability tariffs (بیمه مسئولیت کارفرما در برابر کارکنان), one value per Jalali year
/// (section T: 1403 to next year).
///
/// EVERY figure is a SAMPLE: the seeds give no rate or franchise for this line. 0.4 % a year of the
/// sum insured, no franchise by default, 0–20 % allowed. Hence `isSample: true` on every year.
public enum EmployersLiabilityTariff: Sendable {
    public static let product = "employers-liability"

    public static let all: [FlatRateTariff] = [1403, 1404, 1405, 1406].map { year in
        FlatRateTariff(
            product: product, year: year, isSample: true, note: sampleNote,
            annualRate: sampleAnnualRate,
            defaultFranchise: .zero, franchiseRange: Percent.zero...Percent(20))
    }

    /// SAMPLE: 0.4 % (40 basis points) of the sum insured per year.
    static let sampleAnnualRate = Percent(basisPoints: 40)

    static let sampleNote = "نمونه: نرخ ۰٫۴٪ سرمایه و فرانشیز (پیش‌فرض صفر، حداکثر ۲۰٪) ارقام نمونه‌اند؛ "
        + "منابع نرخی برای این بیمه‌نامه نداده‌اند و باید با ارقام رسمی جایگزین شوند."

    /// The tariff of a Jalali year; "no-tariff-for-year" (field "date") when there is none.
    public static func forYear(_ year: Int) throws -> FlatRateTariff {
        try FlatRateTariff.forYear(year, in: all, title: "بیمهٔ مسئولیت کارفرما")
    }
}
