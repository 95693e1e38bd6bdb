import Foundation
import Testing
@testable import InsuranceKit

/// Quotes contractors' all risk from raw `inputs` JSON (1405 tariff unless told).
private func quoteCAR(_ inputs: String, on date: String = "1405/02/10") throws -> ProductQuote {
    try ContractorsAllRisk().quote(inputs: Data(inputs.utf8), context: QuoteContext(date: jalali(date)))
}

/// The single DomainError a contractors' all-risk quote throws.
private func carError(_ inputs: String, on date: String = "1405/02/10",
                      sourceLocation: SourceLocation = #_sourceLocation) -> DomainError? {
    #expect(throws: DomainError.self, sourceLocation: sourceLocation) { try quoteCAR(inputs, on: date) }
}

@Suite("R-CAR-01 contractors' all-risk product")
struct ContractorsAllRiskTests {
    @Test("R-P-01 listed in the catalog with its Persian title and parameters")
    func catalog() throws {
        let product = try ProductCatalog.product("contractors-all-risk")
        #expect(product.title == "بیمه تمام خطر پیمانکاران")
        // R-CL-02 / R-CAR-01: 14 days; R-P-08: 20 days (chosen as computer); R-P-04 as computer
        #expect(product.claimNoticeDays == 14)
        #expect(product.cancellationNoticeDays == 20)
        #expect(product.paymentPlans.downPaymentShare == Percent(30)...Percent(40))
        #expect(product.paymentPlans.installmentCounts == 2...5)
        #expect(product.paymentPlans.allowsCash)
        #expect(product.generalConditions.contains { $0.contains("۱۴ روز") })
        #expect(product.generalConditions.contains { $0.contains("ماهیت مورد بیمه") })   // R-CL-03
    }

    @Test("R-P-02 worked example: 3,000,000,000 × 0.3 % (sample 1405 rate) = 9,000,000")
    func workedPremium() throws {
        let quote = try quoteCAR(
            #"{"sumInsured":3000000000,"description":"ساختمان ۵ طبقه","projectName":"مجتمع مسکونی","contractAmount":2800000000}"#)
        // 3,000,000,000 × 3 / 1000 = 9,000,000 exactly
        #expect(quote.lines == [QuoteLine(code: "base", rule: "R-P-02", label: "حق بیمه پایه (۰٫۳٪ سرمایه)",
                                          amount: 9_000_000)])
        #expect(quote.total == Rial(9_000_000))
        #expect(quote.tariffYear == 1405)
        #expect(quote.tariffIsSample)
        // no franchise given → the sample tariff default, 10 %
        #expect(quote.franchisePercent == Percent(10))
    }

    @Test("R-G-02 base rounded once, half away from zero")
    func rounding() throws {
        // 1,000,000,500 × 3 / 1000 = 3,000,001.5 → 3,000,002
        #expect(try quoteCAR(#"{"sumInsured":1000000500,"description":"x","projectName":"p"}"#).total
            == Rial(3_000_002))
        // 1,000,000,499 × 3 / 1000 = 3,000,001.497 → 3,000,001
        #expect(try quoteCAR(#"{"sumInsured":1000000499,"description":"x","projectName":"p"}"#).total
            == Rial(3_000_001))
    }

    @Test("R-P-02 normalized inputs are canonical and re-quote to the same quote")
    func normalized() throws {
        let quote = try quoteCAR(#"{"projectName":"پل","sumInsured":500000000,"description":"پل فلزی","franchisePercent":15}"#)
        let json = String(decoding: quote.normalizedInputs, as: UTF8.self)
        #expect(json == #"{"description":"پل فلزی","franchisePercent":15,"projectName":"پل","sumInsured":500000000}"#)
        let context = QuoteContext(date: try jalali("1405/02/10"))
        #expect(try ContractorsAllRisk().quote(inputs: quote.normalizedInputs, context: context) == quote)
        // 500,000,000 × 0.3 % = 1,500,000
        #expect(quote.total == Rial(1_500_000))
    }

    @Test("required and optional fields", arguments: [
        (#"{"sumInsured":1000,"description":"x"}"#, "required", "inputs.projectName"),
        (#"{"sumInsured":1000,"projectName":"p"}"#, "required", "inputs.description"),
        (#"{"description":"x","projectName":"p"}"#, "required", "inputs.sumInsured"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","contractAmount":0}"#, "zero-amount", "inputs.contractAmount"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","contractAmount":-5}"#, "negative-amount", "inputs.contractAmount"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","contractAmount":"1"}"#, "invalid-type", "inputs.contractAmount"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","employees":3}"#, "unknown-field", "inputs.employees"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","franchisePercent":4}"#, "invalid-franchise", "inputs.franchisePercent"),
        (#"{"sumInsured":1000,"description":"x","projectName":"p","franchisePercent":"10"}"#, "invalid-type", "inputs.franchisePercent"),
        (#"{"sumInsured":1.5,"description":"x","projectName":"p"}"#, "non-integer-amount", "inputs.sumInsured"),
        (#"{"sumInsured":1e400,"description":"x","projectName":"p"}"#, "amount-overflow", "inputs.sumInsured"),
    ])
    func inputs(_ inputs: String, _ code: String, _ field: String) {
        let error = carError(inputs)
        #expect(error?.code == code)
        #expect(error?.field == field)
    }

    @Test("project name is at most 200 characters; contractAmount null is absent")
    func lengths() throws {
        let long = String(repeating: "پ", count: 201)
        #expect(carError(#"{"sumInsured":1000,"description":"x","projectName":"\#(long)"}"#)?.code == "too-long")
        let quote = try quoteCAR(#"{"sumInsured":1000,"description":"x","projectName":"p","contractAmount":null}"#)
        #expect(!String(decoding: quote.normalizedInputs, as: UTF8.self).contains("contractAmount"))
    }

    @Test("T every contractors' all-risk tariff year validates and is labelled as a sample",
          arguments: ContractorsAllRiskTariff.all.map(\.year))
    func tariffValidates(_ year: Int) throws {
        let tariff = try ContractorsAllRiskTariff.forYear(year)
        try tariff.validate()
        #expect(tariff.isSample)
        #expect(tariff.note.contains("نمونه"))
        #expect(tariff.product == "contractors-all-risk")
        #expect(tariff.annualRate == Percent(basisPoints: 30))
        #expect(tariff.franchiseRange == Percent(5)...Percent(30))
    }

    @Test("T tariff data for 1403…1406; 1407 is refused")
    func tariffYears() {
        #expect(ContractorsAllRiskTariff.all.map(\.year) == [1403, 1404, 1405, 1406])
        let error = #expect(throws: DomainError.self) { try ContractorsAllRiskTariff.forYear(1407) }
        #expect(error?.code == "no-tariff-for-year")
        #expect(error?.message == "تعرفهٔ بیمهٔ تمام خطر پیمانکاران برای سال ۱۴۰۷ تعریف نشده است.")
    }
}
