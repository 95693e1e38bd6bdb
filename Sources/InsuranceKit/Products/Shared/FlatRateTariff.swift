/// A one-year tariff for a product priced as sum insured × a yearly rate, with a franchise printed
/// on the policy (section T): employer's liability and contractors' all risk. The figures live in
/// EmployersLiabilityTariff.swift and ContractorsAllRiskTariff.swift, one value per Jalali year;
/// `validate()` is run by a test for each.
public struct FlatRateTariff: Sendable, Hashable {
    /// The API product code the tariff prices ("employers-liability").
    public let product: String
    public let year: Int
    /// True when any figure is a sample rather than an official one (section T).
    public let isSample: Bool
    /// Where the figures come from, in plain Persian words.
    public let note: String
    /// Premium per year as a share of the sum insured.
    public let annualRate: Percent
    /// Deductible used when the proposal names none; printed on the policy (R-CL-08).
    public let defaultFranchise: Percent
    public let franchiseRange: ClosedRange<Percent>

    public init(product: String, year: Int, isSample: Bool, note: String, annualRate: Percent,
                defaultFranchise: Percent, franchiseRange: ClosedRange<Percent>) {
        self.product = product
        self.year = year
        self.isSample = isSample
        self.note = note
        self.annualRate = annualRate
        self.defaultFranchise = defaultFranchise
        self.franchiseRange = franchiseRange
    }

    /// The tariff of `year` among `tariffs`; "no-tariff-for-year" (field "date") when there is none.
    static func forYear(_ year: Int, in tariffs: [FlatRateTariff], title: String) throws -> FlatRateTariff {
        guard let tariff = tariffs.first(where: { $0.year == year }) else {
            throw DomainError(
                code: "no-tariff-for-year",
                message: "تعرفهٔ \(title) برای سال \(Normalize.persianDigits(String(year))) تعریف نشده است.",
                field: "date")
        }
        return tariff
    }

    /// Checks the figures are coherent; throws "invalid-tariff" (field "tariffs.<product>.<name>")
    /// naming the first problem.
    public func validate() throws {
        func check(_ condition: Bool, _ field: String, _ message: String) throws {
            guard condition else {
                throw DomainError(code: "invalid-tariff",
                                  message: "تعرفهٔ \(product) سال \(Normalize.persianDigits(String(year))): \(message)",
                                  field: "tariffs.\(product).\(field)")
            }
        }
        try check(!product.isEmpty, "product", "کد محصول خالی است.")
        try check(JalaliDate.supportedYears.contains(year), "year", "سال خارج از محدوده است.")
        try check(!note.isEmpty, "note", "توضیح منبع ارقام خالی است.")
        try check(annualRate > .zero && annualRate <= .hundred, "annualRate", "نرخ باید بین صفر و صد درصد باشد.")
        try check(franchiseRange.lowerBound >= .zero && franchiseRange.upperBound <= .hundred, "franchiseRange",
                  "بازهٔ فرانشیز باید بین صفر و صد درصد باشد.")
        try check(franchiseRange.contains(defaultFranchise), "defaultFranchise",
                  "فرانشیز پیش‌فرض باید در بازهٔ مجاز باشد.")
    }
}
