import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-G-04 policy term")
struct PolicyTermTests {
    private func date(_ y: Int, _ m: Int, _ d: Int) throws -> JalaliDate {
        try JalaliDate(year: y, month: m, day: d)
    }

    private func oneYear1403() throws -> PolicyTerm {
        try PolicyTerm(from: date(1403, 1, 1), to: date(1404, 1, 1))
    }

    @Test("R-G-04 term days = D2 − D1")
    func days() throws {
        // 1403 is leap: Farvardin…Shahrivar 6·31 = 186, Mehr…Bahman 5·30 = 150, Esfand 30 → 366
        #expect(try oneYear1403().days == 366)
        // 1404 is not: 186 + 150 + 29 = 365
        #expect(try PolicyTerm(from: date(1404, 1, 1), to: date(1405, 1, 1)).days == 365)
        #expect(try PolicyTerm(from: date(1403, 1, 1), years: 1) == oneYear1403())
        #expect(try PolicyTerm(from: date(1403, 5, 7), to: date(1403, 5, 8)).days == 1)
    }

    @Test("R-G-04 end must be after start")
    func invalid() throws {
        let same = try date(1403, 5, 7)
        let error = #expect(throws: DomainError.self) { try PolicyTerm(from: same, to: same) }
        #expect(error?.code == "invalid-term")
        #expect(throws: DomainError.invalidTerm) { try PolicyTerm(from: date(1404, 1, 1), to: date(1403, 1, 1)) }
    }

    @Test("R-G-04 cover runs from 24:00 of D1 (exclusive) to 24:00 of D2 (inclusive), Tehran")
    func instants() throws {
        let term = try oneYear1403()
        // D1 = 1403/01/01 = 2024-03-20; 24:00 Tehran (+03:30) = 2024-03-20T20:30:00Z
        #expect(term.coverBegins == instant("2024-03-20T20:30:00Z"))
        #expect(!term.covers(instant("2024-03-20T20:29:00Z")))   // 23:59 of D1
        #expect(!term.covers(instant("2024-03-20T20:30:00Z")))   // exactly 24:00 of D1
        #expect(term.covers(instant("2024-03-20T20:31:00Z")))    // 00:01 of D1 + 1
        // D2 = 1404/01/01 = 2025-03-21; 24:00 Tehran = 2025-03-21T20:30:00Z
        #expect(term.coverEnds == instant("2025-03-21T20:30:00Z"))
        #expect(term.covers(instant("2025-03-21T20:30:00Z")))    // exactly 24:00 of D2
        #expect(!term.covers(instant("2025-03-21T20:30:01Z")))   // 00:00:01 after
    }

    @Test("R-G-04 loss dates: D1 < D ≤ D2")
    func lossDates() throws {
        let term = try oneYear1403()
        #expect(!term.covers(lossDate: try date(1403, 1, 1)))
        #expect(term.covers(lossDate: try date(1403, 1, 2)))
        #expect(term.covers(lossDate: try date(1404, 1, 1)))
        #expect(!term.covers(lossDate: try date(1404, 1, 2)))
        #expect(!term.covers(lossDate: try date(1402, 12, 29)))
    }

    @Test("R-G-04 remaining and elapsed days, clamped to the term")
    func remainingAndElapsed() throws {
        let term = try oneYear1403()
        // 1403/07/01 is 6·31 = 186 days after 1403/01/01; 366 − 186 = 180 remain
        #expect(term.elapsedDays(at: try date(1403, 7, 1)) == 186)
        #expect(term.remainingDays(at: try date(1403, 7, 1)) == 180)
        #expect(term.elapsedDays(at: try date(1403, 1, 1)) == 0)
        #expect(term.remainingDays(at: try date(1403, 1, 1)) == 366)
        #expect(term.elapsedDays(at: try date(1402, 12, 1)) == 0)      // before: clamped
        #expect(term.remainingDays(at: try date(1402, 12, 1)) == 366)
        #expect(term.elapsedDays(at: try date(1404, 2, 1)) == 366)     // after: clamped
        #expect(term.remainingDays(at: try date(1404, 2, 1)) == 0)
    }

    @Test("R-G-04 Codable; decoding validates the order")
    func codable() throws {
        let term = try oneYear1403()
        let data = try JSONEncoder().encode(term)
        #expect(try JSONDecoder().decode(PolicyTerm.self, from: data) == term)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PolicyTerm.self, from: Data(#"{"start":"1404/01/01","end":"1403/01/01"}"#.utf8))
        }
    }
}
