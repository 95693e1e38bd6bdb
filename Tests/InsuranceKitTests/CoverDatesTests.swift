import Testing
@testable import InsuranceKit

@Suite("R-G-04 cover dates and R-P-05 cheque due dates")
struct CoverDatesTests {
    let day = { (y: Int, m: Int, d: Int) in try! JalaliDate(year: y, month: m, day: d) }

    @Test("R-G-04 a term registered on 1405/01/10 may start that day, not the day before")
    func start() throws {
        try CoverDates.checkStart(try PolicyTerm(from: day(1405, 1, 10), to: day(1406, 1, 10)), registeredOn: day(1405, 1, 10))
        let error = #expect(throws: DomainError.self) {
            try CoverDates.checkStart(try PolicyTerm(from: day(1405, 1, 9), to: day(1406, 1, 9)), registeredOn: day(1405, 1, 10))
        }
        #expect(error?.code == "start-in-past")
        #expect(error?.field == "startDate")
        #expect(error?.message.contains("۱۰ فروردین ۱۴۰۵") == true)
    }

    @Test("R-G-04 a term ending 1405/01/01 is issued on its end day, not the day after")
    func issuable() throws {
        try CoverDates.checkIssuable(end: day(1405, 1, 1), today: day(1405, 1, 1))
        let error = #expect(throws: DomainError.self) { try CoverDates.checkIssuable(end: day(1405, 1, 1), today: day(1405, 1, 2)) }
        #expect(error?.code == "policy-ended")
    }

    @Test("R-P-05 a cheque due 1405/02/01 is collected from that day on")
    func chequeDue() throws {
        try ChequeRules.checkCollectable(due: day(1405, 2, 1), today: day(1405, 2, 1))
        try ChequeRules.checkCollectable(due: day(1405, 1, 10), today: day(1405, 2, 1))
        let error = #expect(throws: DomainError.self) { try ChequeRules.checkCollectable(due: day(1405, 2, 1), today: day(1405, 1, 31)) }
        #expect(error?.code == "cheque-not-due")
        #expect(error?.message.contains("۱ اردیبهشت ۱۴۰۵") == true)
    }
}
