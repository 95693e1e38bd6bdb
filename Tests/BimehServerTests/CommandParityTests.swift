@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The API and the pages are two doors to one command per action: the same bad input, sent both
/// ways, is refused with the same codes on the same fields.
@Suite("One command per action: API and web answer alike")
struct CommandParityTests {
    typealias Browser = WebPageTests.Browser

    /// (field, code) pairs of an API problem: its field errors, or its one code.
    static func apiCodes(_ res: TestingHTTPResponse) -> Set<String> {
        let fields = res.fieldCodes
        return fields.isEmpty ? [":" + (res.problemCode ?? "?")] : Set(fields.map { "\($0.key):\($0.value)" })
    }

    /// The same pairs from a page's error list (`<li data-code data-field>`).
    static func pageCodes(_ res: TestingHTTPResponse) -> Set<String> {
        let html = res.body.string
        var result = Set<String>()
        var rest = html[...]
        while let range = rest.range(of: " data-code=\"") {
            let code = rest[range.upperBound...].prefix { $0 != "\"" }
            let afterCode = rest[range.upperBound...].dropFirst(code.count)
            let field = afterCode.range(of: "data-field=\"").map { afterCode[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
            result.insert("\(field):\(code)")
            rest = afterCode
        }
        return result
    }

    /// A form's text for a JSON value (numbers and booleans as a browser would send them).
    static func formValue(_ value: Any) -> String {
        switch value {
        case let b as Bool: b ? "on" : ""
        default: "\(value)"
        }
    }

    @Test("R-P-03 a payment: the same bad input gets the same codes from the API and the policy page")
    func payment() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/policies/\(policyID)").body.string))
            let cheque = ["number": "777002", "bank": "ملت", "dueDate": "1405/01/20"]
            // (API body, web form, expected "field:code")
            let cases: [([String: Any], [String: String], Set<String>)] = [
                (["method": "gold", "amount": 1000, "paidOn": "1405/01/10"], ["method": "gold", "amount": "1000", "paidOn": "1405/01/10"],
                 ["method:invalid-method"]),
                (["method": "bank-slip", "amount": 0, "paidOn": "1405/01/10"], ["method": "bank-slip", "amount": "0", "paidOn": "1405/01/10"],
                 ["amount:invalid-amount"]),
                (["method": "bank-slip", "amount": -5, "paidOn": "1405/01/10"], ["method": "bank-slip", "amount": "-5", "paidOn": "1405/01/10"],
                 ["amount:negative-amount"]),
                (["method": "bank-slip", "amount": 1000], ["method": "bank-slip", "amount": "1000"], ["paidOn:required"]),
                (["method": "cheque", "amount": 1000, "paidOn": "1405/01/10"], ["method": "cheque", "amount": "1000", "paidOn": "1405/01/10"],
                 ["cheque:required"]),
                (["method": "cheque", "amount": 1000, "paidOn": "1405/01/10", "cheque": ["bank": "ملت", "dueDate": "1405/01/20"]],
                 ["method": "cheque", "amount": "1000", "paidOn": "1405/01/10", "chequeBank": "ملت", "chequeDueDate": "1405/01/20"],
                 ["cheque.number:required"]),
                (["method": "cheque", "amount": 1000, "paidOn": "1405/01/10", "cheque": cheque, "endorsementId": "not-an-id"],
                 ["method": "cheque", "amount": "1000", "paidOn": "1405/01/10", "chequeNumber": "777002", "chequeBank": "ملت",
                  "chequeDueDate": "1405/01/20", "endorsementId": "not-an-id"],
                 ["endorsementId:unknown-endorsement"]),
            ]
            for (json, form, expected) in cases {
                let api = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer, json: json)
                var fields = form
                fields["_csrf"] = csrf
                let web = try await issuer.post("/policies/\(policyID)/payments", form: fields)
                #expect(api.status == .unprocessableEntity)
                #expect(web.status == .unprocessableEntity)
                #expect(Self.apiCodes(api) == expected, "\(json)")
                #expect(Self.pageCodes(web) == expected, "\(form)")
            }
            // nothing was recorded by either door
            #expect(try await Payment.query(on: app.db).count() == 0)
        }
    }

    @Test("R-P-08 a cancellation: the same bad input gets the same codes from both doors")
    func cancellation() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/policies/\(policyID)").body.string))
            let cases: [([String: String], Set<String>)] = [
                (["initiatedBy": "neighbour", "noticeDate": "1405/02/01", "reason": "کاهش خطر"], ["initiatedBy:invalid-initiator"]),
                (["initiatedBy": "insured", "noticeDate": "1405/02/01", "reason": ""], ["reason:required"]),
                (["initiatedBy": "insured", "reason": "کاهش خطر"], ["noticeDate:required"]),
                (["initiatedBy": "insured", "noticeDate": "1404/12/30", "reason": "کاهش خطر"], ["noticeDate:invalid-date"]),
            ]
            for (body, expected) in cases {
                let api = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer, json: body)
                var fields = body
                fields["_csrf"] = csrf
                let web = try await issuer.post("/policies/\(policyID)/cancellation", form: fields)
                #expect(Self.apiCodes(api) == expected, "\(body)")
                #expect(Self.pageCodes(web) == expected, "\(body)")
                #expect(api.status == web.status)
            }
            #expect(try await flow.get(policyID).json["status"] as? String == "issued")
        }
    }

    @Test("R-CL-07/10 an assessment and a payment order: the same bad input gets the same codes from both doors")
    func claimSteps() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let opened = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10")
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/\(claimID)").body.string))
            let cases: [([String: Any], [String: String], Set<String>)] = [
                (["loss": 0], ["loss": "0"], ["loss:invalid-amount"]),
                (["loss": 5_000_000, "salvage": -1], ["loss": "5000000", "salvage": "-1"], ["salvage:negative-amount"]),
                ([:], [:], ["loss:required"]),
                (["loss": 5_000_000, "diyaPercent": "10"], ["loss": "5000000", "diyaPercent": "10"], ["loss:not-applicable"]),
                (["diyaPercent": "abc"], ["diyaPercent": "abc"], ["diyaPercent:invalid-percent"]),
                (["diyaPercent": "10"], ["diyaPercent": "10"], ["diyaPercent:not-applicable"]),
            ]
            for (json, form, expected) in cases {
                let api = try await flow.post(claimID, "assessment", json: json)
                var fields = form
                fields["_csrf"] = csrf
                let web = try await expert.post("/claims/\(claimID)/steps/assessment", form: fields)
                #expect(Self.apiCodes(api) == expected, "\(json)")
                #expect(Self.pageCodes(web) == expected, "\(form)")
                #expect(api.status == web.status)
            }
            #expect(try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims).json["status"] as? String == "documents-pending")

            // the head's payment order with an unknown collector, no IBAN, a bad IBAN, a bad certificate date (R-CL-10)
            var head = Browser(app: app)
            try await head.signIn("head")
            let headCSRF = try #require(Browser.hidden("_csrf", in: try await head.get("/claims/\(claimID)").body.string))
            for (fields, expected) in [
                (["collector": "stranger"], ["collector:invalid-collector", "iban:required"]),
                // one digit of the hand-checked IBAN changed: the mod-97 remainder is no longer 1
                (["iban": "IR210170000000000123456789", "notarizedCertificateDate": "1404/12/30"],
                 ["iban:invalid-iban", "notarizedCertificateDate:invalid-date"]),
            ] as [([String: String], Set<String>)] {
                let api = try await flow.post(claimID, "payment-order", json: fields, token: flow.head)
                var form = fields
                form["_csrf"] = headCSRF
                let web = try await head.post("/claims/\(claimID)/steps/payment-order", form: form)
                #expect(Self.apiCodes(api) == expected)
                #expect(Self.pageCodes(web) == expected)
                #expect(api.status == web.status)
            }
        }
    }

    @Test("R-CL-12 twenty simultaneous web posts of one payment order: one order, no 5xx")
    func concurrentWebPaymentOrders() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 30_000_000, salvage: 0)
            var head = Browser(app: app)
            try await head.signIn("head")
            let csrf = try #require(Browser.hidden("_csrf", in: try await head.get("/claims/\(claimID)").body.string))
            let signedIn = head
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        var browser = signedIn
                        return try await browser.post("/claims/\(claimID)/steps/payment-order", form: ["_csrf": csrf, "iban": ClaimFlow.iban]).status.code
                    }
                }
                var all: [UInt] = []
                for try await status in group { all.append(status) }
                return all
            }
            // then one redirect after the order, nineteen refusals, no server error
            #expect(statuses.filter { $0 == 303 }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == 409 }.count == 19, "\(statuses)")
            let orders = try await PaymentOrder.query(on: app.db).filter(\.$claim.$id == UUID(uuidString: claimID)).filter(\.$purpose == "claim").count()
            #expect(orders == 1)
        }
    }
}
