import Foundation

/// R-IL-02: what an individual proposal needs before issue: the questionnaire always, and an
/// examination when T-IL says so.
public enum TermLifeUnderwriting: String, Codable, Sendable, Hashable {
    case questionnaire, examination
}

/// Individual term life (بیمهٔ عمر زمانی انفرادی, seed 004): pays the sum insured if the insured
/// dies within the term; nothing at the end; premiums never refunded (R-IL-01/02, T-IL).
public struct TermLife: ProductLine {
    public init() {}

    public let code: ProductCode = "term-life"
    public let title = "بیمهٔ عمر زمانی انفرادی"
    public var family: ProductFamily { .life }

    /// R-IL-02: each year's premium is paid in advance, in one sum.
    public let paymentPlans = PaymentPlanRules(downPaymentShare: Percent(100)...Percent(100), installmentCounts: 0...0, allowsCash: true)
    public let cancellationNoticeDays = 20
    public let claimNoticeDays = LifeClaimRules.noticeDays

    public let coveredPerils = ["فوت بیمه‌شده به هر علت در مدت بیمه: پرداخت سرمایهٔ بیمه به ذی‌نفع"]

    public var generalConditions: [String] {
        [
            "حق بیمهٔ هر سال در آغاز همان سال پرداخت می‌شود و برگشت‌پذیر نیست.",                     // R-IL-01
            "اگر بیمه‌شده در پایان مدت در قید حیات باشد، وجهی پرداخت نمی‌شود.",                      // R-IL-01
            "سرمایه در صورتی پرداخت می‌شود که همهٔ حق بیمه‌های سررسیده پیش از فوت پرداخت شده باشد.", // R-IL-02
            "خودکشی در سه سال نخست بیمه تحت پوشش نیست.",                                           // R-IL-02
        ]
    }

    public var claimRules: ClaimRules { .life(code) }
    /// The insured's death, with the D-GL-DEATH common documents (R-GL-10 applies to both lines).
    public var claimCases: [CaseChecklist] { [Self.deathChecklist] }
    public static let deathChecklist = CaseChecklist(.death, LifeDeathDocuments.common, title: "فوت بیمه‌شده")

    /// R-IL-02, T-IL: the yearly premium in advance, `death` = round(sum × rate(age at start) /
    /// 1000) and `medical-extra` = round(that × extra %) (omitted without an extra). The quote
    /// date is the start.
    public func quote(inputs data: Data, context: QuoteContext) throws -> ProductQuote {
        let tariff = try LifeTariff.forYear(context.date.year)
        var reader = InputReader()
        let parsed = try TermLifeInputs.parse(data, tariff: tariff, start: context.date, into: &reader)
        try reader.finish()
        guard let inputs = parsed else {
            throw DomainError(code: "invalid-inputs", message: "ورودی‌های بیمهٔ عمر زمانی ناقص است.", field: "inputs")
        }
        let age = LifeAge.completedYears(born: inputs.birthDate, on: context.date)
        guard let rate = tariff.termLife.rate(forAge: age) else { throw DomainError.ageOutOfRange(age) }
        let review = Self.underwriting(sumInsured: inputs.sumInsured, age: age, table: tariff.termLife, answers: inputs.healthAnswers)
        let death = try rate.premium(of: inputs.sumInsured)
        var lines = [QuoteLine(code: "death", rule: "R-IL-02",
                               label: "حق بیمهٔ سالانهٔ فوت (\(InputReader.persian(age)) ساله، نرخ \(rate.persianFormatted))\(review == .examination ? "؛ معاینهٔ پزشکی لازم است" : "")",
                               amount: death)]
        if inputs.extraPercent > .zero {
            lines.append(QuoteLine(code: "medical-extra", rule: "R-IL-02",
                                   label: "اضافه‌نرخ پزشکی (\(inputs.extraPercent.persianFormatted))", amount: try death.percent(inputs.extraPercent)))
        }
        var conditions = coveredPerils
        conditions.append(review == .examination ? "شرط صدور: پرسش‌نامهٔ سلامت و معاینهٔ پزشک معتمد بیمه‌گر" : "شرط صدور: پرسش‌نامهٔ سلامت")
        return try ProductQuote(product: code, lines: lines, sumInsured: inputs.sumInsured, franchisePercent: nil,
                                coveredPerils: conditions, normalizedInputs: try inputs.canonicalJSON(),
                                tariffYear: tariff.year, tariffIsSample: tariff.isSample)
    }

    /// R-IL-02: the policy runs the whole term; the premium is yearly.
    public func termYears(normalizedInputs: Data) -> Int {
        (try? JSONDecoder().decode(TermLifeInputs.self, from: normalizedInputs))?.termYears ?? 1
    }

    /// R-IL-02, T-IL: an examination from 1,000,000,000 rials or from age 51, or when a questionnaire
    /// answer is "yes" (CHOSEN); otherwise the questionnaire alone.
    public static func underwriting(sumInsured: Rial, age: Int, table: TermLifeTable, answers: [String: Bool]? = nil) -> TermLifeUnderwriting {
        sumInsured >= table.examinationFromSum || age >= table.examinationFromAge || TermLifeQuestionnaire.needsDoctor(answers)
            ? .examination : .questionnaire
    }

    /// R-IL-02: the yearly premiums over the term, each due on the start's anniversary (the first
    /// on the start); the rate stays that of the age at start.
    public static func schedule(start: JalaliDate, termYears: Int, yearly: Rial) -> [(dueDate: JalaliDate, amount: Rial)] {
        (0..<max(termYears, 0)).map { (start.addingYears($0), yearly) }
    }

    /// R-IL-02: a death claim pays the sum insured when the death is in the term, every premium due
    /// before it was paid, and it is not a suicide in the first three years; otherwise nothing.
    public static func benefit(sumInsured: Rial, term: PolicyTerm, deathDate: JalaliDate, cause: DeathCause,
                               premiumsDueBeforeDeath: Int, premiumsPaid: Int) -> Rial {
        guard term.covers(lossDate: deathDate), premiumsPaid >= premiumsDueBeforeDeath,
              !LifeClaimRules.isExcluded(cause: cause, deathDate: deathDate, coverStart: term.start) else { return .zero }
        return sumInsured
    }
}

extension DomainError {
    static func ageOutOfRange(_ age: Int) -> DomainError {
        DomainError(code: "age-out-of-range", message: "برای سن \(InputReader.persian(age)) سال نرخی نیست.", field: "inputs.birthDate")
    }
}
