@testable import BimehServer
import Fluent
import SQLKit
import Foundation
import Testing
import VaporTesting

/// Third-party motor over HTTP. Today is 1405/01/10 (TestApp's clock); 1405's sample tariff is
/// the 1399 reference × 5, so a four-cylinder car ("car-4-cyl", 19,687,000 in 1399) costs 98,435,000.
@Suite("Third-party motor (R-TP-02, 03, 08, 13)")
struct ThirdPartyTests {
    /// The vehicle card of the cars sold in these tests (R-TP-13), as a seller types it.
    static var vehicle: [String: Any] { [
        "plate": "۲۲ ج ۴۵۶ ایران ۱۰", "vin": "1M8GDM9AXKP042788", "engineNumber": "124K0123456",
        "make": "ایران خودرو", "model": "پژو ۲۰۶", "modelYear": 1398,
    ] }

    static func inputs(previousEnd: String? = nil, issueDate: String = "1405/01/10", vehicle: [String: Any]? = Self.vehicle) -> [String: Any] {
        var inputs: [String: Any] = [
            "vehicleClass": "car-4-cyl", "usage": "private", "issueDate": issueDate, "claimFreeYears": 0, "financialClaims": 0,
            "bodilyClaims": 0, "vehicleAgeYears": 3, "negativePoints": 0, "firstRegistration": false, "safeDrivingCourse": false,
            "missingInspection": false, "extraTrailers": 0, "financialCover": 0, "driverAccident": false,
        ]
        if let previousEnd { inputs["previousPolicyEndDate"] = previousEnd }
        if let vehicle { inputs["vehicle"] = vehicle }
        return inputs
    }

