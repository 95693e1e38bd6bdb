@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Policy safety: idempotency, lost updates, impossible transitions, bad input")
struct PolicySafetyTests {
    @Test("Idempotency-Key: a retried payment returns the first response and records one payment")
    func idempotentPayment() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let first = try await flow.cheque(policyID, amount: 400_000, key: "pay-1")
            let retry = try await flow.cheque(policyID, amount: 400_000, key: "pay-1")
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.json["id"] as? String == first.json["id"] as? String)
            #expect(retry.json["receiptNumber"] as? String == "1405/1")
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await Payment.query(on: app.db).count() == 1)
            // the same key for another request is refused
            let other = try await flow.cheque(policyID, amount: 500_000, key: "pay-1")
            #expect(other.problemCode == "idempotency-key-reused")
            // a new key is a new payment, with the next receipt number
            let next = try await flow.cheque(policyID, amount: 500_000, key: "pay-2")
            #expect(next.json["receiptNumber"] as? String == "1405/2")
        }
    }

    @Test("Idempotency-Key: 10 concurrent retries of one payment record it once")
    func concurrentRetries() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<10 { group.addTask { try await flow.cheque(policyID, amount: 1_000_000, key: "same").status.code } }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 201 || $0 == 409 })
            #expect(statuses.contains(201))
            #expect(try await Payment.query(on: app.db).count() == 1)
        }
    }

    @Test("a stale If-Match version gets 409 and changes nothing")
    func staleVersion() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let seen = try #require(try await flow.get(policyID).headers.first(name: .eTag))
            _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: 1_000_000).json["id"] as? String))
            // the cheque and its collection each moved the version on
            let stale = try await flow.issue(policyID, ifMatch: seen)
            #expect(stale.status == .conflict)
            #expect(stale.problemCode == "stale-version")
            #expect(try await flow.get(policyID).json["status"] as? String == "registered")
            let fresh = try #require(try await flow.get(policyID).headers.first(name: .eTag))
            #expect(try await flow.issue(policyID, ifMatch: fresh).status == .ok)
        }
    }

    @Test("R-P-05 a bounced cheque is not payment and cannot be collected afterwards")
    func bouncedCheque() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let paymentID = try #require(try await flow.cheque(policyID, amount: 1_000_000).json["id"] as? String)
            let bounced = try await app.send(.POST, "/api/v1/payments/\(paymentID)/bounce", token: flow.accountant)
            #expect(bounced.json["status"] as? String == "bounced")
            let collect = try await flow.collect(paymentID)
            #expect(collect.status == .conflict)
            #expect(collect.problemCode == "invalid-transition")
            #expect(try await flow.issue(policyID).problemCode == "premium-not-paid")
            // the bounced amount is open again: a new cheque for the full premium is accepted
            #expect(try await flow.cheque(policyID, amount: 1_000_000).status == .created)
            // an issuer may not collect
            #expect(try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: flow.issuer).status == .forbidden)
        }
    }

    @Test("bad input: unknown product, bad items, negative and overpaying amounts, bad dates, unauthorized discount")
    func badInput() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let unknown = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                             json: ["product": "spaceship", "date": "1405/01/10", "inputs": ["items": []]])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.fieldCodes["product"] == "unknown-product")
            let negative = try await flow.quote([-5])
            #expect(negative.status == .unprocessableEntity)
            let overflow = try await flow.quote([Int64.max, Int64.max])
            #expect(overflow.status == .unprocessableEntity)
            #expect(overflow.problemCode == "amount-overflow" || overflow.fieldCodes.values.contains("amount-overflow"))
            let badDate = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                             json: ["product": "computer", "date": "1404/12/30", "inputs": ["items": PolicyFlow.items([1_000_000])]])
            #expect(badDate.fieldCodes["date"] == "invalid-date")
            // an agent has no discount authority (R-G-10)
            let agent = try await app.token("agent")
            let discount = try await flow.quote([100_000_000], extra: ["competitiveDiscountPercent": 5], token: agent)
            #expect(discount.status == .unprocessableEntity)
            #expect(discount.fieldCodes.values.contains("discount-not-authorized"))

            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let minus = try await flow.cheque(policyID, amount: -1)
            #expect(minus.fieldCodes["amount"] == "negative-amount")
            let over = try await flow.cheque(policyID, amount: 1_000_001)
            #expect(over.fieldCodes["amount"] == "overpayment")
            let halfYear = try await flow.register(quoteID: try #require(try await flow.quote([1_000_000]).json["id"] as? String), end: "1405/07/15")
            #expect(halfYear.fieldCodes["endDate"] == "invalid-term")
            #expect(try await Payment.query(on: app.db).count() == 0)
        }
    }

    @Test("an agent sees its agency's policies only; another agency gets 404")
    func agencyScoping() async throws {
        try await TestApp.run { app in
            let complex = try #require(try await Complex.query(on: app.db).first())
            let other = Agency(code: "5678", name: "نمایندگی ۵۶۷۸", complexID: try complex.requireID())
            try await other.create(on: app.db)
            try await TestApp.fixture(app, User(username: "agent2", passwordHash: try await Credentials.hash("demo-agent2", cost: 4, on: app),
                           role: .agent, displayName: "agent2", agencyID: other.id))
            let agent = try await app.token("agent"), agent2 = try await app.token("agent2")
            // the agent registers its own customer and sells it a policy
            let customer = try await app.send(.POST, "/api/v1/customers", token: agent, json: Bodies.natural("1234567891"))
            let customerID = try #require(customer.json["id"] as? String)
            let quote = try await app.send(.POST, "/api/v1/quotes", token: agent,
                                           json: ["product": "computer", "customerId": customerID, "date": "1405/01/10", "inputs": ["items": PolicyFlow.items([50_000_000])]])
            let quoteID = try #require(quote.json["id"] as? String)
            let policy = try await app.send(.POST, "/api/v1/policies", token: agent,
                                            json: ["quoteId": quoteID, "customerId": customerID, "startDate": "1405/01/15", "endDate": "1406/01/15", "payment": ["plan": "cash"]])
            #expect(policy.status == .created)
            let policyID = try #require(policy.json["id"] as? String)
            #expect(try await app.send(.GET, "/api/v1/policies/\(policyID)", token: agent).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/policies/\(policyID)", token: agent2).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/quotes/\(quoteID)", token: agent2).status == .notFound)
            // the other agency cannot use the quote either
            let steal = try await app.send(.POST, "/api/v1/policies", token: agent2,
                                           json: ["quoteId": quoteID, "customerId": customerID, "startDate": "1405/01/15", "endDate": "1406/01/15", "payment": ["plan": "cash"]])
            #expect(steal.status == .unprocessableEntity)
        }
    }
}
