import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-P-01 product catalog and computer product parameters")
struct ProductCatalogTests {
    @Test("R-P-01 products are looked up by the API's product value")
    func lookup() throws {
        let product = try ProductCatalog.product("computer")
        #expect(product.code == "computer")
        #expect(product.title == "بیمه رایانه")
        #expect(ProductCatalog.all.map(\.code) == ["computer", "employers-liability", "contractors-all-risk", "third-party", "supplementary-health", "term-life", "group-life"])
    }

    @Test("R-P-01 unknown product", arguments: ["", "Computer", "spaceship", "computer "])
    func unknown(_ code: String) {
        let error = #expect(throws: DomainError.self) { try ProductCatalog.product(code) }
        #expect(error?.code == "unknown-product")
        #expect(error?.field == "product")
    }

    @Test("R-P-04/R-P-08/R-CL-02 computer payment plans and notice periods (seed 002)")
    func computerParameters() {
        let computer = ComputerInsurance()
        #expect(computer.paymentPlans.downPaymentShare == Percent(30)...Percent(40))
        #expect(computer.paymentPlans.installmentCounts == 2...5)
        #expect(computer.paymentPlans.allowsCash)
        #expect(computer.cancellationNoticeDays == 20)
        #expect(computer.claimNoticeDays == 14)
    }

    @Test("R-CP-01 covered perils and printed conditions")
    func perilsAndConditions() {
        let computer = ComputerInsurance()
        #expect(computer.coveredPerils == [
            "آتش‌سوزی", "انفجار", "سیل", "طوفان", "زلزله", "نشست و رانش زمین", "سقوط از بلندی",
            "برخورد جسم خارجی", "نفوذ مایعات به داخل اجزا", "حمل و جابه‌جایی در محل مورد بیمه",
            "نوسانات جریان الکتریسیته", "سرقت با شکست حرز",
        ])
        #expect(computer.generalConditions.contains { $0.contains("۱۴ روز") })
        #expect(computer.generalConditions.contains { $0.contains("۲۰ روزه") })
    }

    @Test("R-P-02 normalized inputs are canonical JSON with the franchise filled in")
    func normalizedInputs() throws {
        // given keys in any order, extra spaces and no franchise
        let quote = try quoteComputer(
            #"{ "items": [ { "value": 1000000, "serial": "SN/1", "description": " لپ‌تاپ " } ] }"#)
        // then sorted keys, normalized text, the default franchise (10) present, no discount key
        let json = String(decoding: quote.normalizedInputs, as: UTF8.self)
        #expect(json == #"{"franchisePercent":10,"items":[{"description":"لپ‌تاپ","serial":"SN/1","value":1000000}]}"#)
    }

    @Test("R-P-07 annual premium from normalized inputs equals the quote; re-quoting is stable")
    func annualPremium() throws {
        let context = QuoteContext(date: try jalali("1404/03/01"), manualDiscountAuthority: true)
        let inputs = #"{"items":\#(itemsJSON(count: 60, value: 3_000_000)),"competitiveDiscountPercent":2.5,"franchisePercent":15}"#
        let computer = ComputerInsurance()
        let quote = try computer.quote(inputs: Data(inputs.utf8), context: context)
        // 60 × 3,000,000 = 180,000,000; base 1,800,000; 15 % → −270,000 leaves 1,530,000;
        // 2.5 % of 1,530,000 = 38,250 → total 1,530,000 − 38,250 = 1,491,750
        #expect(quote.total == Rial(1_491_750))
        #expect(try computer.annualPremium(normalizedInputs: quote.normalizedInputs, context: context) == quote.total)
        let again = try computer.quote(inputs: quote.normalizedInputs, context: context)
        #expect(again == quote)
    }

    @Test("R-P-07 a changed sum insured re-prices through annualPremium")
    func changedInputs() throws {
        let context = QuoteContext(date: try jalali("1404/03/01"))
        let computer = ComputerInsurance()
        let old = try computer.quote(inputs: Data(#"{"items":[{"description":"PC","value":200000000}]}"#.utf8),
                                     context: context)
        let changed = Data(#"{"franchisePercent":10,"items":[{"description":"PC","value":150000000}]}"#.utf8)
        // 1 % of 200,000,000 = 2,000,000 → 1 % of 150,000,000 = 1,500,000
        #expect(old.total == Rial(2_000_000))
        #expect(try computer.annualPremium(normalizedInputs: changed, context: context) == Rial(1_500_000))
    }
}
