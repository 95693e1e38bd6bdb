import Foundation
import Testing
@testable import InsuranceKit

/// The third-party line inside the generic claim engine (R-TP-10, R-TP-12, R-CL-02/03/06).
@Suite("Third-party claims in the claim engine")
struct ThirdPartyClaimEngineTests {
    /// T-DY 1403 ordinary 12,000,000,000; 1403/04/20 is 4 Muharram 1446 (haram), haram 16,000,000,000.
    @Test("R-TP-10 a bodily loss is the forensic share of the diya of the accident date", arguments: [
        ("1403/02/01", false, "12.5", 1_500_000_000),    // 12,000,000,000 × 12.5 % = 1,500,000,000
        ("1403/02/01", false, "0.35", 42_000_000),       // 12,000,000,000 × 0.35 % = 42,000,000
        ("1403/04/20", false, "2", 240_000_000),         // injury in a haram month: ordinary diya × 2 %
        ("1403/04/20", true, "100", 16_000_000_000),     // death in a haram month: the haram diya
        ("1403/02/01", true, "100", 12_000_000_000),     // death in Shawwal: ordinary
    ] as [(String, Bool, String, Int64)])
    func bodilyLoss(_ date: String, _ death: Bool, _ share: String, _ expected: Int64) throws {
        let loss = try ThirdPartyClaims.bodilyLoss(accidentDate: jalali(date), death: death, share: Percent(parsing: share))
        #expect(loss == Rial(expected))
    }

    @Test("R-TP-10 a share outside (0, 100], or a death below 100 %, is refused", arguments: ["0", "100.01", "-5"])
    func badShare(_ share: String) throws {
        let error = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.bodilyLoss(accidentDate: jalali("1403/02/01"), death: false, share: Percent(parsing: share))
        }
        #expect(error?.code == "invalid-diya-share")
        let death = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.bodilyLoss(accidentDate: jalali("1403/02/01"), death: true, share: Percent(50))
        }
        #expect(death?.code == "invalid-diya-share")
    }

    @Test("R-TP-12 the third-party checklists: D-TP-FINANCIAL, D-TP-BODILY, D-TP-OCCUPANT (also for the driver)")
    func checklists() throws {
        #expect(try DocumentChecklists.checklist(product: "third-party", case: .financial) == ThirdPartyClaims.checklist(.financial))
        #expect(try DocumentChecklists.checklist(product: "third-party", case: .bodily) == ThirdPartyClaims.checklist(.bodily))
        #expect(try DocumentChecklists.checklist(product: "third-party", case: .occupant) == ThirdPartyClaims.checklist(.occupant))
        #expect(try DocumentChecklists.checklist(product: "third-party", case: .driverAccident) == ThirdPartyClaims.checklist(.occupant))
        #expect(throws: DomainError.self) { try DocumentChecklists.checklist(product: "third-party", case: .general) }
        #expect(throws: DomainError.self) { try DocumentChecklists.checklist(product: "computer", case: .bodily) }
    }

    @Test("R-CL-02/03 third party: 5 days' notice; a late notice is accepted (the injured keeps the claim)")
    func rules() throws {
        let rules = try ClaimRules.rules(forProduct: "third-party")
        #expect(rules.noticeDays == 5)
        #expect(rules.lateNoticePolicy == .accept)
        #expect(LateNoticePolicy.accept.decide(subjectUnchanged: false) == .accept)
        // loss 1403/02/01 + 5 days = 1403/02/06 on time; 1403/02/07 is one day late.
        #expect(try rules.checkNotice(lossDate: jalali("1403/02/01"), noticeDate: jalali("1403/02/06")).isLate == false)
        #expect(try rules.checkNotice(lossDate: jalali("1403/02/01"), noticeDate: jalali("1403/02/07")).daysLate == 1)
        #expect(rules.requiresNotarizedCertificateWhenPolicyholderCollects)
    }
}

@Suite("Third-party settlement cap and HID validity")
struct ThirdPartyCapTests {
    @Test("the cap: bodily cases the full diya of the accident date, property the financial cover")
    func cap() throws {
        // T-DY 1403: haram 16,000,000,000 (1403/04/20 is 4 Muharram), ordinary 12,000,000,000 (1403/02/01, Shawwal)
        #expect(try ThirdPartyClaims.settlementCap(for: .bodily, accidentDate: jalali("1403/04/20"), financialCover: Rial(700_000_000)) == Rial(16_000_000_000))
        #expect(try ThirdPartyClaims.settlementCap(for: .occupant, accidentDate: jalali("1403/02/01"), financialCover: Rial(700_000_000)) == Rial(12_000_000_000))
        #expect(try ThirdPartyClaims.settlementCap(for: .financial, accidentDate: jalali("1403/04/20"), financialCover: Rial(700_000_000)) == Rial(700_000_000))
    }

    @Test("R-EL-05 an HID issued at noon is accepted until noon 30 days later")
    func hidValidity() {
        let issued = Date(timeIntervalSince1970: 1_774_000_000)
        #expect(HealthID.validUntil(issuedAt: issued) == issued.addingTimeInterval(30 * 24 * 3600))
        #expect(HealthID.validUntil(issuedAt: issued, validDays: 1) == issued.addingTimeInterval(86_400))
    }
}
