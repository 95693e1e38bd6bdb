@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Reimbursement claims of supplementary health through the claim engine (R-SH-08): a silver
/// family policy dated back to run 1404/12/01 → 1405/12/01 (cover from 1404/12/02), its premium
/// collected on 1404/12/01 so that no loss precedes it (R-CL-04). Today is 1405/01/10. Silver:
/// franchise 20 %, hospitalization 1,000,000,000 and paraclinic 100,000,000 per person a year.
@Suite("Health reimbursement claims over HTTP (R-SH-08, R-SH-04, R-SH-06, R-CL-02)")
struct HealthReimbursementTests {
    typealias H = HealthTests

    static func policy(_ flow: ClaimFlow) async throws -> String {
        let policyID = try await HealthDirectClaimTests.backdatedFamily(flow.app, flow.policies)
        for payment in try await Payment.query(on: flow.app.db).filter(\.$policy.$id == UUID(uuidString: policyID)!).all() {
            payment.settledOn = "1404/12/01"
            try await payment.save(on: flow.app.db)
            try await TestApp.reseal(flow.app, "payment", try payment.requireID())
        }
        return policyID
    }

    static func notice(_ flow: ClaimFlow, _ policyID: String, person: String = H.main, cover: String = "hospitalization", cost: Any = 100_000_000,
                       basePaid: Any? = nil, sideCosts: Int64? = nil, service: String = "1405/01/08", notice: String = "1405/01/10",
                       extra: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["policyId": policyID, "lossDate": service, "noticeDate": notice, "description": "هزینهٔ درمان در مرکز غیرطرف قرارداد",
                                   "personNationalCode": person, "cover": cover, "cost": cost]
        if let basePaid { body["basePaid"] = basePaid }
        if let sideCosts { body["sideCosts"] = sideCosts }
        body.merge(extra) { _, new in new }
        return try await flow.app.send(.POST, "/api/v1/claims", token: flow.claims, json: body)
    }

    static func settlement(_ flow: ClaimFlow, _ claimID: String) async throws -> (codes: [String], amounts: [Int], payable: Int?) {
        let answer = try await flow.app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
        let lines = answer.json["lines"] as? [[String: Any]] ?? []
        return (lines.compactMap { $0["code"] as? String }, lines.compactMap { $0["amount"] as? Int }, answer.json["payable"] as? Int)
    }

    /// Documents asked for and every missing one uploaded, the cost assessed as claimed, offered and agreed.
    static func agree(_ flow: ClaimFlow, _ claimID: String, cost: Int64) async throws {
        let asked = try await flow.post(claimID, "document-request")
        #expect(asked.status == .ok, "\(asked.body.string)")
        for document in asked.json["missingDocuments"] as? [[String: Any]] ?? [] {
            #expect(try await flow.upload(claimID, code: try #require(document["code"] as? String)).status == .created)
        }
        let assessed = try await flow.post(claimID, "assessment", json: ["loss": cost, "salvage": 0])
        #expect(assessed.status == .ok, "\(assessed.body.string)")
        #expect(try await flow.post(claimID, "offer").status == .ok)
        #expect(try await flow.post(claimID, "consent").status == .ok)
    }

    /// A direct hospitalization claim at a contracted center, with the introduction letter it needs.
    static func direct(_ flow: ClaimFlow, center: String, cost: Int64) async throws -> TestingHTTPResponse {
        let letter = try await flow.app.send(.POST, "/api/v1/health/introductions", token: flow.claims,
                                             json: ["nationalCode": H.main, "center": center, "cover": "hospitalization"])
        let number = try #require(letter.json["number"] as? String)
        return try await HealthDirectClaimTests.claim(flow.app, try await flow.app.token("provider"), cover: "hospitalization", cost: cost,
                                                      introduction: number)
    }

