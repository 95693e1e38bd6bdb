/// T-DY: the full diya (دیه کامل) of one Jalali year, in rials, for the ordinary months and for
/// the haram lunar months (R-TP-09, R-TP-10).
public struct DiyaRates: Sendable, Hashable {
    public let year: Int
    public let ordinary: Rial
    /// Ordinary + ⅓ (for death), as announced; the announced figure wins over the formula
    /// (1404: 21,330,000,000, not 21,333,333,333).
    public let haram: Rial
    /// True when the year's figures are samples, not announced ones (section T).
    public let isSample: Bool
    /// Where the figures come from, in plain Persian words.
    public let note: String

    public init(year: Int, ordinary: Rial, haram: Rial, isSample: Bool, note: String) {
        self.year = year
        self.ordinary = ordinary
        self.haram = haram
        self.isSample = isSample
        self.note = note
    }
}

/// T-DY: the diya table, one row per Jalali year.
public enum DiyaTable: Sendable {
    /// 1400…1405 verbatim from SPEC T-DY (1402 also in seed 001: «۱ میلیارد و ۲۰۰ میلیون تومان در
    /// ماه‌های حرام و ۹۰۰ میلیون تومان در سایر ماه‌ها»). Announced: 1400…1404. SAMPLES: 1405 (T-DY
    /// takes its ordinary figure from a secondary source, not an announcement) and 1406.
    public static let all: [DiyaRates] = [
        DiyaRates(year: 1400, ordinary: 4_800_000_000, haram: 6_400_000_000, isSample: false, note: specNote),
        DiyaRates(year: 1401, ordinary: 6_000_000_000, haram: 8_000_000_000, isSample: false, note: specNote),
        DiyaRates(year: 1402, ordinary: 9_000_000_000, haram: 12_000_000_000, isSample: false, note: specNote),
        DiyaRates(year: 1403, ordinary: 12_000_000_000, haram: 16_000_000_000, isSample: false, note: specNote),
        DiyaRates(year: 1404, ordinary: 16_000_000_000, haram: 21_330_000_000, isSample: false, note: specNote),
        // T-DY: ordinary from a secondary source, haram by the ⅓ rule (21,000,000,000 × 4/3);
        // a sample until the judiciary announces it.
        DiyaRates(year: 1405, ordinary: 21_000_000_000, haram: 28_000_000_000, isSample: true, note: provisionalNote),
        // SAMPLE: 1405 ordinary × 9/7 ≈ +28.6 % (1404→1405 was +31 %), haram = ordinary + ⅓.
        DiyaRates(year: 1406, ordinary: 27_000_000_000, haram: 36_000_000_000, isSample: true, note: sampleNote),
    ]

    static let specNote = "دیهٔ اعلام‌شدهٔ قوهٔ قضاییه (SPEC T-DY)."
    static let provisionalNote = "نمونه: دیهٔ ماه‌های عادی از منبع ثانوی و دیهٔ ماه حرام با قاعدهٔ یک‌سوم افزایش "
        + "(SPEC T-DY)؛ هنوز اعلام رسمی نشده و پس از اعلام بازبینی شود."
    static let sampleNote = "نمونه: دیهٔ سال ۱۴۰۶ هنوز اعلام نشده است؛ رقم فرضی برای آزمون و برنامه‌ریزی."

    /// The row of a Jalali year; "no-diya-for-year" (field "date") when the table has none.
    public static func rates(year: Int) throws -> DiyaRates {
        guard let rates = all.first(where: { $0.year == year }) else {
            throw DomainError(
                code: "no-diya-for-year",
                message: "مبلغ دیهٔ سال \(Normalize.persianDigits(String(year))) تعریف نشده است.",
                field: "date")
        }
        return rates
    }

    /// T-DY: full diya in the ordinary months of `year`.
    public static func ordinary(year: Int) throws -> Rial { try rates(year: year).ordinary }

    /// T-DY: full diya in the haram months of `year` (R-TP-09 bases the covers on it).
    public static func haram(year: Int) throws -> Rial { try rates(year: year).haram }

    /// Checks every row; throws "invalid-tariff" (field "tariffs.diya.<year>") naming the first
    /// problem: years unique and ascending, amounts positive, haram between ordinary and
    /// round(ordinary × 4/3) (the ⅓ rule is the ceiling; announced figures may round down).
    public static func validate() throws {
        var previousYear = Int.min
        for row in all {
            func check(_ condition: Bool, _ message: String) throws {
                guard condition else {
                    throw DomainError(code: "invalid-tariff",
                                      message: "جدول دیهٔ سال \(Normalize.persianDigits(String(row.year))): \(message)",
                                      field: "tariffs.diya.\(row.year)")
                }
            }
            try check(row.year > previousYear, "سال‌ها باید یکتا و صعودی باشند.")
            try check(JalaliDate.supportedYears.contains(row.year), "سال خارج از محدوده است.")
            try check(row.ordinary > .zero, "دیهٔ ماه‌های عادی باید مثبت باشد.")
            let ceiling = try row.ordinary.proRata(numerator: 4, denominator: 3)
            try check(row.haram >= row.ordinary && row.haram <= ceiling,
                      "دیهٔ ماه حرام باید بین دیهٔ عادی و یک‌سوم بیشتر از آن باشد.")
            try check(!row.note.isEmpty, "توضیح منبع ارقام خالی است.")
            previousYear = row.year
        }
    }
}
