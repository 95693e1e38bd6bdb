import Testing
@testable import InsuranceKit

@Suite("R-P-07/R-P-08 the policy account")
struct PolicyAccountTests {
    @Test("R-P-07 a refund of 294,247 on 1,000,000 with 300,000 collected reduces what is owed; nothing is paid out")
    func refundReducesOwed() throws {
        // given 300,000 down collected of 1,000,000; 700,000 still owed
        let account = PolicyAccount(charged: 1_000_000, collected: 300_000, inHand: 0, disbursed: 0)
        let split = try account.splitRefund(294_247)
        #expect(split.reducesOwed == 294_247)
        #expect(split.paidOut == 0)
        // the schedule 300,000 + 350,000 + 350,000 loses 294,247 from the last line: 350,000 − 294,247 = 55,753
        let lines = try InstallmentSchedule.crediting([300_000, 350_000, 350_000], covered: 300_000, refund: 294_247)
        #expect(lines == [300_000, 350_000, 55_753])
    }

    @Test("R-P-07 a refund larger than what is owed pays out the rest")
    func refundPaysOutRest() throws {
        // owed 1,000,000 − 900,000 = 100,000: 100,000 reduces it, 194,247 is paid out
        let account = PolicyAccount(charged: 1_000_000, collected: 900_000, inHand: 0, disbursed: 0)
        let split = try account.splitRefund(294_247)
        #expect(split.reducesOwed == 100_000)
        #expect(split.paidOut == 194_247)
        // lines 300,000 + 350,000 + 350,000 covered to 900,000: the open 100,000 of the last line goes
        // first, then the 194,247 paid out comes off the covered part, still from the last line:
        // 350,000 − 100,000 − 194,247 = 55,753
        #expect(try InstallmentSchedule.crediting([300_000, 350_000, 350_000], covered: 900_000, refund: 294_247) == [300_000, 350_000, 55_753])
        #expect(throws: DomainError.self) { try InstallmentSchedule.crediting([300_000, 350_000, 350_000], covered: 900_000, refund: 1_000_001) }
    }

    @Test("R-P-08 net paid counts refunds already paid back")
    func netPaid() throws {
        // cash 1,000,000 collected, 294,247 refunded by order: the insurer keeps 705,753, nothing is open
        let account = PolicyAccount(charged: 705_753, collected: 1_000_000, inHand: 0, disbursed: 294_247)
        #expect(try account.netPaid() == 705_753)
        #expect(try account.open() == 0)
        #expect(try account.splitRefund(10_000).paidOut == 10_000)
    }

    @Test("invariants over 10,000 random sequences: Σ schedule = charged, paid out ≤ collected + what the rules owe")
    func properties() throws {
        var generator = SplitMix64(seed: 1405)
        for _ in 0..<10_000 {
            // a schedule of 1–6 lines, collected a random prefix-ish amount, then 1–4 refund credits
            let count = Int(generator.next() % 6) + 1
            var lines = (0..<count).map { _ in Rial(Int64(generator.next() % 5_000_000) + 1) }
            var charged = try Rial.sum(lines)
            let collected = Rial(Int64(generator.next() % UInt64(charged.amount + 1)))
            var disbursed = Rial.zero
            for _ in 0..<(Int(generator.next() % 4) + 1) {
                let account = PolicyAccount(charged: charged, collected: collected, inHand: .zero, disbursed: disbursed)
                let refund = Rial(Int64(generator.next() % UInt64(max(1, charged.amount))))
                let split = try account.splitRefund(refund)
                lines = try InstallmentSchedule.crediting(lines, covered: try account.netPaid(), refund: refund)
                charged = try charged.subtracting(refund)
                disbursed = try disbursed.adding(split.paidOut)
                // Σ schedule = what is charged now; no line below zero
                #expect(try Rial.sum(lines) == charged)
                #expect(lines.allSatisfy { $0 >= .zero })
                // paid out never exceeds what came in beyond what is still charged
                #expect(disbursed <= max(.zero, try collected.subtracting(charged)))
                #expect(try collected.subtracting(disbursed) <= charged)
            }
        }
    }
}
