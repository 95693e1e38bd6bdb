/// R-TP-10: officially announced haram-month ranges that replace the Umm al-Qura computation.
///
/// Empty on purpose: no announcement has been confirmed yet. Iran's lunar months follow moon
/// sighting, and public sources already disagree by a day for Muharram 1447 (26 or 27 June 2025;
/// Umm al-Qura says 26 June), so a range is added here only from an official source (the
/// Leader's office / the Calendar Center of the University of Tehran's Institute of Geophysics),
/// citing it. When a month is moved, override its neighbour too if the shift changes it (an
/// override replaces only the month it names).
extension HaramMonths {
    public static let officialOverrides: [HaramMonthPeriod] = []
}
