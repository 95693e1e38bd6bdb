import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-02 exact ratios")
struct RatioTests {
    @Test("R-G-02 normalized: reduced, denominator positive")
    func normalized() throws {
        let half = try Ratio(numerator: 2, denominator: 4)
        #expect(half.numerator == 1 && half.denominator == 2)
        let negative = try Ratio(numerator: 1, denominator: -2)
        #expect(negative.numerator == -1 && negative.denominator == 2)
        #expect(try Ratio(numerator: 0, denominator: -5) == .zero)
        #expect(try Ratio(numerator: -6, denominator: -4) == Ratio(numerator: 3, denominator: 2))
        // −2^63 / 2 = −2^62
        #expect(try Ratio(numerator: Int64.min, denominator: 2) == Ratio(-4_611_686_018_427_387_904))
        #expect(half.description == "1/2")
        #expect(Ratio(7).description == "7")
    }

    @Test("R-G-02 unrepresentable ratios throw invalid-ratio")
    func invalid() {
        #expect(throws: DomainError.invalidRatio) { try Ratio(numerator: 1, denominator: 0) }
        #expect(throws: DomainError.invalidRatio) { try Ratio(numerator: Int64.min, denominator: -1) }  // +2^63
        #expect(throws: DomainError.invalidRatio) { try Ratio(numerator: 1, denominator: Int64.min) }
    }

    @Test("R-G-02 ordering is exact even for huge terms")
    func ordering() throws {
        #expect(try Ratio(numerator: 1, denominator: 3) < Ratio(numerator: 1, denominator: 2))
        #expect(try Ratio(numerator: -1, denominator: 2) < Ratio(numerator: 1, denominator: 3))
        // x/(x−1) = 1 + 1/(x−1) shrinks as x grows: M/(M−1) < (M−1)/(M−2) for M = Int64.max
        let m = Int64.max
        #expect(try Ratio(numerator: m, denominator: m - 1) < Ratio(numerator: m - 1, denominator: m - 2))
    }

    @Test("R-G-02 Codable re-normalizes")
    func codable() throws {
        let r = try JSONDecoder().decode(Ratio.self, from: Data(#"{"numerator":2,"denominator":4}"#.utf8))
        #expect(r == (try Ratio(numerator: 1, denominator: 2)))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Ratio.self, from: Data(#"{"numerator":1,"denominator":0}"#.utf8))
        }
    }
}

@Suite("R-G-02 exact percent")
struct PercentTests {
    private func ratio(_ n: Int64, _ d: Int64) throws -> Ratio { try Ratio(numerator: n, denominator: d) }

    @Test("R-G-02 constructors keep the exact value")
    func constructors() throws {
        #expect(Percent(15).value == Ratio(15))
        #expect(Percent(basisPoints: 1_250).value == (try ratio(25, 2)))   // 1250/100 = 25/2
        #expect(try Percent(value: ratio(1, 3)).value == (try ratio(1, 3)))
        #expect(throws: DomainError.invalidPercent) { try Percent(value: ratio(1, Int64.max)) }
    }

    @Test("R-G-02 parsing accepts decimal forms users type", arguments: [
        ("12.5", 25, 2), ("۱۲٫۵", 25, 2), ("١٢٫٥", 25, 2), ("12/5", 25, 2), ("12.5%", 25, 2),
        ("۱۲٫۵٪", 25, 2), (" 7 ", 7, 1), ("7 %", 7, 1), ("-3", -3, 1), ("\u{2212}2.5", -5, 2),
        (".5", 1, 2), ("0.125", 1, 8), ("100", 100, 1), ("0", 0, 1), ("000012.50", 25, 2),
        ("0.000000000001", 1, 1_000_000_000_000),   // 12 fractional digits: the most kept
    ] as [(String, Int64, Int64)])
    func parsing(_ text: String, _ n: Int64, _ d: Int64) throws {
        #expect(try Percent(parsing: text).value == ratio(n, d))
    }

