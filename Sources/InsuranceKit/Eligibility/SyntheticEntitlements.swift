/// Deterministic fake entitlement data for load tests and the demo index: families of a main
/// insured and 0–4 dependants, valid national codes in strictly increasing order (so bulk inserts
/// append to a sorted index) spread over the whole code range, ~90 % still covered on `today`.
public struct SyntheticEntitlements: Sequence, Sendable {
    /// Keeps at least 9 code prefixes per person, so the spread stays random and all-same-digit
    /// codes can be stepped over.
    public static let maxPersons = 100_000_000
    public static let plans = ["پایه", "تکمیلی الف", "تکمیلی ب", "کارکنان دولت"]

    public let persons: Int
    public let seed: UInt64
    public let today: JalaliDate

    /// `persons` is clamped to 0…maxPersons.
    public init(persons: Int, seed: UInt64, today: JalaliDate) {
        self.persons = Swift.min(Swift.max(persons, 0), Self.maxPersons)
        self.seed = seed
        self.today = today
    }

    public func makeIterator() -> Iterator {
        Iterator(persons: persons, seed: seed, today: today)
    }

    /// A row EntitlementCSV.parseRow reads back to the same value (validFrom is not part of
    /// the import format, so it is lost).
    public static func csvLine(_ e: Entitlement) -> String {
        "\(e.person.key),\(csvField(e.insuranceNumber)),\(e.validTo.description),\(e.relation.rawValue),\(csvField(e.plan))"
    }

    /// Quotes only when needed, doubling inner quotes (RFC 4180).
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == CSVFields.comma || $0 == CSVFields.quote || $0 == 0x0A || $0 == 0x0D }
            || (text.unicodeScalars.first).map(Normalize.isTrimmable) == true
            || (text.unicodeScalars.last).map(Normalize.isTrimmable) == true
        guard needsQuotes else { return text }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }
}
