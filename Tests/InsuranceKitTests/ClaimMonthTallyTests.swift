import Testing
@testable import InsuranceKit

@Suite("R-RP-01 monthly claims tally")
struct ClaimMonthTallyTests {
    @Test("R-RP-01 counts, paid and outstanding: open files count their approved loss once assessed")
    func tally() throws {
        var tally = ClaimMonthTally()
        tally.noticedInMonth()
        tally.noticedInMonth()
        try tally.paymentOrdered(9_000_000)
        // assessed open file: 4,000,000 − 500,000 = 3,500,000; unassessed open file adds 0
        try tally.open(loss: 4_000_000, salvage: 500_000)
        try tally.open(loss: nil, salvage: nil)
        #expect(tally.count == 2)
        #expect(tally.paid == 9_000_000)
        #expect(tally.outstanding == 3_500_000)
        #expect(tally.openFiles == 2)
    }

    @Test("R-G-01 sums that would overflow are refused, not wrapped")
    func overflow() throws {
        var tally = ClaimMonthTally()
        try tally.paymentOrdered(Rial(Int64.max))
        #expect(throws: DomainError.self) { try tally.paymentOrdered(1) }
        try tally.open(loss: Rial(Int64.max), salvage: nil)
        #expect(throws: DomainError.self) { try tally.open(loss: 1, salvage: nil) }
    }
}
