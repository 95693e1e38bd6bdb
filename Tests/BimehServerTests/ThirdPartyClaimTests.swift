@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Third-party claims through the claim engine (R-TP-10…12). Today is 1405/01/10. The policy is
/// sold through the API and then dated back as if issued on 1404/12/01 (cover from 1404/12/02),
/// its premium collected that day, so that a loss of 1405/01/05 is inside the cover and after the
/// payment. 1405/01/05 = 25 March 2026 = Shawwal 1447: not a haram month. T-DY 1405: ordinary
/// diya 21,000,000,000.
@Suite("Third-party claims (R-TP-10, R-TP-11, R-TP-12)")
struct ThirdPartyClaimTests {
    static func policyInForce(_ app: Application, _ flow: ClaimFlow, issuedOn: String = "1404/12/01") async throws -> String {
        let policyID = try await ThirdPartyTests.issuedThirdParty(app, flow.policies)
        let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
        policy.issueDate = issuedOn
        policy.startDate = issuedOn
        policy.endDate = try JalaliDate(parsing: issuedOn).addingYears(1).description
        try await policy.save(on: app.db)
        try await TestApp.reseal(app, "policy", try policy.requireID())
        for payment in try await Payment.query(on: app.db).filter(\.$policy.$id == policy.requireID()).all() {
            payment.settledOn = issuedOn
            try await payment.save(on: app.db)
            try await TestApp.reseal(app, "payment", try payment.requireID())
        }
        return policyID
    }

