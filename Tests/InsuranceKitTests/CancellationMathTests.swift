import Testing
@testable import InsuranceKit

@Suite("R-P-08 cancellation refunds")
struct CancellationMathTests {
    /// 1403/01/01 → 1404/01/01 = 366 days; a premium of 3,660,000 is exactly 10,000 a day.
    private func term() throws -> PolicyTerm {
        try PolicyTerm(from: jalali("1403/01/01"), to: jalali("1404/01/01"))
    }

    private func cancel(_ initiator: CancellationInitiator, notice: String, premium: Int64 = 3_660_000,
                        paid: Int64 = 3_660_000, noticeDays: Int = 20) throws -> CancellationOutcome {
        try CancellationMath.compute(initiatedBy: initiator, annualPremium: Rial(premium), paid: Rial(paid),
                                     term: term(), noticeDate: jalali(notice), noticeDays: noticeDays)
    }

    /// Notice dates are effective − 20 days (1402 is not leap: Esfand has 29 days):
    /// e = 5 → 1403/01/06 ← 1402/12/15; e = 6 → 1403/01/07 ← 1402/12/16;
    /// e = 30 → 1403/01/31 ← 1403/01/11; e = 31 → 1403/02/01 ← 1403/01/12;
    /// e = 270 → 1403/09/25 (186 + 30 + 30 + 24) ← 1403/09/05; e = 271 → 1403/09/26 ← 1403/09/06.
    /// Insurer, pro rata: retained = 3,660,000 − 10,000 × (366 − e) = 10,000 × e.
    @Test("R-P-08 insurer cancels: pro-rata refund of the unused days", arguments: [
        ("1402/12/15", "1403/01/06", 5, 50_000),
        ("1402/12/16", "1403/01/07", 6, 60_000),
        ("1403/01/11", "1403/01/31", 30, 300_000),
        ("1403/01/12", "1403/02/01", 31, 310_000),
        ("1403/09/05", "1403/09/25", 270, 2_700_000),
        ("1403/09/06", "1403/09/26", 271, 2_710_000),
    ] as [(String, String, Int, Int64)])
    func insurer(_ notice: String, _ effective: String, _ elapsed: Int, _ retained: Int64) throws {
        let outcome = try cancel(.insurer, notice: notice)
        #expect(outcome.effectiveDate == (try jalali(effective)))
        #expect(outcome.elapsedDays == elapsed)
        #expect(outcome.remainingDays == 366 - elapsed)
        #expect(outcome.method == "pro-rata")
        #expect(outcome.retainedPercent == nil)
        #expect(outcome.retained == Rial(retained))
        #expect(outcome.refund == Rial(3_660_000 - retained))
        #expect(outcome.owed == .zero)
    }

    /// Insured, T-SP: ≤ 5 → 5 % = 183,000; ≤ 15 → 10 % = 366,000; ≤ 30 → 20 % = 732,000;
    /// ≤ 60 → 30 % = 1,098,000; ≤ 270 → 85 % = 3,111,000; > 270 → 100 % = 3,660,000.
    @Test("R-P-08/T-SP insured cancels: short-period table on elapsed days", arguments: [
        ("1402/12/15", 5, 5, 183_000, 3_477_000),
        ("1402/12/16", 6, 10, 366_000, 3_294_000),
        ("1403/01/11", 30, 20, 732_000, 2_928_000),
        ("1403/01/12", 31, 30, 1_098_000, 2_562_000),
        ("1403/09/05", 270, 85, 3_111_000, 549_000),
        ("1403/09/06", 271, 100, 3_660_000, 0),
    ] as [(String, Int, Int64, Int64, Int64)])
    func insured(_ notice: String, _ elapsed: Int, _ percent: Int64, _ retained: Int64, _ refund: Int64) throws {
        let outcome = try cancel(.insured, notice: notice)
        #expect(outcome.elapsedDays == elapsed)
        #expect(outcome.method == "short-period")
        #expect(outcome.retainedPercent == Percent(percent))
        #expect(outcome.retained == Rial(retained))
        #expect(outcome.refund == Rial(refund))
        #expect(outcome.owed == .zero)
    }

