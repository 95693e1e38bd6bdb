import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-01 Rial arithmetic and display")
struct RialTests {
    @Test("R-G-01 checked arithmetic")
    func arithmetic() throws {
        #expect(try Rial(1_000).adding(Rial(234)) == Rial(1_234))
        #expect(try Rial(1_000).subtracting(Rial(1_234)) == Rial(-234))
        #expect(try Rial(1_234).multiplied(by: 3) == Rial(3_702))
        #expect(try Rial(5).negated() == Rial(-5))
        let literal: Rial = 42
        #expect(literal.amount == 42)
        #expect(Rial(-1) < Rial.zero)
    }

    @Test("R-G-01 overflow throws amount-overflow, never traps")
    func overflow() {
        let cases: [() throws -> Rial] = [
            { try Rial(Int64.max).adding(Rial(1)) },
            { try Rial(Int64.min).subtracting(Rial(1)) },
            { try Rial(Int64.max / 2 + 1).multiplied(by: 2) },   // 2^62 · 2 = 2^63 > Int64.max
            { try Rial(Int64.min).multiplied(by: -1) },
            { try Rial(Int64.min).negated() },
            { try Rial.sum([Rial(Int64.max), Rial(1)]) },
        ]
        for operation in cases {
            let error = #expect(throws: DomainError.self) { try operation() }
            #expect(error?.code == "amount-overflow")
        }
    }

    @Test("R-G-01 non-negative inputs")
    func nonNegative() throws {
        #expect(try Rial(validating: 0) == .zero)
        #expect(try Rial.nonNegative(7) == Rial(7))
        let error = #expect(throws: DomainError.self) { try Rial(validating: -1) }
        #expect(error?.code == "negative-amount")
        #expect(throws: DomainError.negativeAmount) { try Rial.nonNegative(Int64.min) }
    }

    @Test("R-G-02 total is the sum of the lines")
    func sum() throws {
        #expect(try Rial.sum([Rial(12_346), Rial(50), Rial(1)]) == Rial(12_397))
        #expect(try Rial.sum([]) == .zero)
    }

    @Test("R-G-01 display: ASCII and Persian thousands separators")
    func formatting() {
        #expect(Rial(1_234_567).formatted == "1,234,567")
        #expect(Rial(0).formatted == "0")
        #expect(Rial(999).formatted == "999")
        #expect(Rial(1_000).formatted == "1,000")
        #expect(Rial(-1_234_567).formatted == "-1,234,567")
        #expect(Rial(Int64.min).formatted == "-9,223,372,036,854,775,808")
        #expect(Rial(Int64.max).description == "9,223,372,036,854,775,807")
        #expect(Rial(1_234_567).persianFormatted == "۱٬۲۳۴٬۵۶۷")
        #expect(Rial(-1_000).persianFormatted == "\u{200E}\u{2212}۱٬۰۰۰")
        #expect(Rial(7).persianFormatted == "۷")
    }

    @Test("R-G-01 Codable as a plain JSON integer")
    func codable() throws {
        #expect(String(decoding: try JSONEncoder().encode([Rial(1_234_567)]), as: UTF8.self) == "[1234567]")
        #expect(try JSONDecoder().decode([Rial].self, from: Data("[-5]".utf8)) == [Rial(-5)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Rial].self, from: Data("[1.5]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Rial].self, from: Data(#"["12"]"#.utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Rial].self, from: Data("[9223372036854775808]".utf8))
        }
    }
}

@Suite("R-G-02 exact rounding half away from zero")
struct RialRoundingTests {
    @Test("R-G-02 rounded(numerator:denominator:)", arguments: [
        (3, 2, 2),       // 1.5 → 2
        (-3, 2, -2),     // −1.5 → −2 (away from zero)
        (5, 2, 3),       // 2.5 → 3 (not banker's 2)
        (149, 100, 1),   // 1.49 → 1
        (151, 100, 2),   // 1.51 → 2
        (-149, 100, -1), // −1.49 → −1
        (3, -2, -2),     // sign from the denominator
        (-3, -2, 2),
        (0, 7, 0),
        (10, 5, 2),      // exact
    ] as [(Int64, Int64, Int64)])
    func rounded(_ n: Int64, _ d: Int64, _ expected: Int64) throws {
        #expect(try Rial.rounded(numerator: n, denominator: d) == Rial(expected))
    }

