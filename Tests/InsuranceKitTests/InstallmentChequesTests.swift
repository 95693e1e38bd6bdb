import Testing
@testable import InsuranceKit

@Suite("R-P-03 one cheque per installment")
struct InstallmentChequesTests {
    // premium 1,000,000: 300,000 down, then 2 × 350,000
    let schedule: [Rial] = [300_000, 350_000, 350_000]

    @Test("R-P-03 without a line named, a cheque pays the first line no cheque holds")
    func firstFree() throws {
        #expect(try InstallmentCheques.line(requested: nil, amount: 300_000, schedule: schedule, taken: []) == 1)
        #expect(try InstallmentCheques.line(requested: nil, amount: 350_000, schedule: schedule, taken: [1]) == 2)
        #expect(try InstallmentCheques.line(requested: nil, amount: 350_000, schedule: schedule, taken: [1, 2]) == 3)
    }

    @Test("R-P-03 a named line; another amount, a held line, an unknown line, all lines held")
    func refusals() throws {
        #expect(try InstallmentCheques.line(requested: 3, amount: 350_000, schedule: schedule, taken: [1]) == 3)
        let amount = #expect(throws: DomainError.self) { try InstallmentCheques.line(requested: 2, amount: 300_000, schedule: schedule, taken: [1]) }
        #expect(amount?.code == "amount-not-installment")
        #expect(amount?.field == "amount")
        #expect(amount?.message.contains("۳۵۰٬۰۰۰") == true)
        let held = #expect(throws: DomainError.self) { try InstallmentCheques.line(requested: 1, amount: 300_000, schedule: schedule, taken: [1]) }
        #expect(held?.code == "installment-already-paid")
        for bad in [0, 4, -1, Int.min, Int.max] {
            let unknown = #expect(throws: DomainError.self) { try InstallmentCheques.line(requested: bad, amount: 300_000, schedule: schedule, taken: []) }
            #expect(unknown?.code == "unknown-installment")
        }
        let covered = #expect(throws: DomainError.self) { try InstallmentCheques.line(requested: nil, amount: 350_000, schedule: schedule, taken: [1, 2, 3]) }
        #expect(covered?.code == "installments-covered")
    }
}
