import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-GL-01…09 group term life: quote, underwriting, final premium, changes, contract number")
struct GroupLifeTests: RefusalCodes {
    let product = GroupLife()
    let tariff = try! LifeTariff.forYear(1405)

    func quote(_ inputs: [String: Any], on date: String = "1405/01/10") throws -> ProductQuote {
        try product.quote(inputs: try JSONSerialization.data(withJSONObject: inputs), context: QuoteContext(date: try jalali(date)))
    }

    static func request(sum: Int64 = 1_000_000_000, members: Int = 100, age: Int = 38, klass: Int = 2,
                        covers: [String] = ["death", "accidental-death"]) -> [String: Any] {
        ["sumInsured": sum, "members": members, "averageAge": age, "occupationalClass": klass, "covers": covers]
    }

    var classTwo: GroupLifePremium {
        GroupLifePremium(sumInsured: 1_000_000_000, occupationalClass: tariff.groupClass(2)!, covers: [.death, .accidentalDeath])
    }

    @Test("R-GL-02 T-GL class 2, 1,000,000,000 × 100: death 720,000,000, accidental-death 108,000,000, total 828,000,000")
    func workedQuote() throws {
        let quote = try quote(Self.request())
        // death: 1,000,000,000 × 7.20 / 1000 = 7,200,000 per person × 100 = 720,000,000
        // accident: 1,000,000,000 × 1.08 / 1000 = 1,080,000 per person × 100 = 108,000,000
        #expect(quote.lines.map(\.code) == ["death", "accidental-death"])
        #expect(quote.line("death")?.amount == Rial(7_200_000 * 100))
        #expect(quote.line("accidental-death")?.amount == Rial(1_080_000 * 100))
        #expect(quote.total == 828_000_000)
        #expect(quote.lines.allSatisfy { $0.rule == "R-GL-02" })
        #expect(quote.tariffIsSample)
    }

    @Test("R-GL-02 only the death cover; class 5 rates; covers given twice or out of order count once")
    func coversAndClasses() throws {
        // class 5: 500,000,000 × 10.80 / 1000 = 5,400,000 per person × 10 = 54,000,000
        let deathOnly = try quote(Self.request(sum: 500_000_000, members: 10, klass: 5, covers: ["death"]))
        #expect(deathOnly.lines.map(\.amount) == [54_000_000])
        // accident class 5: 500,000,000 × 3.24 / 1000 = 1,620,000 × 10 = 16,200,000
        let both = try quote(Self.request(sum: 500_000_000, members: 10, klass: 5, covers: ["accidental-death", "death", "death"]))
        #expect(both.lines.map(\.code) == ["death", "accidental-death"])
        #expect(both.lines.map(\.amount) == [54_000_000, 16_200_000])
        // class 1: 123,456,789 × 6.48 / 1000 = 800,000.0 (799,999.99…) → rounded once per person
        let odd = try quote(Self.request(sum: 123_456_789, members: 3, klass: 1, covers: ["death"]))
        // 123,456,789 × 648 / 100,000 = 799,999.99272 → 800,000; × 3 = 2,400,000
        #expect(odd.total == 2_400_000)
    }

    @Test("R-GL-01/02 bad requests: class 0 or 6, members 0, no death cover, unknown cover, average age")
    func badRequests() {
        #expect(codes { try quote(Self.request(klass: 0)) } == ["inputs.occupationalClass": "unknown-occupational-class"])
        #expect(codes { try quote(Self.request(klass: 6)) } == ["inputs.occupationalClass": "unknown-occupational-class"])
        #expect(codes { try quote(Self.request(members: 0)) } == ["inputs.members": "invalid-members"])
        #expect(codes { try quote(Self.request(covers: ["accidental-death"])) } == ["inputs.covers": "death-cover-required"])
        #expect(codes { try quote(Self.request(covers: ["fire"])) } == ["inputs.covers[0]": "unknown-cover"])
        #expect(codes { try quote(Self.request(covers: [])) } == ["inputs.covers": "required"])
        #expect(codes { try quote(Self.request(age: 12)) } == ["inputs.averageAge": "age-out-of-range"])
        #expect(codes { try quote(Self.request(sum: 0)) } == ["inputs.sumInsured": "zero-amount"])
        // several problems at once are all reported
        #expect(codes { try quote(Self.request(members: 0, klass: 6)) }.count == 2)
        #expect(codes { try quote(Self.request(), on: "1402/05/01") } == ["date": "tariff-not-found"])
    }

    @Test("R-P-07 normalized inputs re-price to the same total")
    func normalizedInputs() throws {
        let quote = try quote(Self.request())
        #expect(try product.annualPremium(normalizedInputs: quote.normalizedInputs, context: QuoteContext(date: jalali("1405/01/10"))) == 828_000_000)
    }

