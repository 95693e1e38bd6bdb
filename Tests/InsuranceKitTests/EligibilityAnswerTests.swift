import Testing
@testable import InsuranceKit

@Suite("R-EL-01 eligibility answer")
struct EligibilityAnswerTests {
    static let today = try! JalaliDate(year: 1404, month: 5, day: 10)
    static let person = try! PersonIdentifier("0076229645")

    static func row(_ to: JalaliDate, from: JalaliDate? = nil, relation: EntitlementRelation = .main,
                    plan: String = "پایه", number: String = "10000001") -> Entitlement {
        Entitlement(person: person, insuranceNumber: number, validFrom: from, validTo: to,
                    relation: relation, plan: plan)
    }

    @Test("R-EL-01 the messages are the spec's wording")
    func messages() {
        #expect(EligibilityAnswer.coveredMessage == "از حمایت\u{200C}های درمانی برخوردار می\u{200C}باشید")
        #expect(EligibilityAnswer.notCoveredMessage == "از حمایت\u{200C}های درمانی برخوردار نمی\u{200C}باشید")
    }

    @Test("R-EL-01 covers: both ends inclusive, nil start is unbounded")
    func coversBounds() throws {
        let from = try JalaliDate(year: 1404, month: 1, day: 1)
        let to = try JalaliDate(year: 1404, month: 12, day: 29)
        let e = Self.row(to, from: from)
        #expect(e.covers(on: from))
        #expect(e.covers(on: to))
        #expect(!e.covers(on: from.adding(days: -1)))   // 1403/12/30 (1403 is leap)
        #expect(!e.covers(on: to.adding(days: 1)))      // 1405/01/01
        #expect(Self.row(to).covers(on: try JalaliDate(year: 1300, month: 1, day: 1)))
    }

    @Test("R-EL-01 expired yesterday → not covered, no details")
    func expiredYesterday() {
        let answer = EligibilityAnswer.answer(for: [Self.row(Self.today.adding(days: -1))], on: Self.today)
        #expect(answer == EligibilityAnswer(covered: false, message: EligibilityAnswer.notCoveredMessage))
        #expect(answer.coverTo == nil && answer.plan == nil && answer.relation == nil && answer.insuranceNumber == nil)
    }

    @Test("R-EL-01 ends today → still covered today")
    func endsToday() {
        let answer = EligibilityAnswer.answer(for: [Self.row(Self.today)], on: Self.today)
        #expect(answer.covered)
        #expect(answer.message == EligibilityAnswer.coveredMessage)
        #expect(answer.coverTo == Self.today)
        #expect(answer.plan == "پایه")
        #expect(answer.relation == .main)
        #expect(answer.insuranceNumber == "10000001")
    }

    @Test("R-EL-01 starts tomorrow → not covered today")
    func startsTomorrow() {
        let row = Self.row(Self.today.addingYears(1), from: Self.today.adding(days: 1))
        #expect(!EligibilityAnswer.answer(for: [row], on: Self.today).covered)
        #expect(EligibilityAnswer.answer(for: [row], on: Self.today.adding(days: 1)).covered)
    }

    @Test("R-EL-01 two rows, one expired → covered with the live row's details")
    func oneOfTwoExpired() throws {
        let expired = Self.row(Self.today.adding(days: -30), plan: "تکمیلی الف", number: "10000009")
        let live = Self.row(try JalaliDate(year: 1405, month: 1, day: 15), relation: .child, plan: "پایه",
                            number: "10000002-02")
        for rows in [[expired, live], [live, expired]] {
            let answer = EligibilityAnswer.answer(for: rows, on: Self.today)
            #expect(answer.covered)
            #expect(answer.coverTo == (try JalaliDate(year: 1405, month: 1, day: 15)))
            #expect(answer.relation == .child)
            #expect(answer.insuranceNumber == "10000002-02")
        }
    }

    @Test("R-EL-02 details: latest validTo wins; on a tie main beats a dependant")
    func choosingDetails() {
        let short = Self.row(Self.today.adding(days: 10), relation: .main, number: "A")
        let long = Self.row(Self.today.adding(days: 20), relation: .spouse, number: "B")
        #expect(EligibilityAnswer.answer(for: [short, long], on: Self.today).insuranceNumber == "B")
        let dependant = Self.row(Self.today.adding(days: 20), relation: .child, number: "C")
        let main = Self.row(Self.today.adding(days: 20), relation: .main, number: "D")
        #expect(EligibilityAnswer.answer(for: [dependant, main], on: Self.today).insuranceNumber == "D")
        #expect(EligibilityAnswer.answer(for: [main, dependant], on: Self.today).insuranceNumber == "D")
    }

    @Test("R-EL-01 no rows → not covered")
    func noRows() {
        #expect(!EligibilityAnswer.answer(for: [], on: Self.today).covered)
    }
}
