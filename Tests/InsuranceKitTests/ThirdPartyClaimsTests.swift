import Testing
@testable import InsuranceKit

@Suite("R-TP-10…R-TP-12 third-party claims")
struct ThirdPartyClaimsTests {
    /// T-DY 1403: ordinary 12,000,000,000, haram 16,000,000,000.
    /// 1403/04/20 = 10 July 2024 = 4 Muharram 1446 (1 Muharram = 7 July 2024, Umm al-Qura; Iran's
    /// calendar: ۱۷ تیر ۱۴۰۳). 1403/02/01 = 20 April 2024 = Shawwal 1445 (Eid al-Fitr 1445 was
    /// 10 April 2024 in Saudi Arabia): not haram.
    @Test("R-TP-10 death in a haram month uses the haram diya", arguments: [
        ("1403/04/20", true, 16_000_000_000),
        ("1403/04/20", false, 12_000_000_000),   // injury: ordinary even in a haram month
        ("1403/02/01", true, 12_000_000_000),    // death in Shawwal: ordinary
        ("1404/04/05", true, 21_330_000_000),    // 1 Muharram 1447 (26 June 2025, Umm al-Qura); T-DY 1404
    ] as [(String, Bool, Int64)])
    func bodilyDiya(_ date: String, _ death: Bool, _ diya: Int64) throws {
        #expect(try ThirdPartyClaims.bodilyDiya(accidentDate: jalali(date), death: death) == Rial(diya))
    }

    @Test("R-TP-10 an accident year without diya is refused")
    func noDiya() {
        let error = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.bodilyDiya(accidentDate: jalali("1398/05/01"), death: true)
        }
        #expect(error?.code == "no-diya-for-year")
    }

    @Test("R-TP-11 unlicensed at-fault driver: no obligation, except older policies still in force", arguments: [
        ("1401/06/01", true, true),     // issued before the rule, still in force → obliged
        ("1401/06/01", false, false),   // issued before the rule, expired → not obliged
        ("1402/01/01", true, false),    // issued the day the rule started → not obliged
        ("1403/05/01", true, false),    // issued after the rule → not obliged
    ] as [(String, Bool, Bool)])
    func unlicensed(_ issued: String, _ inForce: Bool, _ obliged: Bool) throws {
        #expect(ThirdPartyClaims.atFaultUnlicensed(
            policyIssueDate: try jalali(issued), licenceRuleStart: try jalali("1402/01/01"), policyInForce: inForce) == obliged)
    }

    @Test("R-TP-11 the rule's start date is data (sample 1402/01/01: seed 001 gives only the year)")
    func ruleStart() throws {
        #expect(ThirdPartyClaims.licenceRuleStart == (try jalali("1402/01/01")))
    }

    @Test("R-TP-12 inspection above 10,000,000 rials or without a police sketch", arguments: [
        (10_000_000, true, false), (10_000_001, true, true), (5_000_000, false, true), (0, true, false),
    ] as [(Int64, Bool, Bool)])
    func inspection(_ amount: Int64, _ sketch: Bool, _ required: Bool) {
        #expect(ThirdPartyClaims.requiresInspection(financialClaim: Rial(amount), hasPoliceSketch: sketch) == required)
    }

    @Test("D-TP-BODILY: seed 003's eleven items; death-only ones conditional")
    func bodilyList() {
        let list = ThirdPartyClaims.checklist(.bodily)
        #expect(list.count == 11)
        #expect(list.filter(\.required).map(\.code) == [
            "police-first-minutes", "officer-sketch", "police-report-to-court", "forensic-opinions", "court-ruling",
            "at-fault-licence", "at-fault-policy-slip",
        ])
        #expect(Set(list.map(\.code)).count == list.count)
    }

    @Test("D-TP-FINANCIAL: documents required, R-TP-12 cases conditional")
    func financialList() {
        let list = ThirdPartyClaims.checklist(.financial)
        #expect(list.map(\.code) == ["driver-owner-vehicle-documents", "certified-court-documents", "attorney-power",
                                     "owner-organization-letter", "plate-change-endorsement"])
        #expect(list.filter(\.required).count == 1)
        #expect(list.first { $0.code == "owner-organization-letter" }?.title.contains("نمایشگاه") == true)
    }

    @Test("D-TP-OCCUPANT: seed 003's five items")
    func occupantList() {
        let list = ThirdPartyClaims.checklist(.occupant)
        #expect(list.count == 5)
        #expect(list.filter { !$0.required }.map(\.code) == ["inheritance-guardianship"])
        #expect(DocumentChecklists.missing(required: list, received: ["police-minutes-sketch"]).map(\.code) == [
            "driver-licence-at-accident", "ownership-documents", "at-fault-policy-slip",
        ])
    }
}
