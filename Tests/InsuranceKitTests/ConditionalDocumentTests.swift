import Foundation
import Testing
@testable import InsuranceKit

/// D-TP-BODILY (eleven items): seven always required — police-first-minutes, officer-sketch,
/// police-report-to-court, forensic-opinions, court-ruling, at-fault-licence, at-fault-policy-slip —
/// three on a death (body-examination-report, burial-permit-death-record, inheritance-certificate)
/// and one when treatment costs are claimed (hospital-invoices).
@Suite("R-CL-06 conditional documents")
struct ConditionalDocumentTests {
    let bodily = ThirdPartyClaims.checklist(.bodily)
    let alwaysRequired: Set<String> = [
        "police-first-minutes", "officer-sketch", "police-report-to-court", "forensic-opinions", "court-ruling",
        "at-fault-licence", "at-fault-policy-slip",
    ]

    @Test("R-CL-06 a third-party death needs the burial permit and the inheritance certificate until received")
    func deathNeedsDeathDocuments() {
        // given a bodily file on which "death" holds, with the seven unconditional documents in
        let conditions: Set<String> = ["death"]
        // when nothing else is received
        let missing = DocumentChecklists.missing(required: bodily, received: alwaysRequired, conditions: conditions)
        // then 7 + 3 death items needed − 7 received = the 3 death items, in checklist order
        #expect(missing.map(\.code) == ["body-examination-report", "burial-permit-death-record", "inheritance-certificate"])
        // when the body examination and the burial permit arrive, the inheritance certificate is still missing
        let fewer = DocumentChecklists.missing(
            required: bodily, received: alwaysRequired.union(["body-examination-report", "burial-permit-death-record"]),
            conditions: conditions)
        #expect(fewer.map(\.code) == ["inheritance-certificate"])
        // when it arrives too, nothing is missing
        let none = DocumentChecklists.missing(
            required: bodily,
            received: alwaysRequired.union(["body-examination-report", "burial-permit-death-record", "inheritance-certificate"]),
            conditions: conditions)
        #expect(none.isEmpty)
    }

    @Test("R-CL-06 the same bodily case without a death does not need the death documents")
    func noDeath() {
        // given the seven unconditional documents received and no condition holding
        // then nothing is missing, with or without naming the conditions
        #expect(DocumentChecklists.missing(required: bodily, received: alwaysRequired, conditions: []).isEmpty)
        #expect(DocumentChecklists.missing(required: bodily, received: alwaysRequired).isEmpty)
        // when only treatment costs are claimed, the hospital invoices alone are missing
        let costs = DocumentChecklists.missing(required: bodily, received: alwaysRequired, conditions: ["treatment-costs"])
        #expect(costs.map(\.code) == ["hospital-invoices"])
    }

    @Test("R-CL-06 D-EMP-INJURY: the surgery report after surgery, the social-security list on civil projects")
    func employerInjury() throws {
        // given the injury list (8 items: 6 always required, surgery report and social-security list conditional)
        let list = try DocumentChecklists.checklist(product: "employers-liability", case: .injury)
        let required = Set(list.filter(\.required).map(\.code))
        // when surgery was done on a civil project: 6 + 2 = 8 needed, 6 received → 2 missing
        let both = DocumentChecklists.missing(required: list, received: required, conditions: ["surgery", "civil-project"])
        #expect(both.map(\.code) == ["surgery-report", "social-security-list"])
        // when only surgery holds, the social-security list is not needed
        #expect(DocumentChecklists.missing(required: list, received: required, conditions: ["surgery"]).map(\.code)
            == ["surgery-report"])
    }

    @Test("R-CL-06 a computer burglary needs the police report, not the fire brigade's")
    func computerBurglary() throws {
        // given the computer list: 3 always required + 4 conditional
        let list = try DocumentChecklists.checklist(product: "computer", case: .general)
        let received: Set<String> = ["claim-notice", "purchase-invoice", "repair-estimate"]
        // when the file says burglary of an imported computer: 3 + 2 needed − 3 received = 2
        let missing = DocumentChecklists.missing(required: list, received: received,
                                                 conditions: ["burglary", "imported-equipment"])
        #expect(missing.map(\.code) == ["customs-documents", "police-report"])
    }

    @Test("R-CL-06 an unconditionally required document stays required whatever the conditions")
    func requiredStaysRequired() {
        let document = RequiredDocument(code: "claim-notice", title: "نامهٔ اعلام خسارت", required: true)
        #expect(document.isRequired(when: []))
        #expect(document.isRequired(when: ["death"]))
        let conditional = RequiredDocument(code: "burial-permit", title: "جواز دفن", condition: .death)
        #expect(!conditional.required)
        #expect(!conditional.isRequired(when: ["surgery"]))
        #expect(conditional.isRequired(when: ["death"]))
    }

    @Test("R-CL-06 the conditions a case can have, each once, in checklist order", arguments: [
        ("third-party", ClaimCase.bodily, ["death", "treatment-costs"]),
        ("third-party", .financial, ["court-case", "owner-absent", "pledged-leased-government", "plate-changed"]),
        ("third-party", .occupant, ["death"]),
        ("third-party", .driverAccident, ["death"]),
        ("employers-liability", .injury, ["surgery", "civil-project"]),
        ("employers-liability", .death, ["civil-project"]),
        ("computer", .general, ["imported-equipment", "installed-equipment", "burglary", "fire"]),
        ("contractors-all-risk", .general, []),
        ("computer", .bodily, []),
    ])
    func conditions(_ product: String, _ claimCase: ClaimCase, _ codes: [String]) throws {
        let line = try ProductCatalog.product(product)
        let conditions = line.documentConditions(for: claimCase)
        #expect(conditions.map(\.code) == codes)
        #expect(conditions.allSatisfy { !$0.question.isEmpty })
    }

    @Test("R-CL-06 every conditional document of every product names its condition")
    func everyConditionalHasCondition() {
        for line in ProductCatalog.all {
            for entry in line.claimCases {
                for document in entry.documents where !document.required {
                    #expect(document.condition != nil, "\(line.code) \(entry.claimCase) \(document.code)")
                }
            }
        }
    }

    @Test("a document without a condition decodes as before; a conditional one round-trips")
    func codable() throws {
        let old = try JSONDecoder().decode(
            RequiredDocument.self, from: Data(#"{"code":"site-plan","title":"نقشهٔ محل","required":true}"#.utf8))
        #expect(old == RequiredDocument(code: "site-plan", title: "نقشهٔ محل", required: true))
        #expect(old.condition == nil)
        let conditional = RequiredDocument(code: "surgery-report", title: "شرح عمل جراحی", condition: .surgery)
        #expect(try JSONDecoder().decode(RequiredDocument.self, from: JSONEncoder().encode(conditional)) == conditional)
    }
}