    @Test("R-P-08 paid less than retained: the difference is owed")
    func owed() throws {
        // insured, e = 31 → 30 % of 3,660,000 = 1,098,000 retained; paid 1,000,000 → owes 98,000
        let outcome = try cancel(.insured, notice: "1403/01/12", paid: 1_000_000)
        #expect(outcome.retained == Rial(1_098_000))
        #expect(outcome.refund == .zero)
        #expect(outcome.owed == Rial(98_000))
    }

    @Test("R-G-02 pro-rata refund rounded once")
    func proRataRounding() throws {
        // 1404/01/01 → 1405/01/01 = 365 days; effective 1404/04/08 = day 100 (93 + 7);
        // remaining 265: 1,000,000 × 265 / 365 = 726,027.40 → 726,027 refunded; retained 273,973
        let term = try PolicyTerm(from: jalali("1404/01/01"), to: jalali("1405/01/01"))
        let outcome = try CancellationMath.compute(initiatedBy: .insurer, annualPremium: 1_000_000, paid: 1_000_000,
                                                   term: term, noticeDate: jalali("1404/03/19"), noticeDays: 20)
        #expect(outcome.effectiveDate == (try jalali("1404/04/08")))
        #expect(outcome.elapsedDays == 100)
        #expect(outcome.retained == Rial(273_973))
        #expect(outcome.refund == Rial(726_027))
    }

    @Test("R-P-08 notice before the term starts: effective at the start, nothing elapsed")
    func beforeStart() throws {
        // 1402/12/01 + 20 = 1402/12/21 < 1403/01/01 → effective 1403/01/01, elapsed 0
        let insurer = try cancel(.insurer, notice: "1402/12/01")
        #expect(insurer.effectiveDate == (try jalali("1403/01/01")))
        #expect(insurer.elapsedDays == 0)
        #expect(insurer.retained == .zero)
        #expect(insurer.refund == Rial(3_660_000))
        // insured: T-SP's first band (≤ 5 days) → 5 % = 183,000
        let insured = try cancel(.insured, notice: "1402/12/01")
        #expect(insured.retained == Rial(183_000))
    }

    @Test("R-P-08 effective on the last day is allowed; after it is refused")
    func expiry() throws {
        // 1403/12/11 + 20 = 1404/01/01 (Esfand 1403 has 30 days) = the end: all elapsed
        let atEnd = try cancel(.insurer, notice: "1403/12/11")
        #expect(atEnd.remainingDays == 0)
        #expect(atEnd.retained == Rial(3_660_000))
        #expect(atEnd.refund == .zero)
        // 1403/12/12 + 20 = 1404/01/02 > end
        let error = #expect(throws: DomainError.self) { try cancel(.insured, notice: "1403/12/12") }
        #expect(error?.code == "cancellation-after-expiry")
        #expect(error?.field == "noticeDate")
    }

    @Test("R-P-08 invalid amounts and notice days", arguments: [
        (-1, 0, 20, "negative-amount", "premium"),
        (1_000, -1, 20, "negative-amount", "paid"),
        (1_000, 0, -1, "invalid-notice-days", "noticeDays"),
    ] as [(Int64, Int64, Int, String, String)])
    func invalid(_ premium: Int64, _ paid: Int64, _ days: Int, _ code: String, _ field: String) {
        let error = #expect(throws: DomainError.self) {
            try cancel(.insurer, notice: "1403/05/01", premium: premium, paid: paid, noticeDays: days)
        }
        #expect(error?.code == code)
        #expect(error?.field == field)
    }

    @Test("R-G-01 extreme inputs never trap")
    func extremes() throws {
        let max = Int64.max
        let outcome = try cancel(.insurer, notice: "1403/05/01", premium: max, paid: max)
        #expect(outcome.refund.amount + outcome.retained.amount == max)
        let huge = #expect(throws: DomainError.self) {
            try cancel(.insured, notice: "1403/05/01", noticeDays: Int.max)
        }
        #expect(huge?.code == "cancellation-after-expiry")
    }
}
