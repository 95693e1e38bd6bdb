@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The providers' inquiry and HIDs over HTTP. Today is 1405/01/10; the demo list (DemoEntitlements)
/// covers 0076229645 (main) and 0499370899 (spouse) until 1406/01/10, 100200300400 (foreign) too,
/// and 1583250689's cover ended a month ago, on 1404/12/10.
@Suite("Eligibility for providers (R-EL-01, R-EL-05)")
struct ProviderEligibilityTests {
    @Test("R-EL-01/05 covered main insured: the exact message, outpatient scope, cover end, plan, relation, insurer")
    func coveredMain() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            let res = try await app.send(.GET, "/api/v1/eligibility/0076229645", token: provider)
            #expect(res.status == .ok)
            #expect(res.json["covered"] as? Bool == true)
            #expect(res.json["message"] as? String == "از حمایت‌های درمانی برخوردار می‌باشید")
            #expect(res.json["scope"] as? String == "outpatient")
            #expect(res.json["coverTo"] as? String == "1406/01/10")
            #expect(res.json["plan"] as? String == "تکمیلی الف")
            #expect(res.json["relation"] as? String == "main")
            #expect(res.json["insurer"] as? String == DemoEntitlements.source)
            #expect(res.json["insuranceNumber"] as? String == "DEMO-1001")
            #expect(res.json["nationalCode"] as? String == "0076229645")

            // Persian digits are the same person.
            let persian = try await app.send(.GET, "/api/v1/eligibility/\("۰۰۷۶۲۲۹۶۴۵".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: provider)
            #expect(persian.json["covered"] as? Bool == true)
            let spouse = try await app.send(.GET, "/api/v1/eligibility/0499370899", token: provider)
            #expect(spouse.json["relation"] as? String == "spouse")
            #expect(spouse.json["relationLabel"] as? String == "همسر")
        }
    }

    @Test("R-EL-01 cover ended last month, never covered, foreign ID: covered or not and nothing else when not")
    func notCoveredAndForeign() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            let expired = try await app.send(.GET, "/api/v1/eligibility/1583250689", token: provider)
            #expect(expired.json["covered"] as? Bool == false)
            #expect(expired.json["message"] as? String == "از حمایت‌های درمانی برخوردار نمی‌باشید")
            #expect(expired.json["plan"] == nil && expired.json["coverTo"] == nil && expired.json["insurer"] == nil)
            // 1234567891: 1×10+2×9+3×8+4×7+5×6+6×5+7×4+8×3+9×2 = 210, 210 mod 11 = 1 → check digit 1; valid, on no list.
            let unknown = try await app.send(.GET, "/api/v1/eligibility/1234567891", token: provider)
            #expect(unknown.status == .ok)
            #expect(unknown.json["covered"] as? Bool == false)
            let foreign = try await app.send(.GET, "/api/v1/eligibility/100200300400", token: provider)
            #expect(foreign.json["covered"] as? Bool == true)
            #expect(foreign.json["foreignId"] as? String == "100200300400")
            #expect(foreign.json["nationalCode"] == nil)
        }
    }

    @Test("bad identifiers are 422 in Persian; other roles 403; no token 401")
    func refusals() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            for bad in ["0076229646", "abc", "12345", "1111111111", "0000000000"] {
                let res = try await app.send(.GET, "/api/v1/eligibility/\(bad)", token: provider)
                #expect(res.status == .unprocessableEntity, "\(bad)")
                #expect(res.json["detail"] as? String != nil)
            }
            let issuer = try await app.token("issuer")
            #expect(try await app.send(.GET, "/api/v1/eligibility/0076229645", token: issuer).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/eligibility/0076229645").status == .unauthorized)
        }
    }

    @Test("R-EL-05 a visit's HID: issued for a covered person only, verified for that person only, and only while recent")
    func hidLifecycle() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            let visit = try await app.send(.POST, "/api/v1/eligibility/0076229645/visits", token: provider)
            #expect(visit.status == .created)
            let hid = try #require(visit.json["hid"] as? String)
            #expect(hid.count == 16)
            #expect((visit.json["hidGrouped"] as? String)?.count == 19)

            let notCovered = try await app.send(.POST, "/api/v1/eligibility/1583250689/visits", token: provider)
            #expect(notCovered.status == .unprocessableEntity)
            #expect(notCovered.problemCode == "not-covered")

            // The pharmacy presents the person's code and the HID (grouped or lower-case is the same HID).
            let grouped = (visit.json["hidGrouped"] as? String ?? "").lowercased()
            let check = try await app.send(.POST, "/api/v1/eligibility/0076229645/visits/\(grouped)/verification", token: provider)
            #expect(check.status == .ok)
            #expect(check.json["valid"] as? Bool == true)
            #expect(check.json["verifications"] as? Int == 1)
            #expect(check.json["issuedBy"] as? String == "داروخانه نمونه (نمایشی)")

            // Someone else's code with this HID, and an HID never issued: the same 404.
            let other = try await app.send(.POST, "/api/v1/eligibility/0499370899/visits/\(hid)/verification", token: provider)
            #expect(other.status == .notFound)
            #expect(other.problemCode == "hid-not-found")
            let unknown = try await app.send(.POST, "/api/v1/eligibility/0076229645/visits/ABCDEFGHJKMNPQRS/verification", token: provider)
            #expect(unknown.problemCode == "hid-not-found")
            let junk = try await app.send(.POST, "/api/v1/eligibility/0076229645/visits/not-an-hid!/verification", token: provider)
            #expect(junk.status == .unprocessableEntity)

            // A visit 31 days ago is past the 30-day validity.
            let old = ProviderVisit()
            old.hid = "0123456789ABCDEF"
            old.person = "0076229645"
            old.$provider.id = try #require(try await User.query(on: app.db).filter(\.$username == "provider").first()?.id)
            old.issuedAt = app.bimeh.clock.now().addingTimeInterval(-31 * 86_400)
            try await old.create(on: app.db)
            let expired = try await app.send(.POST, "/api/v1/eligibility/0076229645/visits/0123456789ABCDEF/verification", token: provider)
            #expect(expired.status == .unprocessableEntity)
            #expect(expired.problemCode == "hid-expired")
        }
    }
}

@Suite("Inquiry JSON written by hand")
struct InquiryJSONTests {
    @Test("the hand-written answer is byte for byte what the API's JSON encoder writes, nasty text included")
    func sameAsEncoder() throws {
        var inquiry = EligibilityController.Inquiry(try PersonIdentifier("0076229645"), EntitlementStore.Finding(
            answer: EligibilityAnswer(covered: true, message: EligibilityAnswer.coveredMessage, coverTo: try JalaliDate(parsing: "1406/01/10"),
                                      plan: "طرح \"ویژه\" \\ a/b\n\t\u{01}", relation: .child, insuranceNumber: "T-1/2"),
            insurer: "بیمهٔ پایه"))
        for _ in 0..<2 {
            let fast = inquiry.fastResponse().body.string ?? ""
            let slow = String(decoding: try JSONCoding.encoder.encode(inquiry), as: UTF8.self)
            #expect(fast == slow)
            inquiry = EligibilityController.Inquiry(try PersonIdentifier("100200300400"), EntitlementStore.Finding(
                answer: EligibilityAnswer(covered: false, message: EligibilityAnswer.notCoveredMessage), insurer: nil))
        }
    }
}
