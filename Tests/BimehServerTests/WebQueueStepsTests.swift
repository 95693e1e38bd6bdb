@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Work queues a record enters and leaves, and the next step a registered policy's page states.
@Suite("Web: queues a record enters and leaves; the policy page's next step")
struct WebQueueStepsTests {
    typealias Browser = WebPageTests.Browser

    /// The count and link of the dashboard queue labelled `label`.
    static func queue(_ html: String, _ label: String) -> (count: String, href: String)? {
        for item in html.components(separatedBy: "<li><a href=\"").dropFirst() where item.contains(label) {
            let href = String(item.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            let count = item.components(separatedBy: "<span class=\"value\">").dropFirst().first.map { String($0.prefix { $0 != "<" }) } ?? ""
            return (count, href)
        }
        return nil
    }

    @Test("R-P-07 issuer: an endorsement awaiting payment is in its queue and leaves it once the additional premium is collected")
    func endorsementQueue() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let label = "الحاقیه‌های در انتظار پرداخت"
            #expect(Self.queue(try await issuer.get("/").body.string, label)?.count == "۰")
            // add a 36,500,000 computer from 1405/07/15: +179,000 (see PolicyLifecycleTests), unpaid
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                         json: ["effectiveDate": "1405/07/15", "changes": ["items": PolicyFlow.items([60_000_000, 40_000_000, 36_500_000])]])
            #expect(res.json["status"] as? String == "awaiting-payment")
            let waiting = try #require(Self.queue(try await issuer.get("/").body.string, label))
            #expect(waiting.count == "۱")
            #expect(waiting.href == "/policies?endorsement=unpaid")
            #expect(WebPolicyListTests.rowLinks(try await issuer.get(waiting.href).body.string) == [policyID])
            let pay = try await flow.cheque(policyID, amount: 179_000, endorsementID: try #require(res.json["id"] as? String))
            _ = try await flow.collect(try #require(pay.json["id"] as? String))
            #expect(Self.queue(try await issuer.get("/").body.string, label)?.count == "۰")
            #expect(WebPolicyListTests.rowLinks(try await issuer.get(waiting.href).body.string).isEmpty)
        }
    }

    @Test("R-P-05 accountant: a held cheque due today is in its queue on the payments list and leaves it when collected")
    func chequeQueue() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let ali = try await WebPolicyListTests.registeredForAli(flow)
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let label = "چک‌های سررسیدهٔ امروز و گذشته"
            let before = try #require(Self.queue(try await accountant.get("/").body.string, label))
            // today is 1405/01/10 (TestApp's clock); PolicyFlow's cheques fall due that day
            #expect(before.href == "/payments?status=held&method=cheque&by=due&to=1405/01/10")
            let premium = try #require(try await flow.get(ali).json["premium"] as? Int)
            let cheque = try #require(try await flow.cheque(ali, amount: Int64(premium)).json["id"] as? String)
            let after = try #require(Self.queue(try await accountant.get("/").body.string, label))
            #expect(after.count == Normalize.persianDigits(String((Int(Normalize.identifier(before.count)) ?? 0) + 1)))
            #expect(WebListsTests.links(try await accountant.get(after.href).body.string, "/policies/").contains(ali))
            #expect(try await flow.collect(cheque).status == .ok)
            #expect(!WebListsTests.links(try await accountant.get(after.href).body.string, "/policies/").contains(ali))
            #expect(Self.queue(try await accountant.get("/").body.string, label)?.count == before.count)
        }
    }

    @Test("R-P-06 the agent's registered policy says what happens next and who does it, at each step")
    func nextStep() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([20_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let unpaid = try await issuer.get("/policies/\(policyID)").body.string
            #expect(unpaid.contains("گام بعد: پرداخت حق بیمه"))
            let premium = try #require(try await flow.get(policyID).json["premium"] as? Int)
            let cheque = try #require(try await flow.cheque(policyID, amount: Int64(premium)).json["id"] as? String)
            #expect(try await issuer.get("/policies/\(policyID)").body.string.contains("وصول چک یا تأیید فیش بانکی توسط حسابداری"))
            #expect(try await flow.collect(cheque).status == .ok)
            #expect(try await issuer.get("/policies/\(policyID)").body.string.contains("بیمه‌نامه آمادهٔ صدور است"))
            // what an agent reads on a policy the insurer must issue
            let ready = PolicyNextStep.text(status: .registered, ledger: try await PolicyLedger.load(try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)), on: app.db),
                                            prerequisitePending: false, waitingPayments: false, role: .agent)
            #expect(ready == "در انتظار صدور توسط کارشناس صدور (حق بیمهٔ لازم وصول شده است).")
            #expect(try await flow.issue(policyID).status == .ok)
            #expect(!(try await issuer.get("/policies/\(policyID)").body.string.contains("گام بعد")))
        }
    }
}
