/// T-SP: share of the annual premium the insurer keeps when the insured cancels (R-P-08),
/// by days of cover elapsed.
///
/// Sample-free: the figures are the spec's T-SP table. It lives in code (not yearly data) until a
/// year changes it; then it moves to the versioned tariff files with the rest of section T.
public enum ShortPeriodTable {
    /// (last elapsed day of the band, percent retained); beyond the last band: 100 %.
    public static let bands: [(throughDay: Int, retained: Int64)] = [
        (5, 5), (15, 10), (30, 20), (60, 30), (90, 40),
        (120, 50), (150, 60), (180, 70), (270, 85),
    ]

    /// T-SP: ≤ 5 → 5 %, ≤ 15 → 10 %, ≤ 30 → 20 %, ≤ 60 → 30 %, ≤ 90 → 40 %, ≤ 120 → 50 %,
    /// ≤ 150 → 60 %, ≤ 180 → 70 %, ≤ 270 → 85 %, > 270 → 100 %. Zero or negative elapsed days
    /// (cancelled before cover began) fall in the first band: 5 %.
    public static func retainedPercent(elapsedDays: Int) -> Percent {
        for band in bands where elapsedDays <= band.throughDay {
            return Percent(band.retained)
        }
        return Percent(100)
    }
}