    @Test("R-SH-08/R-SH-04 silver hospitalization 100,000,000 with 30,000,000 from the base insurer → 70,000,000 through the payment order; with 5,000,000 → 80,000,000; the ceiling is one with direct claims")
    func issueExamples() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policy(flow)
            // given a notice two days after the service (within 10 days, R-CL-02)
            let opened = try await Self.notice(flow, policyID, basePaid: 30_000_000)
            #expect(opened.status == .created, "\(opened.body.string)")
            #expect(opened.json["noticeLate"] as? Bool == false)
            #expect(opened.json["kind"] as? String == "reimbursement")
            // the base insurer paid, at a hospital: those D-SH documents are required
            #expect(opened.json["conditions"] as? [String] == ["base-insurer-paid", "hospital-stay"])
            let facts = opened.json["facts"] as? [[String: Any]] ?? []
            #expect(facts.compactMap { $0["name"] as? String } == ["personNationalCode", "cover", "cost", "basePaid"])
            let claimID = try #require(opened.json["id"] as? String)
            // then: franchise 20 % × 100,000,000 = 20,000,000 ≤ 30,000,000 paid by the base insurer → 100,000,000 − 30,000,000
            let first = try await Self.settlement(flow, claimID)
            #expect(first.codes == ["cost", "base-insurer"])
            #expect(first.amounts == [100_000_000, -30_000_000])
            #expect(first.payable == 70_000_000)
            // the expert's assessed cost is at most the claimed one, and a treatment cost has no salvage
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 100_000_001]).fieldCodes == ["loss": "loss-above-claimed-cost"])
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 100_000_000, "salvage": 1]).fieldCodes == ["salvage": "not-applicable"])
            // the file goes through the engine: documents, assessment, offer, consent, the head's payment order (R-CL-10)
            try await Self.agree(flow, claimID, cost: 100_000_000)
            let order = try await flow.order(claimID)
            #expect(order.status == .created, "\(order.body.string)")
            #expect(order.json["amount"] as? Int == 70_000_000)
            #expect(order.json["copies"] as? Int == 3)
            // the order spent the ceiling: 1,000,000,000 − 70,000,000 = 930,000,000 left, its settlement unchanged
            #expect(try await Self.settlement(flow, claimID).payable == 70_000_000)
            let spent = try await HealthClaim.query(on: app.db).all()
            #expect(spent.map(\.payable) == [70_000_000] && spent.first?.$center.id == nil && spent.first?.claimID == UUID(uuidString: claimID))

            // R-CL-12: the same person, cover and day is that loss, paid: refused by letter; the spouse's visit that day is not
            #expect(try await Self.notice(flow, policyID, basePaid: 30_000_000).problemCode == "loss-already-paid")
            #expect(try await Self.notice(flow, policyID, person: H.spouse, cover: "paraclinic", cost: 1_000_000).status == .created)
            // a second stay: base 5,000,000 < franchise 20,000,000 → base-insurer −5,000,000, franchise −15,000,000 → 80,000,000
            let second = try await Self.notice(flow, policyID, basePaid: 5_000_000, service: "1405/01/09")
            #expect(second.status == .created, "\(second.body.string)")
            let low = try await Self.settlement(flow, try #require(second.json["id"] as? String))
            #expect(low.codes == ["cost", "base-insurer", "franchise"])
            #expect(low.amounts == [100_000_000, -5_000_000, -15_000_000])
            #expect(low.payable == 80_000_000)

            // a direct claim sees the reimbursement's spending: 10,000,000 − 20 % = 8,000,000;
            // 1,000,000,000 − 70,000,000 − 8,000,000 = 922,000,000 left (the second file has no order yet)
            let direct = try await Self.direct(flow, center: try await HealthDirectClaimTests.center(app), cost: 10_000_000)
            #expect(direct.json["payable"] as? Int == 8_000_000)
            #expect(direct.json["remainingCeiling"] as? Int == 922_000_000)
        }
    }

    @Test("R-SH-06 50,000,000 left of the hospitalization ceiling pays 50,000,000 with a ceiling-reduction; a side cost beyond what is left is cut")
    func ceilingAndSideCosts() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policy(flow)
            // given a direct stay of 1,187,500,000: − 20 % franchise 237,500,000 = 950,000,000 spent of 1,000,000,000
            let direct = try await Self.direct(flow, center: try await HealthDirectClaimTests.center(app), cost: 1_187_500_000)
            #expect(direct.json["payable"] as? Int == 950_000_000)
            // when 100,000,000 with 5,000,000 from the base insurer is claimed back: 80,000,000, but 50,000,000 left
            let capped = try await Self.notice(flow, policyID, basePaid: 5_000_000)
            #expect(capped.status == .created, "\(capped.body.string)")
            let settled = try await Self.settlement(flow, try #require(capped.json["id"] as? String))
            // then 100,000,000 − 5,000,000 − 15,000,000 − 30,000,000 = 50,000,000
            #expect(settled.codes == ["cost", "base-insurer", "franchise", "ceiling-reduction"])
            #expect(settled.amounts == [100_000_000, -5_000_000, -15_000_000, -30_000_000])
            #expect(settled.payable == 50_000_000)

            // a paraclinic bill of 10,000,000 with a lens of 80,000,000 (side costs, paid within the 50,000,000
            // hospitalization left, without franchise): 10,000,000 − 2,000,000 + 80,000,000 − 30,000,000 = 58,000,000
            let lens = try await Self.notice(flow, policyID, cover: "paraclinic", cost: 10_000_000, sideCosts: 80_000_000)
            #expect(lens.status == .created, "\(lens.body.string)")
            #expect(lens.json["conditions"] as? [String] == ["paraclinic-services", "side-costs"])
            let missing = (lens.json["missingDocuments"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(missing == ["booklet-copies", "original-invoices", "paraclinic-orders", "side-surgery-report", "side-doctor-approval", "side-cost-statement"])
            let lensID = try #require(lens.json["id"] as? String)
            let side = try await Self.settlement(flow, lensID)
            #expect(side.codes == ["cost", "base-insurer", "franchise", "side-costs", "side-costs-ceiling-reduction"])
            #expect(side.amounts == [10_000_000, 0, -2_000_000, 80_000_000, -30_000_000])
            #expect(side.payable == 58_000_000)
            // the payment order spends 8,000,000 of paraclinic and the 50,000,000 of hospitalization
            try await Self.agree(flow, lensID, cost: 10_000_000)
            #expect(try await flow.order(lensID).json["amount"] as? Int == 58_000_000)
            let rows = try await HealthClaim.query(on: app.db).filter(\.$claimID == UUID(uuidString: lensID)).all()
            #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.cover, $0.payable) }) == ["paraclinic": 8_000_000, "hospitalization": 50_000_000])
            // so the capped file now has nothing left: 80,000,000 cut to 0, and the head cannot order nothing
            #expect(try await Self.settlement(flow, try #require(capped.json["id"] as? String)).payable == 0)
        }
    }

    @Test("R-SH-08/R-CL-02 a notice on day 11 is late: recorded, then the head accepts one and rejects another, each with a reason letter")
    func lateNotice() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policy(flow)
            // service 1404/12/25; Esfand 1404 has 29 days: + 10 = 1405/01/06 the last day, 1405/01/07 is day 11
            let onTime = try await Self.notice(flow, policyID, person: H.spouse, cover: "paraclinic", cost: 10_000_000, service: "1404/12/25", notice: "1405/01/06")
            #expect(onTime.json["noticeLate"] as? Bool == false)
            let late = try await Self.notice(flow, policyID, person: H.spouse, cover: "paraclinic", cost: 10_000_000, service: "1404/12/25", notice: "1405/01/07")
            #expect(late.status == .created, "\(late.body.string)")
            #expect(late.json["noticeLate"] as? Bool == true)
            #expect(late.json["daysLate"] as? Int == 1)
            #expect(late.json["status"] as? String == "notified")
            let lateID = try #require(late.json["id"] as? String)
            // nothing moves before the decision; the expert does not take it, the head does with a reason
            #expect(try await flow.post(lateID, "document-request").problemCode == "late-notice-undecided")
            #expect(try await flow.post(lateID, "late-notice", json: ["subjectUnchanged": true]).status == .forbidden)
            #expect(try await flow.post(lateID, "late-notice", json: ["accept": true], token: flow.head).fieldCodes == ["reason": "reason-required"])
            let accepted = try await flow.post(lateID, "late-notice", json: ["accept": true, "reason": "بیمه‌شده در این مدت بستری بود"], token: flow.head)
            #expect(accepted.status == .ok, "\(accepted.body.string)")
            #expect(accepted.json["lateDecision"] as? String == "accept")
            let letters = (accepted.json["entries"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "letter" }
            #expect(letters.count == 1 && letters.first?["reference"] != nil)
            #expect((letters.first?["text"] as? String)?.contains("بیمه‌شده در این مدت بستری بود") == true)
            #expect(try await flow.post(lateID, "document-request").status == .ok)

            let other = try await Self.notice(flow, policyID, person: H.daughter, cover: "paraclinic", cost: 10_000_000, service: "1404/12/25", notice: "1405/01/07")
            let otherID = try #require(other.json["id"] as? String)
            let rejected = try await flow.post(otherID, "late-notice", json: ["accept": false, "reason": "دلیلی برای دیرکرد ارائه نشد"], token: flow.head)
            #expect(rejected.json["status"] as? String == "rejected")
            #expect((rejected.json["endReason"] as? String)?.contains("دلیلی برای دیرکرد ارائه نشد") == true)
            #expect(try await flow.post(otherID, "late-notice", json: ["accept": true, "reason": "x"], token: flow.head).problemCode == "no-late-decision-pending")
        }
    }

    @Test("R-SH-08 bad notices answer the direct claims' codes and store nothing; a person removed by endorsement is claimed for only before the removal")
    func refusals() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policy(flow)
            #expect(try await Self.notice(flow, policyID, person: "0499370899", cover: "paraclinic").fieldCodes == ["personNationalCode": "not-covered"])
            #expect(try await Self.notice(flow, policyID, person: "1234567890").fieldCodes == ["personNationalCode": "invalid-national-code"])
            #expect(try await Self.notice(flow, policyID, cover: "dental").fieldCodes == ["cover": "not-covered"])
            #expect(try await Self.notice(flow, policyID, cover: "massage").fieldCodes == ["cover": "unknown-cover"])
            #expect(try await Self.notice(flow, policyID, cost: 0).fieldCodes == ["cost": "invalid-amount"])
            #expect(try await Self.notice(flow, policyID, cost: -5).fieldCodes == ["cost": "negative-amount"])
            #expect(try await Self.notice(flow, policyID, cost: 100, basePaid: 101).fieldCodes == ["basePaid": "base-paid-exceeds-cost"])
            #expect(try await Self.notice(flow, policyID, cost: Int64.max, sideCosts: 1).fieldCodes == ["sideCosts": "amount-overflow"])
            #expect(try await Self.notice(flow, policyID, extra: ["atFaultLicensed": true]).fieldCodes == ["atFaultLicensed": "not-applicable"])
            // a service before the cover (1404/12/02) is outside the policy: not covered, as a direct claim answers
            #expect(try await Self.notice(flow, policyID, service: "1404/11/20", notice: "1404/11/25").fieldCodes == ["personNationalCode": "not-covered"])
            // a cost beyond Int64 is refused alike on both paths
            let huge = try await Self.notice(flow, policyID, cost: 1e20)
            let directHuge = try await app.send(.POST, "/api/v1/health/claims", token: try await app.token("provider"),
                                                json: ["nationalCode": H.main, "serviceDate": "1405/01/08", "cover": "paraclinic", "cost": 1e20])
            #expect(huge.status.code == 400 || huge.status.code == 422)
            #expect(huge.problemCode == directHuge.problemCode)
            #expect(try await Claim.query(on: app.db).count() == 0)

            // the daughter removed from 1405/01/05: a service on 1405/01/08 is not covered, one on 1405/01/05 is
            let persons = try #require(H.family()["persons"] as? [[String: Any]])
            let endorsed = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.policies.issuer, json: [
                "effectiveDate": "1405/01/05", "description": "حذف فرزند", "changes": ["persons": Array(persons.prefix(2))]])
            #expect(endorsed.status == .created, "\(endorsed.body.string)")
            #expect(try await Self.notice(flow, policyID, person: H.daughter, cover: "paraclinic").fieldCodes == ["personNationalCode": "not-covered"])
            let before = try await Self.notice(flow, policyID, person: H.daughter, cover: "paraclinic", cost: 10_000_000, service: "1405/01/05")
            #expect(before.status == .created, "\(before.body.string)")
            // 10,000,000 − 20 % = 8,000,000
            #expect(try await Self.settlement(flow, try #require(before.json["id"] as? String)).payable == 8_000_000)
        }
    }
}