    @Test("R-GL-05 T-GL-EXAM at 1,000,000,000: age 40 in 100 → accepted, 50 → examination; 40,000,000 at 60 → accepted")
    func underwriting() {
        let exam = tariff.groupExam
        #expect(exam.underwriting(sumInsured: 1_000_000_000, age: 40, groupSize: 100) == .accepted)
        #expect(exam.underwriting(sumInsured: 1_000_000_000, age: 50, groupSize: 100) == .examination)   // 46–55 and > 500,000,000
        #expect(exam.underwriting(sumInsured: 40_000_000, age: 60, groupSize: 100) == .accepted)         // below 50,000,000
        // ≤ 45 in a group below 50 members → questionnaire; 46–55 up to 500,000,000 → questionnaire
        #expect(exam.underwriting(sumInsured: 1_000_000_000, age: 45, groupSize: 49) == .questionnaire)
        #expect(exam.underwriting(sumInsured: 1_000_000_000, age: 45, groupSize: 50) == .accepted)
        #expect(exam.underwriting(sumInsured: 500_000_000, age: 55, groupSize: 10) == .questionnaire)
        #expect(exam.underwriting(sumInsured: 500_000_001, age: 46, groupSize: 10) == .examination)
        #expect(exam.underwriting(sumInsured: 50_000_000, age: 56, groupSize: 500) == .examination)
        #expect(exam.underwriting(sumInsured: 49_999_999, age: 70, groupSize: 1) == .accepted)
    }

    @Test("R-GL-06 doctor's outcomes: accept, extra 0…300 %, more tests once, decline; only members under review")
    func outcomes() throws {
        let max = tariff.maxExtraPercent
        let pending = MemberAdmission.initial(.examination)
        #expect(pending == .pending(referred: false))
        #expect(MemberAdmission.initial(.accepted) == .admitted(extra: .zero))
        #expect(try pending.applying(.accept, maxExtra: max) == .admitted(extra: .zero))
        #expect(try pending.applying(.extra(Percent(50)), maxExtra: max) == .admitted(extra: Percent(50)))
        #expect(try pending.applying(.extra(Percent(300)), maxExtra: max) == .admitted(extra: Percent(300)))
        #expect(try pending.applying(.decline, maxExtra: max) == .declined)
        let referred = try pending.applying(.moreTests, maxExtra: max)
        #expect(referred == .pending(referred: true))
        #expect(try referred.applying(.extra(Percent(25)), maxExtra: max) == .admitted(extra: Percent(25)))
        #expect(throws: DomainError.alreadyReferred) { try referred.applying(.moreTests, maxExtra: max) }
        #expect(throws: DomainError.memberNotUnderReview) { try MemberAdmission.declined.applying(.accept, maxExtra: max) }
        #expect(throws: DomainError.memberNotUnderReview) { try MemberAdmission.admitted(extra: .zero).applying(.accept, maxExtra: max) }
        #expect(codes { try pending.applying(.extra(Percent(301)), maxExtra: max) } == ["extraPercent": "extra-out-of-range"])
        #expect(codes { try pending.applying(.extra(Percent(-1)), maxExtra: max) } == ["extraPercent": "extra-out-of-range"])
    }

    @Test("R-GL-07 T-GL extra: a member with 50 % pays death 10,800,000 + accident 1,080,000")
    func memberWithExtra() throws {
        let premium = classTwo
        // death 7,200,000 + 50 % × 7,200,000 = 3,600,000 → 10,800,000; the accident cover is not raised
        #expect(try premium.perPerson(.death).adding(premium.medicalExtra(Percent(50))) == 10_800_000)
        #expect(try premium.perPerson(.accidentalDeath) == 1_080_000)
        // final premium over 3 admitted members, one with 50 %: death 3 × 7,200,000 = 21,600,000,
        // accident 3 × 1,080,000 = 3,240,000, medical-extra 3,600,000; total 28,440,000
        let lines = try premium.finalLines(admittedExtras: [.zero, Percent(50), .zero])
        #expect(lines.map(\.code) == ["death", "accidental-death", "medical-extra"])
        #expect(lines.map(\.amount) == [21_600_000, 3_240_000, 3_600_000])
        #expect(try Rial.sum(lines.map(\.amount)) == 28_440_000)
        // without extras there is no medical-extra line
        #expect(try premium.finalLines(admittedExtras: [.zero, .zero]).map(\.code) == ["death", "accidental-death"])
    }

    @Test("R-GL-07 final premium of 10,000 admitted members: each extra separately, in one pass")
    func tenThousandMembers() throws {
        // 10,000 × 7,200,000 = 72,000,000,000; 10,000 × 1,080,000 = 10,800,000,000;
        // every 10th member (1,000) with 25 %: 1,000 × 1,800,000 = 1,800,000,000
        let extras = (0..<10_000).map { $0 % 10 == 0 ? Percent(25) : Percent.zero }
        let clock = ContinuousClock()
        var lines: [QuoteLine] = []
        let elapsed = try clock.measure { lines = try classTwo.finalLines(admittedExtras: extras) }
        #expect(lines.map(\.amount) == [72_000_000_000, 10_800_000_000, 1_800_000_000])
        #expect(elapsed < .milliseconds(200))
        // the same members counted per percent (as the server reads them) give the same lines
        #expect(try classTwo.finalLines(admitted: [.zero: 9_000, Percent(25): 1_000]) == lines)
    }

