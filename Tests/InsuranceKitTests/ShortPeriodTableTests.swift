import Testing
@testable import InsuranceKit

@Suite("T-SP short-period table")
struct ShortPeriodTableTests {
    @Test("T-SP retained percent at every band boundary", arguments: [
        (Int.min, 5), (-3, 5), (0, 5), (1, 5), (5, 5), (6, 10), (15, 10), (16, 20), (30, 20), (31, 30),
        (60, 30), (61, 40), (90, 40), (91, 50), (120, 50), (121, 60), (150, 60), (151, 70), (180, 70),
        (181, 85), (270, 85), (271, 100), (365, 100), (Int.max, 100),
    ] as [(Int, Int64)])
    func boundaries(_ elapsed: Int, _ percent: Int64) {
        #expect(ShortPeriodTable.retainedPercent(elapsedDays: elapsed) == Percent(percent))
    }

    @Test("T-SP/R-P-08 worked example: insured cancels after 45 days")
    func workedExample() throws {
        // given an annual premium of 1,000,000 paid in full, cancelled by the insured on day 45
        let paid = Rial(1_000_000)
        // when: 45 ≤ 60 ⇒ 30 % retained = 300,000
        let retained = try paid.percent(ShortPeriodTable.retainedPercent(elapsedDays: 45))
        // then the refund is 1,000,000 − 300,000 = 700,000
        #expect(retained == Rial(300_000))
        #expect(try paid.subtracting(retained) == Rial(700_000))
    }
}
