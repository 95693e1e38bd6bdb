import Foundation

/// Validated individual term life inputs (API.md): `{birthDate, sumInsured, termYears,
/// extraPercent?}`. Encoded with sorted keys this is the quote's `normalizedInputs`.
public struct TermLifeInputs: Codable, Sendable, Hashable {
    public var birthDate: JalaliDate
    public var sumInsured: Rial
    public var termYears: Int
    /// The doctor's medical extra on the premium (0 when none).
    public var extraPercent: Percent
    /// R-IL-02: the health questionnaire's answers by question code, when given (the proposal page
    /// always asks them).
    public var healthAnswers: [String: Bool]?

    public init(birthDate: JalaliDate, sumInsured: Rial, termYears: Int, extraPercent: Percent = .zero,
                healthAnswers: [String: Bool]? = nil) {
        self.birthDate = birthDate
        self.sumInsured = sumInsured
        self.termYears = termYears
        self.extraPercent = extraPercent
        self.healthAnswers = healthAnswers
    }

    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static let fields: Set<String> = ["birthDate", "sumInsured", "termYears", "extraPercent", "healthAnswers"]

    /// R-IL-02: shape and ranges, every problem collected in `reader`; the age is checked by the
    /// product against the start. Nil when something is wrong.
    static func parse(_ data: Data, tariff: LifeTariff, start: JalaliDate, into reader: inout InputReader) throws -> TermLifeInputs? {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(root, at: "inputs", allowed: Self.fields) else { return nil }
        let birth = reader.jalaliDate(fields["birthDate"], at: "inputs.birthDate", label: "تاریخ تولد")
        let sum = reader.positiveRial(fields["sumInsured"], at: "inputs.sumInsured", label: "سرمایهٔ بیمه")
        let terms = tariff.termLife.terms
        let term = reader.requiredInteger(fields["termYears"], at: "inputs.termYears", label: "مدت بیمه (سال)",
                                          range: terms, code: "invalid-term-years")
        let extra = reader.optionalPercent(fields["extraPercent"], at: "inputs.extraPercent") ?? .zero
        let answers = reader.healthAnswers(fields["healthAnswers"], at: "inputs.healthAnswers")
        let before = reader.errors.count
        if (try? GroupLifeExtra.check(extra, max: tariff.maxExtraPercent)) == nil {
            reader.fail("extra-out-of-range", "اضافه‌نرخ پزشکی باید بین ۰ و \(tariff.maxExtraPercent.persianFormatted) باشد.", at: "inputs.extraPercent")
        }
        if let birth, birth > start {
            reader.fail("birth-date-in-future", "تاریخ تولد نمی‌تواند پس از تاریخ شروع بیمه باشد.", at: "inputs.birthDate")
        } else if let birth {
            let age = LifeAge.completedYears(born: birth, on: start)
            if !tariff.termLife.ages.contains(age) {
                reader.fail("age-out-of-range",
                            "سن بیمه‌شده در شروع بیمه \(InputReader.persian(age)) سال است؛ بیمهٔ عمر زمانی برای \(InputReader.persian(tariff.termLife.ages.lowerBound)) تا \(InputReader.persian(tariff.termLife.ages.upperBound)) سال صادر می‌شود.",
                            at: "inputs.birthDate")
            }
        }
        guard let birth, let sum, let term, reader.errors.count == before else { return nil }
        return TermLifeInputs(birthDate: birth, sumInsured: sum, termYears: term, extraPercent: extra, healthAnswers: answers)
    }
}
