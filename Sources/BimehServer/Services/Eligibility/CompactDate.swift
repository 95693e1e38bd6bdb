import InsuranceKit

/// Jalali days stored as `yyyymmdd` integers: they compare like the dates and stay readable in SQL.
extension JalaliDate {
    var compact: Int { year * 10_000 + month * 100 + day }

    init?(compact value: Int) {
        try? self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }
}
