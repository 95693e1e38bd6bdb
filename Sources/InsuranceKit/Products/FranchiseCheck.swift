extension InputReader {
    /// The franchise printed on the policy: the tariff default when absent, else within the
    /// tariff's range ("invalid-franchise"). Shared by every product with a franchise.
    mutating func franchise(_ percent: Percent?, default fallback: Percent, range: ClosedRange<Percent>,
                            at field: String = "inputs.franchisePercent") -> Percent {
        guard let percent else { return fallback }
        guard range.contains(percent) else {
            fail("invalid-franchise",
                 "فرانشیز باید بین \(range.lowerBound.persianFormatted) و \(range.upperBound.persianFormatted) باشد.", at: field)
            return fallback
        }
        return percent
    }
}