    static func notice(_ flow: ClaimFlow, _ policyID: String, kind: String, licensed: Bool? = true, sketch: Bool? = nil,
                       loss: String = "1405/01/05", notice: String = "1405/01/08") async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["policyId": policyID, "lossDate": loss, "noticeDate": notice, "description": "تصادف در تقاطع", "kind": kind]
        if let licensed { body["atFaultLicensed"] = licensed }
        if let sketch { body["policeSketch"] = sketch }
        return try await flow.app.send(.POST, "/api/v1/claims", token: flow.claims, json: body)
    }

    static func line(_ settlement: TestingHTTPResponse, _ code: String) -> Int? {
        (settlement.json["lines"] as? [[String: Any]])?.first { $0["code"] as? String == code }?["amount"] as? Int
    }

    @Test("R-TP-12 property damage of 8,000,000 with a police sketch: assessed without a visit, paid in full")
    func smallFinancial() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            let opened = try await Self.notice(flow, policyID, kind: "financial", sketch: true)
            #expect(opened.status == .created)
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let assessed = try await flow.post(claimID, "assessment", json: ["loss": 8_000_000, "salvage": 0])
            #expect(assessed.status == .ok)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            // no franchise on third party, premium collected before the loss: 8,000,000 payable
            #expect(settlement.json["payable"] as? Int == 8_000_000)
        }
    }

    @Test("R-TP-12 property damage above 10,000,000, or without a sketch, waits for an approved inspection")
    func inspectionRule() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            for (sketch, amount) in [(true, 12_000_000), (false, 5_000_000)] {
                let claimID = try #require(try await Self.notice(flow, policyID, kind: "financial", sketch: sketch).json["id"] as? String)
                #expect(try await flow.post(claimID, "document-request").status == .ok)
                let refused = try await flow.post(claimID, "assessment", json: ["loss": amount])
                #expect(refused.status == .conflict)
                #expect(refused.problemCode == "inspection-required")
                #expect(try await flow.post(claimID, "inspection", json: ["visitDate": "1405/01/09", "expert": "کارشناس نمونه"]).status == .ok)
                #expect(try await flow.post(claimID, "inspection/approval", token: flow.head).status == .ok)
                #expect(try await flow.post(claimID, "assessment", json: ["loss": amount]).status == .ok)
            }
            // Exactly 10,000,000 with a sketch needs no visit.
            let claimID = try #require(try await Self.notice(flow, policyID, kind: "financial", sketch: true).json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 10_000_000]).status == .ok)
        }
    }

    @Test("R-TP-10 an injury assessed as 12.5 % of the 1405 diya: 21,000,000,000 × 12.5 % = 2,625,000,000")
    func bodilyInDiya() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            let claimID = try #require(try await Self.notice(flow, policyID, kind: "bodily").json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let both = try await flow.post(claimID, "assessment", json: ["diyaPercent": "12.5", "loss": 5])
            #expect(both.status == .unprocessableEntity)
            let deathHalf = try await flow.post(claimID, "assessment", json: ["diyaPercent": "50", "death": true])
            #expect(deathHalf.fieldCodes["diyaPercent"] == "invalid-diya-share")
            #expect(try await flow.post(claimID, "assessment", json: ["diyaPercent": "12.5"]).status == .ok)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            #expect(Self.line(settlement, "loss") == 2_625_000_000)
            #expect(settlement.json["payable"] as? Int == 2_625_000_000)

            // A death: the whole diya, 21,000,000,000 (ordinary: Shawwal is not haram).
            let death = try #require(try await Self.notice(flow, policyID, kind: "bodily").json["id"] as? String)
            #expect(try await flow.post(death, "document-request").status == .ok)
            #expect(try await flow.post(death, "assessment", json: ["diyaPercent": "100", "death": true]).status == .ok)
            let full = try await app.send(.GET, "/api/v1/claims/\(death)/settlement", token: flow.claims)
            #expect(full.json["payable"] as? Int == 21_000_000_000)

            // A share of the diya on property damage makes no sense.
            let financial = try #require(try await Self.notice(flow, policyID, kind: "financial", sketch: true).json["id"] as? String)
            #expect(try await flow.post(financial, "document-request").status == .ok)
            #expect(try await flow.post(financial, "assessment", json: ["diyaPercent": "10"]).fieldCodes["diyaPercent"] == "not-applicable")
        }
    }

    @Test("R-TP-11 an unlicensed at-fault driver: refused with a letter; a policy issued before the rule still pays")
    func unlicensedDriver() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            let refused = try await Self.notice(flow, policyID, kind: "bodily", licensed: false)
            #expect(refused.status == .created)
            #expect(refused.json["status"] as? String == ClaimState.rejected.rawValue)

            // A policy issued on 1401/06/01, before the licence rule (1402/01/01), still in force
            // (dated directly: a four-year term, as if extended; only the issue date matters here).
            let older = try await Self.policyInForce(app, flow, issuedOn: "1401/06/01")
            let policy = try #require(try await Policy.find(UUID(uuidString: older), on: app.db))
            policy.endDate = "1406/06/01"
            try await policy.save(on: app.db)
            try await TestApp.reseal(app, "policy", try policy.requireID())
            let obliged = try await Self.notice(flow, older, kind: "bodily", licensed: false)
            #expect(obliged.json["status"] as? String == ClaimState.notified.rawValue)
        }
    }

    @Test("the notice must carry the third-party facts; other lines must not; a late notice is accepted and recorded")
    func noticeFacts() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            #expect(try await Self.notice(flow, policyID, kind: "bodily", licensed: nil).fieldCodes["atFaultLicensed"] == "required")
            #expect(try await Self.notice(flow, policyID, kind: "financial").fieldCodes["policeSketch"] == "required")
            #expect(try await Self.notice(flow, policyID, kind: "general").problemCode == "unsupported-claim-case")
            // loss 1405/01/01, notice 1405/01/08: 7 days against 5 → two days late, accepted at once.
            let late = try await Self.notice(flow, policyID, kind: "occupant", loss: "1405/01/01", notice: "1405/01/08")
            #expect(late.json["noticeLate"] as? Bool == true)
            #expect(late.json["daysLate"] as? Int == 2)
            #expect(late.json["lateDecision"] as? String == "accept")
            let claimID = try #require(late.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)

            let computer = try await flow.policy()
            let withFacts = try await app.send(.POST, "/api/v1/claims", token: flow.claims, json: [
                "policyId": computer, "lossDate": "1405/01/05", "noticeDate": "1405/01/08", "description": "نوسان برق", "kind": "general",
                "policeSketch": true])
            #expect(withFacts.fieldCodes["policeSketch"] == "not-applicable")
        }
    }

    @Test("the web: a bodily third-party notice with its facts, then the assessment as 12.5 % of the diya (2,625,000,000)")
    func webPages() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await Self.policyInForce(app, flow)
            let number = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)
            var expert = WebPageTests.Browser(app: app)
            try await expert.signIn("claims")
            let form = try await expert.get("/claims/new")
            #expect(form.body.string.contains("value=\"driver-accident\""))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: form.body.string))
            let missing = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": number, "lossDate": "1405/01/05",
                                                                  "noticeDate": "1405/01/08", "kind": "bodily", "description": "تصادف"])
            #expect(missing.status == .unprocessableEntity)
            let opened = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": number, "lossDate": "1405/01/05",
                                                                 "noticeDate": "1405/01/08", "kind": "bodily", "atFaultLicensed": "yes", "description": "تصادف"])
            #expect(opened.status == .seeOther)
            let path = try #require(opened.headers.first(name: .location))
            #expect(try await expert.post(path + "/steps/document-request", form: ["_csrf": csrf]).status == .seeOther)
            let page = try await expert.get(path)
            #expect(page.body.string.contains("name=\"diyaPercent\""))
            #expect(try await expert.post(path + "/steps/assessment", form: ["_csrf": csrf, "diyaPercent": "۱۲٫۵"]).status == .seeOther)
            let claimID = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
            #expect(try await Claim.find(claimID, on: app.db)?.loss == 2_625_000_000)
        }
    }
}
