import Testing
@testable import InsuranceKit

@Suite("R-TP-05/R-TP-06 surcharge caps and the no-claim discount")
struct ThirdPartyFactorTests {
    let rates = ThirdPartyRates.spec

    /// R-TP-05: 2 % per year over 15, cap 20 %: 15 → 0; 16 → 2; 20 → 10; 25 → 20; 26 → 22 → 20; 150 → 20.
    @Test("R-TP-05 vehicle age surcharge capped at 20 %", arguments: [
        (0, 0), (15, 0), (16, 2), (20, 10), (25, 20), (26, 20), (150, 20), (-5, 0), (Int.max, 20), (Int.min, 0),
    ] as [(Int, Int64)])
    func vehicleAge(_ age: Int, _ percent: Int64) {
        #expect(rates.vehicleAgeSurcharge(ageYears: age) == Percent(percent))
    }

    /// R-TP-05: 1 % per point, cap 30 %: 4 → 4; 30 → 30; 40 → 30.
    @Test("R-TP-05 negative points surcharge capped at 30 %", arguments: [
        (0, 0), (4, 4), (30, 30), (31, 30), (40, 30), (Int.min, 0), (Int.max, 30),
    ] as [(Int, Int64)])
    func negativePoints(_ points: Int, _ percent: Int64) {
        #expect(rates.negativePointsSurcharge(points: points) == Percent(percent))
    }

    @Test("R-TP-05 15 % per extra trailer", arguments: [(0, 0), (1, 15), (2, 30), (10, 150)] as [(Int, Int64)])
    func trailers(_ count: Int, _ percent: Int64) {
        #expect(rates.extraTrailersSurcharge(count: count) == Percent(percent))
    }

    /// R-TP-06: 5 % × min(years, 15), cap 70: 1 → 5; 13 → 65; 14 → 70; 15 → 75 → 70; 20 → 70.
    @Test("R-TP-06 no-claim discount: 5 % a year, 15 years counted, cap 70 %", arguments: [
        (0, 0), (1, 5), (6, 30), (13, 65), (14, 70), (15, 70), (20, 70), (100, 70), (-3, 0),
    ] as [(Int, Int64)])
    func noClaimYears(_ years: Int, _ percent: Int64) {
        #expect(rates.noClaimDiscount(claimFreeYears: years, financialClaims: 0, bodilyClaims: 0) == Percent(percent))
    }

    /// R-TP-06 reductions in percentage points, floor 0 (financial 1→20, 2→30, 3+→40; bodily 1→30,
    /// 2→70, 3+→100; both apply):
    /// - 15 y (70) − financial 1 (20) = 50;  − financial 2 (30) = 40;  − financial 5 (40) = 30
    /// - 15 y (70) − bodily 1 (30) = 40;  − bodily 2 (70) = 0;  − bodily 3 (100) → 0 (floor)
    /// - 3 y (15) − financial 1 (20) → 0 (floor)
    /// - 15 y (70) − financial 1 (20) − bodily 1 (30) = 20
    /// - 10 y (50) − financial 3 (40) = 10
    @Test("R-TP-06 claims reduce the discount, floored at 0", arguments: [
        (15, 1, 0, 50), (15, 2, 0, 40), (15, 5, 0, 30),
        (15, 0, 1, 40), (15, 0, 2, 0), (15, 0, 3, 0),
        (3, 1, 0, 0), (15, 1, 1, 20), (10, 3, 0, 10), (0, 100, 100, 0),
    ] as [(Int, Int, Int, Int64)])
    func claimReductions(_ years: Int, _ financial: Int, _ bodily: Int, _ percent: Int64) {
        #expect(rates.noClaimDiscount(claimFreeYears: years, financialClaims: financial, bodilyClaims: bodily)
            == Percent(percent))
    }

    /// R-TP-08: gap = issue − previous end, ≤ 365. 1403 is leap (Esfand 30), so 1403/03/02 →
    /// 1404/03/01 is 365 days, 1403/03/01 → 1404/03/01 is 366 → 365, 1403/01/01 → 428 → 365.
    @Test("R-TP-08 uncovered days are capped at 365", arguments: [
        ("1404/03/01", 0), ("1404/02/31", 1), ("1404/02/20", 12), ("1404/03/05", 0),
        ("1403/03/03", 364), ("1403/03/02", 365), ("1403/03/01", 365), ("1403/01/01", 365),
    ] as [(String, Int)])
    func uncoveredDays(_ previousEnd: String, _ days: Int) throws {
        #expect(rates.uncoveredDays(previousPolicyEnd: try jalali(previousEnd), issueDate: try jalali("1404/03/01"))
            == days)
        #expect(rates.uncoveredDays(previousPolicyEnd: nil, issueDate: try jalali("1404/03/01")) == 0)
    }

    @Test("R-TP-08 400 days without cover count as 365")
    func fourHundredDays() throws {
        let issue = try jalali("1404/03/01")
        #expect(rates.uncoveredDays(previousPolicyEnd: issue.adding(days: -400), issueDate: issue) == 365)
    }
}
