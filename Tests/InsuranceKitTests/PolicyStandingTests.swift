import Testing
@testable import InsuranceKit

@Suite("R-G-04/R-P-08 where a policy stands on a day")
struct PolicyStandingTests {
    private func day(_ text: String) throws -> JalaliDate { try JalaliDate(parsing: text) }

    @Test("R-P-08 a cancellation effective 1405/02/24 is pending through that day and cancelled from 1405/02/25")
    func pendingCancellation() throws {
        let end = try day("1406/01/01"), effective = try day("1405/02/24")
        #expect(PolicyStanding.on(try day("1405/01/10"), stored: .cancelled, endDate: end, cancellationEffective: effective) == .pendingCancellation)
        // cover stops at 24:00 of the effective day (R-G-04): the day itself is still covered
        #expect(PolicyStanding.on(effective, stored: .cancelled, endDate: end, cancellationEffective: effective) == .pendingCancellation)
        #expect(PolicyStanding.on(try day("1405/02/25"), stored: .cancelled, endDate: end, cancellationEffective: effective) == .cancelled)
        #expect(PolicyStanding.pendingCancellation.title == "در انتظار فسخ")
        #expect(PolicyStanding.pendingCancellation.inForce && !PolicyStanding.cancelled.inForce)
        // the state machine still reads the stored state: nothing more is endorsed or cancelled
        #expect(PolicyStanding.pendingCancellation.state == .cancelled)
    }

    @Test("R-G-04 an issued policy ending 1406/01/01 is in force that day and expired on 1406/01/02")
    func expiry() throws {
        let end = try day("1406/01/01")
        #expect(PolicyStanding.on(end, stored: .issued, endDate: end, cancellationEffective: nil) == .issued)
        #expect(PolicyStanding.on(try day("1406/01/02"), stored: .issued, endDate: end, cancellationEffective: nil) == .expired)
        #expect(PolicyStanding.on(try day("1406/01/02"), stored: .registered, endDate: end, cancellationEffective: nil) == .registered)
    }
}
