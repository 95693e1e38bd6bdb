@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The customer file's audited edit (issue #16 item 1): one command behind the form and the PATCH.
/// IR580540105180021273113007 is valid (worked by hand in CustomerDetailsTests: remainder 1);
/// …3008 gives remainder 28 and is refused.
@Suite("Customer edit (issue #16)")
struct CustomerEditTests {
    typealias Browser = WebPageTests.Browser
    static let iban = "IR580540105180021273113007"

    static func demoCustomer(_ app: Application) async throws -> Customer {
        try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "0076229645").first())
    }

    static func edits(_ app: Application, _ id: UUID) async throws -> [AuditRecord] {
        try await AuditRecord.query(on: app.db).filter(\.$action == "customer.updated").filter(\.$entityID == id.uuidString).all()
    }

    @Test("issue #16 PATCH edits a natural person's details: 200, stored, audited before/after")
    func apiEdit() async throws {
        try await TestApp.run { app in
            let id = try await Self.demoCustomer(app).requireID()
            let res = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: try await app.token("issuer"), json: [
                "fatherName": "حسن", "sex": "female", "address": "تهران، خیابان آزادی، پلاک ۱۲", "postalCode": "۱۴۳۵۹۱۳۱۱۱",
                "iban": "ir58 0540 1051 8002 1273 1130 07",
            ])
            #expect(res.status == .ok)
            #expect(res.json["postalCode"] as? String == "1435913111")
            #expect(res.json["iban"] as? String == Self.iban)
            #expect(res.json["firstName"] as? String != nil, "fields not sent stay as they were")
            let stored = try await Self.demoCustomer(app)
            #expect(stored.fatherName == "حسن" && stored.sex == "female" && stored.address?.hasPrefix("تهران، خیابان آزادی، پلاک") == true)
            let audit = try #require(try await Self.edits(app, id).first)
            #expect(audit.before?.contains(Self.iban) == false, "before: no IBAN yet")
            #expect(audit.after?.contains(Self.iban) == true)
            // clearing a field: "" → null
            let cleared = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: try await app.token("issuer"), json: ["fatherName": ""])
            #expect(cleared.status == .ok)
            #expect(try await Self.demoCustomer(app).fatherName == nil)
            #expect(try await Self.edits(app, id).count == 2)
        }
    }

    @Test("issue #16 a bad IBAN or postal code is 422 with field errors and nothing stored")
    func apiRefusals() async throws {
        try await TestApp.run { app in
            let id = try await Self.demoCustomer(app).requireID()
            let res = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: try await app.token("issuer"), json: [
                "address": "نشانی تازه", "postalCode": "143591311", "iban": "IR580540105180021273113008", "economicCode": "411111111111",
            ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes["iban"] == "invalid-iban")
            #expect(res.fieldCodes["postalCode"] == "invalid-postal-code")
            #expect(res.fieldCodes["economicCode"] == "not-for-kind", "a natural person has no economic code")
            #expect(try await Self.demoCustomer(app).address == nil, "the valid address was not stored either")
            #expect(try await Self.edits(app, id).isEmpty)
            let unknown = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: try await app.token("issuer"), json: ["nationalCode": "1234567891"])
            #expect(unknown.status == .unprocessableEntity, "identity is not editable")
        }
    }

    @Test("issue #16 a company gets economic code and signatory")
    func companyEdit() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let company = try await app.send(.POST, "/api/v1/customers", token: token, json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه"])
            let id = try #require(company.json["id"] as? String)
            let res = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: token, json: ["economicCode": "۴۱۱۱۱۱۱۱۱۱۱۱", "signatory": "رضا کریمی"])
            #expect(res.status == .ok)
            #expect(res.json["economicCode"] as? String == "411111111111")
            #expect(res.json["signatory"] as? String == "رضا کریمی")
            let wrong = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: token, json: ["economicCode": "41111111111", "sex": "male"])
            #expect(wrong.fieldCodes["economicCode"] == "invalid-economic-code")
            #expect(wrong.fieldCodes["sex"] == "not-for-kind")
        }
    }

    @Test("issue #16 roles that may not register customers get 403 (API and web)")
    func otherRoles() async throws {
        try await TestApp.run { app in
            let id = try await Self.demoCustomer(app).requireID()
            for role in ["claims", "accountant"] {
                let res = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: try await app.token(role), json: ["address": "x"])
                #expect(res.status == .forbidden, "\(role)")
            }
            var browser = Browser(app: app)
            try await browser.signIn("claims")
            #expect(try await browser.get("/customers/\(id)/edit").status == .forbidden)
            let file = try await browser.get("/customers/\(id)").body.string
            #expect(!file.contains("/customers/\(id)/edit"), "no edit link for a reader")
            #expect(try await Self.demoCustomer(app).address == nil)
        }
    }

    @Test("issue #16 the web form: errors beside the fields with values kept, then saved and shown in the file with its history")
    func webEdit() async throws {
        try await TestApp.run { app in
            let id = try await Self.demoCustomer(app).requireID()
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let file = try await browser.get("/customers/\(id)").body.string
            #expect(file.contains("/customers/\(id)/edit"))
            let form = try await browser.get("/customers/\(id)/edit")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            var fields = ["_csrf": csrf, "fatherName": "حسن", "sex": "male", "address": "اصفهان، خیابان چهارباغ", "postalCode": "8145",
                          "iban": "IR580540105180021273113008", "mobile": "09121234567"]
            let bad = try await browser.post("/customers/\(id)/edit", form: fields)
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("id=\"postalCode-error\"") && html.contains("کد پستی باید ۱۰ رقم باشد."))
            #expect(html.contains("id=\"iban-error\"") && html.contains("شمارهٔ شبا"))
            #expect(html.contains("اصفهان، خیابان چهارباغ"), "typed values are kept")
            #expect(try await Self.demoCustomer(app).address == nil)

            fields["postalCode"] = "8145713111"
            fields["iban"] = Self.iban
            let good = try await browser.post("/customers/\(id)/edit", form: fields)
            #expect(good.status == .seeOther)
            let shown = try await browser.get("/customers/\(id)").body.string
            #expect(shown.contains("اصفهان، خیابان چهارباغ") && shown.contains(Self.iban))
            #expect(shown.contains("id=\"customer-edits\""), "the edit's history is in the file")
            #expect(try await Self.edits(app, id).count == 1)
            // without the CSRF token nothing changes
            fields["_csrf"] = "wrong"
            fields["address"] = "جای دیگر"
            #expect(try await browser.post("/customers/\(id)/edit", form: fields).status != .seeOther)
            #expect(try await Self.demoCustomer(app).address == "اصفهان، خیابان چهارباغ")
        }
    }

    @Test("issue #16 the printed policy shows the customer's address instead of the dotted line")
    func printedAddress() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let id = try #require(UUID(uuidString: flow.customerID))
            let edit = try await app.send(.PATCH, "/api/v1/customers/\(id)", token: flow.issuer,
                                          json: ["address": "شیراز، خیابان زند", "postalCode": "7134813111"])
            #expect(edit.status == .ok)
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let print = try await browser.get("/policies/\(policyID)/print").body.string
            // 7134813111 in Persian digits
            #expect(print.contains("شیراز، خیابان زند — کد پستی ۷۱۳۴۸۱۳۱۱۱"))
        }
    }
}