    @Test("R-G-02 extremes near Int64 limits are exact")
    func extremes() throws {
        #expect(try Rial.rounded(numerator: Int64.max, denominator: 1) == Rial(Int64.max))
        #expect(try Rial.rounded(numerator: Int64.min, denominator: 1) == Rial(Int64.min))
        // 9223372036854775807 / 2 = 4611686018427387903.5 → 4611686018427387904
        #expect(try Rial.rounded(numerator: Int64.max, denominator: 2) == Rial(4_611_686_018_427_387_904))
        // −9223372036854775808 / 3 = −3074457345618258602.67 → −3074457345618258603
        #expect(try Rial.rounded(numerator: Int64.min, denominator: 3) == Rial(-3_074_457_345_618_258_603))
        // |Int64.min| / 1 = 2^63 does not fit when positive
        #expect(throws: DomainError.amountOverflow) { try Rial.rounded(numerator: Int64.min, denominator: -1) }
        #expect(throws: DomainError.invalidRatio) { try Rial.rounded(numerator: 1, denominator: 0) }
    }

    @Test("R-G-02 pro rata by days uses a 128-bit intermediate")
    func proRata() throws {
        // 1,000,000 × 200 / 365 = 200,000,000 / 365 = 547,945 r 75 (365 · 547,945 = 199,999,925)
        // 75/365 < ½ ⇒ 547,945
        #expect(try Rial(1_000_000).proRata(numerator: 200, denominator: 365) == Rial(547_945))
        // 1,001 × 1/2 = 500.5 → 501; −1,001 × 1/2 → −501
        #expect(try Rial(1_001).proRata(numerator: 1, denominator: 2) == Rial(501))
        #expect(try Rial(-1_001).proRata(numerator: 1, denominator: 2) == Rial(-501))
        // Int64.max × 365 overflows 64 bits, but / 365 brings it back exactly
        #expect(try Rial(Int64.max).proRata(numerator: 365, denominator: 365) == Rial(Int64.max))
        #expect(throws: DomainError.amountOverflow) { try Rial(Int64.max).proRata(numerator: 3, denominator: 2) }
        #expect(throws: DomainError.invalidRatio) { try Rial(100).proRata(numerator: 1, denominator: 0) }
    }

    @Test("R-G-02 scaled by an exact ratio")
    func scaled() throws {
        // 100/3 = 33.33 → 33; 200/3 = 66.67 → 67
        #expect(try Rial(100).scaled(by: Ratio(numerator: 1, denominator: 3)) == Rial(33))
        #expect(try Rial(200).scaled(by: Ratio(numerator: 1, denominator: 3)) == Rial(67))
        #expect(try Rial(Int64.max).scaled(by: .one) == Rial(Int64.max))
        // M · (M − 1) / M = M − 1 exactly, with M = Int64.max (product needs 126 bits)
        let m = Int64.max
        #expect(try Rial(m).scaled(by: Ratio(numerator: m - 1, denominator: m)) == Rial(m - 1))
        #expect(throws: DomainError.amountOverflow) { try Rial(m).scaled(by: Ratio(numerator: 2, denominator: 1)) }
    }

    @Test("R-G-02 percent of an amount", arguments: [
        (1_234_567, Percent(1), 12_346),                  // 12,345.67 → 12,346
        (333, Percent(15), 50),                           // 49.95 → 50
        (4, Percent(basisPoints: 1_250), 1),              // 12.5 % of 4 = 0.5 → 1
        (-4, Percent(basisPoints: 1_250), -1),            // −0.5 → −1
        (-1_234_567, Percent(1), -12_346),                // −12,345.67 → −12,346
        (1_000, Percent(basisPoints: 5), 1),              // 0.05 % of 1,000 = 0.5 → 1
        (1_000, Percent(basisPoints: 4), 0),              // 0.4 → 0
        (999, Percent(-10), -100),                        // −99.9 → −100
    ] as [(Int64, Percent, Int64)])
    func percent(_ amount: Int64, _ p: Percent, _ expected: Int64) throws {
        #expect(try Rial(amount).percent(p) == Rial(expected))
    }

    @Test("R-G-02 percent with a non-decimal value and at the limits")
    func percentExact() throws {
        // (1/3) % of 300 = 300 · 1/3 / 100 = 1 exactly
        let third = try Percent(value: Ratio(numerator: 1, denominator: 3))
        #expect(try Rial(300).percent(third) == Rial(1))
        #expect(try Rial(Int64.max).percent(.hundred) == Rial(Int64.max))
        #expect(throws: DomainError.amountOverflow) { try Rial(Int64.max).percent(Percent(101)) }
    }
}
