@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The rest of the actions both doors offer: the same bad input, or the same action in a state
/// that refuses it, gets the same codes from the API and from the pages.
@Suite("One command per action: every other action")
struct CommandParityAllTests {
    typealias Browser = WebPageTests.Browser
    static func api(_ res: TestingHTTPResponse) -> Set<String> { CommandParityTests.apiCodes(res) }
    static func page(_ res: TestingHTTPResponse) -> Set<String> { CommandParityTests.pageCodes(res) }

    @Test("R-G-05 customers and R-P-02 computer proposals")
    func customersAndQuotes() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/customers/new").body.string))
            for (body, expected) in [
                (["kind": "natural", "nationalCode": "0076229646", "firstName": "سارا", "lastName": "احمدی"], ["nationalCode:invalid-national-code"]),
                (["kind": "alien", "name": "x"], ["kind:invalid-kind"]),
            ] as [([String: String], Set<String>)] {
                let api = try await app.send(.POST, "/api/v1/customers", token: flow.issuer, json: body)
                var form = body
                form["_csrf"] = csrf
                let web = try await issuer.post("/customers", form: form)
                #expect(Self.api(api) == expected, "\(body)")
                #expect(Self.page(web) == expected, "\(body)")
            }
            // a computer worth 0, and a franchise outside 5–30 %
            for (item, franchise) in [(0, nil), (60_000_000, "99")] as [(Int, String?)] {
                var inputs: [String: Any] = ["items": [["description": "رایانه", "value": item]]]
                var form = ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "items[0][description]": "رایانه", "items[0][value]": "\(item)"]
                if let franchise {
                    inputs["franchisePercent"] = Int(franchise)
                    form["franchisePercent"] = franchise
                }
                let api = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                             json: ["product": "computer", "customerId": flow.customerID, "date": "1405/01/10", "inputs": inputs])
                let web = try await issuer.post("/quotes", form: form)
                #expect(api.status == .unprocessableEntity)
                #expect(Self.page(web) == Self.api(api), "\(inputs)")
            }
        }
    }

    @Test("R-P-01…R-P-09 register, issue, endorse, renew, collect twice")
    func policyActions() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/\(quoteID)").body.string))
            // an impossible start date
            let apiRegister = try await flow.register(quoteID: quoteID, start: "1404/12/30", end: "1405/12/30")
            let webRegister = try await issuer.post("/quotes/\(quoteID)/policy", form: ["_csrf": csrf, "startDate": "1404/12/30", "endDate": "1405/12/30", "plan": "cash"])
            #expect(Self.api(apiRegister).contains("startDate:invalid-date"))
            #expect(Self.page(webRegister) == Self.api(apiRegister))

            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            // issue before the premium is collected; renew before it is issued
            let apiIssue = try await flow.issue(policyID)
            let webIssue = try await issuer.post("/policies/\(policyID)/issue", form: ["_csrf": csrf])
            #expect(Self.api(apiIssue) == [":premium-not-paid"])
            #expect(Self.page(webIssue) == [":premium-not-paid"])
            #expect(apiIssue.status == webIssue.status)
            let apiRenew = try await app.send(.POST, "/api/v1/policies/\(policyID)/renewal", token: flow.issuer, json: ["payment": ["plan": "cash"]])
            let webRenew = try await issuer.post("/policies/\(policyID)/renewal", form: ["_csrf": csrf, "confirm": "yes"])
            #expect(Self.api(apiRenew) == [":policy-not-renewable"])
            #expect(Self.page(webRenew) == [":policy-not-renewable"])
            // an endorsement of a registered policy, and one without a date or a change
            let apiEndorse = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                                                json: ["effectiveDate": "1405/03/01", "description": "تغییر نشانی"])
            let webEndorse = try await issuer.post("/policies/\(policyID)/endorsements", form: ["_csrf": csrf, "effectiveDate": "1405/03/01", "description": "تغییر نشانی"])
            #expect(Self.api(apiEndorse) == [":policy-not-issued"])
            #expect(Self.page(webEndorse) == [":policy-not-issued"])
            let apiEmpty = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: ["description": ""])
            let webEmpty = try await issuer.post("/policies/\(policyID)/endorsements", form: ["_csrf": csrf, "description": ""])
            #expect(Self.api(apiEmpty) == ["effectiveDate:required", "changes:required"])
            #expect(Self.page(webEmpty) == Self.api(apiEmpty))

            // a cheque collected once, then again by either door
            let paymentID = try #require(try await flow.cheque(policyID, amount: 600_000).json["id"] as? String)
            #expect(try await flow.collect(paymentID).status == .ok)
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: try await accountant.get("/accounting/cheques").body.string))
            let apiAgain = try await flow.collect(paymentID)
            let webAgain = try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": accountantCSRF])
            #expect(Self.api(apiAgain) == [":invalid-transition"])
            #expect(webAgain.status == apiAgain.status)
        }
    }

    @Test("R-CL-01…R-CL-13 the notice and every claim step")
    func claimActions() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let number = try #require(try await flow.policies.get(policyID).json["number"] as? String)
            var expert = Browser(app: app), head = Browser(app: app)
            try await expert.signIn("claims")
            try await head.signIn("head")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/new").body.string))
            // the notice: an unknown kind, a missing description
            for (body, expected) in [
                (["lossDate": "1405/01/05", "noticeDate": "1405/01/10", "description": "x", "kind": "spaceship"], ["kind:invalid-kind"]),
                (["lossDate": "1405/01/05", "noticeDate": "1405/01/10"], ["description:required"]),
            ] as [([String: String], Set<String>)] {
                var json: [String: Any] = body
                json["policyId"] = policyID
                let api = try await app.send(.POST, "/api/v1/claims", token: flow.claims, json: json)
                var form = body
                form["_csrf"] = csrf
                form["policyNumber"] = number
                let web = try await expert.post("/claims", form: form)
                #expect(Self.api(api) == expected)
                #expect(Self.page(web) == expected)
            }
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10").json["id"] as? String)
            let headCSRF = try #require(Browser.hidden("_csrf", in: try await head.get("/claims/\(claimID)").body.string))
            // (API path, web step, JSON, form, by the head)
            let steps: [(String, String, [String: Any], [String: String], Bool)] = [
                ("late-notice", "late-notice", ["subjectUnchanged": true], ["subjectUnchanged": "yes"], false),
                ("inspection", "inspection", ["expert": "مهندس رضایی"], ["expert": "مهندس رضایی"], false),
                ("inspection/minutes", "minutes", [:], [:], false),
                ("inspection/approval", "inspection-approval", [:], [:], true),
                ("offer", "offer", [:], [:], false),
                ("consent", "consent", [:], [:], false),
                ("dispute", "dispute", [:], [:], false),
                ("meetings", "meeting", ["notes": "جلسه"], ["notes": "جلسه"], false),
                ("expert-fee", "expert-fee", ["expert": "کارشناس"], ["expert": "کارشناس"], false),
                ("expert-fee/approval", "expert-fee-approval", [:], [:], true),
                ("close", "close", [:], [:], false),
                ("rejection", "rejection", [:], [:], false),
            ]
            for (path, step, json, form, byHead) in steps {
                let api = try await flow.post(claimID, path, json: json, token: byHead ? flow.head : nil)
                var fields = form
                fields["_csrf"] = byHead ? headCSRF : csrf
                let web = byHead ? try await head.post("/claims/\(claimID)/steps/\(step)", form: fields)
                                 : try await expert.post("/claims/\(claimID)/steps/\(step)", form: fields)
                #expect(api.status.code >= 400 && api.status.code < 500, "\(path): \(api.status)")
                #expect(Self.page(web) == Self.api(api), "\(path)")
                #expect(web.status == api.status, "\(path)")
            }
            // nothing moved the file
            #expect(try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims).json["status"] as? String == "notified")
        }
    }
}
