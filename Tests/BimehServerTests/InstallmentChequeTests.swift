@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// R-P-03: in an installment plan each cheque is recorded against the installment it pays.
@Suite("One cheque per installment (R-P-03)")
struct InstallmentChequeTests {
    typealias Browser = WebPageTests.Browser

    static func cheque(_ app: Application, _ flow: PolicyFlow, _ policyID: String, amount: Int64, installment: Int? = nil,
                       number: String = "777002") async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["method": "cheque", "amount": amount, "paidOn": "1405/01/10",
                                   "cheque": ["number": number, "bank": "ملت", "dueDate": "1405/01/10"]]
        if let installment { body["installment"] = installment }
        return try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: body)
    }

    @Test("R-P-03 premium 1,000,000 as 300,000 down and 2 × 350,000: each cheque pays one line, once")
    func perInstallment() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2]).json["id"] as? String)
            // the first cheque pays the down payment (line 1)
            let down = try await Self.cheque(app, flow, policyID, amount: 300_000)
            #expect(down.status == .created)
            #expect(down.json["installment"] as? Int == 1)
            // the same cheque posted again (Back and resubmit) names line 1 again: refused
            let again = try await Self.cheque(app, flow, policyID, amount: 300_000, installment: 1)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "installment-already-paid")
            // the same refusal from the policy page
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/policies/\(policyID)").body.string))
            let web = try await issuer.post("/policies/\(policyID)/payments", form: [
                "_csrf": csrf, "method": "cheque", "amount": "300000", "paidOn": "1405/01/10", "chequeNumber": "777002", "chequeBank": "ملت",
                "chequeDueDate": "1405/01/10", "installment": "1"])
            #expect(CommandParityTests.pageCodes(web) == [":installment-already-paid"])
            // another amount for line 2 (350,000): refused; line 4 does not exist
            #expect(try await Self.cheque(app, flow, policyID, amount: 300_000, installment: 2).fieldCodes == ["amount": "amount-not-installment"])
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, installment: 4).fieldCodes == ["installment": "unknown-installment"])
            // the extremes of an integer are refused the same way, never a crash
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, installment: Int.min).fieldCodes == ["installment": "unknown-installment"])
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, installment: Int.max).fieldCodes == ["installment": "unknown-installment"])
            let second = try await Self.cheque(app, flow, policyID, amount: 350_000, installment: 3, number: "777003")
            #expect(second.json["installment"] as? Int == 3)
            // a bounced cheque frees its line: line 3 takes a new cheque
            let secondID = try #require(second.json["id"] as? String)
            #expect(try await app.send(.POST, "/api/v1/payments/\(secondID)/bounce", token: flow.accountant).status == .ok)
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, installment: 3, number: "777004").json["installment"] as? Int == 3)
            // without a line named, the next free one (2)
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, number: "777005").json["installment"] as? Int == 2)
            // every line is held now
            #expect(try await Self.cheque(app, flow, policyID, amount: 350_000, number: "777006").problemCode == "overpayment")
            #expect(try await Payment.query(on: app.db).filter(\.$status != .bounced).count() == 3)

        }
    }

    @Test("R-P-03 an installment's cheque is due by the installment's own due date; left blank, it takes that date")
    func dueByInstallment() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2])
            let policyID = try #require(registered.json["id"] as? String)
            let schedule = try #require(registered.json["schedule"] as? [[String: Any]])
            let lineTwoDue = try JalaliDate(parsing: try #require(schedule[1]["dueDate"] as? String))
            // a day after line 2's due date: refused with the dates named
            let late = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: [
                "method": "cheque", "amount": 350_000, "paidOn": "1405/01/10", "installment": 2,
                "cheque": ["number": "880001", "bank": "ملت", "dueDate": lineTwoDue.adding(days: 1).description]])
            #expect(late.fieldCodes == ["cheque.dueDate": "cheque-due-after-installment"])
            // no due date given: the installment's own
            let onTime = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: [
                "method": "cheque", "amount": 350_000, "paidOn": "1405/01/10", "installment": 2,
                "cheque": ["number": "880001", "bank": "ملت", "account": "0101-2233"]])
            #expect(onTime.status == .created)
            let cheque = try #require(onTime.json["cheque"] as? [String: Any])
            #expect(cheque["dueDate"] as? String == lineTwoDue.description)
            #expect(cheque["account"] as? String == "01012233")
            // the same number and bank from another account is another cheque; from the same account, a duplicate
            let other = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: [
                "method": "cheque", "amount": 350_000, "paidOn": "1405/01/10", "installment": 3,
                "cheque": ["number": "880001", "bank": "ملت", "account": "0101-9999"]])
            #expect(other.status == .created)
            let same = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: [
                "method": "cheque", "amount": 300_000, "paidOn": "1405/01/10", "installment": 1,
                "cheque": ["number": "880001", "bank": "ملت", "account": "01012233"]])
            #expect(same.problemCode == "cheque-duplicate")
        }
    }

    @Test("R-P-03 a cash policy's cheque names no installment")
    func cashPlan() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            #expect(try await Self.cheque(app, flow, policyID, amount: 1_000_000, installment: 1).fieldCodes == ["installment": "not-applicable"])
            let paid = try await Self.cheque(app, flow, policyID, amount: 1_000_000)
            #expect(paid.status == .created)
            #expect(paid.json["installment"] == nil)
        }
    }
}
