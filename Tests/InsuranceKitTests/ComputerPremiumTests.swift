import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-CP-02 computer insurance premium")
struct ComputerPremiumTests {
    /// (item count, base, volume discount line, total), each item worth 10,000,000 rials:
    /// - 49: Σ = 490,000,000; base 1 % = 4,900,000; n < 50 → no discount; total 4,900,000
    /// - 50: Σ = 500,000,000; base 5,000,000; 10 % → −500,000; total 4,500,000
    /// - 51: Σ = 510,000,000; base 5,100,000; 15 % → −765,000; total 4,335,000
    /// - 100: Σ = 1,000,000,000; base 10,000,000; 15 % → −1,500,000; total 8,500,000
    /// - 101: Σ = 1,010,000,000; base 10,100,000; 20 % → −2,020,000; total 8,080,000
    @Test("R-CP-02 volume discount brackets at 49, 50, 51, 100 and 101 computers", arguments: [
        (49, 4_900_000, nil, 4_900_000),
        (50, 5_000_000, -500_000, 4_500_000),
        (51, 5_100_000, -765_000, 4_335_000),
        (100, 10_000_000, -1_500_000, 8_500_000),
        (101, 10_100_000, -2_020_000, 8_080_000),
    ] as [(Int, Int64, Int64?, Int64)])
    func volumeBrackets(_ count: Int, _ base: Int64, _ discount: Int64?, _ total: Int64) throws {
        // given `count` computers of 10,000,000 rials each
        let inputs = #"{"items":\#(itemsJSON(count: count, value: 10_000_000))}"#
        // when quoted
        let quote = try quoteComputer(inputs)
        // then
        #expect(quote.sumInsured == Rial(Int64(count) * 10_000_000))
        #expect(quote.line("base")?.amount == Rial(base))
        #expect(quote.line("base")?.rule == "R-CP-02")
        #expect(quote.line("volume-discount")?.amount == discount.map { Rial($0) })
        #expect(quote.line("competitive-discount") == nil)
        #expect(quote.total == Rial(total))
        #expect(quote.total == (try Rial.sum(quote.lines.map(\.amount))))
    }

    @Test("R-CP-02 base label names the tariff rate")
    func baseLabel() throws {
        let quote = try quoteComputer(#"{"items":[{"description":"PC","value":1000000}]}"#)
        #expect(quote.lines == [QuoteLine(code: "base", rule: "R-CP-02", label: "حق بیمه پایه (۱٪ سرمایه)",
                                          amount: 10_000)])
        #expect(quote.product == "computer")
        #expect(quote.tariffYear == 1404)
        #expect(quote.tariffIsSample)
        #expect(quote.coveredPerils.count == 12)
    }

    @Test("R-G-02 base rounded once, half away from zero", arguments: [
        (1_234_567, 12_346),   // 12,345.67 → 12,346
        (1_234_550, 12_346),   // 12,345.50 → 12,346 (half away from zero)
        (1_234_549, 12_345),   // 12,345.49 → 12,345
        (1, 0),                // 0.01 → 0
        (50, 1),               // 0.50 → 1
    ] as [(Int64, Int64)])
    func baseRounding(_ value: Int64, _ base: Int64) throws {
        let quote = try quoteComputer(#"{"items":[{"description":"PC","value":\#(value)}]}"#)
        #expect(quote.line("base")?.amount == Rial(base))
        #expect(quote.total == Rial(base))
    }

    @Test("R-G-02 discount lines rounded once; total is the sum of the rounded lines")
    func discountRounding() throws {
        // given 50 computers of 24,690 rials: Σ = 1,234,500; base = 12,345
        // volume 10 % of 12,345 = 1,234.5 → 1,235 (half away from zero) → line −1,235
        // competitive 5 % of (12,345 − 1,235 = 11,110) = 555.5 → 556 → line −556
        // total = 12,345 − 1,235 − 556 = 10,554
        let inputs = #"{"items":\#(itemsJSON(count: 50, value: 24_690)),"competitiveDiscountPercent":5}"#
        let quote = try quoteComputer(inputs, authority: true)
        #expect(quote.line("base")?.amount == Rial(12_345))
        #expect(quote.line("volume-discount")?.amount == Rial(-1_235))
        #expect(quote.line("competitive-discount")?.amount == Rial(-556))
        #expect(quote.line("competitive-discount")?.rule == "R-G-10")
        #expect(quote.total == Rial(10_554))
    }

    @Test("R-CP-02 10,000 computers quote quickly and exactly")
    func tenThousandItems() throws {
        // 10,000 × 10,000,000 = 100,000,000,000; base 1,000,000,000; ≥ 101 → 20 % = −200,000,000
        // total 800,000,000
        let quote = try quoteComputer(#"{"items":\#(itemsJSON(count: 10_000, value: 10_000_000))}"#)
        #expect(quote.sumInsured == Rial(100_000_000_000))
        #expect(quote.line("volume-discount")?.amount == Rial(-200_000_000))
        #expect(quote.total == Rial(800_000_000))
    }

    @Test("R-CP-02 the largest representable sum insured prices without overflow")
    func largestSum() throws {
        // Int64.max = 9,223,372,036,854,775,807; 1 % = 92,233,720,368,547,758.07 → …758
        let quote = try quoteComputer(#"{"items":[{"description":"PC","value":9223372036854775807}]}"#)
        #expect(quote.total == Rial(92_233_720_368_547_758))
    }
}
