import Testing
@testable import InsuranceKit

@Suite("R-P-04 installment schedule properties")
struct InstallmentPropertyTests {
    @Test("R-P-04 Σ schedule == premium; equal installments but the last; months increase")
    func sumEqualsPremium() throws {
        var random = LCG(seed: 1_403)
        let rules = ComputerInsurance().paymentPlans
        let start = try jalali("1403/06/31")
        var accepted = 0
        for round in 0..<20_000 {
            // premiums up to 10^15 so premium × 40 fits in Int64 for the independent check below
            let premium = round % 10 == 0 ? random.int64(in: 1...1_000) : random.int64(in: 1...1_000_000_000_000_000)
            let count = random.int(in: 2...5)
            // a down payment near the allowed band, sometimes just outside it
            let down = random.int64(in: max(0, premium * 29 / 100)...(premium * 41 / 100 + 1))
            let allowed = down * 100 >= premium * 30 && down * 100 <= premium * 40
            do {
                let payments = try InstallmentSchedule.schedule(
                    premium: Rial(premium), plan: .installments(downPayment: Rial(down), count: count),
                    rules: rules, startingOn: start)
                #expect(allowed, "premium \(premium), down \(down)")
                accepted += 1
                #expect(try Rial.sum(payments.map(\.amount)) == Rial(premium))
                let installments = payments.filter { $0.kind == .installment }.map(\.amount.amount)
                #expect(installments.count == count)
                #expect(Set(installments.dropLast()).count <= 1)
                #expect(installments.last! - installments.first! < Int64(count))
                #expect(installments.allSatisfy { $0 >= 0 })
                #expect(zip(payments, payments.dropFirst()).allSatisfy { $0.dueDate < $1.dueDate })
            } catch let error as DomainError {
                #expect(!allowed, "premium \(premium), down \(down): \(error)")
                #expect(error.code == "invalid-down-payment")
            }
        }
        #expect(accepted > 5_000)   // the generator really exercises the accepted band
    }
}