    @Test("R-TP-08 a car whose last policy lapsed 20 days ago: base 98,435,000 + penalty 5,393,699; licence before issue; public code")
    func sellLapsedCar() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // lapse: 1404/12/19 → 1405/01/10 = 10 days (Esfand 1404 has 29) + 10 = 20 days, outside the amnesty window;
            // penalty = 98,435,000 × 20 / 365 = 5,393,698.63 → 5,393,699
            let quote = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                           json: ["product": "third-party", "customerId": flow.customerID, "date": "1405/01/10", "inputs": Self.inputs(previousEnd: "1404/12/19")])
            #expect(quote.status == .created)
            let lines = try #require(quote.json["lines"] as? [[String: Any]])
            #expect(lines.first { $0["code"] as? String == "base" }?["amount"] as? Int == 98_435_000)
            #expect(lines.first { $0["code"] as? String == "late-penalty" }?["amount"] as? Int == 5_393_699)
            #expect(quote.json["total"] as? Int == 103_828_699)
            let quoteID = try #require(quote.json["id"] as? String)

            let policy = try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10")
            #expect(policy.status == .created)
            let policyID = try #require(policy.json["id"] as? String)
            let cheque = try await flow.cheque(policyID, amount: 103_828_699)
            _ = try await flow.collect(try #require(cheque.json["id"] as? String))
            // R-TP-02: no issue without a verified licence
            let early = try await flow.issue(policyID)
            #expect(early.status == .conflict)
            #expect(early.problemCode == "licence-required")
            let licence: [String: Any] = ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
            var motorcycle = licence
            motorcycle["class"] = "motorcycle"
            #expect(try await app.send(.POST, "/api/v1/policies/\(policyID)/licence", token: flow.issuer, json: motorcycle).fieldCodes["licence.class"] == "licence-class-mismatch")
            var expired = licence
            expired["expiry"] = "1405/01/09"
            #expect(try await app.send(.POST, "/api/v1/policies/\(policyID)/licence", token: flow.issuer, json: expired).fieldCodes["licence.expiry"] == "licence-expired")
            #expect(try await app.send(.POST, "/api/v1/policies/\(policyID)/licence", token: flow.issuer, json: licence).status == .created)

            // R-TP-03: cover from 00:00 of 1405/01/11 = 2026-03-30T20:30Z (1405/01/01 = 2026-03-21, Tehran +03:30)
            let issued = try await flow.issue(policyID)
            #expect(issued.status == .ok)
            #expect(issued.json["coverFrom"] as? String == "2026-03-30T20:30:00Z")
            let code = try #require(issued.json["uniqueCode"] as? String)
            #expect(code.count == 16)

            // R-TP-13: anyone can check the code; an unknown code is simply not authentic
            let inquiry = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(inquiry.json["authentic"] as? Bool == true)
            #expect(inquiry.json["policyNumber"] as? String == "1405/1")
            #expect((inquiry.json["vehicle"] as? [String: Any])?["label"] is String)
            #expect(try await app.send(.GET, "/api/v1/public/third-party/ABCDEFGHJKLMNPQR").json["authentic"] as? Bool == false)
            #expect(try await app.send(.GET, "/api/v1/public/third-party/x").json["authentic"] as? Bool == false)
            // the central registry's event was written with the issue
            let events = try await RegistryEvent.query(on: app.db).all()
            #expect(events.map(\.kind) == ["issued"])
            #expect(events.first?.payload.contains("1234567890") == true)
        }
    }

    /// Quote → cash policy → cheque → collect; returns the policy id, ready for its licence.
    static func registeredThirdParty(_ app: Application, _ flow: PolicyFlow, vehicle: [String: Any]? = Self.vehicle) async throws -> String {
        let quote = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                       json: ["product": "third-party", "customerId": flow.customerID, "date": "1405/01/10", "inputs": inputs(vehicle: vehicle)])
        let quoteID = try #require(quote.json["id"] as? String)
        let total = try #require(quote.json["total"] as? Int)
        let policyID = try #require(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10").json["id"] as? String)
        _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: Int64(total)).json["id"] as? String))
        return policyID
    }

    /// Quote → cash policy → cheque → collect → licence → issue; returns the policy id.
    static func issuedThirdParty(_ app: Application, _ flow: PolicyFlow) async throws -> String {
        let policyID = try await registeredThirdParty(app, flow)
        let licence: [String: Any] = ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
        #expect(try await app.send(.POST, "/api/v1/policies/\(policyID)/licence", token: flow.issuer, json: licence).status == .created)
        #expect(try await flow.issue(policyID).status == .ok)
        return policyID
    }

    @Test("R-P-09/R-TP-06/R-TP-08 renewal five days after the end: one more claim-free year and five days' penalty")
    func renewal() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedThirdParty(app, flow)
            // As if bought on 1404/01/05: it ended on 1405/01/05, five days before today.
            let old = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            old.issueDate = "1404/01/05"
            old.startDate = "1404/01/05"
            old.endDate = "1405/01/05"
            try await old.save(on: app.db)
            try await TestApp.reseal(app, "policy", try old.requireID())

            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(res.status == .created)
            // base 98,435,000; no claim in the old term: 0 → 1 claim-free year, −98,435,000 × 5 % = −4,921,750;
            // lapse 1405/01/05 → 1405/01/10 = 5 days: 98,435,000 × 5 / 365 = 1,348,424.66 → 1,348,425;
            // 98,435,000 − 4,921,750 + 1,348,425 = 94,861,675
            #expect(res.json["premium"] as? Int == 94_861_675)
            let renewedID = try #require(res.json["id"] as? String)
            let renewed = try #require(try await Policy.find(UUID(uuidString: renewedID), on: app.db))
            #expect(renewed.startDate == "1405/01/10")
            let lines = try JSONSerialization.jsonObject(with: Data(renewed.lines.utf8)) as? [[String: Any]] ?? []
            #expect(lines.first { $0["code"] as? String == "no-claim-discount" }?["amount"] as? Int == -4_921_750)
            #expect(lines.first { $0["code"] as? String == "late-penalty" }?["amount"] as? Int == 1_348_425)

            // Issued like any third-party policy (licence, premium), it is reported as a renewal.
            _ = try await flow.collect(try #require(try await flow.cheque(renewedID, amount: 94_861_675).json["id"] as? String))
            let licence: [String: Any] = ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
            #expect(try await app.send(.POST, "/api/v1/policies/\(renewedID)/licence", token: flow.issuer, json: licence).status == .created)
            #expect(try await flow.issue(renewedID).status == .ok)
            let events = try await RegistryEvent.query(on: app.db).filter(\.$policy.$id == renewed.requireID()).all()
            #expect(events.map(\.kind) == ["renewed"])

            // A second renewal of the same policy is refused.
            let again = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(again.problemCode == "already-renewed")
        }
    }

    @Test("R-TP-12 plate-change endorsement: no premium effect, the new plate on the policy's vehicle and in the registry")
    func plateChange() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedThirdParty(app, flow)
            // sold with «۲۲ ج ۴۵۶ ایران ۱۰» = 22ج456-10; changed to «۱۲ ب ۳۴۵ - ۶۶» = 12ب345-66
            #expect(try await flow.get(policyID).json["plate"] as? String == "22ج456-10")
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/01/11", "kind": "non-financial", "changes": ["plate": "۱۲ ب ۳۴۵ - ۶۶"], "description": "تعویض پلاک"])
            #expect(res.status == .created, "\(res.body.string)")
            #expect(res.json["premiumDelta"] as? Int == 0)
            let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            #expect(policy.inputs.contains("\"plate\":\"12ب345-66\""))
            #expect(!policy.inputs.contains("22ج456-10"))
            let events = try await RegistryEvent.query(on: app.db).filter(\.$policy.$id == policy.requireID()).sort(\.$createdAt).all()
            #expect(events.map(\.kind) == ["issued", "endorsed"])
            #expect(events.last?.payload.contains("12ب345-66") == true)
            let view = try await flow.get(policyID).json
            #expect(view["plate"] as? String == "12ب345-66")
            let vehicle = try #require(view["vehicle"] as? [String: Any])
            #expect(vehicle["plate"] as? String == "12ب345-66")
            #expect(vehicle["plateDisplay"] as? String == "۱۲ ب ۳۴۵ ایران ۶۶")
            // the rest of the vehicle is unchanged
            #expect(vehicle["vin"] as? String == "1M8GDM9AXKP042788")
            let bad = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/01/11", "changes": ["plate": String(repeating: "۱", count: 40)], "description": "تعویض پلاک"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.fieldCodes.values.contains("invalid-plate"), "\(bad.body.string)")
        }
    }

    @Test("R-P-04 third-party installments: natural persons 50 % down; a legal person deducting from salaries 25 %")
    func payrollDeduction() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let company = try await app.send(.POST, "/api/v1/customers", token: flow.issuer,
                                             json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت حمل‌ونقل نمونه"])
            let companyID = try #require(company.json["id"] as? String)
            func quote(_ customer: String) async throws -> String {
                try #require(try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
                    "product": "third-party", "customerId": customer, "date": "1405/01/10", "inputs": Self.inputs()]).json["id"] as? String)
            }
            func register(_ quoteID: String, _ customer: String, _ payment: [String: Any]) async throws -> TestingHTTPResponse {
                try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                    "quoteId": quoteID, "customerId": customer, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": payment])
            }
            // premium 98,435,000: 25 % = 24,608,750 down, the rest 73,826,250 in 3 → 24,608,750 each
            let quarter: [String: Any] = ["plan": "installments", "downPayment": 24_608_750, "count": 3, "payrollDeduction": true]
            let natural = try await register(try await quote(flow.customerID), flow.customerID, quarter)
            #expect(natural.fieldCodes["payment.payrollDeduction"] == "payroll-deduction-legal-only")
            var withoutDeduction = quarter
            withoutDeduction["payrollDeduction"] = nil
            let legalPlain = try await register(try await quote(companyID), companyID, withoutDeduction)
            #expect(legalPlain.status == .unprocessableEntity, "25 % is below the 50 % of the ordinary rule")
            let legal = try await register(try await quote(companyID), companyID, quarter)
            #expect(legal.status == .created)
            let schedule = try #require(legal.json["schedule"] as? [[String: Any]])
            #expect(schedule.compactMap { $0["amount"] as? Int } == [24_608_750, 24_608_750, 24_608_750, 24_608_750])
            // the last installment is due within 6 months of the purchase
            #expect(schedule.last?["dueDate"] as? String == "1405/04/10")
            // seven installments would end after 6 months
            var seven = quarter
            seven["count"] = 7
            #expect(try await register(try await quote(companyID), companyID, seven).status == .unprocessableEntity)
        }
    }

    @Test("R-TP-03 a third-party policy starts on its purchase day: another start is refused (start-fixed); the web shows the dates read-only")
    func startFixed() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
                "product": "third-party", "customerId": flow.customerID, "date": "1405/01/10", "inputs": Self.inputs()]).json["id"] as? String)
            // today is 1405/01/10: a start on 1405/01/20 would leave ten days uncovered after the sale
            let later = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": flow.customerID, "startDate": "1405/01/20", "endDate": "1406/01/20", "payment": ["plan": "cash"]])
            #expect(later.fieldCodes == ["startDate": "start-fixed"])
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/quotes/\(quoteID)").body.string
            #expect(page.contains("name=\"startDate\" value=\"1405/01/10\" dir=\"ltr\" readonly"))
            let onTheDay = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": flow.customerID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            #expect(onTheDay.status == .created)
        }
    }

    @Test("a third-party policy is renewed from its end day, not before")
    func renewalTooEarly() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedThirdParty(app, flow)
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(res.status == .conflict)
            #expect(res.problemCode == "renewal-too-early")
        }
    }

    /// A stand-in for the central registry: stores each event id once, and fails the first call.
    actor Registry {
        var stored: [String] = []
        var calls = 0

        func receive(_ id: String) -> HTTPStatus {
            calls += 1
            if calls == 1 { return .serviceUnavailable }
            if !stored.contains(id) { stored.append(id) }
            return .ok
        }
    }

    @Test("R-TP-13 registry events: retried after a failure, redelivered after a lost acknowledgement, stored once")
    func registryDelivery() async throws {
        let registry = Registry()
        try await FakeService.with({ server in
            server.post("events") { req async -> HTTPStatus in await registry.receive(FakeService.json(req)["eventId"] as? String ?? "") }
        }) { server in
            try await TestApp.run { app in
                let flow = try await PolicyFlow.start(app)
                _ = try await Self.issuedThirdParty(app, flow)
                let endpoint = server.url("events")
                // first pass: the registry answers 503 → not delivered, one attempt recorded
                #expect(try await RegistryDelivery(app: app, endpoint: endpoint).deliverPending() == 0)
                let event = try #require(try await RegistryEvent.query(on: app.db).first())
                #expect(event.deliveredAt == nil)
                #expect(event.attempts == 1)
                // a fresh process (new delivery, no backoff memory) delivers it
                #expect(try await RegistryDelivery(app: app, endpoint: endpoint).deliverPending() == 1)
                #expect(try await RegistryDelivery(app: app, endpoint: endpoint).deliverPending() == 0, "nothing left")
                // the process died after the registry stored it but before the row was marked:
                // it is sent again on restart, and the registry keeps it once
                let sql = try #require(app.db as? any SQLDatabase)
                try await sql.raw("UPDATE registry_outbox SET delivered_at = NULL").run()
                #expect(try await RegistryDelivery(app: app, endpoint: endpoint).deliverPending() == 1)
                #expect(await registry.stored == [event.eventID.uuidString])
            }
        }
    }

    @Test("a price check (preview) gives the same lines and stores nothing")
    func preview() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let res = try await app.send(.POST, "/api/v1/quotes/preview", token: flow.issuer,
                                         json: ["product": "third-party", "date": "1405/01/10", "inputs": Self.inputs(previousEnd: "1404/12/19")])
            #expect(res.status == .ok)
            #expect(res.json["total"] as? Int == 103_828_699)
            #expect(try await Quote.query(on: app.db).count() == 0)
            #expect(try await Letter.query(on: app.db).count() == 0, "no proposal number taken")
        }
    }

    @Test("R-TP-08 third party is priced on the purchase day only")
    func purchaseDay() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let backdated = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                               json: ["product": "third-party", "date": "1405/01/10", "inputs": Self.inputs(previousEnd: "1404/12/19", issueDate: "1405/01/01")])
            #expect(backdated.status == .unprocessableEntity)
            #expect(backdated.fieldCodes["inputs.issueDate"] == "not-purchase-day")
            // a licence is only for third-party policies
            let computer = try await flow.issuedPolicy()
            let wrong = try await app.send(.POST, "/api/v1/policies/\(computer)/licence", token: flow.issuer,
                                           json: ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "x", "holderNationalCode": "1583250689"])
            #expect(wrong.problemCode == "licence-not-applicable")
        }
    }
}