    @Test("R-GL-09 two members added from 1405/07/15 on 1405/01/10–1406/01/10: 8,280,000")
    func additionPremium() throws {
        let term = try PolicyTerm(from: jalali("1405/01/10"), to: jalali("1406/01/10"))
        #expect(term.days == 365)
        // 1405/07/15 → 1405/12/15: 5 × 30 = 150; → 1405/12/29 (Esfand 1405 has 29 days): 14; → 1406/01/10: 10; 174 days
        #expect(term.remainingDays(at: try jalali("1405/07/15")) == 174)
        // ceil(174 × 12 / 365) = ceil(5.72) = 6 months
        #expect(GroupLifePremium.remainingMonths(term: term, effective: try jalali("1405/07/15")) == 6)
        // 2 × 8,280,000 × 6 / 12 = 8,280,000
        #expect(try classTwo.changePremium(persons: [.zero, .zero], term: term, effective: jalali("1405/07/15")) == 8_280_000)
        // one added member with a 50 % extra: (8,280,000 + 3,600,000) × 6 / 12 = 5,940,000
        #expect(try classTwo.changePremium(persons: [Percent(50)], term: term, effective: jalali("1405/07/15")) == 5_940_000)
    }

    @Test("R-GL-09 a removal in the last month refunds one month; from the start twelve; at the end none")
    func removalMonths() throws {
        let term = try PolicyTerm(from: jalali("1405/01/10"), to: jalali("1406/01/10"))
        // removed from 1405/12/20: 19 days left (9 of Esfand + 10) → ceil(19 × 12 / 365) = ceil(0.62) = 1
        #expect(GroupLifePremium.remainingMonths(term: term, effective: try jalali("1405/12/20")) == 1)
        // refund for one member: 8,280,000 × 1 / 12 = 690,000
        #expect(try classTwo.changePremium(persons: [.zero], term: term, effective: jalali("1405/12/20")) == 690_000)
        #expect(GroupLifePremium.remainingMonths(term: term, effective: try jalali("1405/01/10")) == 12)
        #expect(GroupLifePremium.remainingMonths(term: term, effective: try jalali("1406/01/10")) == 0)
    }

    @Test("R-GL-03 contract number: the year's first 600000, the next 600001; direct sale 9995")
    func contractNumber() throws {
        #expect(GroupContractNumber.serial(forRegisterNumber: 1) == 600_000)
        #expect(GroupContractNumber.serial(forRegisterNumber: 2) == 600_001)
        let direct = try GroupContractNumber(serial: 600_000, agencyCode: nil, complexCode: "12", year: 1405)
        #expect(direct.description == "600000/9995/12/1405")
        let agency = try GroupContractNumber(serial: 600_001, agencyCode: "4021", complexCode: "12", year: 1405)
        #expect(agency.description == "600001/4021/12/1405")
        #expect(try GroupContractNumber(serial: 600_000, agencyCode: "  ", complexCode: "12", year: 1405).agencyCode == "9995")
        #expect(codes { try GroupContractNumber(serial: 599_999, agencyCode: nil, complexCode: "12", year: 1405) } == ["serial": "invalid-contract-serial"])
        #expect(codes { try GroupContractNumber(serial: 600_000, agencyCode: nil, complexCode: "", year: 1405) } == ["complexCode": "invalid-complex-code"])
    }

    @Test("R-GL-04 member list: day 15 after the contract is on time, day 16 is late")
    func memberListDeadline() throws {
        let received = try jalali("1405/01/10")
        #expect(GroupMemberListDeadline.deadline(contractReceived: received) == (try jalali("1405/01/25")))
        try GroupMemberListDeadline.check(contractReceived: received, listDate: jalali("1405/01/25"))   // day 15
        #expect(codes { try GroupMemberListDeadline.check(contractReceived: received, listDate: jalali("1405/01/26")) }
            == ["members": "member-list-late"])                                                             // day 16
    }

    @Test("R-GL-02 catalog: group-life and term-life are life products")
    func catalog() throws {
        #expect(try ProductCatalog.product("group-life").family == .life)
        #expect(try ProductCatalog.product("term-life").family == .life)
        #expect(product.claimRules.noticeDays == 10)
        #expect(product.claimRules.lateNoticePolicy == .commission)
        #expect(product.claimRules.paymentOrderCopies.count == 3)   // R-CL-10, R-GL-11
    }
}
