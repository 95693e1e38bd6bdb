import Foundation
import InsuranceKit

/// The one way an instant is shown on a page: the Jalali day and the hour in Tehran, Persian
/// digits («۱۴۰۵/۰۱/۰۱ ۰۰:۰۰»). Stored instants stay UTC (the audit trail's ISO 8601 text).
enum PageTime {
    static func format(_ date: Date) -> String {
        let day = JalaliDate(date: date, timeZone: BimehClock.tehran)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = BimehClock.tehran
        let time = calendar.dateComponents([.hour, .minute], from: date)
        let clock = String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)
        return Normalize.persianDigits("\(day.description) \(clock)")
    }

    /// An ISO 8601 instant as the audit trail stores it; text that is not one is shown as it is.
    static func format(iso text: String) -> String {
        guard let date = parse(text) else { return Normalize.persianDigits(text) }
        return format(date)
    }

    static func parse(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
