import Foundation

/// One line of a premium breakdown (R-P-02): discounts are negative amounts.
public struct QuoteLine: Codable, Sendable, Hashable {
    /// Stable machine code fixed by API.md (`base`, `volume-discount`, …).
    public let code: String
    /// The rule the line applies (`R-CP-02`).
    public let rule: String
    /// Persian label printed on the quote.
    public let label: String
    /// Already rounded once, half away from zero (R-G-02).
    public let amount: Rial

    public init(code: String, rule: String, label: String, amount: Rial) {
        self.code = code
        self.rule = rule
        self.label = label
        self.amount = amount
    }
}

/// What a quote depends on besides the product's inputs.
public struct QuoteContext: Sendable {
    /// The quote date; its Jalali year selects the tariff.
    public var date: JalaliDate
    /// The caller's role may grant manual/competitive discounts (R-G-10).
    public var manualDiscountAuthority: Bool
    /// Today, when the quote is a sale to enter or check at the counter; nil when a stored policy
    /// is re-priced (an endorsement). A product priced on the day of purchase refuses other days.
    public var purchaseDay: JalaliDate?

    public init(date: JalaliDate, manualDiscountAuthority: Bool = false, purchaseDay: JalaliDate? = nil) {
        self.date = date
        self.manualDiscountAuthority = manualDiscountAuthority
        self.purchaseDay = purchaseDay
    }
}

/// A priced quote (R-P-02). Frozen: issuing uses these numbers, and `normalizedInputs` is what
/// an endorsement re-prices with changed values (R-P-07).
public struct ProductQuote: Sendable, Hashable {
    public let product: ProductCode
    public let lines: [QuoteLine]
    /// Σ line amounts (R-G-02); computed by the initializer, so it cannot disagree with the lines.
    public let total: Rial
    public let sumInsured: Rial
    /// Deductible printed on the policy (not a premium line); nil when the product has none.
    public let franchisePercent: Percent?
    public let coveredPerils: [String]
    /// Canonical JSON (sorted keys) of the validated inputs, defaults filled in.
    public let normalizedInputs: Data
    public let tariffYear: Int
    public let tariffIsSample: Bool

    /// Throws "amount-overflow" if the lines do not add up within Int64.
    public init(product: ProductCode, lines: [QuoteLine], sumInsured: Rial, franchisePercent: Percent?,
                coveredPerils: [String], normalizedInputs: Data, tariffYear: Int, tariffIsSample: Bool) throws {
        self.product = product
        self.lines = lines
        self.total = try Rial.sum(lines.map(\.amount))
        self.sumInsured = sumInsured
        self.franchisePercent = franchisePercent
        self.coveredPerils = coveredPerils
        self.normalizedInputs = normalizedInputs
        self.tariffYear = tariffYear
        self.tariffIsSample = tariffIsSample
    }

    /// The line with this code, if present (a zero discount is omitted).
    public func line(_ code: String) -> QuoteLine? {
        lines.first { $0.code == code }
    }
}

/// R-P-04: how a product's premium may be paid.
public struct PaymentPlanRules: Sendable, Hashable {
    /// Down payment as a share of the premium, bounds inclusive.
    public let downPaymentShare: ClosedRange<Percent>
    /// Number of installments after the down payment; an upper bound below 1 means "no
    /// installment plan".
    public let installmentCounts: ClosedRange<Int>
    public let allowsCash: Bool
    /// R-SH-11: when not empty, installment plans are this many equal monthly parts, the first
    /// before issue (it is the down payment, not chosen).
    public let monthlyCounts: Set<Int>

    public init(downPaymentShare: ClosedRange<Percent>, installmentCounts: ClosedRange<Int>, allowsCash: Bool) {
        self.downPaymentShare = downPaymentShare
        self.installmentCounts = installmentCounts
        self.allowsCash = allowsCash
        monthlyCounts = []
    }

    /// Cash, or `counts` equal monthly installments.
    public static func monthly(_ counts: Set<Int>) -> PaymentPlanRules {
        PaymentPlanRules(counts: counts)
    }

    private init(counts: Set<Int>) {
        downPaymentShare = Percent(0)...Percent(100)
        installmentCounts = (counts.min() ?? 1)...(counts.max() ?? 1)
        allowsCash = true
        monthlyCounts = counts
    }

    public var allowsInstallments: Bool { installmentCounts.upperBound >= 1 }
}

