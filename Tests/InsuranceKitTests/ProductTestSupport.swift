import Foundation
import Testing
@testable import InsuranceKit

/// A Jalali date literal in tests ("1403/06/31").
func jalali(_ text: String) throws -> JalaliDate {
    try JalaliDate(parsing: text)
}

/// `count` computers of the same value as the JSON of API.md `items`.
func itemsJSON(count: Int, value: Int64) -> String {
    "[" + (0..<count).map { #"{"description":"رایانه \#($0 + 1)","value":\#(value)}"# }.joined(separator: ",") + "]"
}

/// Quotes computer insurance from raw `inputs` JSON (1404 tariff unless told).
func quoteComputer(_ inputs: String, on date: String = "1404/03/01", authority: Bool = false) throws -> ProductQuote {
    try ComputerInsurance().quote(
        inputs: Data(inputs.utf8), context: QuoteContext(date: jalali(date), manualDiscountAuthority: authority))
}

/// The single DomainError a computer quote throws (nil, recorded as a failure, otherwise).
func computerError(_ inputs: String, on date: String = "1404/03/01", authority: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation) -> DomainError? {
    #expect(throws: DomainError.self, sourceLocation: sourceLocation) {
        try quoteComputer(inputs, on: date, authority: authority)
    }
}

/// A fixed-seed linear congruential generator (Knuth's MMIX constants) so property tests are
/// reproducible without Foundation's random sources.
struct LCG {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11   // the low bits of an LCG are weak
    }

    /// Uniform enough in `range` for test data (modulo bias is irrelevant here).
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next() % width)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int(int64(in: Int64(range.lowerBound)...Int64(range.upperBound)))
    }
}
