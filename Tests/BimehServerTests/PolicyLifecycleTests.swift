@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The API flow of API.md with hand-computed figures. Today is 1405/01/10 (TestApp's clock).
/// Term 1405/01/15 → 1406/01/15 = 365 days (1405 is not a leap year: (25·1405+11) mod 33 = 24 ≥ 8).
@Suite("Policy lifecycle over HTTP (R-P-01…R-P-09)")
struct PolicyLifecycleTests {
    @Test("R-P-01/02/04/05/06 quote → cash policy → cheque → collect → issue, with the numbers worked by hand")
    func cashFlow() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // quote: 60,000,000 + 40,000,000 = 100,000,000 insured; base 1 % = 1,000,000; 2 items < 50 → no volume discount
            let quote = try await flow.quote([60_000_000, 40_000_000])
            #expect(quote.status == .created)
            #expect(quote.json["total"] as? Int == 1_000_000)
            #expect(quote.json["sumInsured"] as? Int == 100_000_000)
            let lines = try #require(quote.json["lines"] as? [[String: Any]])
            #expect(lines.map { $0["code"] as? String } == ["base"])
            #expect(lines.first?["rule"] as? String == "R-CP-02")
            #expect(quote.json["proposalNumber"] as? String == "1405/1", "the proposal is the year's first secretariat number")
            let quoteID = try #require(quote.json["id"] as? String)

            // register, cash: one line of 1,000,000 due today
            let registered = try await flow.register(quoteID: quoteID)
            #expect(registered.status == .created)
            #expect(registered.json["status"] as? String == "registered")
            let schedule = try #require(registered.json["schedule"] as? [[String: Any]])
            #expect(schedule.count == 1)
            #expect(schedule.first?["amount"] as? Int == 1_000_000)
            #expect(schedule.first?["dueDate"] as? String == "1405/01/10")
            let policyID = try #require(registered.json["id"] as? String)
            // the quote is used up
            #expect(try await flow.register(quoteID: quoteID).status == .conflict)

            // a held cheque is not payment: issue is refused
            let cheque = try await flow.cheque(policyID, amount: 1_000_000)
            #expect(cheque.status == .created)
            #expect(cheque.json["status"] as? String == "held")
            #expect(cheque.json["receiptNumber"] as? String == "1405/1")
            let early = try await flow.issue(policyID)
            #expect(early.status == .conflict)
            #expect(early.problemCode == "premium-not-paid")

            // accounting collects, then issue takes policy number 1405/1
            let paymentID = try #require(cheque.json["id"] as? String)
            #expect(try await flow.collect(paymentID).json["status"] as? String == "collected")
            let issued = try await flow.issue(policyID)
            #expect(issued.status == .ok)
            #expect(issued.json["number"] as? String == "1405/1")
            #expect(issued.json["status"] as? String == "issued")
            // R-G-04: cover from 24:00 of 1405/01/15 = 1405/01/16 00:00 Tehran (+03:30) = 2026-04-04T20:30Z
            // (1405/01/01 = 2026-03-21), to 24:00 of 1406/01/15 = 2027-04-04T20:30Z (1406/01/01 = 2027-03-21).
            #expect(issued.json["coverFrom"] as? String == "2026-04-04T20:30:00Z")
            #expect(issued.json["coverTo"] as? String == "2027-04-04T20:30:00Z")
            #expect(try await flow.issue(policyID).problemCode == "already-issued")

            let view = try await flow.get(policyID)
            #expect(view.json["paid"] as? Int == 1_000_000)
            #expect(view.json["premium"] as? Int == 1_000_000)
            #expect(view.json["status"] as? String == "issued")
            #expect(view.json["inForce"] as? Bool == false, "today 1405/01/10 is before the cover starts")
            #expect(try await flow.get(policyID, on: "1405/06/01").json["inForce"] as? Bool == true)
            #expect(try await flow.get(policyID, on: "1406/01/16").json["status"] as? String == "expired")
        }
    }

    @Test("R-P-04 installments: 30 % down, 3 installments, the remainder on the last, by Jalali months")
    func installments() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            // premium 1,000,000; down 300,000 (30 %); 700,000 / 3 = 233,333 r 1 → 233,333, 233,333, 233,334
            let res = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 3])
            #expect(res.status == .created)
            let schedule = try #require(res.json["schedule"] as? [[String: Any]])
            #expect(schedule.compactMap { $0["amount"] as? Int } == [300_000, 233_333, 233_333, 233_334])
            #expect(schedule.compactMap { $0["dueDate"] as? String } == ["1405/01/10", "1405/02/10", "1405/03/10", "1405/04/10"])
            // 29.9999 % (299,999) and 6 installments are refused
            let quote2 = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let low = try await flow.register(quoteID: quote2, payment: ["plan": "installments", "downPayment": 299_999, "count": 3])
            #expect(low.status == .unprocessableEntity)
            #expect(low.fieldCodes["payment.downPayment"] == "invalid-down-payment")
            let many = try await flow.register(quoteID: quote2, payment: ["plan": "installments", "downPayment": 300_000, "count": 6])
            #expect(many.fieldCodes["payment.count"] == "invalid-installment-count")
            // only the down payment needs collecting before issue
            let policyID = try #require(res.json["id"] as? String)
            let down = try await flow.cheque(policyID, amount: 300_000)
            _ = try await flow.collect(try #require(down.json["id"] as? String))
            #expect(try await flow.issue(policyID).status == .ok)
        }
    }

    @Test("R-P-07 an additional endorsement mid-term: delta pro-rata, paid before it is issued")
    func additionalEndorsement() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            // add a computer worth 36,500,000 from 1405/07/15: new annual 1,365,000 (+365,000).
            // Elapsed 1405/01/15 → 1405/07/15 = 6 months × 31 = 186 days; remaining 365 − 186 = 179.
            // delta = 365,000 × 179 / 365 = 179,000.
            let items = PolicyFlow.items([60_000_000, 40_000_000, 36_500_000])
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                         json: ["effectiveDate": "1405/07/15", "changes": ["items": items], "description": "افزودن یک رایانه"])
            #expect(res.status == .created)
            #expect(res.json["premiumDelta"] as? Int == 179_000)
            #expect(res.json["kind"] as? String == "additional")
            #expect(res.json["status"] as? String == "awaiting-payment")
            #expect(res.json["number"] as? Int == 1)
            let endorsementID = try #require(res.json["id"] as? String)
            // a second change waits until the first is paid
            let second = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                            json: ["effectiveDate": "1405/08/01", "description": "اصلاح نشانی"])
            #expect(second.problemCode == "endorsement-pending")
            // paid and collected → issued; the policy's premium becomes 1,179,000 and the sum insured 136,500,000
            let pay = try await flow.cheque(policyID, amount: 179_000, endorsementID: endorsementID)
            #expect(pay.status == .created)
            _ = try await flow.collect(try #require(pay.json["id"] as? String))
            let view = try await flow.get(policyID)
            #expect(view.json["premium"] as? Int == 1_179_000)
            #expect(view.json["sumInsured"] as? Int == 136_500_000)
            #expect(view.json["annualPremium"] as? Int == 1_365_000)
            let endorsements = try #require(view.json["endorsements"] as? [[String: Any]])
            #expect(endorsements.first?["status"] as? String == "issued")
        }
    }

    @Test("R-P-07 a refund endorsement issues a refund payment order; a text-only change is non-financial")
    func refundEndorsement() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            // remove the 40,000,000 computer from 1405/07/15: annual 1,000,000 → 600,000 (−400,000);
            // delta = −400,000 × 179 / 365 = −196,164.38… → −196,164 (half away from zero)
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                         json: ["effectiveDate": "1405/07/15", "kind": "refund", "changes": ["items": PolicyFlow.items([60_000_000])]])
            #expect(res.status == .created)
            #expect(res.json["premiumDelta"] as? Int == -196_164)
            let order = try #require(res.json["paymentOrder"] as? [String: Any])
            #expect(order["amount"] as? Int == 196_164)
            #expect(order["number"] as? String == "1405/1")
            let text = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                          json: ["effectiveDate": "1405/08/01", "description": "تغییر نشانی محل نگهداری رایانه‌ها"])
            #expect(text.json["kind"] as? String == "non-financial")
            #expect(text.json["premiumDelta"] as? Int == 0)
            #expect(text.json["number"] as? Int == 2)
            let mismatch = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                              json: ["effectiveDate": "1405/08/01", "kind": "additional", "description": "x"])
            #expect(mismatch.fieldCodes["kind"] == "endorsement-kind-mismatch")
        }
    }

    @Test("R-P-08 cancellation by the insured uses T-SP; by the insurer pro-rata; a refund payment order follows")
    func cancellation() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // insured, notice 1405/02/04 + 20 days = effective 1405/02/24; elapsed = 16 (rest of Farvardin) + 24 = 40 days
            // → T-SP ≤ 60 days retains 30 %: 300,000; refund 1,000,000 − 300,000 = 700,000
            let first = try await flow.issuedPolicy()
            let insured = try await app.send(.POST, "/api/v1/policies/\(first)/cancellation", token: flow.issuer,
                                             json: ["initiatedBy": "insured", "noticeDate": "1405/02/04", "reason": "فروش رایانه‌ها"])
            #expect(insured.status == .ok)
            #expect(insured.json["effectiveDate"] as? String == "1405/02/24")
            #expect(insured.json["retained"] as? Int == 300_000)
            #expect(insured.json["refund"] as? Int == 700_000)
            #expect(insured.json["owed"] as? Int == 0)
            #expect((insured.json["paymentOrder"] as? [String: Any])?["amount"] as? Int == 700_000)
            // cancelling twice, endorsing or paying a cancelled policy: 409
            let again = try await app.send(.POST, "/api/v1/policies/\(first)/cancellation", token: flow.issuer,
                                           json: ["initiatedBy": "insured", "noticeDate": "1405/02/04", "reason": "x"])
            #expect(again.problemCode == "already-cancelled")
            let endorse = try await app.send(.POST, "/api/v1/policies/\(first)/endorsements", token: flow.issuer,
                                             json: ["effectiveDate": "1405/03/01", "description": "x"])
            #expect(endorse.problemCode == "policy-cancelled")
            // R-P-08: the cancellation takes effect at 24:00 of 1405/02/24: in force and «در انتظار فسخ» until then
            #expect(try await flow.get(first).json["status"] as? String == "pending-cancellation")
            let pending = try await flow.get(first, on: "1405/02/24").json
            #expect(pending["status"] as? String == "pending-cancellation")
            #expect(pending["inForce"] as? Bool == true)
            let after = try await flow.get(first, on: "1405/02/25").json
            #expect(after["status"] as? String == "cancelled")
            #expect(after["inForce"] as? Bool == false)

            // insurer, same dates: remaining 365 − 40 = 325; refund 1,000,000 × 325 / 365 = 890,410.96… → 890,411;
            // retained 1,000,000 − 890,411 = 109,589
            let second = try await flow.issuedPolicy()
            let insurer = try await app.send(.POST, "/api/v1/policies/\(second)/cancellation", token: flow.issuer,
                                             json: ["initiatedBy": "insurer", "noticeDate": "1405/02/04", "reason": "تشدید خطر"])
            #expect(insurer.json["refund"] as? Int == 890_411)
            #expect(insurer.json["retained"] as? Int == 109_589)
            #expect(insurer.json["method"] as? String == "pro-rata")
        }
    }

    @Test("R-P-08 paid less than retained: the difference is owed, no refund order")
    func owed() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2]).json["id"] as? String)
            _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: 300_000).json["id"] as? String))
            _ = try await flow.issue(policyID)
            // notice 1405/09/29 + 20 = effective 1405/10/19, elapsed from 1405/01/15:
            // 16 + 5×31 (months 2–6) + 3×30 (months 7–9) + 19 = 280 days > 270 → 100 % retained = 1,000,000;
            // paid 300,000 → owed 700,000
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                         json: ["initiatedBy": "insured", "noticeDate": "1405/09/29", "reason": "x"])
            #expect(res.json["effectiveDate"] as? String == "1405/10/19")
            #expect(res.json["elapsedDays"] as? Int == 280)
            #expect(res.json["retained"] as? Int == 1_000_000)
            #expect(res.json["refund"] as? Int == 0)
            #expect(res.json["owed"] as? Int == 700_000)
            #expect(res.json["paymentOrder"] == nil)
        }
    }

    @Test("R-P-09 renewal: a new registered policy for the next year with the same inputs")
    func renewal() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            // R-P-09: today 1405/01/10; the policy ends 1406/01/15, so renewal opens 30 days before:
            // 1406/01/15 − 14 = 1406/01/01, − 1 = 1405/12/29 (Esfand 1405 has 29 days), − 15 = 1405/12/14
            let early = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(early.status == .conflict)
            #expect(early.problemCode == "renewal-too-early")
            #expect(early.json["detail"] as? String ?? "" == "تمدید از ۳۰ روز پیش از پایان بیمه‌نامه ممکن است: از ۱۴۰۵/۱۲/۱۴ (پایان: ۱۴۰۶/۰۱/۱۵).")
            // as if sold a year earlier: ending 1405/01/25, renewal opened on 1404/12/25
            let old = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            old.startDate = "1404/01/25"
            old.endDate = "1405/01/25"
            try await old.save(on: app.db)
            try await TestApp.reseal(app, "policy", try old.requireID())
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(res.status == .created)
            let renewedID = try #require(res.json["id"] as? String)
            let view = try await flow.get(renewedID)
            #expect(view.json["startDate"] as? String == "1405/01/25")
            #expect(view.json["endDate"] as? String == "1406/01/25")
            #expect(view.json["premium"] as? Int == 1_000_000)
            #expect(view.json["renewalOf"] as? String == policyID)
            let twice = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            #expect(twice.problemCode == "already-renewed")
        }
    }
}
