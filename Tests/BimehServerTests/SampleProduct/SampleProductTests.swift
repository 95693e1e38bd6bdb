@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// A product added from outside the generic code (registered in the product book of this test's
/// server only) goes the whole way over HTTP: quote → register → pay → issue → claim → payment order.
@Suite("Products as plug-ins: a sample product end to end")
struct SampleProductTests {
    @Test("R-P-01…06, R-CL-01…10 a product registered only here is quoted, issued, claimed and paid")
    func wholeFlow() async throws {
        let hooks = BicycleHooks()
        try await TestApp.run(adjust: { $0.products = ProductBook.standard.adding([BicycleInsurance()], hooks: [hooks]) }) { app in
            let flow = try await ClaimFlow.start(app)
            let policies = flow.policies
            // given a quote: 40,000,000 × 3 % = 1,200,000 (one base line)
            let quote = try await app.send(.POST, "/api/v1/quotes", token: policies.issuer, json: [
                "product": "sample-bicycle", "customerId": policies.customerID, "date": "1405/01/10",
                "inputs": ["frameNumber": "FR-1001", "value": 40_000_000]])
            #expect(quote.status == .created, "\(quote.body.string)")
            #expect(quote.json["total"] as? Int == 1_200_000)
            let quoteID = try #require(quote.json["id"] as? String)

            // R-P-04: the product offers cash only
            let installments = try await policies.registerBackdated(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 600_000, "count": 2],
                                                           start: "1405/01/01", end: "1406/01/01")
            #expect(installments.status == .unprocessableEntity)
            #expect(installments.problemCode == "plan-not-allowed", "\(installments.body.string)")

            // when it is registered (cash), paid by cheque, collected and issued
            let policy = try await policies.registerBackdated(quoteID: quoteID, start: "1405/01/01", end: "1406/01/01")
            #expect(policy.status == .created, "\(policy.body.string)")
            let policyID = try #require(policy.json["id"] as? String)
            let paymentID = try #require(try await policies.cheque(policyID, amount: 1_200_000).json["id"] as? String)
            #expect(try await policies.collect(paymentID).status == .ok)
            let payment = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
            payment.settledOn = "1405/01/01"   // collected before the loss (R-CL-04)
            try await payment.save(on: app.db)
            try await TestApp.reseal(app, "payment", try payment.requireID())
            let issued = try await policies.issue(policyID)
            #expect(issued.status == .ok, "\(issued.body.string)")
            #expect(hooks.log.frames.withLock { $0 } == ["FR-1001"])

            // then a theft claim runs on the product's own case, checklist and copies
            let unknownCase = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/08", kind: "general")
            #expect(unknownCase.status == .unprocessableEntity)
            #expect(unknownCase.fieldCodes["case"] == "unsupported-claim-case")
            let opened = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/08", kind: "bicycle-theft")
            #expect(opened.status == .created, "\(opened.body.string)")
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            #expect(try await flow.upload(claimID, code: "police-report").status == .created)
            // R-CL-06: the offer waits for the purchase invoice
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 30_000_000, "salvage": 0]).status == .ok)
            #expect(try await flow.post(claimID, "offer").problemCode == "documents-missing")
            #expect(try await flow.upload(claimID, code: "purchase-invoice").status == .created)
            #expect(try await flow.post(claimID, "offer").status == .ok)
            #expect(try await flow.post(claimID, "consent").status == .ok)
            // R-CL-08: no franchise, fully paid, under the 40,000,000 sum insured → 30,000,000
            let order = try await flow.order(claimID)
            #expect(order.status == .created, "\(order.body.string)")
            #expect(order.json["amount"] as? Int == 30_000_000)
            #expect(order.json["copies"] as? Int == 3)

            // the notice page offers the product's case under its name, from the product alone
            var expert = WebPageTests.Browser(app: app)
            try await expert.signIn("claims")
            let notice = try await expert.get("/claims/new").body.string
            #expect(notice.contains("<optgroup label=\"بیمهٔ سرقت دوچرخه (نمونهٔ آزمون)\">"))
            #expect(notice.contains("<option value=\"bicycle-theft\">سرقت دوچرخه</option>"))
        }
    }
}
