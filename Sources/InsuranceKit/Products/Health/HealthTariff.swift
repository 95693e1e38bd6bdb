/// One cover of a health plan (R-SH-01) with its annual ceiling per insured person (R-SH-06).
public struct HealthCover: Codable, Sendable, Hashable {
    /// API code: `hospitalization`, `dental`, …
    public let code: String
    public let title: String
    /// Per person, per policy year.
    public let ceiling: Rial
    /// R-SH-07: a direct claim under this cover needs an introduction letter first.
    public let needsIntroduction: Bool
    /// An optional cover is bought per policy, at a share of each person's premium (T-SH).
    public let optional: Bool

    public init(code: String, title: String, ceiling: Rial, needsIntroduction: Bool = false, optional: Bool = false) {
        self.code = code
        self.title = title
        self.ceiling = ceiling
        self.needsIntroduction = needsIntroduction
        self.optional = optional
    }
}

/// A plan of the year's tariff: its annual price per person, franchise and covers (T-SH).
public struct HealthPlan: Codable, Sendable, Hashable {
    /// `basic`, `silver`, `gold`.
    public let code: String
    public let title: String
    /// Individual and family price per person a year, before the age factor.
    public let price: Rial
    /// R-SH-04: deducted from each claim unless the base insurer paid at least as much.
    public let franchise: Percent
    /// R-SH-02: whether the plan may be sold to someone without base insurance (at a surcharge).
    public let allowsWithoutBaseInsurance: Bool
    /// Standard covers first, then the optional ones the plan offers.
    public let covers: [HealthCover]

    public init(code: String, title: String, price: Rial, franchise: Percent, allowsWithoutBaseInsurance: Bool, covers: [HealthCover]) {
        self.code = code
        self.title = title
        self.price = price
        self.franchise = franchise
        self.allowsWithoutBaseInsurance = allowsWithoutBaseInsurance
        self.covers = covers
    }

    public func cover(_ code: String) -> HealthCover? { covers.first { $0.code == code } }
    public var standardCovers: [HealthCover] { covers.filter { !$0.optional } }
    public var optionalCovers: [HealthCover] { covers.filter(\.optional) }
}

/// An age band of the premium: completed years at the start, and its factor (T-SH).
public struct HealthAgeBand: Codable, Sendable, Hashable {
    public let ages: ClosedRange<Int>
    public let factor: Percent
    /// The 71–80 band is for parents in a family plan only.
    public let parentsOnly: Bool

    public init(ages: ClosedRange<Int>, factor: Percent, parentsOnly: Bool = false) {
        self.ages = ages
        self.factor = factor
        self.parentsOnly = parentsOnly
    }
}

/// R-SH-01…03, R-SH-10: one year's supplementary-health tariff.
public struct HealthTariff: Codable, Sendable, Hashable {
    public let year: Int
    public let isSample: Bool
    public let plans: [HealthPlan]
    public let ageBands: [HealthAgeBand]
    /// R-SH-03, R-SH-10: a group's price per person as a share of the individual price.
    public let groupShare: Percent
    /// R-SH-02: one line of this share of the persons' sum without base insurance.
    public let noBaseInsuranceSurcharge: Percent
    /// Each optional cover adds this share of the person's premium.
    public let optionalCoverShare: Percent
    /// R-SH-10: the fewest main members a group takes.
    public let minimumGroupMembers: Int

    public init(year: Int, isSample: Bool, plans: [HealthPlan], ageBands: [HealthAgeBand], groupShare: Percent,
                noBaseInsuranceSurcharge: Percent, optionalCoverShare: Percent, minimumGroupMembers: Int) {
        self.year = year
        self.isSample = isSample
        self.plans = plans
        self.ageBands = ageBands
        self.groupShare = groupShare
        self.noBaseInsuranceSurcharge = noBaseInsuranceSurcharge
        self.optionalCoverShare = optionalCoverShare
        self.minimumGroupMembers = minimumGroupMembers
    }

    public func plan(_ code: String) -> HealthPlan? { plans.first { $0.code == code } }

    /// The band for completed years `age`; nil outside every band.
    public func band(forAge age: Int) -> HealthAgeBand? { ageBands.first { $0.ages.contains(age) } }

    public static let years = 1403...1406

    /// The tariff of a Jalali year: a loaded tariff file wins; otherwise the sample T-SH of SPEC
    /// section T, the same every year 1403–1406; "tariff-not-found" (field "date") for another year.
    public static func forYear(_ year: Int) throws -> HealthTariff {
        if let loaded = book.loaded(year: year) { return loaded }
        guard years.contains(year) else {
            throw DomainError(code: "tariff-not-found",
                              message: "تعرفهٔ بیمهٔ تکمیلی درمان سال \(Normalize.persianDigits(String(year))) تعریف نشده است.", field: "date")
        }
        return sample(year: year)
    }
}
