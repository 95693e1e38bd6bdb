import Testing
@testable import InsuranceKit

@Suite("R-P-07 endorsement premium delta")
struct EndorsementMathTests {
    /// 1403/01/01 → 1404/01/01: 1403 is leap (Esfand 30), 186 + 150 + 30 = 366 days.
    private func leapTerm() throws -> PolicyTerm {
        try PolicyTerm(from: jalali("1403/01/01"), to: jalali("1404/01/01"))
    }

    @Test("R-P-07 additional: increase mid-term in a 366-day term")
    func additional() throws {
        // effective 1403/07/01: elapsed 186 (months 1–6), remaining 366 − 186 = 180
        // (12,000,000 − 10,000,000) × 180 / 366 = 983,606.56 → 983,607
        let delta = try EndorsementMath.premiumDelta(oldAnnual: 10_000_000, newAnnual: 12_000_000, term: leapTerm(),
                                                     effectiveDate: jalali("1403/07/01"))
        #expect(delta == Rial(983_607))
        #expect(EndorsementMath.kind(for: delta) == .additional)
    }

    @Test("R-P-07 refund: decrease mid-term")
    func refund() throws {
        // (9,000,000 − 10,000,000) × 180 / 366 = −491,803.28 → −491,803
        let delta = try EndorsementMath.premiumDelta(oldAnnual: 10_000_000, newAnnual: 9_000_000, term: leapTerm(),
                                                     effectiveDate: jalali("1403/07/01"))
        #expect(delta == Rial(-491_803))
        #expect(EndorsementKind(premiumDelta: delta) == .refund)
    }

    @Test("R-P-07 365-day term")
    func commonYear() throws {
        // 1404/01/01 → 1405/01/01 = 365 days (Esfand 1404 has 29). Effective 1404/10/11:
        // remaining = 20 (rest of Dey) + 30 (Bahman) + 29 (Esfand) = 79
        // (5,000,000 − 3,000,000) × 79 / 365 = 432,876.71 → 432,877
        let term = try PolicyTerm(from: jalali("1404/01/01"), to: jalali("1405/01/01"))
        #expect(term.days == 365)
        let delta = try EndorsementMath.premiumDelta(oldAnnual: 3_000_000, newAnnual: 5_000_000, term: term,
                                                     effectiveDate: jalali("1404/10/11"))
        #expect(delta == Rial(432_877))
    }

    @Test("R-G-02 half a rial rounds away from zero both ways")
    func halfRial() throws {
        // effective 1403/06/29: elapsed 155 + 28 = 183, remaining 183 = half the term
        // ±1,000,001 × 183 / 366 = ±500,000.5 → ±500,001
        let up = try EndorsementMath.premiumDelta(oldAnnual: 0, newAnnual: 1_000_001, term: leapTerm(),
                                                  effectiveDate: jalali("1403/06/29"))
        let down = try EndorsementMath.premiumDelta(oldAnnual: 1_000_001, newAnnual: 0, term: leapTerm(),
                                                    effectiveDate: jalali("1403/06/29"))
        #expect(up == Rial(500_001))
        #expect(down == Rial(-500_001))
    }

    @Test("R-P-07 equal increase and decrease: nothing collected, non-financial")
    func zero() throws {
        let delta = try EndorsementMath.premiumDelta(oldAnnual: 7_000_000, newAnnual: 7_000_000, term: leapTerm(),
                                                     effectiveDate: jalali("1403/03/15"))
        #expect(delta == .zero)
        #expect(EndorsementMath.kind(for: delta) == .nonFinancial)
        #expect(EndorsementKind.nonFinancial.rawValue == "non-financial")
    }

    @Test("R-P-07 on the last day nothing remains; the day after the start is the first allowed")
    func termEdges() throws {
        let atEnd = try EndorsementMath.premiumDelta(oldAnnual: 1, newAnnual: 9_000_000, term: leapTerm(),
                                                     effectiveDate: jalali("1404/01/01"))
        #expect(atEnd == .zero)
        // 1403/01/02: remaining 365 → 3,660,000 × 365 / 366 = 3,650,000
        let first = try EndorsementMath.premiumDelta(oldAnnual: 0, newAnnual: 3_660_000, term: leapTerm(),
                                                     effectiveDate: jalali("1403/01/02"))
        #expect(first == Rial(3_650_000))
    }

    @Test("R-P-07 effective date outside (start, end]", arguments: ["1403/01/01", "1402/12/29", "1404/01/02"])
    func outside(_ date: String) {
        let error = #expect(throws: DomainError.self) {
            try EndorsementMath.premiumDelta(oldAnnual: 1_000, newAnnual: 2_000, term: leapTerm(),
                                             effectiveDate: jalali(date))
        }
        #expect(error?.code == "endorsement-outside-term")
        #expect(error?.field == "effectiveDate")
    }

    @Test("R-G-01 negative or extreme annual premiums never trap")
    func extremes() throws {
        let negative = #expect(throws: DomainError.self) {
            try EndorsementMath.premiumDelta(oldAnnual: -1, newAnnual: 2_000, term: leapTerm(),
                                             effectiveDate: jalali("1403/07/01"))
        }
        #expect(negative?.code == "negative-amount")
        // Int64.max × 180 / 366 stays exact in 128 bits: 9,223,372,036,854,775,807 × 180 / 366
        // = 4,536,084,608,289,234,003 + 162/366 (.44) → 4,536,084,608,289,234,003
        let huge = try EndorsementMath.premiumDelta(oldAnnual: 0, newAnnual: Rial(Int64.max), term: leapTerm(),
                                                    effectiveDate: jalali("1403/07/01"))
        #expect(huge == Rial(4_536_084_608_289_234_003))
    }
}