/// What every insurance line offers the lifecycle: pricing from API.md `inputs`, payment plans,
/// notice periods, claim rules and checklists, and the texts printed on the policy
/// (R-P-01…R-P-06, R-CL-02…R-CL-10). Everything that differs between products is here (or in the
/// server's hooks for the product); generic code asks, it never compares product codes.
public protocol ProductLine: Sendable {
    /// The API's `product` value.
    var code: ProductCode { get }
    /// Persian name, e.g. «بیمه رایانه».
    var title: String { get }
    /// The department family that issues, settles and reports the line.
    var family: ProductFamily { get }
    var paymentPlans: PaymentPlanRules { get }
    /// R-P-04: the plans of a legal person deducting the premium from salaries; nil where the line
    /// has no such plan.
    var payrollDeductionPlans: PaymentPlanRules? { get }
    /// R-P-08: days between the written notice and the cancellation taking effect.
    var cancellationNoticeDays: Int { get }
    /// R-CL-02: days from the loss within which it must be notified.
    var claimNoticeDays: Int { get }
    /// R-CL-02/03/10: the claim parameters (deadline, late notice, payment-order copies).
    var claimRules: ClaimRules { get }
    /// R-CL-06: the claim cases the line knows, each with its checklist, in the order offered.
    var claimCases: [CaseChecklist] { get }
    /// R-CL-06: the conditions a case's conditional documents depend on, each once, in checklist
    /// order: the questions the claim form asks. Empty for a case the line does not know.
    func documentConditions(for claimCase: ClaimCase) -> [DocumentCondition]
    /// Whether the term starts on the day of purchase (cover then starts the next day, R-TP-03)
    /// rather than on a later day the customer chooses.
    var termStartsOnPurchaseDay: Bool { get }
    /// Persian list printed on the policy.
    var coveredPerils: [String] { get }
    /// Short Persian clauses printed on the policy.
    var generalConditions: [String] { get }

    /// Validates the JSON object of API.md `inputs` and prices it (R-P-02). Throws a DomainError
    /// for one problem, a ValidationFailure when several inputs are wrong.
    func quote(inputs: Data, context: QuoteContext) throws -> ProductQuote

    /// The annual premium for inputs (a quote's `normalizedInputs`, possibly changed): what an
    /// endorsement compares before and after (R-P-07).
    func annualPremium(normalizedInputs: Data, context: QuoteContext) throws -> Rial

    /// Whole years of the policy term the inputs were priced for (R-G-04): 1 for the annual lines;
    /// a multi-year line (term life, R-IL-02) reads it from the inputs.
    func termYears(normalizedInputs: Data) -> Int
}

extension ProductLine {
    public func annualPremium(normalizedInputs: Data, context: QuoteContext) throws -> Rial {
        try quote(inputs: normalizedInputs, context: context).total
    }

    public func termYears(normalizedInputs: Data) -> Int { 1 }

    public var payrollDeductionPlans: PaymentPlanRules? { nil }
    public var termStartsOnPurchaseDay: Bool { false }

    /// R-CL-06: the checklist of one case; "unsupported-claim-case" (field "case") for a case the
    /// line has no list for.
    public func checklist(for claimCase: ClaimCase) throws -> [RequiredDocument] {
        guard let entry = claimCases.first(where: { $0.claimCase == claimCase }) else {
            throw DomainError.unsupportedClaimCase
        }
        return entry.documents
    }

    /// The case of a notice that names none: `general` where the line knows it (property and
    /// engineering losses), else the line's only case; else `general`, which the line refuses.
    public var defaultClaimCase: ClaimCase {
        let cases = claimCases.map(\.claimCase)
        if cases.contains(.general) || cases.count != 1 { return .general }
        return cases[0]
    }

    public func documentConditions(for claimCase: ClaimCase) -> [DocumentCondition] {
        var seen = Set<String>()
        let documents = claimCases.first { $0.claimCase == claimCase }?.documents ?? []
        return documents.compactMap(\.condition).filter { seen.insert($0.code).inserted }
    }
}

extension DomainError {
    public static let unsupportedClaimCase = DomainError(
        code: "unsupported-claim-case", message: "برای این نوع بیمه‌نامه فهرست مدارکی با این نوع خسارت تعریف نشده است.",
        field: "case")
}

extension PaymentPlanRules {
    /// R-P-04 for computer insurance (seed 002), and our choice for the other engineering and
    /// liability lines, which the seeds leave open: cash, or 30–40 % down and 2–5 installments.
    public static let engineering = PaymentPlanRules(
        downPaymentShare: Percent(30)...Percent(40), installmentCounts: 2...5, allowsCash: true)
}
