import Testing
@testable import InsuranceKit

/// The policy account driven by random sequences of what happens to a policy: cheques received,
/// collected, bounced or returned; additional and refund endorsements; a cancellation; claims.
/// Each step uses the same InsuranceKit functions the desks use (PolicyAccount, crediting,
/// charging, CancellationMath, PremiumInquiry); the invariants are checked after every step.
@Suite("R-P-03/05/07/08, R-CL-04 the policy account over random sequences")
struct PolicyAccountSequenceTests {
    @Test("R-P-07 an additional premium of 100,001 over open lines 2 and 3 adds 50,000 and 50,001")
    func chargingSpreadsOverOpenLines() throws {
        // 100,001 / 2 = 50,000 each, remainder 1 on the last open line; line 1 (paid) keeps 300,000
        let lines = try InstallmentSchedule.charging([300_000, 350_000, 350_000], open: [1, 2], additional: 100_001)
        #expect(lines == [300_000, 400_000, 400_001])
        // nothing open: collected before the endorsement takes effect
        #expect(try InstallmentSchedule.charging([300_000, 350_000], open: [], additional: 5) == nil)
        #expect(throws: DomainError.self) { try InstallmentSchedule.charging([1], open: [0], additional: -1) }
    }

    @Test("R-P-05 a held cheque that would take net paid beyond what is charged is returned, not collected")
    func collectingBeyondOwedIsRefused() throws {
        // charged 705,753 after a refund; 600,000 collected → 105,753 still owed
        let account = PolicyAccount(charged: 705_753, collected: 600_000, inHand: 350_000, disbursed: 0)
        #expect(throws: Never.self) { try account.checkCollectable(105_753) }
        #expect(throws: DomainError.self) { try account.checkCollectable(350_000) }
        // with an additional premium of 244,247 awaiting payment: 105,753 + 244,247 = 350,000
        #expect(throws: Never.self) { try account.checkCollectable(350_000, pendingAdditional: 244_247) }
        // a cheque of 350,000 for line 3, which a refund shrank to 153,836, is returned even when owed allows it
        #expect(throws: DomainError.self) { try account.checkCollectable(350_000, pendingAdditional: 244_247, line: (3, 153_836)) }
    }

    @Test("R-P-08 a cancellation after a refund endorsement pays out only the difference")
    func cancellationAfterRefund() throws {
        // cash 1,000,000 collected; a refund endorsement of 200,000 paid out in full (nothing owed)
        let start = try JalaliDate(year: 1405, month: 1, day: 1)
        let term = try PolicyTerm(from: start, to: try JalaliDate(year: 1406, month: 1, day: 1))
        var account = PolicyAccount(charged: 1_000_000, collected: 1_000_000, inHand: 0, disbursed: 0)
        let split = try account.splitRefund(200_000)
        #expect(split.paidOut == 200_000)
        account = PolicyAccount(charged: 800_000, collected: 1_000_000, inHand: 0, disbursed: 200_000)
        // insurer cancels with notice 1405/06/11 + 20 days = 1405/06/31 (month 6 has 31 days): elapsed
        // 185 days (31 × 5 + 30), remaining 365 − 185 = 180; unused = 800,000 × 180 / 365 = 394,520.5 →
        // 394,521 (R-G-02); retained 800,000 − 394,521 = 405,479; refund = net paid 800,000 − 405,479
        // = 394,521 — not 1,000,000 − 405,479
        let outcome = try CancellationMath.compute(initiatedBy: .insurer, annualPremium: account.charged, paid: try account.netPaid(),
                                                   term: term, noticeDate: try JalaliDate(year: 1405, month: 6, day: 11), noticeDays: 20)
        #expect(outcome.retained == 405_479)
        #expect(outcome.refund == 394_521)
        #expect(try account.cancellationCredit(retained: outcome.retained) == 394_521)
        // paid out in all: 200,000 + 394,521 = 594,521 = 1,000,000 − 405,479
        #expect(try split.paidOut.adding(outcome.refund) == 594_521)
    }

