import Testing
@testable import InsuranceKit

@Suite("R-P-08 cancellation properties")
struct CancellationPropertyTests {
    @Test("R-P-08 refund ≤ paid, retained ≤ premium, refund − owed = paid − retained")
    func refundBounded() throws {
        var random = LCG(seed: 1_404)
        let start = try jalali("1403/01/01")
        for _ in 0..<5_000 {
            let term = try PolicyTerm(from: start, to: start.adding(days: random.int(in: 1...1_100)))
            let premium = random.int64(in: 0...1_000_000_000_000_000)
            let paid = random.int64(in: 0...(premium + 1_000))
            let notice = start.adding(days: random.int(in: -40...term.days))
            let initiator: CancellationInitiator = random.next() % 2 == 0 ? .insurer : .insured
            let outcome: CancellationOutcome
            do {
                outcome = try CancellationMath.compute(initiatedBy: initiator, annualPremium: Rial(premium),
                                                       paid: Rial(paid), term: term, noticeDate: notice, noticeDays: 20)
            } catch let error as DomainError {
                #expect(error.code == "cancellation-after-expiry")
                #expect(notice.adding(days: 20) > term.end)
                continue
            }
            #expect(outcome.refund <= Rial(paid))
            #expect(outcome.refund >= .zero && outcome.owed >= .zero)
            #expect(outcome.refund.isZero || outcome.owed.isZero)
            #expect(outcome.retained >= .zero && outcome.retained <= Rial(premium))
            #expect(outcome.refund.amount - outcome.owed.amount == paid - outcome.retained.amount)
            #expect(outcome.elapsedDays + outcome.remainingDays == term.days)
        }
    }

    @Test("R-P-08 pro-rata refund never grows as more days elapse")
    func proRataMonotonic() throws {
        var random = LCG(seed: 1_405)
        for _ in 0..<60 {
            let start = try jalali("1403/01/01").adding(days: random.int(in: 0...1_000))
            let term = try PolicyTerm(from: start, to: start.adding(days: random.int(in: 1...730)))
            let premium = random.int64(in: 1...10_000_000_000_000)
            var previous = Rial(Int64.max)
            for elapsed in 0...term.days {
                // notice 20 days before the day cover should stop
                let outcome = try CancellationMath.compute(
                    initiatedBy: .insurer, annualPremium: Rial(premium), paid: Rial(premium), term: term,
                    noticeDate: start.adding(days: elapsed - 20), noticeDays: 20)
                #expect(outcome.elapsedDays == elapsed)
                #expect(outcome.refund <= previous, "elapsed \(elapsed), premium \(premium)")
                previous = outcome.refund
            }
            #expect(previous == .zero)   // on the last day nothing is left to refund
        }
    }
}