/// The engine's pages take a health reimbursement: the notice form's health fields, the file with
/// its facts, documents and settlement lines, the head's late-notice decision, the printed order.
@Suite("Web: a health reimbursement through the claim pages (R-SH-08)")
struct WebHealthReimbursementTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-SH-08 the notice form takes person, cover, cost and base share; the file shows them with the R-SH-04 lines; the head decides a late one; the order prints 3 copies")
    func pages() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await HealthReimbursementTests.policy(flow)
            let number = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)
            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let form = try await expert.get("/claims/new")
            for field in ["personNationalCode", "cover", "cost", "basePaid", "sideCosts"] {
                #expect(form.body.string.contains("name=\"\(field)\""), "\(field)")
            }
            // the D-SH conditions are derived from the file, not asked
            #expect(!form.body.string.contains("value=\"side-costs\""))
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            var fields = ["_csrf": csrf, "policyNumber": Normalize.persianDigits(number), "lossDate": "1405/01/08", "noticeDate": "1405/01/10",
                          "kind": "reimbursement", "description": "بستری در بیمارستان غیرطرف قرارداد",
                          "personNationalCode": Normalize.persianDigits(HealthTests.main), "cover": "hospitalization",
                          "cost": "۱۰۰٬۰۰۰٬۰۰۰", "basePaid": "30000000"]
            let opened = try await expert.post("/claims", form: fields)
            #expect(opened.status == .seeOther, "\(opened.body.string)")
            let path = try #require(opened.headers.first(name: .location))
            let file = try await expert.get(path).body.string
            // the facts and the R-SH-04 lines: 100,000,000 − 30,000,000 = 70,000,000
            #expect(file.contains("۱۰۰٬۰۰۰٬۰۰۰") && file.contains("۷۰٬۰۰۰٬۰۰۰") && file.contains("R-SH-04"))
            #expect(file.contains("قبض رسید صندوق"))
            // a bad cost answers beside the form with the API's code
            fields["cost"] = "0"
            let refused = try await expert.post("/claims", form: fields)
            #expect(refused.body.string.contains("data-code=\"invalid-amount\""))

            // a late notice (day 11 from 1404/12/25): the head's page offers the decision, the expert's does not
            fields["cost"] = "10000000"; fields["basePaid"] = ""; fields["cover"] = "paraclinic"; fields["lossDate"] = "1404/12/25"; fields["noticeDate"] = "1405/01/07"
            let late = try await expert.post("/claims", form: fields)
            let latePath = try #require(late.headers.first(name: .location))
            #expect(!(try await expert.get(latePath).body.string.contains("name=\"accept\"")))
            var head = Browser(app: app)
            try await head.signIn("head")
            let headPage = try await head.get(latePath)
            #expect(headPage.body.string.contains("name=\"accept\""))
            let headCSRF = try #require(Browser.hidden("_csrf", in: headPage.body.string))
            #expect(try await head.post(latePath + "/steps/late-notice", form: ["_csrf": headCSRF, "accept": "yes", "reason": "بستری بود"]).status == .seeOther)
            #expect(try await head.get(latePath).body.string.contains("اعلام دیرهنگام پذیرفته شد: بستری بود"))

            // the first file to its printed payment order; the assessment asks the accepted cost, no salvage
            let claimID = String(path.split(separator: "/").last ?? "")
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let assessing = try await expert.get(path).body.string
            #expect(assessing.contains("هزینهٔ پذیرفتهٔ درمان") && !assessing.contains("name=\"salvage\""))
            try await HealthReimbursementTests.agree(flow, claimID, cost: 100_000_000)
            #expect(try await flow.order(claimID).status == .created)
            let order = try #require(try await PaymentOrder.query(on: app.db).filter(\.$purpose == "claim").first())
            let sheet = try await head.get("/payment-orders/\(try order.requireID())").body.string
            #expect(sheet.components(separatedBy: "class=\"copy\"").count - 1 == 3)
            #expect(sheet.contains("۷۰٬۰۰۰٬۰۰۰") && sheet.contains("سهم پرداختی بیمه‌گر پایه"))
        }
    }
}
