@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// R-G-04: cover is never sold backwards. Today is 1405/01/10.
@Suite("Cover dates (R-G-04)")
struct CoverDateTests {
    @Test("R-G-04 a policy starting yesterday is refused with start-in-past, from the API and the quote page; today is accepted")
    func startInPast() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let api = try await flow.register(quoteID: quoteID, start: "1405/01/09", end: "1406/01/09")
            #expect(api.status == .unprocessableEntity)
            #expect(api.fieldCodes == ["startDate": "start-in-past"])
            #expect(api.body.string.contains("۱۰ فروردین ۱۴۰۵"))
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: try await issuer.get("/quotes/\(quoteID)").body.string))
            let web = try await issuer.post("/quotes/\(quoteID)/policy", form: ["_csrf": csrf, "startDate": "1405/01/09", "endDate": "1406/01/09", "plan": "cash"])
            #expect(CommandParityTests.pageCodes(web) == ["startDate:start-in-past"])
            #expect(try await Policy.query(on: app.db).count() == 0)
            // the registration day itself is the earliest start
            #expect(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10").status == .created)
        }
    }
}

/// R-P-03/R-P-05: a cheque is recorded once and collected on its due date, not before.
@Suite("Cheques that can't double (R-P-03, R-P-05)")
struct ChequeReceiptTests {
    static func cheque(_ app: Application, _ flow: PolicyFlow, _ policyID: String, number: String, bank: String = "ملت",
                       due: String = "1405/01/10", amount: Int64 = 600_000) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: [
            "method": "cheque", "amount": amount, "paidOn": "1405/01/10", "cheque": ["number": number, "bank": bank, "dueDate": due]])
    }

    /// A registered cash policy of 600,000 (a computer worth 60,000,000).
    static func policy(_ flow: PolicyFlow) async throws -> String {
        let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
        return try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
    }

    @Test("R-P-03 cheque 777002 of Mellat entered twice (even on another policy) is refused; a bounced one frees its number")
    func duplicate() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let first = try await Self.policy(flow), second = try await Self.policy(flow)
            let recorded = try await Self.cheque(app, flow, first, number: "777002", amount: 300_000)
            #expect(recorded.status == .created)
            let again = try await Self.cheque(app, flow, first, number: "۷۷۷۰۰۲", amount: 300_000)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "cheque-duplicate")
            #expect(try await Self.cheque(app, flow, second, number: "777002").problemCode == "cheque-duplicate")
            // the same number of another bank is another cheque
            #expect(try await Self.cheque(app, flow, second, number: "777002", bank: "ملی").status == .created)
            // bounced, the number may be entered again (the cheque presented anew)
            let id = try #require(recorded.json["id"] as? String)
            #expect(try await app.send(.POST, "/api/v1/payments/\(id)/bounce", token: flow.accountant).status == .ok)
            #expect(try await Self.cheque(app, flow, first, number: "777002", amount: 300_000).status == .created)
        }
    }

    @Test("R-P-05 a cheque due 1405/02/01 is not collected on 1405/01/10; it may bounce")
    func notDue() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.policy(flow)
            let postDated = try #require(try await Self.cheque(app, flow, policyID, number: "880011", due: "1405/02/01").json["id"] as? String)
            let early = try await flow.collect(postDated)
            #expect(early.status == .conflict)
            #expect(early.problemCode == "cheque-not-due")
            #expect((early.json["detail"] as? String)?.contains("۱ اردیبهشت ۱۴۰۵") == true)
            #expect(try await Payment.find(UUID(uuidString: postDated), on: app.db)?.status == .held)
            #expect(try await app.send(.POST, "/api/v1/payments/\(postDated)/bounce", token: flow.accountant).status == .ok)
        }
    }
}

@Suite("Issue within the term (R-G-04)")
struct IssueWithinTermTests {
    @Test("R-G-04 a policy whose term ended before it was paid is not issued: 409 policy-ended")
    func endedNotIssued() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            // as if registered for 1404/01/01 → 1405/01/01, and paid only now (1405/01/10)
            let policyID = try #require(try await flow.registerBackdated(quoteID: quoteID, start: "1404/01/01", end: "1405/01/01").json["id"] as? String)
            let paymentID = try #require(try await flow.cheque(policyID, amount: 600_000).json["id"] as? String)
            #expect(try await flow.collect(paymentID).status == .ok)
            let issued = try await flow.issue(policyID)
            #expect(issued.status == .conflict)
            #expect(issued.problemCode == "policy-ended")
            #expect((issued.json["detail"] as? String)?.contains("۱ فروردین ۱۴۰۵") == true)
            #expect(try await flow.get(policyID).json["status"] as? String == "registered")
        }
    }
}
