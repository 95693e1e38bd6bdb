@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The revised claim rules on the server: conditional documents required exactly when their
/// condition holds on the file (R-CL-06), and the driver-accident cover's conditions (R-TP-01).
/// Today is 1405/01/10; the third-party policy is in force from 1404/12/02 (ThirdPartyClaimTests).
@Suite("Claims: conditional documents (R-CL-06) and driver accidents (R-TP-01)")
struct ClaimCorrectionsTests {
    static func open(_ flow: ClaimFlow, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        var full: [String: Any] = ["lossDate": "1405/01/05", "noticeDate": "1405/01/08", "description": "تصادف در تقاطع", "atFaultLicensed": true]
        for (key, value) in body { full[key] = value }
        return try await flow.app.send(.POST, "/api/v1/claims", token: flow.claims, json: full)
    }

    static func missing(_ res: TestingHTTPResponse) -> Set<String> {
        Set(((res.json["missingDocuments"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String })
    }

    @Test("R-CL-06 a third-party death needs the body examination, the burial permit and the inheritance certificate; an injury does not")
    func deathDocuments() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await ThirdPartyClaimTests.policyInForce(app, flow)
            // D-TP-BODILY: seven documents every bodily file needs, three more on a death
            let always: Set = ["police-first-minutes", "officer-sketch", "police-report-to-court", "forensic-opinions", "court-ruling",
                               "at-fault-licence", "at-fault-policy-slip"]
            let onDeath: Set = ["body-examination-report", "burial-permit-death-record", "inheritance-certificate"]
            let injury = try await Self.open(flow, ["policyId": policyID, "kind": "bodily"])
            #expect(injury.status == .created, "\(injury.body.string)")
            #expect(Self.missing(injury) == always)
            let death = try await Self.open(flow, ["policyId": policyID, "kind": "bodily", "lossDate": "1405/01/06", "conditions": ["death"]])
            #expect(death.status == .created, "\(death.body.string)")
            #expect(death.json["conditions"] as? [String] == ["death"])
            #expect(Self.missing(death) == always.union(onDeath))

            // the offer waits for them: the seven, then the death's three
            let claimID = try #require(death.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            for code in always.sorted() { #expect(try await flow.upload(claimID, code: code).status == .created) }
            // R-TP-10: a death is the whole diya of 1405/01/06 (Shawwal, ordinary): 21,000,000,000
            let assessed = try await flow.post(claimID, "assessment", json: ["diyaPercent": "100", "death": true])
            #expect(assessed.json["loss"] as? Int == 21_000_000_000)
            let blocked = try await flow.post(claimID, "offer")
            #expect(blocked.problemCode == "documents-missing")
            #expect(Set(blocked.fieldCodes.keys) == Set(onDeath.map { "documents.\($0)" }))
            for code in onDeath.sorted() { #expect(try await flow.upload(claimID, code: code).status == .created) }
            #expect(try await flow.post(claimID, "offer").status == .ok)

            // a condition the case's checklist does not depend on is refused, nothing opened
            let before = try await Claim.query(on: app.db).count()
            let surgery = try await Self.open(flow, ["policyId": policyID, "kind": "bodily", "conditions": ["death", "surgery"]])
            #expect(surgery.fieldCodes == ["conditions[1]": "unknown-condition"])
            #expect(try await Claim.query(on: app.db).count() == before)
        }
    }

    @Test("R-TP-01 a driver-accident claim: the cover bought, a licence, and a class that fits the vehicle")
    func driverAccident() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await ThirdPartyClaimTests.policyInForce(app, flow)
            // the policy did not buy the driver-accident cover
            let notBought = try await Self.open(flow, ["policyId": policyID, "kind": "driver-accident", "driverLicenceClass": "third"])
            #expect(notBought.status == .unprocessableEntity)
            #expect(notBought.fieldCodes == ["kind": "driver-cover-not-bought"])

            // as if it had: the stored inputs with the cover
            let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            var inputs = try #require(try JSONSerialization.jsonObject(with: Data(policy.inputs.utf8)) as? [String: Any])
            inputs["driverAccident"] = true
            policy.inputs = String(decoding: try JSONSerialization.data(withJSONObject: inputs, options: [.sortedKeys]), as: UTF8.self)
            try await policy.save(on: app.db)
            try await TestApp.reseal(app, "policy", try policy.requireID())

            // a four-cylinder car needs a third-class licence (T-TP): none, or a motorcycle licence, is refused
            let unlicensed = try await Self.open(flow, ["policyId": policyID, "kind": "driver-accident"])
            #expect(unlicensed.fieldCodes == ["driverLicenceClass": "driver-unlicensed"])
            let motorcycle = try await Self.open(flow, ["policyId": policyID, "kind": "driver-accident", "driverLicenceClass": "motorcycle"])
            #expect(motorcycle.fieldCodes == ["driverLicenceClass": "licence-class-mismatch"])
            let unknown = try await Self.open(flow, ["policyId": policyID, "kind": "driver-accident", "driverLicenceClass": "pilot"])
            #expect(unknown.fieldCodes == ["driverLicenceClass": "invalid-licence-class"])
            // a licence class only belongs on a driver-accident notice
            let financial = try await Self.open(flow, ["policyId": policyID, "kind": "financial", "policeSketch": true, "driverLicenceClass": "third"])
            #expect(financial.fieldCodes == ["driverLicenceClass": "not-applicable"])
            #expect(try await Claim.query(on: app.db).count() == 0)
            // a first-class licence covers a car: the file opens
            let covered = try await Self.open(flow, ["policyId": policyID, "kind": "driver-accident", "driverLicenceClass": "first"])
            #expect(covered.status == .created, "\(covered.body.string)")
        }
    }
}

