import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-10 competitive discount and franchise on computer quotes")
struct ComputerDiscountAndFranchiseTests {
    private let oneComputer = #"[{"description":"PC","value":100000000}]"#   // base 1,000,000

    @Test("R-G-10 authorized discount at the sample maximum (10 %)")
    func authorizedAtMaximum() throws {
        // base 1,000,000; no volume discount; 10 % → −100,000; total 900,000
        let quote = try quoteComputer(#"{"items":\#(oneComputer),"competitiveDiscountPercent":10}"#, authority: true)
        #expect(quote.line("competitive-discount")?.amount == Rial(-100_000))
        #expect(quote.line("competitive-discount")?.label == "تخفیف رقابتی (۱۰٪)")
        #expect(quote.total == Rial(900_000))
    }

    @Test("R-G-10 a fractional discount is exact")
    func fractional() throws {
        // base 1,000,000 × 2.5 % = 25,000 → total 975,000
        let quote = try quoteComputer(#"{"items":\#(oneComputer),"competitiveDiscountPercent":2.5}"#, authority: true)
        #expect(quote.line("competitive-discount")?.amount == Rial(-25_000))
        #expect(quote.total == Rial(975_000))
    }

    @Test("R-G-10 competitive discount applies after the volume discount")
    func compoundsWithVolume() throws {
        // 101 × 10,000,000: base 10,100,000; 20 % → −2,020,000 leaves 8,080,000;
        // 10 % of 8,080,000 → −808,000; total 7,272,000 (= 10,100,000 × 0.8 × 0.9)
        let inputs = #"{"items":\#(itemsJSON(count: 101, value: 10_000_000)),"competitiveDiscountPercent":10}"#
        let quote = try quoteComputer(inputs, authority: true)
        #expect(quote.lines.map(\.amount) == [10_100_000, -2_020_000, -808_000])
        #expect(quote.total == Rial(7_272_000))
    }

    @Test("R-G-10 zero or absent discount needs no authority and adds no line")
    func zeroDiscount() throws {
        let zero = try quoteComputer(#"{"items":\#(oneComputer),"competitiveDiscountPercent":0}"#)
        let absent = try quoteComputer(#"{"items":\#(oneComputer),"competitiveDiscountPercent":null}"#)
        #expect(zero.lines.map(\.code) == ["base"])
        #expect(absent == zero)
    }

    @Test("R-G-10 discount without authority is refused")
    func unauthorized() {
        let error = computerError(#"{"items":\#(oneComputer),"competitiveDiscountPercent":5}"#, authority: false)
        #expect(error?.code == "discount-not-authorized")
        #expect(error?.field == "inputs.competitiveDiscountPercent")
    }

    @Test("R-G-10 discount above the tariff maximum is refused", arguments: ["10.01", "11", "100"])
    func aboveMaximum(_ percent: String) {
        let error = computerError(#"{"items":\#(oneComputer),"competitiveDiscountPercent":\#(percent)}"#, authority: true)
        #expect(error?.code == "discount-above-maximum")
        #expect(error?.field == "inputs.competitiveDiscountPercent")
        #expect(error?.message == "تخفیف رقابتی حداکثر ۱۰٪ است.")
    }

    @Test("R-G-10 negative discount is an invalid percent")
    func negative() {
        let error = computerError(#"{"items":\#(oneComputer),"competitiveDiscountPercent":-1}"#, authority: true)
        #expect(error?.code == "invalid-percent")
        #expect(error?.field == "inputs.competitiveDiscountPercent")
    }

    @Test("R-CL-08 franchise defaults to the tariff's 10 % (sample)")
    func franchiseDefault() throws {
        let quote = try quoteComputer(#"{"items":\#(oneComputer)}"#)
        #expect(quote.franchisePercent == Percent(10))
    }

    @Test("R-CL-08 explicit franchise within 5…30 % is kept", arguments: ["5", "12.5", "30"])
    func franchiseExplicit(_ percent: String) throws {
        let quote = try quoteComputer(#"{"items":\#(oneComputer),"franchisePercent":\#(percent)}"#)
        #expect(quote.franchisePercent == (try Percent(parsing: percent)))
        #expect(quote.total == Rial(1_000_000))   // the franchise is not a premium line
    }

    @Test("R-CL-08 franchise outside 5…30 % is refused", arguments: ["4.99", "30.5", "0", "-10", "100"])
    func franchiseOutOfRange(_ percent: String) {
        let error = computerError(#"{"items":\#(oneComputer),"franchisePercent":\#(percent)}"#)
        #expect(error?.code == "invalid-franchise")
        #expect(error?.field == "inputs.franchisePercent")
        #expect(error?.message == "فرانشیز باید بین ۵٪ و ۳۰٪ باشد.")
    }

    @Test("R-G-10 percents must be JSON numbers")
    func percentAsText() {
        let error = computerError(#"{"items":\#(oneComputer),"franchisePercent":"20"}"#)
        #expect(error?.code == "invalid-type")
        #expect(error?.field == "inputs.franchisePercent")
    }
}
