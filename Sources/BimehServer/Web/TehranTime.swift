import Foundation
import InsuranceKit

/// Instants as staff read them: the Jalali day and the hour in Tehran, Persian digits
/// ("۱۴۰۵/۰۱/۱۰ ۰۹:۰۵"), never UTC.
enum TehranTime {
    static func stamp(_ date: Date) -> String {
        let zone = JalaliDate.tehranTimeZone
        let day = JalaliDate(date: date, timeZone: zone)
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let time = String(format: "%02d:%02d", ofDay / 3600, (ofDay % 3600) / 60)
        return Normalize.persianDigits("\(day.description) \(time)")
    }

    /// An audit record's `at` (ISO 8601 UTC, with fractional seconds); the raw text if unreadable.
    static func stamp(iso: String) -> String {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: iso) ?? ISO8601DateFormatter().date(from: iso) { return stamp(date) }
        return Normalize.persianDigits(iso)
    }
}