@Suite("Claims: computer claims name their damaged items (R-CL-08)")
struct ComputerClaimItemsServerTests {
    @Test("R-CL-08 each named computer is capped at its declared value, then franchise and sum insured")
    func itemsCapped() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            // computers SN-1 60,000,000 and SN-2 40,000,000: sum insured 100,000,000, franchise 10 % (tariff default)
            let policyID = try await flow.policy([60_000_000, 40_000_000])
            let opened = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10")
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            // unknown computer, a loss that disagrees with the items: refused
            let unknown = try await flow.post(claimID, "assessment", json: ["items": [["serial": "SN-9", "loss": 5_000_000]]])
            #expect(unknown.fieldCodes == ["items[0]": "unknown-item"])
            let mismatch = try await flow.post(claimID, "assessment", json: ["loss": 1_000, "items": [["row": 0, "loss": 5_000_000]]])
            #expect(mismatch.fieldCodes == ["loss": "items-loss-mismatch"])
            // row 0 lost 70,000,000 (more than its 60,000,000), SN-2 lost 10,000,000: loss 80,000,000
            let assessed = try await flow.post(claimID, "assessment", json: ["items": [["row": 0, "loss": 70_000_000], ["serial": "SN-2", "loss": 10_000_000]]])
            #expect(assessed.status == .ok, "\(assessed.body.string)")
            #expect(assessed.json["loss"] as? Int == 80_000_000)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            // item cap −10,000,000 → 70,000,000; paid in full before the loss; franchise 10 % = 7,000,000 → 63,000,000,
            // under the sum insured 100,000,000
            #expect(ThirdPartyClaimTests.line(settlement, "item-cap") == -10_000_000)
            #expect(ThirdPartyClaimTests.line(settlement, "franchise") == -7_000_000)
            #expect(settlement.json["payable"] as? Int == 63_000_000)
            // a new assessment without items drops them: 80,000,000 − 10 % = 72,000,000
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 80_000_000, "salvage": 0]).status == .ok)
            let plain = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            #expect(ThirdPartyClaimTests.line(plain, "item-cap") == nil)
            #expect(plain.json["payable"] as? Int == 72_000_000)
        }
    }

    @Test("R-CL-08 a line without an item list refuses items")
    func itemsNotApplicable() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await ThirdPartyClaimTests.policyInForce(app, flow)
            let opened = try await ThirdPartyClaimTests.notice(flow, policyID, kind: "financial", sketch: true)
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let res = try await flow.post(claimID, "assessment", json: ["items": [["row": 0, "loss": 5_000_000]]])
            #expect(res.fieldCodes == ["items": "not-applicable"])
        }
    }
}
