import Testing
@testable import InsuranceKit

@Suite("R-P-04 installment schedules")
struct InstallmentScheduleTests {
    private let rules = ComputerInsurance().paymentPlans   // 30–40 % down, 2–5 installments, cash

    private func schedule(_ premium: Int64, down: Int64, count: Int, from date: String = "1403/06/31",
                          rules: PaymentPlanRules? = nil) throws -> [ScheduledPayment] {
        try InstallmentSchedule.schedule(premium: Rial(premium), plan: .installments(downPayment: Rial(down), count: count),
                                         rules: rules ?? self.rules, startingOn: jalali(date))
    }

    @Test("R-P-04 cash: the whole premium on the start date")
    func cash() throws {
        let payments = try InstallmentSchedule.schedule(
            premium: 1_000_000, plan: .cash, rules: rules, startingOn: jalali("1404/02/10"))
        #expect(payments == [ScheduledPayment(dueDate: try jalali("1404/02/10"), amount: 1_000_000, kind: .whole)])
    }

    @Test("R-P-04 remainder goes to the last installment; due dates step by Jalali months")
    func remainderAndMonths() throws {
        // 1,000,000 − 300,000 = 700,000; 700,000 / 3 = 233,333 remainder 1 → 233,333, 233,333, 233,334
        // from 1403/06/31: months 7–9 have 30 days, so the day clamps to 30
        let payments = try schedule(1_000_000, down: 300_000, count: 3)
        #expect(payments == [
            ScheduledPayment(dueDate: try jalali("1403/06/31"), amount: 300_000, kind: .downPayment),
            ScheduledPayment(dueDate: try jalali("1403/07/30"), amount: 233_333, kind: .installment),
            ScheduledPayment(dueDate: try jalali("1403/08/30"), amount: 233_333, kind: .installment),
            ScheduledPayment(dueDate: try jalali("1403/09/30"), amount: 233_334, kind: .installment),
        ])
    }

    @Test("R-P-04 five installments from the 31st keep day 30 through Bahman")
    func fiveFromThirtyFirst() throws {
        let dates = try schedule(1_000_000, down: 350_000, count: 5).map(\.dueDate.description)
        #expect(dates == ["1403/06/31", "1403/07/30", "1403/08/30", "1403/09/30", "1403/10/30", "1403/11/30"])
    }

    @Test("R-P-04 Esfand: 30 days in leap 1403, 29 in 1404", arguments: [
        ("1403/11/30", ["1403/11/30", "1403/12/30", "1404/01/30"]),
        ("1404/11/30", ["1404/11/30", "1404/12/29", "1405/01/30"]),
    ])
    func esfand(_ start: String, _ expected: [String]) throws {
        let dates = try schedule(1_000_000, down: 400_000, count: 2, from: start).map(\.dueDate.description)
        #expect(dates == expected)
    }

    @Test("R-P-04 down payment of exactly 30 % and 40 % is accepted")
    func boundariesAccepted() throws {
        // 30 % of 1,000,000 = 300,000: 700,000 / 2 = 350,000 each
        #expect(try schedule(1_000_000, down: 300_000, count: 2).map(\.amount) == [300_000, 350_000, 350_000])
        // 40 % = 400,000: 600,000 / 5 = 120,000 each
        #expect(try schedule(1_000_000, down: 400_000, count: 5).map(\.amount)
            == [400_000, 120_000, 120_000, 120_000, 120_000, 120_000])
    }

    @Test("R-P-04 one rial outside 30–40 % is refused", arguments: [299_999, 400_001] as [Int64])
    func boundariesRefused(_ down: Int64) {
        // 299,999 / 1,000,000 = 29.9999 %; 400,001 / 1,000,000 = 40.0001 %
        let error = #expect(throws: DomainError.self) { try schedule(1_000_000, down: down, count: 3) }
        #expect(error?.code == "invalid-down-payment")
        #expect(error?.field == "payment.downPayment")
        #expect(error?.message == "پیش‌پرداخت باید بین ۳۰٪ و ۴۰٪ حق بیمه باشد (از ۳۰۰٬۰۰۰ تا ۴۰۰٬۰۰۰ ریال).")
    }

    @Test("R-P-04 the share is compared exactly, not rounded")
    func exactShare() throws {
        // 30 % of 1,000,001 = 300,000.3, so 300,000 is below 30 % and 300,001 is the least allowed;
        // 40 % = 400,000.4, so 400,000 is the most allowed
        let error = #expect(throws: DomainError.self) { try schedule(1_000_001, down: 300_000, count: 2) }
        #expect(error?.message == "پیش‌پرداخت باید بین ۳۰٪ و ۴۰٪ حق بیمه باشد (از ۳۰۰٬۰۰۱ تا ۴۰۰٬۰۰۰ ریال).")
        // 1,000,001 − 300,001 = 700,000 → 350,000 × 2
        #expect(try schedule(1_000_001, down: 300_001, count: 2).map(\.amount) == [300_001, 350_000, 350_000])
        _ = try schedule(1_000_001, down: 400_000, count: 2)
    }

    @Test("R-P-04 down payment outside 0…premium", arguments: [-1, 2_000_000, Int64.min, Int64.max] as [Int64])
    func absurdDownPayment(_ down: Int64) {
        let error = #expect(throws: DomainError.self) { try schedule(1_000_000, down: down, count: 3) }
        #expect(error?.code == "invalid-down-payment")
    }

    @Test("R-P-04 installment count 2–5", arguments: [0, 1, 6, -1, Int.max, Int.min])
    func badCount(_ count: Int) {
        let error = #expect(throws: DomainError.self) { try schedule(1_000_000, down: 300_000, count: count) }
        #expect(error?.code == "invalid-installment-count")
        #expect(error?.field == "payment.count")
        #expect(error?.message == "تعداد اقساط باید بین ۲ و ۵ باشد.")
    }

    @Test("R-P-04 premium must be positive", arguments: [0, -1, Int64.min] as [Int64])
    func badPremium(_ premium: Int64) {
        let error = #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: Rial(premium), plan: .cash, rules: rules,
                                             startingOn: jalali("1404/01/01"))
        }
        #expect(error?.code == "invalid-premium")
    }

    @Test("R-P-04 a plan the product does not offer")
    func planNotAllowed() throws {
        let installmentsOnly = PaymentPlanRules(downPaymentShare: Percent(30)...Percent(40), installmentCounts: 2...5,
                                                allowsCash: false)
        let cashOnly = PaymentPlanRules(downPaymentShare: Percent(100)...Percent(100), installmentCounts: 0...0,
                                        allowsCash: true)
        let date = try jalali("1404/01/01")
        let cash = #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 100, plan: .cash, rules: installmentsOnly, startingOn: date)
        }
        let installments = #expect(throws: DomainError.self) {
            try InstallmentSchedule.schedule(premium: 100, plan: .installments(downPayment: 100, count: 0),
                                             rules: cashOnly, startingOn: date)
        }
        #expect(cash?.code == "plan-not-allowed")
        #expect(installments?.code == "plan-not-allowed")
        #expect(cash?.field == "payment.plan")
    }

    @Test("R-P-04 a zero down payment (where allowed) leaves only the installments")
    func zeroDownPayment() throws {
        let monthly = PaymentPlanRules(downPaymentShare: Percent(0)...Percent(40), installmentCounts: 1...12,
                                       allowsCash: true)
        // 1,200,000 / 12 = 100,000 each, first due one month after 1404/01/01
        let payments = try schedule(1_200_000, down: 0, count: 12, from: "1404/01/01", rules: monthly)
        #expect(payments.count == 12)
        #expect(payments.allSatisfy { $0.kind == .installment && $0.amount == Rial(100_000) })
        #expect(payments.first?.dueDate == (try jalali("1404/02/01")))
        #expect(payments.last?.dueDate == (try jalali("1405/01/01")))
    }

    @Test("R-P-04 Codable kinds match the API words")
    func kinds() {
        #expect(ScheduledPayment.Kind.allCases.map(\.rawValue) == ["down-payment", "installment", "whole", "additional"])
    }
}
