import Testing
@testable import InsuranceKit

@Suite("R-CL-06 claim document checklists (section D)")
struct ChecklistTests {
    private func codes(_ product: String, _ claimCase: ClaimCase) throws -> [String] {
        try DocumentChecklists.checklist(product: product, case: claimCase).map(\.code)
    }

    @Test("D-EMP-INJURY: the SPEC's eight items, social-security list conditional")
    func employerInjury() throws {
        let list = try DocumentChecklists.checklist(product: "employers-liability", case: .injury)
        #expect(list.map(\.code) == [
            "hospital-invoice", "paid-receipts", "surgery-report", "hospital-file-summary", "birth-certificate",
            "national-card", "treating-doctor-certificate", "social-security-list",
        ])
        #expect(list.first { $0.code == "social-security-list" }?.required == false)   // civil projects only
        #expect(list.first { $0.code == "surgery-report" }?.required == false)         // only after surgery
        #expect(list.first { $0.code == "treating-doctor-certificate" }?.title.contains("گواهی پزشک معالج") == true)
    }

    @Test("D-EMP-DEATH: the SPEC's seven certified copies")
    func employerDeath() throws {
        let list = try DocumentChecklists.checklist(product: "employers-liability", case: .death)
        #expect(list.map(\.code) == [
            "death-certificate", "cancelled-birth-certificate", "police-report", "labour-inspector-report",
            "forensic-report", "inheritance-certificate", "social-security-list",
        ])
        #expect(list.filter(\.required).count == 6)
        #expect(list.allSatisfy { $0.title.contains("کپی برابر اصل") })
    }

    @Test("D-CAR: certified contract, work statements, site minutes, site sketch, site plan")
    func contractorsAllRisk() throws {
        let list = try DocumentChecklists.checklist(product: "contractors-all-risk", case: .general)
        #expect(list.map(\.code) == ["certified-contract", "work-statements", "site-minutes", "site-sketch", "site-plan"])
        #expect(list.allSatisfy { $0.required })
    }

    @Test("computer (seed 002): notice and purchase invoice required, peril reports conditional")
    func computer() throws {
        let list = try DocumentChecklists.checklist(product: "computer", case: .general)
        let required = Set(list.filter(\.required).map(\.code))
        #expect(required == ["claim-notice", "purchase-invoice", "repair-estimate"])
        let conditional = Set(list.filter { !$0.required }.map(\.code))
        #expect(conditional == ["customs-documents", "transport-installation-invoices", "police-report",
                                "fire-brigade-report"])
    }

    @Test("codes are unique within each list and titles are Persian", arguments: [
        ("computer", ClaimCase.general), ("contractors-all-risk", .general),
        ("employers-liability", .injury), ("employers-liability", .death),
    ])
    func unique(_ product: String, _ claimCase: ClaimCase) throws {
        let list = try DocumentChecklists.checklist(product: product, case: claimCase)
        #expect(Set(list.map(\.code)).count == list.count)
        #expect(list.allSatisfy { !$0.title.isEmpty && !$0.code.contains(" ") })
    }

    @Test("R-CL-06 missing lists only required documents not received, in checklist order")
    func missing() throws {
        let list = try DocumentChecklists.checklist(product: "employers-liability", case: .death)
        let missing = DocumentChecklists.missing(
            required: list, received: ["death-certificate", "police-report", "forensic-report", "unrelated"])
        // 6 required − 3 received = the other 3; the conditional social-security list never blocks
        #expect(missing.map(\.code) == ["cancelled-birth-certificate", "labour-inspector-report", "inheritance-certificate"])
        let all = Set(list.map(\.code))
        #expect(DocumentChecklists.missing(required: list, received: all).isEmpty)
        let required = Set(list.filter(\.required).map(\.code))
        #expect(DocumentChecklists.missing(required: list, received: required).isEmpty)
    }

    @Test("unknown product and unsupported cases are refused")
    func refused() {
        let unknown = #expect(throws: DomainError.self) {
            try DocumentChecklists.checklist(product: "spaceship", case: .general)
        }
        #expect(unknown?.code == "unknown-product")
        // third party's lists (D-TP-*) are ThirdPartyClaims.checklist, not these
        let thirdParty = #expect(throws: DomainError.self) {
            try DocumentChecklists.checklist(product: "third-party", case: .general)
        }
        #expect(thirdParty?.code == "unsupported-claim-case")
        for (product, claimCase) in [("computer", ClaimCase.death), ("contractors-all-risk", .injury),
                                     ("employers-liability", .general)] {
            let error = #expect(throws: DomainError.self) {
                try DocumentChecklists.checklist(product: product, case: claimCase)
            }
            #expect(error?.code == "unsupported-claim-case")
            #expect(error?.field == "case")
        }
    }
}
