import Testing
@testable import InsuranceKit

@Suite("R-GL-10 the life lines' claim case: a death, with the D-GL-DEATH checklist")
struct LifeClaimCasesTests {
    @Test("R-GL-10 a notice without a kind is a death; group life adds the government employees' documents, term life does not")
    func deathCase() throws {
        #expect(GroupLife().defaultClaimCase == .death)
        #expect(TermLife().defaultClaimCase == .death)
        let group = try GroupLife().checklist(for: .death).map(\.code)
        let term = try TermLife().checklist(for: .death).map(\.code)
        // the five required documents of both, the murder ruling conditional in both
        for code in ["beneficiary-request", "policy-and-endorsements", "premium-receipt", "death-certificate-summary", "cause-of-death", "court-ruling"] {
            #expect(group.contains(code) && term.contains(code), "\(code)")
        }
        #expect(group.contains("employment-order") && !term.contains("employment-order"))
        #expect(GroupLife().documentConditions(for: .death).map(\.code) == ["murder", "government-employee", "died-driving"])
        #expect(throws: DomainError.unsupportedClaimCase) { try GroupLife().checklist(for: .general) }
    }
}
