/// Computer insurance tariffs, one value per Jalali year (section T: 1403 to next year).
///
/// From seed 002 (not samples): the 1 % annual rate and the volume discounts 10 / 15 / 20 %
/// (read as R-CP-02 states them). SAMPLES, to be replaced by the insurer's figures: the
/// competitive discount ceiling and the franchise default and range. Hence `isSample: true`.
extension ComputerTariff {
    public static let all: [ComputerTariff] = [
        ComputerTariff(
            year: 1403, isSample: true, note: sampleNote,
            annualRate: seedAnnualRate, volumeBands: seedVolumeBands,
            maxCompetitiveDiscount: Percent(10),
            defaultFranchise: Percent(10), franchiseRange: Percent(5)...Percent(30)),
        ComputerTariff(
            year: 1404, isSample: true, note: sampleNote,
            annualRate: seedAnnualRate, volumeBands: seedVolumeBands,
            maxCompetitiveDiscount: Percent(10),
            defaultFranchise: Percent(10), franchiseRange: Percent(5)...Percent(30)),
        ComputerTariff(
            year: 1405, isSample: true, note: sampleNote,
            annualRate: seedAnnualRate, volumeBands: seedVolumeBands,
            maxCompetitiveDiscount: Percent(10),
            defaultFranchise: Percent(10), franchiseRange: Percent(5)...Percent(30)),
        ComputerTariff(
            year: 1406, isSample: true, note: sampleNote,
            annualRate: seedAnnualRate, volumeBands: seedVolumeBands,
            maxCompetitiveDiscount: Percent(10),
            defaultFranchise: Percent(10), franchiseRange: Percent(5)...Percent(30)),
    ]

    /// R-CP-02, seed 002: «یک درصد ارزش رایانه بعنوان حق بیمه … بمدت یکسال».
    static let seedAnnualRate = Percent(1)

    /// R-CP-02 (the SPEC's reading of seed 002's «به ازای هر 50 دستگاه 10%، 51 الی 100 دستگاه 15% و
    /// برای 101 دستگاه به بالا 20%»): exactly 50 → 10 %, 51–100 → 15 %, 101 and more → 20 %.
    static let seedVolumeBands = [
        VolumeBand(items: 50...50, discount: Percent(10)),
        VolumeBand(items: 51...100, discount: Percent(15)),
        VolumeBand(items: 101...Int.max, discount: Percent(20)),
    ]

    static let sampleNote = "نمونه: نرخ ۱٪ و تخفیف‌های گروهی از صفحهٔ بیمهٔ رایانه (seed 002) است؛ "
        + "سقف تخفیف رقابتی و فرانشیز ارقام نمونه‌اند و باید با ارقام رسمی جایگزین شوند."
}
