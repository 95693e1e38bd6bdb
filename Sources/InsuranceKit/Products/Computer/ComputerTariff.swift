/// Computer insurance tariff for one Jalali year (R-CP-02, R-G-10, section T). The figures live
/// in ComputerTariff+Data.swift, one value per year; `validate()` is run by a test for each.
public struct ComputerTariff: Sendable, Hashable {
    /// A volume discount for a range of item counts (R-CP-02).
    public struct VolumeBand: Sendable, Hashable {
        public let items: ClosedRange<Int>
        public let discount: Percent

        public init(items: ClosedRange<Int>, discount: Percent) {
            self.items = items
            self.discount = discount
        }
    }

    public let year: Int
    /// True when any figure is a sample rather than an official one (section T).
    public let isSample: Bool
    /// Where the figures come from, in plain words.
    public let note: String
    /// R-CP-02: premium per year as a share of the declared value (seed 002: 1 %).
    public let annualRate: Percent
    /// R-CP-02: counts not in any band get no volume discount.
    public let volumeBands: [VolumeBand]
    /// R-G-10: the largest competitive discount a role with that authority may grant.
    public let maxCompetitiveDiscount: Percent
    /// Deductible used when the proposal names none; printed on the policy (R-CL-08).
    public let defaultFranchise: Percent
    public let franchiseRange: ClosedRange<Percent>

    public init(year: Int, isSample: Bool, note: String, annualRate: Percent, volumeBands: [VolumeBand],
                maxCompetitiveDiscount: Percent, defaultFranchise: Percent, franchiseRange: ClosedRange<Percent>) {
        self.year = year
        self.isSample = isSample
        self.note = note
        self.annualRate = annualRate
        self.volumeBands = volumeBands
        self.maxCompetitiveDiscount = maxCompetitiveDiscount
        self.defaultFranchise = defaultFranchise
        self.franchiseRange = franchiseRange
    }

    /// R-CP-02: the discount of the band containing `itemCount`, else 0 %.
    public func volumeDiscount(itemCount: Int) -> Percent {
        volumeBands.first { $0.items.contains(itemCount) }?.discount ?? .zero
    }

    /// The tariff of a Jalali year; "no-tariff-for-year" (field "date") when there is none.
    public static func forYear(_ year: Int) throws -> ComputerTariff {
        guard let tariff = all.first(where: { $0.year == year }) else {
            throw DomainError(
                code: "no-tariff-for-year",
                message: "تعرفهٔ بیمهٔ رایانه برای سال \(Normalize.persianDigits(String(year))) تعریف نشده است.",
                field: "date")
        }
        return tariff
    }

    /// Checks the figures are coherent; throws "invalid-tariff" naming the first problem.
    public func validate() throws {
        let wholeRange = Percent.zero...Percent.hundred
        func check(_ condition: Bool, _ field: String, _ message: String) throws {
            guard condition else {
                throw DomainError(code: "invalid-tariff",
                                  message: "تعرفهٔ رایانهٔ سال \(Normalize.persianDigits(String(year))): \(message)",
                                  field: "tariffs.computer.\(field)")
            }
        }
        try check(JalaliDate.supportedYears.contains(year), "year", "سال خارج از محدوده است.")
        try check(!note.isEmpty, "note", "توضیح منبع ارقام خالی است.")
        try check(annualRate > .zero && annualRate <= .hundred, "annualRate", "نرخ باید بین صفر و صد درصد باشد.")
        var previousUpper = 0
        for band in volumeBands {
            try check(band.items.lowerBound > previousUpper, "volumeBands",
                      "بازه‌های تخفیف گروهی باید صعودی و بدون هم‌پوشانی باشند.")
            try check(wholeRange.contains(band.discount), "volumeBands", "تخفیف گروهی باید بین صفر و صد درصد باشد.")
            previousUpper = band.items.upperBound
        }
        try check(wholeRange.contains(maxCompetitiveDiscount), "maxCompetitiveDiscount",
                  "سقف تخفیف رقابتی باید بین صفر و صد درصد باشد.")
        try check(franchiseRange.lowerBound >= .zero && franchiseRange.upperBound <= .hundred, "franchiseRange",
                  "بازهٔ فرانشیز باید بین صفر و صد درصد باشد.")
        try check(franchiseRange.contains(defaultFranchise), "defaultFranchise",
                  "فرانشیز پیش‌فرض باید در بازهٔ مجاز باشد.")
    }
}
