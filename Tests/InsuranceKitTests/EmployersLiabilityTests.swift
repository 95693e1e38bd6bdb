import Foundation
import Testing
@testable import InsuranceKit

/// Quotes employer's liability from raw `inputs` JSON (1404 tariff unless told).
private func quoteEL(_ inputs: String, on date: String = "1404/03/01") throws -> ProductQuote {
    try EmployersLiability().quote(inputs: Data(inputs.utf8), context: QuoteContext(date: jalali(date)))
}

/// The single DomainError an employer's liability quote throws.
private func elError(_ inputs: String, on date: String = "1404/03/01",
                     sourceLocation: SourceLocation = #_sourceLocation) -> DomainError? {
    #expect(throws: DomainError.self, sourceLocation: sourceLocation) { try quoteEL(inputs, on: date) }
}

@Suite("R-EL-LI-01 employer's liability product")
struct EmployersLiabilityTests {
    @Test("R-P-01 listed in the catalog with its Persian title and parameters")
    func catalog() throws {
        let product = try ProductCatalog.product("employers-liability")
        #expect(product.title == "بیمه مسئولیت کارفرما در برابر کارکنان")
        // R-CL-02 / R-EL-LI-01: 5 days; R-P-08: 20 days (chosen as computer); R-P-04 as computer
        #expect(product.claimNoticeDays == 5)
        #expect(product.cancellationNoticeDays == 20)
        #expect(product.paymentPlans == PaymentPlanRules(
            downPaymentShare: Percent(30)...Percent(40), installmentCounts: 2...5, allowsCash: true))
        #expect(!product.coveredPerils.isEmpty)
        #expect(product.generalConditions.contains { $0.contains("۵ روز") })
        #expect(product.generalConditions.contains { $0.contains("گواهی محضری") })   // R-CL-10
    }

    @Test("R-P-02 worked example: 2,500,000,000 × 0.4 % (sample 1404 rate) = 10,000,000")
    func workedPremium() throws {
        let quote = try quoteEL(#"{"sumInsured":2500000000,"description":"کارگاه تولید قطعات","employees":40}"#)
        // 2,500,000,000 × 4 / 1000 = 10,000,000 exactly
        #expect(quote.lines == [QuoteLine(code: "base", rule: "R-P-02", label: "حق بیمه پایه (۰٫۴٪ سرمایه)",
                                          amount: 10_000_000)])
        #expect(quote.total == Rial(10_000_000))
        #expect(quote.sumInsured == Rial(2_500_000_000))
        #expect(quote.product == "employers-liability")
        #expect(quote.tariffYear == 1404)
        #expect(quote.tariffIsSample)
        // no franchise given → the sample tariff default, 0 %
        #expect(quote.franchisePercent == .zero)
    }

    @Test("R-G-02 base rounded once, half away from zero")
    func rounding() throws {
        // 1,234,567,891 × 4 / 1000 = 4,938,271.564 → 4,938,272
        #expect(try quoteEL(#"{"sumInsured":1234567891,"description":"x"}"#).total == Rial(4_938_272))
        // 125 × 4 / 1000 = 0.5 → 1 (half away from zero); 124 → 0.496 → 0
        #expect(try quoteEL(#"{"sumInsured":125,"description":"x"}"#).total == Rial(1))
        #expect(try quoteEL(#"{"sumInsured":124,"description":"x"}"#).total == Rial(0))
    }

    @Test("R-P-02 normalized inputs are canonical, re-quote to the same quote")
    func normalized() throws {
        let quote = try quoteEL(#"{"employees":3,"franchisePercent":5,"description":" دفتر ","sumInsured":1000000000}"#)
        let json = String(decoding: quote.normalizedInputs, as: UTF8.self)
        #expect(json == #"{"description":"دفتر","employees":3,"franchisePercent":5,"sumInsured":1000000000}"#)
        let context = QuoteContext(date: try jalali("1404/03/01"))
        #expect(try EmployersLiability().quote(inputs: quote.normalizedInputs, context: context) == quote)
        // R-P-07: 1,000,000,000 × 0.4 % = 4,000,000
        #expect(try EmployersLiability().annualPremium(normalizedInputs: quote.normalizedInputs, context: context)
            == Rial(4_000_000))
    }

    @Test("R-G-01 sum insured must be whole rials above zero", arguments: [
        ("-1", "negative-amount"), ("0", "zero-amount"), ("1.5", "non-integer-amount"),
        (#""100""#, "invalid-type"), ("null", "required"), ("9223372036854775808", "amount-overflow"),
    ])
    func badSumInsured(_ value: String, _ code: String) {
        let error = elError(#"{"sumInsured":\#(value),"description":"x"}"#)
        #expect(error?.code == code)
        #expect(error?.field == "inputs.sumInsured")
    }

    @Test("employees, when given, is a whole number 1…1,000,000", arguments: [
        ("0", "out-of-range"), ("-3", "out-of-range"), ("1000001", "out-of-range"),
        ("99999999999999999999", "out-of-range"), ("2.5", "non-integer"), (#""3""#, "invalid-type"),
    ])
    func badEmployees(_ value: String, _ code: String) {
        let error = elError(#"{"sumInsured":1000,"description":"x","employees":\#(value)}"#)
        #expect(error?.code == code)
        #expect(error?.field == "inputs.employees")
    }

    @Test("employees 1 and 1,000,000 and null are accepted")
    func goodEmployees() throws {
        for value in ["1", "1000000", "null"] {
            _ = try quoteEL(#"{"sumInsured":1000,"description":"x","employees":\#(value)}"#)
        }
    }

    @Test("unknown fields, missing description and a franchise outside the sample 0–20 % range")
    func otherInputs() {
        #expect(elError(#"{"sumInsured":1000,"description":"x","projectName":"p"}"#)?.field == "inputs.projectName")
        #expect(elError(#"{"sumInsured":1000}"#)?.code == "required")
        let franchise = elError(#"{"sumInsured":1000,"description":"x","franchisePercent":25}"#)
        #expect(franchise?.code == "invalid-franchise")
        #expect(franchise?.field == "inputs.franchisePercent")
        #expect(elError("[1]")?.code == "invalid-type")
        #expect(elError("{")?.code == "invalid-json")
    }

    @Test("several problems are reported together")
    func several() {
        let failure = #expect(throws: ValidationFailure.self) {
            try quoteEL(#"{"sumInsured":0,"employees":0}"#)
        }
        #expect(failure?.errors.map(\.field) == ["inputs.sumInsured", "inputs.description", "inputs.employees"])
    }

    @Test("T every employer's liability tariff year validates and is labelled as a sample",
          arguments: EmployersLiabilityTariff.all.map(\.year))
    func tariffValidates(_ year: Int) throws {
        let tariff = try EmployersLiabilityTariff.forYear(year)
        try tariff.validate()
        #expect(tariff.isSample)
        #expect(tariff.note.contains("نمونه"))
        #expect(tariff.product == "employers-liability")
        #expect(tariff.annualRate == Percent(basisPoints: 40))
    }

    @Test("T tariff data for 1403…1406; a missing year is refused")
    func tariffYears() {
        #expect(EmployersLiabilityTariff.all.map(\.year) == [1403, 1404, 1405, 1406])
        let error = elError(#"{"sumInsured":1000,"description":"x"}"#, on: "1402/12/29")
        #expect(error?.code == "no-tariff-for-year")
        #expect(error?.field == "date")
    }

    @Test("T validate() refuses incoherent figures")
    func invalidTariff() {
        func tariff(rate: Percent = Percent(1), franchise: Percent = .zero,
                    range: ClosedRange<Percent> = Percent.zero...Percent(20), note: String = "n") -> FlatRateTariff {
            FlatRateTariff(product: "employers-liability", year: 1404, isSample: true, note: note, annualRate: rate,
                           defaultFranchise: franchise, franchiseRange: range)
        }
        let broken: [(FlatRateTariff, String)] = [
            (tariff(rate: .zero), "annualRate"), (tariff(rate: Percent(101)), "annualRate"),
            (tariff(franchise: Percent(30)), "defaultFranchise"),
            (tariff(range: Percent(-1)...Percent(20)), "franchiseRange"), (tariff(note: ""), "note"),
        ]
        for (value, field) in broken {
            let error = #expect(throws: DomainError.self) { try value.validate() }
            #expect(error?.code == "invalid-tariff")
            #expect(error?.field == "tariffs.employers-liability.\(field)")
        }
    }
}
