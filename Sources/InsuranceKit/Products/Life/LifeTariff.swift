import Foundation

/// An annual rate per thousand of the sum insured, kept exactly in hundredths of a per-mille
/// (7.20 ‰ is 720), so the premium is one exact rounding: round(sum × 720 / 100,000) (R-G-02).
public struct PerMille: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// round(sum × rate / 1000), half away from zero.
    public func premium(of sum: Rial) throws -> Rial {
        try sum.proRata(numerator: hundredths, denominator: 100_000)
    }

    public static func < (a: PerMille, b: PerMille) -> Bool { a.hundredths < b.hundredths }

    /// "7.20"
    public var description: String {
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// «۷٫۲۰ در هزار»
    public var persianFormatted: String {
        Normalize.persianDigits(description).replacingOccurrences(of: ".", with: "٫") + " در هزار"
    }
}

/// One occupational class of the group life & accident table (T-GL): its rates for death by any
/// cause and for accidental death.
public struct GroupLifeClass: Codable, Sendable, Hashable {
    /// 1 (office work) … 5 (hazardous).
    public let number: Int
    public let title: String
    public let death: PerMille
    public let accidentalDeath: PerMille

    public init(number: Int, title: String, death: PerMille, accidentalDeath: PerMille) {
        self.number = number
        self.title = title
        self.death = death
        self.accidentalDeath = accidentalDeath
    }

    public func rate(_ cover: GroupLifeCover) -> PerMille {
        switch cover {
        case .death: death
        case .accidentalDeath: accidentalDeath
        }
    }
}

/// T-GL-EXAM: the thresholds of the group's medical underwriting (R-GL-05).
public struct GroupExamRules: Codable, Sendable, Hashable {
    /// Below this sum insured per person nobody is examined.
    public let noReviewBelow: Rial
    /// Up to this age a member of a large enough group is accepted without conditions.
    public let acceptedUpToAge: Int
    /// The group size from which those young members are accepted (else questionnaire).
    public let acceptedFromGroupSize: Int
    /// Up to this age a member answers a questionnaire when the sum is at most `questionnaireUpToSum`.
    public let questionnaireUpToAge: Int
    public let questionnaireUpToSum: Rial

    public init(noReviewBelow: Rial, acceptedUpToAge: Int, acceptedFromGroupSize: Int, questionnaireUpToAge: Int,
                questionnaireUpToSum: Rial) {
        self.noReviewBelow = noReviewBelow
        self.acceptedUpToAge = acceptedUpToAge
        self.acceptedFromGroupSize = acceptedFromGroupSize
        self.questionnaireUpToAge = questionnaireUpToAge
        self.questionnaireUpToSum = questionnaireUpToSum
    }
}

/// T-IL: an age band of individual term life and its annual rate.
public struct TermLifeBand: Codable, Sendable, Hashable {
    public let ages: ClosedRange<Int>
    public let rate: PerMille

    public init(ages: ClosedRange<Int>, rate: PerMille) {
        self.ages = ages
        self.rate = rate
    }
}

/// T-IL: individual term life for one year.
public struct TermLifeTable: Codable, Sendable, Hashable {
    public let bands: [TermLifeBand]
    /// R-IL-02: age at start.
    public let ages: ClosedRange<Int>
    /// R-IL-02: whole years.
    public let terms: ClosedRange<Int>
    /// An examination from this sum insured …
    public let examinationFromSum: Rial
    /// … or from this age at start.
    public let examinationFromAge: Int

    public init(bands: [TermLifeBand], ages: ClosedRange<Int>, terms: ClosedRange<Int>, examinationFromSum: Rial,
                examinationFromAge: Int) {
        self.bands = bands
        self.ages = ages
        self.terms = terms
        self.examinationFromSum = examinationFromSum
        self.examinationFromAge = examinationFromAge
    }

    public func rate(forAge age: Int) -> PerMille? { bands.first { $0.ages.contains(age) }?.rate }
}

/// One year's life tariff: T-GL, T-GL-EXAM, the extra-rate bound and T-IL.
public struct LifeTariff: Codable, Sendable, Hashable {
    public let year: Int
    public let isSample: Bool
    public let groupClasses: [GroupLifeClass]
    public let groupExam: GroupExamRules
    /// T-GL extra rate: the doctor's percent, 0…this.
    public let maxExtraPercent: Percent
    public let termLife: TermLifeTable

    public init(year: Int, isSample: Bool, groupClasses: [GroupLifeClass], groupExam: GroupExamRules,
                maxExtraPercent: Percent, termLife: TermLifeTable) {
        self.year = year
        self.isSample = isSample
        self.groupClasses = groupClasses
        self.groupExam = groupExam
        self.maxExtraPercent = maxExtraPercent
        self.termLife = termLife
    }

    public func groupClass(_ number: Int) -> GroupLifeClass? { groupClasses.first { $0.number == number } }

    public static let years = 1403...1406

    /// The sample tariff of SPEC section T, the same every year 1403–1406; "tariff-not-found"
    /// (field "date") for another year.
    public static func forYear(_ year: Int) throws -> LifeTariff {
        guard years.contains(year) else {
            throw DomainError(code: "tariff-not-found",
                              message: "تعرفهٔ بیمهٔ عمر سال \(Normalize.persianDigits(String(year))) تعریف نشده است.", field: "date")
        }
        return sample(year: year)
    }
}