    @Test("invariants over 10,000 random sequences of payments, bounces, endorsements, cancellations and claims")
    func randomSequences() throws {
        var random = SplitMix64(seed: 14_050_101)
        let start = try JalaliDate(year: 1405, month: 1, day: 1)
        let term = try PolicyTerm(from: start, to: start.addingYears(1))
        var cancellations = 0, payouts = 0, additionalsSpread = 0, additionalsCollected = 0, claims = 0
        for _ in 0..<10_000 {
            var book = SimulatedPolicy(lines: (0..<Int(random.next() % 5 + 1)).map { _ in Rial(Int64(random.next() % 4_000_000) + 1) })
            for _ in 0..<Int(random.next() % 14 + 1) {
                switch random.next() % 8 {
                case 0, 1: try book.receive(line: Int(random.next() % UInt64(book.lines.count)))
                case 2: try book.settle(pick: random.next(), bounce: false)
                case 3: try book.settle(pick: random.next(), bounce: true)
                case 4:
                    if try book.additional(Rial(Int64(random.next() % 2_000_000) + 1)) { additionalsSpread += 1 } else { additionalsCollected += 1 }
                case 5:
                    let before = book.disbursed
                    try book.refund(Rial(Int64(random.next() % UInt64(book.charged.amount + 1))))
                    if book.disbursed > before { payouts += 1 }
                case 6:
                    let day = Int(random.next() % UInt64(term.days))
                    if try book.cancel(term: term, noticeDate: start.adding(days: day), insurer: random.next() % 2 == 0) { cancellations += 1 }
                default:
                    try book.claim(term: term, lossDate: start.adding(days: Int(random.next() % UInt64(term.days))))
                    claims += 1
                }
                try book.checkInvariants()
            }
        }
        // the sequences did reach every branch
        #expect(cancellations > 1_000 && payouts > 250 && additionalsSpread > 1_000 && additionalsCollected > 100 && claims > 1_000)
    }
}

/// One policy's account in memory, moved by the rules the desks apply.
private struct SimulatedPolicy {
    enum Status { case held, collected, bounced }
    struct Receipt { var line: Int?; var amount: Rial; var status: Status }

    var lines: [Rial]
    var charged: Rial
    var receipts: [Receipt] = []
    var disbursed: Rial = .zero
    var cancelled = false
    /// What the rules owe the insured back at the cancellation: net paid beyond the retained share.
    var owedBack: Rial?

    init(lines: [Rial]) {
        self.lines = lines
        charged = (try? Rial.sum(lines)) ?? .zero
    }

    var collected: Rial { get throws { try Rial.sum(receipts.filter { $0.status == .collected }.map(\.amount)) } }
    var inHand: Rial { get throws { try Rial.sum(receipts.filter { $0.status == .held }.map(\.amount)) } }
    var account: PolicyAccount { get throws { PolicyAccount(charged: charged, collected: try collected, inHand: try inHand, disbursed: disbursed) } }
    var takenLines: Set<Int> { Set(receipts.filter { $0.status != .bounced }.compactMap(\.line)) }

    /// R-P-03: one cheque per line, for the line's amount.
    mutating func receive(line: Int) throws {
        guard !cancelled, lines[line] > .zero, !takenLines.contains(line) else { return }
        receipts.append(Receipt(line: line, amount: lines[line], status: .held))
    }

    /// R-P-05: accounting collects or bounces a held cheque; one that exceeds what is owed is returned.
    mutating func settle(pick: UInt64, bounce: Bool) throws {
        let held = receipts.indices.filter { receipts[$0].status == .held }
        guard !held.isEmpty else { return }
        let index = held[Int(pick % UInt64(held.count))]
        if bounce {
            receipts[index].status = .bounced
            return
        }
        do {
            let line = receipts[index].line.map { (number: $0 + 1, amount: lines[$0]) }
            try account.checkCollectable(receipts[index].amount, line: line)
            receipts[index].status = .collected
        } catch let error as DomainError where error.code == "payment-exceeds-owed" {
            receipts[index].status = .bounced   // handed back to the insured
        }
    }

    /// R-P-07: spread over the open lines, or collected first and added as its own paid line.
    mutating func additional(_ delta: Rial) throws -> Bool {
        guard !cancelled else { return true }
        let open = Set(lines.indices.filter { !takenLines.contains($0) })
        if let spread = try InstallmentSchedule.charging(lines, open: open, additional: delta) {
            lines = spread
            charged = try charged.adding(delta)
            return true
        }
        try account.checkCollectable(delta, pendingAdditional: delta)
        receipts.append(Receipt(line: nil, amount: delta, status: .collected))
        lines.append(delta)
        charged = try charged.adding(delta)
        return false
    }

