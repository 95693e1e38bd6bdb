@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// R-G-09: a policy records its channel; an online broker sells only with a licence valid on the
/// sale day; contracts of online brokers whose licence lapsed are listed with the premium due.
/// Today is 1405/01/10; the demo online broker's licence runs to 1406/01/10.
@Suite("Sale channels and online brokers (R-G-09)")
struct SaleChannelTests {
    typealias Browser = WebPageTests.Browser

    static func broker(_ app: Application, name: String, online: Bool, expiry: String) async throws -> String {
        let broker = Broker(name: name, online: online, licenceNumber: "CI-\(name.count)-\(expiry)", licenceExpiry: expiry)
        try await broker.create(on: app.db)
        return try broker.requireID().uuidString
    }

    @Test("R-G-09 direct, agency and broker sales; an online broker whose licence expired yesterday is refused")
    func channels() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let demo = try #require(try await Broker.query(on: app.db).filter(\.$online == true).first())
            let expired = try await Self.broker(app, name: "کارگزار برخط منقضی", online: true, expiry: "1405/01/09")
            let offline = try await Self.broker(app, name: "کارگزار حضوری", online: false, expiry: "1400/01/01")
            func register(_ broker: String?) async throws -> TestingHTTPResponse {
                let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
                var body: [String: Any] = ["quoteId": quoteID, "customerId": flow.customerID, "startDate": "1405/01/15", "endDate": "1406/01/15",
                                           "payment": ["plan": "cash"]]
                if let broker { body["brokerId"] = broker }
                return try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: body)
            }
            let refused = try await register(expired)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.fieldCodes == ["brokerId": "broker-unlicensed"])
            #expect(try await Policy.query(on: app.db).count() == 0)
            #expect(try await register(UUID().uuidString).fieldCodes == ["brokerId": "unknown-broker"])

            let direct = try #require(try await register(nil).json["id"] as? String)
            #expect(try await flow.get(direct).json["channel"] as? String == "direct")
            let online = try #require(try await register(try demo.requireID().uuidString).json["id"] as? String)
            let view = try await flow.get(online)
            #expect(view.json["channel"] as? String == "broker")
            #expect(view.json["brokerId"] as? String == (try demo.requireID().uuidString))
            // a broker that does not sell online needs no Central Insurance licence for this rule
            #expect(try await register(offline).status == .created)

            // the agent's sale is the agency's
            let agent = try await app.token("agent")
            // the person comes to the agency: registered (or brought) by the agent, linked to it
            _ = try await app.send(.POST, "/api/v1/customers", token: agent, json: Bodies.natural())
            let quote = try await app.send(.POST, "/api/v1/quotes", token: agent,
                                           json: ["product": "computer", "customerId": flow.customerID, "date": "1405/01/10", "inputs": ["items": PolicyFlow.items([60_000_000])]])
            let quoteID = try #require(quote.json["id"] as? String)
            let sold = try await flow.register(quoteID: quoteID, token: agent)
            let agencyPolicy = try #require(sold.json["id"] as? String)
            #expect(try await app.send(.GET, "/api/v1/policies/\(agencyPolicy)", token: agent).json["channel"] as? String == "agency")

            // the same refusal from the quote page
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let pageQuote = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let page = try await issuer.get("/quotes/\(pageQuote)")
            let csrf = try #require(Browser.hidden("_csrf", in: page.body.string))
            let web = try await issuer.post("/quotes/\(pageQuote)/policy", form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15",
                                                                               "plan": "cash", "brokerId": expired])
            #expect(CommandParityTests.pageCodes(web) == ["brokerId:broker-unlicensed"])
        }
    }

    @Test("R-G-09 contracts of an online broker whose licence lapsed are listed with the full premium due")
    func unlicensedContracts() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let demo = try #require(try await Broker.query(on: app.db).filter(\.$online == true).first())
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let sold = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": flow.customerID, "startDate": "1405/01/15", "endDate": "1406/01/15",
                "payment": ["plan": "cash"], "brokerId": try demo.requireID().uuidString])
            let policyID = try #require(sold.json["id"] as? String)
            // today the licence is valid: nothing to list
            let head = try await app.token("head")
            #expect(try await app.send(.GET, "/api/v1/reports/broker-contracts", token: head).body.string == "[]")
            // on 1406/02/01 it has lapsed: premium 60,000,000 × 1 % = 600,000, nothing collected, 600,000 due
            let later = try await app.send(.GET, "/api/v1/reports/broker-contracts?on=1406/02/01", token: head)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(later.body.string.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["policyId"] as? String == policyID)
            #expect(rows.first?["premium"] as? Int == 600_000)
            #expect(rows.first?["due"] as? Int == 600_000)
            // an agent may not read the list
            #expect(try await app.send(.GET, "/api/v1/reports/broker-contracts", token: try await app.token("agent")).status == .forbidden)
            // the broker's licence lapses in the data: the page lists the contract
            demo.licenceExpiry = "1405/01/09"
            try await demo.save(on: app.db)
            var browser = Browser(app: app)
            try await browser.signIn("head")
            let page = try await browser.get("/brokers/unlicensed")
            #expect(page.status == .ok, "\(page.body.string.prefix(3000))")
            #expect(page.body.string.contains("/policies/\(policyID)"))
            #expect(page.body.string.contains("۶۰۰٬۰۰۰"))
        }
    }
}
