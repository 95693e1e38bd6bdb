import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-IL-01/02 individual term life: premium, examination, age range, schedule, benefit")
struct TermLifeTests: RefusalCodes {
    let product = TermLife()
    let table = try! LifeTariff.forYear(1405).termLife

    func quote(_ inputs: [String: Any], on date: String = "1405/01/10") throws -> ProductQuote {
        try product.quote(inputs: try JSONSerialization.data(withJSONObject: inputs), context: QuoteContext(date: try jalali(date)))
    }

    @Test("R-IL-02 T-IL born 1365/05/01, start 1405/01/10 (39), 2,000,000,000, 25 %: death 3,600,000, medical-extra 900,000")
    func workedExample() throws {
        let quote = try quote(["birthDate": "1365/05/01", "sumInsured": 2_000_000_000, "termYears": 10, "extraPercent": 25])
        // age 39 (the 1405/05/01 birthday is not yet reached) → band 31–40, 1.80 ‰
        #expect(LifeAge.completedYears(born: try jalali("1365/05/01"), on: try jalali("1405/01/10")) == 39)
        // 2,000,000,000 × 1.80 / 1000 = 3,600,000; 25 % × 3,600,000 = 900,000
        #expect(quote.lines.map(\.code) == ["death", "medical-extra"])
        #expect(quote.lines.map(\.amount) == [3_600_000, 900_000])
        #expect(quote.total == 4_500_000)
        // examination: the sum insured is ≥ 1,000,000,000
        #expect(TermLife.underwriting(sumInsured: 2_000_000_000, age: 39, table: table) == .examination)
        #expect(quote.line("death")?.label.contains("معاینهٔ پزشکی") == true)
    }

    @Test("R-IL-02 T-IL examination from 1,000,000,000 or age 51; else the questionnaire alone")
    func examination() {
        #expect(TermLife.underwriting(sumInsured: 999_999_999, age: 50, table: table) == .questionnaire)
        #expect(TermLife.underwriting(sumInsured: 1_000_000_000, age: 30, table: table) == .examination)
        #expect(TermLife.underwriting(sumInsured: 100_000_000, age: 51, table: table) == .examination)
    }

    @Test("R-IL-02 T-IL bands: 18 → 1.20, 41 → 3.60, 65 → 12.00; no extra → no medical-extra line")
    func bands() throws {
        // born 1387/01/10: 18 on 1405/01/10 → 500,000,000 × 1.20 / 1000 = 600,000
        #expect(try quote(["birthDate": "1387/01/10", "sumInsured": 500_000_000, "termYears": 1]).lines.map(\.amount) == [600_000])
        // born 1364/01/01: 41 → 3.60 ‰ × 500,000,000 = 1,800,000
        #expect(try quote(["birthDate": "1364/01/01", "sumInsured": 500_000_000, "termYears": 5]).total == 1_800_000)
        // born 1340/01/10: 65 → 12.00 ‰ × 500,000,000 = 6,000,000
        #expect(try quote(["birthDate": "1340/01/10", "sumInsured": 500_000_000, "termYears": 1]).total == 6_000_000)
    }

    @Test("R-IL-02 refusals: born 1339/01/01 (66) → age-out-of-range; 17; birth in the future; term 0 or 21; extra 301 %")
    func refusals() {
        #expect(codes { try quote(["birthDate": "1339/01/01", "sumInsured": 2_000_000_000, "termYears": 10]) }
            == ["inputs.birthDate": "age-out-of-range"])
        #expect(codes { try quote(["birthDate": "1388/01/11", "sumInsured": 100_000_000, "termYears": 10]) }
            == ["inputs.birthDate": "age-out-of-range"])   // 16 on 1405/01/10 (17 the next day)
        #expect(codes { try quote(["birthDate": "1405/02/01", "sumInsured": 100_000_000, "termYears": 10]) }
            == ["inputs.birthDate": "birth-date-in-future"])
        #expect(codes { try quote(["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 0]) }
            == ["inputs.termYears": "invalid-term-years"])
        #expect(codes { try quote(["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 21]) }
            == ["inputs.termYears": "invalid-term-years"])
        #expect(codes { try quote(["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 5, "extraPercent": 301]) }
            == ["inputs.extraPercent": "extra-out-of-range"])
        #expect(codes { try quote(["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 5, "color": "red"]) }
            == ["inputs.color": "unknown-field"])
    }

    @Test("R-IL-02 the yearly premium is due on each anniversary of the start, at the rate of the age at start")
    func schedule() throws {
        let schedule = TermLife.schedule(start: try jalali("1405/01/10"), termYears: 3, yearly: 4_500_000)
        #expect(schedule.map(\.dueDate.description) == ["1405/01/10", "1406/01/10", "1407/01/10"])
        #expect(schedule.map(\.amount) == [4_500_000, 4_500_000, 4_500_000])
    }

    @Test("R-IL-01/02 benefit: in the term with premiums paid → the sum; unpaid premium, after the term or early suicide → nothing")
    func benefit() throws {
        let term = try PolicyTerm(from: jalali("1405/01/10"), years: 10)
        let sum: Rial = 2_000_000_000
        #expect(TermLife.benefit(sumInsured: sum, term: term, deathDate: try jalali("1407/06/01"), cause: .illness,
                                 premiumsDueBeforeDeath: 3, premiumsPaid: 3) == sum)
        #expect(TermLife.benefit(sumInsured: sum, term: term, deathDate: try jalali("1407/06/01"), cause: .illness,
                                 premiumsDueBeforeDeath: 3, premiumsPaid: 2) == .zero)
        #expect(TermLife.benefit(sumInsured: sum, term: term, deathDate: try jalali("1415/01/11"), cause: .illness,
                                 premiumsDueBeforeDeath: 10, premiumsPaid: 10) == .zero)
        // suicide in year 3 (1407/06/01 ≤ 1408/01/10) excluded; in year 4 (1408/06/01) paid
        #expect(TermLife.benefit(sumInsured: sum, term: term, deathDate: try jalali("1407/06/01"), cause: .suicide,
                                 premiumsDueBeforeDeath: 3, premiumsPaid: 3) == .zero)
        #expect(TermLife.benefit(sumInsured: sum, term: term, deathDate: try jalali("1408/06/01"), cause: .suicide,
                                 premiumsDueBeforeDeath: 4, premiumsPaid: 4) == sum)
    }
}