    /// R-P-07: a refund credit reduces what is owed first; only the rest is paid out.
    mutating func refund(_ credit: Rial) throws {
        guard !cancelled, credit > .zero else { return }
        let before = try account
        let split = try before.splitRefund(credit)
        lines = try InstallmentSchedule.crediting(lines, covered: try before.netPaid().adding(before.inHand), refund: credit)
        charged = try charged.subtracting(credit)
        disbursed = try disbursed.adding(split.paidOut)
        if split.paidOut > .zero { try checkPayout() }
    }

    /// Money paid out ≤ money collected − what the rules charge, at the moment it is paid out:
    /// a payout returns exactly what was collected beyond the charge, never more.
    func checkPayout() throws {
        let collected = try self.collected
        #expect(disbursed <= max(.zero, try collected.subtracting(charged)))
    }

    /// R-P-08: the account keeps the retained share; net paid beyond it is paid out.
    mutating func cancel(term: PolicyTerm, noticeDate: JalaliDate, insurer: Bool) throws -> Bool {
        guard !cancelled else { return false }
        let before = try account
        let outcome: CancellationOutcome
        do {
            outcome = try CancellationMath.compute(initiatedBy: insurer ? .insurer : .insured, annualPremium: charged, paid: try before.netPaid(),
                                                   term: term, noticeDate: noticeDate, noticeDays: 20)
        } catch let error as DomainError where error.code == "cancellation-after-expiry" {
            return false
        }
        let credit = try before.cancellationCredit(retained: outcome.retained)
        lines = try InstallmentSchedule.crediting(lines, covered: try before.netPaid(), refund: credit)
        charged = outcome.retained
        disbursed = try disbursed.adding(outcome.refund)
        owedBack = max(.zero, try before.netPaid().subtracting(outcome.retained))
        #expect(outcome.refund == owedBack)
        if outcome.refund > .zero { try checkPayout() }
        cancelled = true
        return true
    }

    /// R-CL-04: the premium inquiry reads the account's charged total and the collections.
    func claim(term: PolicyTerm, lossDate: JalaliDate) throws {
        guard charged > .zero else { return }
        let payments = receipts.filter { $0.status == .collected }.map { PremiumPayment(collectedOn: term.start, amount: $0.amount) }
        let outcome = try PremiumInquiry.inquire(plan: .installments(downPayment: lines[0], count: lines.count), totalPremium: charged,
                                                 payments: payments, lossDate: lossDate)
        let collected = try self.collected
        switch outcome {
        case .full: #expect(collected >= charged)
        case .proportional(let paid, let total): #expect(paid < total && total == charged && paid == collected)
        case .notPayable: #expect(collected == .zero)
        }
    }

    func checkInvariants() throws {
        let collected = try self.collected
        // Σ schedule = what is charged, after every change; no line below zero
        #expect(try Rial.sum(lines) == charged)
        #expect(lines.allSatisfy { !$0.isNegative })
        // the insurer never keeps more than the rules charge, and never pays out what it did not collect
        #expect(try collected.subtracting(disbursed) <= charged)
        #expect(disbursed <= collected)
    }
}

@Suite("R-CL-04 the premium inquiry reads net paid")
struct PremiumInquiryNetPaidTests {
    @Test("R-CL-04 a refund paid back before the loss is no longer premium paid")
    func refundsBeforeLoss() throws {
        let collected = [PremiumPayment(collectedOn: try JalaliDate(parsing: "1405/02/01"), amount: 600_000)]
        let refund = [PremiumPayment(collectedOn: try JalaliDate(parsing: "1405/03/01"), amount: 100_000)]
        let plan = PaymentPlan.installments(downPayment: 300_000, count: 2)
        // loss 1405/04/01, after the refund order: paid 600,000 − 100,000 = 500,000 of 800,000
        #expect(try PremiumInquiry.inquire(plan: plan, totalPremium: 800_000, payments: collected, refunds: refund,
                                           lossDate: try JalaliDate(parsing: "1405/04/01")) == .proportional(paid: 500_000, total: 800_000))
        // loss 1405/02/15, before it: the 600,000 held then counts
        #expect(try PremiumInquiry.inquire(plan: plan, totalPremium: 800_000, payments: collected, refunds: refund,
                                           lossDate: try JalaliDate(parsing: "1405/02/15")) == .proportional(paid: 600_000, total: 800_000))
    }
}
