/// Third-party motor tariff for one Jalali year (T-TP, R-TP-04…R-TP-09). The figures live in
/// ThirdPartyTariff+Data.swift, one value per year; `validate()` is run by a test for each.
public struct ThirdPartyTariff: Sendable, Hashable, Codable {
    /// The family a vehicle class belongs to (R-TP-04: cars by cylinders, motorcycles by
    /// cylinders, trucks by tonnage, buses by seats).
    public enum VehicleKind: String, Sendable, Hashable, Codable, CaseIterable {
        case car, motorcycle, truck, bus
    }

    /// R-TP-04: one row of the base-premium table. `code`, `label`, `basePremium` are the
    /// tariff endpoint's fields (API.md).
    public struct VehicleClass: Sendable, Hashable, Codable {
        public let code: String
        public let label: String
        /// Yearly base premium, rials.
        public let basePremium: Rial
        public let kind: VehicleKind
        /// R-TP-01/R-TP-02: the lowest licence class that may drive it.
        public let requiredLicence: DrivingLicenceClass

        public init(code: String, label: String, basePremium: Rial, kind: VehicleKind,
                    requiredLicence: DrivingLicenceClass) {
            self.code = code
            self.label = label
            self.basePremium = basePremium
            self.kind = kind
            self.requiredLicence = requiredLicence
        }
    }

    /// R-TP-05: a usage and its surcharge on the base (`private` is 0 %).
    public struct Usage: Sendable, Hashable, Codable {
        public let code: String
        public let label: String
        public let surchargePercent: Percent

        public init(code: String, label: String, surchargePercent: Percent) {
            self.code = code
            self.label = label
            self.surchargePercent = surchargePercent
        }
    }

    public let year: Int
    /// True when any figure is a sample rather than an official one (section T).
    public let isSample: Bool
    /// Where the figures come from, in plain Persian words.
    public let note: String
    public let vehicleClasses: [VehicleClass]
    public let usages: [Usage]
    /// R-TP-05, R-TP-06, R-TP-08, R-TP-09 percentages.
    public let rates: ThirdPartyRates
    /// R-TP-09: cover above the legal minimum is sold in units of this many rials …
    public let extraCoverUnit: Rial
    /// … each started unit costing this premium.
    public let extraCoverPremiumPerUnit: Rial
    /// R-TP-01/R-TP-07: premium of the optional driver-accident cover.
    public let driverAccidentPremium: Rial
    /// R-TP-08: one-year policies issued inside a window pay no late penalty. Inclusive. Only the
    /// windows the year's tariff names: none is assumed for a year that names none.
    public let amnestyWindows: [ClosedRange<JalaliDate>]

    public init(year: Int, isSample: Bool, note: String, vehicleClasses: [VehicleClass], usages: [Usage],
                rates: ThirdPartyRates, extraCoverUnit: Rial, extraCoverPremiumPerUnit: Rial,
                driverAccidentPremium: Rial, amnestyWindows: [ClosedRange<JalaliDate>]) {
        self.year = year
        self.isSample = isSample
        self.note = note
        self.vehicleClasses = vehicleClasses
        self.usages = usages
        self.rates = rates
        self.extraCoverUnit = extraCoverUnit
        self.extraCoverPremiumPerUnit = extraCoverPremiumPerUnit
        self.driverAccidentPremium = driverAccidentPremium
        self.amnestyWindows = amnestyWindows
    }

    /// The plain personal usage (API.md).
    public static let privateUsage = "private"

    /// The tariff of a Jalali year; "no-tariff-for-year" (field "date") when there is none.
    /// The tariff of a Jalali year: a loaded tariff file wins over the built-in data.
    public static func forYear(_ year: Int) throws -> ThirdPartyTariff {
        if let loaded = ThirdPartyTariffBook.loaded(year: year) { return loaded }
        guard let tariff = all.first(where: { $0.year == year }) else {
            throw DomainError(
                code: "no-tariff-for-year",
                message: "تعرفهٔ بیمهٔ شخص ثالث برای سال \(Normalize.persianDigits(String(year))) تعریف نشده است.",
                field: "date")
        }
        return tariff
    }

    /// R-TP-04: "unknown-vehicle-class" (field "inputs.vehicleClass") for a code not in the table.
    public func vehicleClass(_ code: String) throws -> VehicleClass {
        guard let found = vehicleClasses.first(where: { $0.code == code }) else {
            throw DomainError(code: "unknown-vehicle-class", message: "نوع وسیلهٔ نقلیه در تعرفه تعریف نشده است.",
                              field: "inputs.vehicleClass")
        }
        return found
    }

    /// R-TP-05: "unknown-usage" (field "inputs.usage") for a code not in the table.
    public func usage(_ code: String) throws -> Usage {
        guard let found = usages.first(where: { $0.code == code }) else {
            throw DomainError(code: "unknown-usage", message: "کاربری وسیلهٔ نقلیه در تعرفه تعریف نشده است.",
                              field: "inputs.usage")
        }
        return found
    }

    /// R-TP-08: whether `date` lies in one of the windows this tariff names (false when none).
    public func isInAmnestyWindow(_ date: JalaliDate) -> Bool {
        amnestyWindows.contains { $0.contains(date) }
    }

    /// R-TP-09: the legal minimum and the tariff maximum of the financial cover for the year,
    /// shares of its haram diya (1404: 2.5 % and 50 % of 21,330,000,000 = 533,250,000 and
    /// 10,665,000,000 rials), each rounded once (R-G-02).
    public func financialCoverBounds() throws -> ClosedRange<Rial> {
        let haram = try DiyaTable.haram(year: year)
        let minimum = try haram.percent(rates.minimumFinancialCoverShare)
        let maximum = try haram.percent(rates.maximumFinancialCoverShare)
        guard minimum <= maximum else { throw DomainError.invalidRatio }
        return minimum...maximum
    }
}
