import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-CL-04 premium inquiry")
struct PremiumInquiryTests {
    private func payment(_ date: String, _ amount: Int64) throws -> PremiumPayment {
        PremiumPayment(collectedOn: try jalali(date), amount: Rial(amount))
    }

    @Test("R-CL-04 cash premium collected before the loss → full")
    func cashBefore() throws {
        let outcome = try PremiumInquiry.inquire(
            plan: .cash, totalPremium: 4_000_000, payments: [payment("1404/02/01", 4_000_000)],
            lossDate: jalali("1404/05/10"))
        #expect(outcome == .full)
    }

    @Test("R-CL-04 cash premium collected on the loss day counts as before the loss")
    func cashSameDay() throws {
        let outcome = try PremiumInquiry.inquire(
            plan: .cash, totalPremium: 4_000_000, payments: [payment("1404/05/10", 4_000_000)],
            lossDate: jalali("1404/05/10"))
        #expect(outcome == .full)
    }

    @Test("R-CL-04 cash premium collected after the loss → not payable (file closed)")
    func cashAfter() throws {
        // the cheque was collected one day after the loss
        let outcome = try PremiumInquiry.inquire(
            plan: .cash, totalPremium: 4_000_000, payments: [payment("1404/05/11", 4_000_000)],
            lossDate: jalali("1404/05/10"))
        #expect(outcome == .notPayable(reason: .paidAfterLoss))
    }

    @Test("R-CL-04 cash premium never (fully) collected → not payable")
    func cashUnpaid() throws {
        let none = try PremiumInquiry.inquire(plan: .cash, totalPremium: 4_000_000, payments: [PremiumPayment](),
                                              lossDate: jalali("1404/05/10"))
        #expect(none == .notPayable(reason: .notPaid))
        // 3,000,000 before the loss and nothing since: 3,000,000 < 4,000,000
        let part = try PremiumInquiry.inquire(
            plan: .cash, totalPremium: 4_000_000, payments: [payment("1404/02/01", 3_000_000)],
            lossDate: jalali("1404/05/10"))
        #expect(part == .notPayable(reason: .notPaid))
        // half before, half after the loss: the whole premium was not paid by the loss date
        let split = try PremiumInquiry.inquire(
            plan: .cash, totalPremium: 4_000_000,
            payments: [payment("1404/02/01", 2_000_000), payment("1404/06/01", 2_000_000)],
            lossDate: jalali("1404/05/10"))
        #expect(split == .notPayable(reason: .paidAfterLoss))
    }

    /// Premium 10,000,000: down 30 % = 3,000,000 on 1403/01/15, then 5 installments of
    /// 7,000,000 / 5 = 1,400,000 on 02/15, 03/15, 04/15, 05/15, 06/15. Loss on 1403/04/20:
    /// collected by then: 3,000,000 + 3 × 1,400,000 = 7,200,000 (the 4th, collected 1403/05/15,
    /// comes after the loss and does not count) → proportional 7,200,000 / 10,000,000.
    @Test("R-CL-04 installments, 3 of 5 paid by the loss date → proportional")
    func installmentsProportional() throws {
        let payments = try [
            payment("1403/01/15", 3_000_000), payment("1403/02/15", 1_400_000), payment("1403/03/15", 1_400_000),
            payment("1403/04/15", 1_400_000), payment("1403/05/15", 1_400_000),
        ]
        let outcome = try PremiumInquiry.inquire(
            plan: .installments(downPayment: 3_000_000, count: 5), totalPremium: 10_000_000, payments: payments,
            lossDate: jalali("1403/04/20"))
        #expect(outcome == .proportional(paid: 7_200_000, total: 10_000_000))

        // Worked settlement: approved 12,345,679 × 7,200,000 / 10,000,000 = 12,345,679 × 0.72
        // = 888,888,888 / 100 = 8,888,888.88 → 8,888,889 (rounded once);
        // premium-proportion line = 8,888,889 − 12,345,679 = −3,456,790
        let settlement = try SettlementCalculator.settle(SettlementInput(
            loss: 12_345_679, salvage: 0, premium: outcome, franchisePercent: .zero, cap: 100_000_000))
        #expect(settlement.line("premium-proportion")?.amount == Rial(-3_456_790))
        #expect(settlement.payable == Rial(8_888_889))
    }

    @Test("R-CL-04 installments all collected by the loss date → full; overpayment is capped")
    func installmentsFull() throws {
        let outcome = try PremiumInquiry.inquire(
            plan: .installments(downPayment: 3_000_000, count: 2), totalPremium: 10_000_000,
            payments: [(collectedOn: jalali("1403/01/15"), amount: Rial(3_000_000)),
                       (collectedOn: jalali("1403/02/15"), amount: Rial(3_500_000)),
                       (collectedOn: jalali("1403/03/15"), amount: Rial(4_000_000))],
            lossDate: jalali("1403/04/20"))
        // 3,000,000 + 3,500,000 + 4,000,000 = 10,500,000 ≥ 10,000,000
        #expect(outcome == .full)
    }

    @Test("R-CL-04 installments with nothing collected by the loss date → not payable")
    func installmentsNothing() throws {
        let outcome = try PremiumInquiry.inquire(
            plan: .installments(downPayment: 3_000_000, count: 2), totalPremium: 10_000_000,
            payments: [payment("1403/05/01", 3_000_000)], lossDate: jalali("1403/04/20"))
        #expect(outcome == .notPayable(reason: .nothingPaidBeforeLoss))
    }

    @Test("invalid inputs")
    func invalid() throws {
        let zero = #expect(throws: DomainError.self) {
            try PremiumInquiry.inquire(plan: .cash, totalPremium: 0, payments: [PremiumPayment](),
                                       lossDate: jalali("1404/01/01"))
        }
        #expect(zero?.code == "invalid-premium")
        let negative = #expect(throws: DomainError.self) {
            try PremiumInquiry.inquire(plan: .cash, totalPremium: 10,
                                       payments: [payment("1403/12/01", 5), payment("1403/12/02", -1)],
                                       lossDate: jalali("1404/01/01"))
        }
        #expect(negative?.code == "negative-amount")
        #expect(negative?.field == "payments[1].amount")
        let overflow = #expect(throws: DomainError.self) {
            try PremiumInquiry.inquire(plan: .cash, totalPremium: 10,
                                       payments: [payment("1403/12/01", .max), payment("1403/12/02", 1)],
                                       lossDate: jalali("1404/01/01"))
        }
        #expect(overflow?.code == "amount-overflow")
    }

    @Test("outcomes are Codable")
    func codable() throws {
        for outcome: PremiumInquiryOutcome in [.full, .proportional(paid: 1, total: 2), .notPayable(reason: .notPaid)] {
            let data = try JSONEncoder().encode(outcome)
            #expect(try JSONDecoder().decode(PremiumInquiryOutcome.self, from: data) == outcome)
        }
    }
}