    @Test("R-G-02 parsing rejects garbage with invalid-percent", arguments: [
        "", "abc", "12.5.1", "12.", ".", "1 2", "--1", "12,5", "1e3", "%", "12%%",
        "99999999999999999999",        // overflows Int64
        "0.0000000000001",             // 13 fractional digits
        String(repeating: "1", count: 100),
    ])
    func parsingRejects(_ text: String) {
        let error = #expect(throws: DomainError.self) { try Percent(parsing: text) }
        #expect(error?.code == "invalid-percent")
    }

    @Test("R-G-02 ratio is the fraction: 12.5 % → 1/8")
    func fraction() throws {
        #expect(Percent(basisPoints: 1_250).ratio == (try ratio(1, 8)))   // 25/2 / 100 = 25/200 = 1/8
        #expect(Percent(15).ratio == (try ratio(3, 20)))                  // 15/100 = 3/20
        #expect(Percent.hundred.ratio == .one)
    }

    @Test("R-G-02 decimal text and Persian display")
    func description() throws {
        #expect(Percent(basisPoints: 1_250).description == "12.5")
        #expect(Percent(-3).description == "-3")
        #expect(Percent.zero.description == "0")
        #expect(Percent(basisPoints: 5).description == "0.05")
        #expect(try Percent(value: ratio(1, 3)).description == "0.333333333333")   // 12 digits
        #expect(try Percent(value: ratio(2, 3)).description == "0.666666666667")   // last digit rounded up
        #expect(Percent(basisPoints: 1_250).persianFormatted == "۱۲٫۵٪")
        #expect(Percent(-3).persianFormatted == "\u{200E}\u{2212}۳٪")
    }

    @Test("R-G-02 arithmetic is exact")
    func arithmetic() throws {
        // 12.5 + 2.5 = 15; 10 − 12.5 = −2.5; 1/3 + 1/6 = 1/2
        #expect(try Percent(basisPoints: 1_250).adding(Percent(basisPoints: 250)) == Percent(15))
        #expect(try Percent(10).subtracting(Percent(basisPoints: 1_250)) == Percent(basisPoints: -250))
        let sum = try Percent(value: ratio(1, 3)).adding(Percent(value: ratio(1, 6)))
        #expect(sum.value == (try ratio(1, 2)))
        #expect(throws: DomainError.invalidPercent) { try Percent(Int64.max).adding(Percent(1)) }
    }

    @Test("R-G-02 ordering and clamping")
    func clamping() {
        #expect(Percent(basisPoints: 1_250) < Percent(15))
        #expect(Percent(120).clamped(to: .zero ... .hundred) == .hundred)
        #expect(Percent(-5).clamped(to: .zero ... .hundred) == .zero)
        #expect(Percent(40).clamped(to: .zero ... .hundred) == Percent(40))
    }

    @Test("R-G-02 Codable as a JSON number without binary floating point")
    func codable() throws {
        struct Body: Codable { var p: Percent }
        // 12.5 must be exactly 25/2 and 0.1 exactly 1/10 (as a Double it would not be)
        #expect(try JSONDecoder().decode(Body.self, from: Data(#"{"p":12.5}"#.utf8)).p.value == ratio(25, 2))
        #expect(try JSONDecoder().decode(Body.self, from: Data(#"{"p":0.1}"#.utf8)).p.value == ratio(1, 10))
        #expect(try JSONDecoder().decode(Body.self, from: Data(#"{"p":"۱۲٫۵"}"#.utf8)).p.value == ratio(25, 2))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Body.self, from: Data(#"{"p":true}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Body.self, from: Data(#"{"p":1e-20}"#.utf8)) }
        let encoded = String(decoding: try JSONEncoder().encode([Percent(basisPoints: 1_250), Percent(15),
                                                                Percent(basisPoints: -250)]), as: UTF8.self)
        #expect(encoded == "[12.5,15,-2.5]")
    }
}
