import Foundation

/// Builds an instant from an ISO 8601 UTC string in tests ("2024-03-19T20:30:00Z").
func instant(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: iso) else { fatalError("bad ISO 8601 literal in a test: \(iso)") }
    return date
}
