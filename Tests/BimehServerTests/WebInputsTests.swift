@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// What a person types into the pages: sign-in names as a phone writes them, errors beside the
/// field that caused them (in the field's Persian name, on the row the user sees), a huge
/// amount and an oversize file told as such, and «ردیف‌های بیشتر» without the script.
@Suite("Web: inputs")
struct WebInputsTests {
    typealias Browser = WebPageTests.Browser

    /// The page's form fields that a browser would post back: `_csrf` and `_once`.
    static func tokens(_ html: String) throws -> [String: String] {
        var form = ["_csrf": try #require(Browser.hidden("_csrf", in: html))]
        if let once = Browser.hidden("_once", in: html) { form["_once"] = once }
        return form
    }

    /// The text of the element with this id: `<p class="error" … id="amount-error">…</p>`.
    static func element(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\">") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    @Test("sign-in names are matched without case or surrounding spaces, on the web and in the API alike")
    func usernameWithoutCase() async throws {
        try await TestApp.run { app in
            // web: a phone capitalizes the first letter and adds a space after the word
            var browser = Browser(app: app)
            let page = try await browser.get("/login")
            let csrf = try #require(Browser.hidden("_csrf", in: page.body.string))
            let web = try await browser.post("/login", form: ["username": " Issuer ", "password": "demo-issuer", "_csrf": csrf, "next": "/"])
            #expect(web.status == .seeOther)
            #expect(browser.cookies[SessionAuthenticator.cookieName] != nil)
            // API: the same command
            let api = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "\tACCOUNTANT  ", "password": "demo-accountant"])
            #expect(api.status == .ok)
            #expect(api.json["token"] is String)
            // the password is still exact
            let wrong = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "Issuer", "password": "DEMO-ISSUER"])
            #expect(wrong.status == .unauthorized)
            #expect(Normalize.username("  Head\n") == "head")
        }
    }

    @Test("R-CP-02 the computer proposal marks the row's value beside its input, on the row the user sees, in Persian words")
    func quoteRowErrors() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let form = try Self.tokens(try await browser.get("/quotes/new").body.string)
            // rows 1 and 3 filled, row 2 empty (skipped): the second item sent is the form's third row
            let res = try await browser.post("/quotes", form: form.merging([
                "nationalCode": "0076229645", "date": "1405/01/10",
                "items[0][description]": "رایانهٔ رومیزی", "items[0][value]": "40,000,000",
                "items[1][description]": "", "items[1][value]": "",
                "items[2][description]": "لپ‌تاپ", "items[2][value]": "",
            ]) { $1 })
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            let message = try #require(Self.element("items-2-value-error", in: html), "the error sits beside the third row's value")
            #expect(message.contains("(ردیف ۳)"), "the row the user sees: \(message)")
            #expect(html.contains("data-field=\"inputs.items[2].value\""))
            #expect(Self.element("items-1-value-error", in: html) == nil)
            #expect(!message.contains("inputs.") && !html.contains(">inputs."), "no field path in the visible text")
            #expect(html.contains("value=\"40,000,000\""), "what was typed is kept")
        }
    }

    @Test("the API's messages name fields in Persian: «ارزش … (ردیف ۲)», «مبلغ», not inputs.items[1].value or amount")
    func apiMessagesInPersian() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quote = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
                "product": "computer", "customerId": flow.customerID, "date": "1405/01/10",
                "inputs": ["items": [["description": "الف", "value": 10_000_000], ["description": "ب"]]]])
            #expect(quote.status == .unprocessableEntity)
            let errors = try #require(quote.json["errors"] as? [[String: Any]])
            let row = try #require(errors.first { $0["field"] as? String == "inputs.items[1].value" })
            #expect((row["message"] as? String)?.contains("(ردیف ۲)") == true)
            #expect(FieldLabels.label("inputs.items[0].value") == "ارزش ردیف ۱")
            #expect(FieldLabels.label("items[4].amount") == "مبلغ ردیف ۵")
            // a field left out of a strict body: its Persian name, not «فیلد «password» الزامی است»
            let missing = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "issuer"])
            #expect(missing.status == .unprocessableEntity)
            #expect(!(missing.json["detail"] as? String ?? "").contains("«password»"))
        }
    }

    @Test("R-G-01 the payment form: a missing amount and a huge amount are each told beside the amount field, the huge one as out of range")
    func paymentAmountErrors() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let id = try #require(UUID(uuidString: policyID))
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let path = SiteURL.policy(.value(id)).path, payments = SiteURL.policyStep(.value(id), .payments).path
            let paymentsBefore = try await Payment.query(on: app.db).count()
            let cheque = ["method": "cheque", "paidOn": "1405/01/10", "chequeNumber": "123456", "chequeBank": "ملی", "chequeDueDate": "1405/01/10"]

            let empty = try await browser.post(payments, form: try Self.tokens(try await browser.get(path).body.string).merging(cheque) { $1 }.merging(["amount": ""]) { $1 })
            #expect(empty.status == .unprocessableEntity)
            #expect(Self.element("amount-error", in: empty.body.string)?.contains("مبلغ") == true)

            // 2^63 = 9,223,372,036,854,775,808 is one more than an Int64 holds
            let huge = try await browser.post(payments, form: try Self.tokens(try await browser.get(path).body.string).merging(cheque) { $1 }
                .merging(["amount": "9,223,372,036,854,775,808"]) { $1 })
            #expect(huge.status == .unprocessableEntity)
            let html = huge.body.string
            let message = try #require(Self.element("amount-error", in: html))
            #expect(message.contains("از حد مجاز بزرگ‌تر"), "out of range, not «required»: \(message)")
            #expect(!message.contains("وارد کنید"))
            #expect(html.contains("data-code=\"amount-overflow\" data-field=\"amount\""))
            #expect(try await Payment.query(on: app.db).count() == paymentsBefore, "nothing stored")

            // the API says the same
            let api = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer,
                                         raw: #"{"method":"cheque","amount":9223372036854775808,"paidOn":"1405/01/10","cheque":{"number":"1","bank":"ملی","dueDate":"1405/01/10"}}"#)
            #expect(api.status == .unprocessableEntity)
            #expect(api.fieldCodes["amount"] == "amount-overflow")
        }
    }

    @Test("R-G-01 a proposal's sum insured of 10^20 rials is out of range beside its field, not missing")
    func hugeSumInsured() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let form = try Self.tokens(try await browser.get("/quotes/employers-liability").body.string)
            // 100,000,000,000,000,000,000 > 9,223,372,036,854,775,807 (Int64.max)
            let res = try await browser.post("/quotes/employers-liability", form: form.merging([
                "nationalCode": "0076229645", "date": "1405/01/10", "sumInsured": "100,000,000,000,000,000,000",
                "description": "کارگاه", "employees": "40"]) { $1 })
            #expect(res.status == .unprocessableEntity)
            let message = try #require(Self.element("sumInsured-error", in: res.body.string))
            #expect(message.contains("از حد مجاز بزرگ‌تر"), "\(message)")
            #expect(res.body.string.contains("data-code=\"amount-overflow\" data-field=\"inputs.sumInsured\""))
        }
    }

    @Test("R-P-05 the cancellation form marks its notice date beside the field")
    func policyFormErrors() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let id = try #require(UUID(uuidString: policyID))
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let page = try await browser.get(SiteURL.policy(.value(id)).path).body.string
            #expect(page.contains("data-confirm="), "cancel and the other irreversible buttons ask first")
            let res = try await browser.post(SiteURL.policyStep(.value(id), .cancellation).path,
                                             form: try Self.tokens(page).merging(["initiatedBy": "insured", "noticeDate": "1405/13/40", "reason": "فروش رایانه"]) { $1 })
            #expect(res.status == .unprocessableEntity)
            #expect(Self.element("noticeDate-error", in: res.body.string) != nil)
            #expect(res.body.string.contains("data-field=\"noticeDate\""))
        }
    }

    @Test("R-CL-01 the claim notice form marks an unknown policy number and a bad loss date beside their fields")
    func claimFormErrors() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("claims")
            let form = try Self.tokens(try await browser.get("/claims/new").body.string)
            let res = try await browser.post("/claims", form: form.merging(["policyNumber": "1405/999", "lossDate": "1404/12/30", "noticeDate": "1405/01/10",
                                                                            "kind": "general", "description": "آسیب"]) { $1 })
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(Self.element("policyNumber-error", in: html)?.contains("۱۴۰۵/۹۹۹") == true || Self.element("policyNumber-error", in: html)?.contains("1405/999") == true)
            // R-G-03: 1404 is no leap year, Esfand has 29 days
            #expect(Self.element("lossDate-error", in: html) != nil)
            #expect(try await Claim.query(on: app.db).filter(\.$description == "آسیب").count() == 0)
        }
    }

    @Test("R-CL-06 a 6 MB document is refused with the size limit (file-too-large), on the page and in the API")
    func oversizeUpload() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10").json["id"] as? String)
            let big = ClaimFlow.pdf + Data(repeating: 0x20, count: 6 * 1024 * 1024)
            let api = try await flow.upload(claimID, code: "invoice", data: big)
            #expect(api.status == .payloadTooLarge)
            #expect(api.problemCode == "file-too-large")
            #expect((api.json["detail"] as? String)?.contains("۵ مگابایت") == true)

            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/\(claimID)").body.string))
            let page = try await WebClaimPagesTests().multipart(expert, "/claims/\(claimID)/documents", fields: ["_csrf": csrf, "code": "invoice"], file: big)
            #expect(page.status == .payloadTooLarge)
            #expect(page.body.string.contains("۵ مگابایت"))
            #expect(!page.body.string.contains("منقضی"))
            #expect(AppError.fileTooLarge(limitBytes: 5 * 1024 * 1024).detail.contains("حداکثر ۵ مگابایت"))
        }
    }

    @Test("«ردیف‌های بیشتر» without the script posts the form back: every typed value kept, ten empty rows more, nothing priced")
    func moreRowsWithoutScript() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let form = try Self.tokens(try await browser.get("/quotes/new").body.string)
            var fields = form.merging(["nationalCode": "0076229645", "date": "1405/01/10", "_more": "10"]) { $1 }
            for row in 0..<5 { fields["items[\(row)][description]"] = "رایانهٔ \(row + 1)"; fields["items[\(row)][value]"] = "\(row + 1)000000" }
            let res = try await browser.post("/quotes", form: fields)
            #expect(res.status == .ok)
            let html = res.body.string
            #expect(html.contains("value=\"رایانهٔ 5\""))
            #expect(html.contains("value=\"5000000\""))
            #expect(html.contains("name=\"items[14][value]\"") && !html.contains("name=\"items[15][value]\""), "5 + 10 rows")
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }
}
