@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The issuer's and the accountant's pages end to end, as forms are posted by a browser,
/// down to the printed policy, receipt and refund payment order.
@Suite("Web: policy pages and printed papers")
struct WebPolicyPagesTests {
    typealias Browser = WebPageTests.Browser

    static func location(_ res: TestingHTTPResponse) throws -> String {
        try #require(res.headers.first(name: .location))
    }

    @Test("issuer: proposal → quote → policy → cheque; accountant collects; issuer issues, endorses and prints")
    func wholeFlow() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/new")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            // a proposal with an unknown customer is refused on the page
            let unknown = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "1234567891", "date": "1405/01/10",
                                                                  "items[0][description]": "لپ‌تاپ", "items[0][value]": "1000000"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("ثبت نشده است"))
            // values typed with Persian digits and separators: 60,000,000 + 40,000,000 → premium 1,000,000
            let quote = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                "items[0][description]": "لپ‌تاپ", "items[0][value]": "۶۰٬۰۰۰٬۰۰۰",
                                                                "items[1][description]": "سرور", "items[1][serial]": "SRV-1", "items[1][value]": "40000000"])
            #expect(quote.status == .seeOther)
            let quotePage = try await issuer.get(try Self.location(quote))
            #expect(quotePage.body.string.contains("۱٬۰۰۰٬۰۰۰"), "the premium with Persian digits and separators")
            #expect(quotePage.body.string.contains("R-CP-02"))
            #expect(quotePage.body.string.contains("سرقت با شکست حرز"), "covered perils are listed")
            let registerAction = try #require(quotePage.body.string.range(of: "action=\"/quotes/").map { r in
                String(quotePage.body.string[r.upperBound...].prefix { $0 != "\"" })
            })
            let registered = try await issuer.post("/quotes/" + registerAction, form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15", "plan": "cash"])
            #expect(registered.status == .seeOther)
            let policyPath = try Self.location(registered)
            let paid = try await issuer.post(policyPath + "/payments", form: ["_csrf": csrf, "method": "cheque", "amount": "1,000,000", "paidOn": "1405/01/10",
                                                                             "chequeNumber": "778899", "chequeBank": "ملت", "chequeDueDate": "1405/01/10"])
            #expect(paid.status == .seeOther)
            // issuing before collection shows the reason on the page
            let early = try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf])
            #expect(early.status == .conflict)
            #expect(early.body.string.contains("وصول"))

            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let cheques = try await accountant.get("/accounting/cheques")
            #expect(cheques.body.string.contains("۷۷۸۸۹۹"))
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: cheques.body.string))
            let paymentID = try #require(try await Payment.query(on: app.db).first()?.requireID())
            #expect(try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": accountantCSRF]).status == .seeOther)

            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)
            let page = try await issuer.get(policyPath)
            #expect(page.body.string.contains("بیمه‌نامهٔ رایانه شمارهٔ ۱۴۰۵/۱"))
            // refund endorsement: the server is dropped from 1405/07/15 → a refund payment order
            let endorsed = try await issuer.post(policyPath + "/endorsements", form: ["_csrf": csrf, "effectiveDate": "1405/07/15", "description": "حذف سرور",
                                                                                     "remove[]": "1"])
            #expect(endorsed.status == .seeOther)
            let order = try #require(try await PaymentOrder.query(on: app.db).first())
            // remaining 179 of 365 days: 400,000 × 179 / 365 = 196,164.38 → 196,164
            #expect(order.amount == 196_164)
            let orderPage = try await issuer.get("/payment-orders/\(try order.requireID())")
            #expect(orderPage.status == .ok)
            #expect(orderPage.body.string.components(separatedBy: "class=\"copy\"").count - 1 == 3, "three copies, each with its recipient")
            #expect(orderPage.body.string.contains("۱۹۶٬۱۶۴"))

            let print = try await issuer.get(policyPath + "/print")
            #expect(print.status == .ok)
            let html = print.body.string
            #expect(html.contains("شمارهٔ بیمه‌نامه: <strong>۱۴۰۵/۱</strong>"))
            #expect(html.contains("از ساعت ۲۴ روز ۱۴۰۵/۰۱/۱۵ تا ساعت ۲۴ روز ۱۴۰۶/۰۱/۱۵"))
            #expect(html.contains("مریم احمدی"))
            #expect(html.contains("شرایط عمومی") && html.contains("الحاقیه‌ها"))
            let receipt = try await issuer.get("/payments/\(paymentID)/receipt")
            #expect(receipt.body.string.contains("قبض رسید") && receipt.body.string.contains("۱۴۰۵/۱"))
        }
    }

    @Test("typed numbers keep their sign and refuse junk: a negative down payment or a lettered value is reported, not corrected")
    func formNumbers() async throws {
        try await TestApp.run { app in
            #expect(FormInput.integer("۱٬۰۰۰٬۰۰۰") == 1_000_000)
            #expect(FormInput.integer("1,000,000") == 1_000_000)
            #expect(FormInput.integer("-300,000") == -300_000)
            #expect(FormInput.integer("300000 ریال") == nil)
            #expect(FormInput.integer("3-00") == nil)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let quote = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                "items[0][description]": "لپ‌تاپ", "items[0][value]": "100000000"])
            let quotePath = try Self.location(quote)
            let negative = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15",
                                                                              "plan": "installments", "downPayment": "-300,000", "count": "3"])
            #expect(negative.status == .unprocessableEntity)
            #expect(try await Policy.query(on: app.db).count() == 0)
            let lettered = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                   "items[0][description]": "سرور", "items[0][value]": "ده میلیون"])
            #expect(lettered.status == .unprocessableEntity)
        }
    }

    @Test("an agent cannot open the accountant's cheque page; a stranger's policy page is 404")
    func pageScoping() async throws {
        try await TestApp.run { app in
            var agent = Browser(app: app)
            try await agent.signIn("agent")
            #expect(try await agent.get("/accounting/cheques").status == .forbidden)
            #expect(try await agent.get("/policies/\(UUID())").status == .notFound)
            #expect(try await agent.get("/policies").status == .ok)
        }
    }
}
