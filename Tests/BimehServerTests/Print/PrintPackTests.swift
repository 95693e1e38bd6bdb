@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The print pack: every printed document opens with the configured letterhead, writes amounts
/// in words, shows no rule ID and only Persian digits; the policy adds the insured's channel,
/// its installment table and the QR code of its authenticity link.
@Suite("Print pack: letterhead, amounts in words, installments, QR, copies")
struct PrintPackTests {
    typealias Browser = WebPageTests.Browser

    static func location(_ res: TestingHTTPResponse) throws -> String {
        try #require(res.headers.first(name: .location))
    }

    /// What a reader sees on the paper: no head, no SVG, no tags; the authenticity link and the
    /// unique code (Latin by nature) left out.
    static func visibleText(_ html: String, dropping: [String] = []) -> String {
        var text = html
        for pattern in ["(?s)<head>.*?</head>", "(?s)<svg.*?</svg>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for literal in dropping { text = text.replacingOccurrences(of: literal, with: " ") }
        return text
    }

    static func checkPaper(_ html: String, dropping: [String] = [], _ what: String) {
        let text = visibleText(html, dropping: dropping)
        #expect(html.contains("class=\"letterhead\"") && text.contains("شرکت بیمهٔ نمونه (سهامی عام)") && text.contains("کد بیمه‌گر نزد بیمهٔ مرکزی: ۱۰۴۵"),
                "\(what): the configured letterhead")
        #expect(text.range(of: "R-[A-Z]+-[0-9۰-۹]", options: .regularExpression) == nil, "\(what): no rule ID")
        #expect(text.range(of: "[0-9]", options: .regularExpression) == nil,
                "\(what): Persian digits only: \(text.range(of: ".{0,30}[0-9].{0,30}", options: .regularExpression).map { String(text[$0]) } ?? "")")
    }

    @Test("R-CL-10 a cash computer policy: letterhead, premium in words, one-row schedule, QR of the authenticity link; receipt, refund order and endorsement print the same way")
    func cashPolicyPapers() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            // 60,000,000 + 40,000,000 at 1 % → premium 1,000,000
            let quote = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                "items[0][description]": "لپ‌تاپ", "items[0][value]": "60000000",
                                                                "items[1][description]": "سرور", "items[1][value]": "40000000"])
            let registerPath = try Self.location(quote) + "/policy"
            let registered = try await issuer.post(registerPath, form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15", "plan": "cash"])
            let policyPath = try Self.location(registered)
            _ = try await issuer.post(policyPath + "/payments", form: ["_csrf": csrf, "method": "cheque", "amount": "1000000", "paidOn": "1405/01/10",
                                                                      "chequeNumber": "778899", "chequeBank": "ملت", "chequeDueDate": "1405/01/10"])
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let cheques = try await accountant.get("/accounting/cheques")
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: cheques.body.string))
            let paymentID = try #require(try await Payment.query(on: app.db).first()?.requireID())
            _ = try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": accountantCSRF])
            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)
            let policy = try #require(try await Policy.query(on: app.db).first())
            let code = try #require(policy.uniqueCode, "every issued policy has a unique code for the public inquiry")

            let print = try await issuer.get(policyPath + "/print").body.string
            let link = "http://127.0.0.1:8080/authenticity?code=" + code
            Self.checkPaper(print, dropping: [link, code], "policy")
            #expect(print.contains("۱٬۰۰۰٬۰۰۰ ریال (یک میلیون ریال)"), "the premium in figures and words")
            #expect(print.contains("نشانی بیمه‌گذار") && print.contains("فروشنده"), "the insured's address line and the selling channel")
            // cash: one row, the whole premium on the issue day's schedule
            let table = try #require(print.range(of: "(?s)<table class=\"sheet-table installments\">.*?</table>", options: .regularExpression).map { String(print[$0]) })
            #expect(table.components(separatedBy: "<tr><td>").count - 1 == 1 && table.contains("کل حق بیمه") && table.contains("۱٬۰۰۰٬۰۰۰"))
            #expect(print.contains("<svg") && print.contains("class=\"qr\"") && print.contains(link), "the QR code and its link")
            // the QR in the page is the encoder's code of exactly that link
            #expect(print.contains(try QRCode(link).svg(label: "رمزینهٔ پیوند استعلام اصالت بیمه‌نامه")))
            #expect(print.contains("class=\"closing\""), "the signatures are kept with the QR block (break-inside: avoid)")

            let receipt = try await issuer.get("/payments/\(paymentID)/receipt").body.string
            Self.checkPaper(receipt, dropping: ["778899"], "receipt")
            #expect(receipt.contains("(یک میلیون ریال)"))

            // the server removed from 1405/07/15: 400,000 × 179 / 365 = 196,164.38 → refund order of 196,164
            _ = try await issuer.post(policyPath + "/endorsements", form: ["_csrf": csrf, "effectiveDate": "1405/07/15", "description": "حذف سرور", "remove[]": "1"])
            let order = try #require(try await PaymentOrder.query(on: app.db).first())
            #expect(order.amount == 196_164)
            let orderPage = try await issuer.get("/payment-orders/\(try order.requireID())").body.string
            Self.checkPaper(orderPage, "payment order")
            #expect(orderPage.contains("یکصد و نود و شش هزار و یکصد و شصت و چهار ریال") || orderPage.contains("صد و نود و شش هزار و صد و شصت و چهار ریال"),
                    "196,164 in words")
            // the copies follow each other on one sheet, each marked and headed by the letterhead
            let copies = orderPage.components(separatedBy: "<section class=\"copy\">").count - 1
            #expect(orderPage.contains("<div class=\"cut-copies\">"))
            #expect(orderPage.components(separatedBy: "class=\"letterhead\"").count - 1 == copies)
            #expect(orderPage.contains("نسخهٔ ۱ از ۳"))

            let endorsement = try #require(try await Endorsement.query(on: app.db).first())
            let endorsementPage = try await issuer.get("/endorsements/\(try endorsement.requireID())/print").body.string
            Self.checkPaper(endorsementPage, "endorsement")
            // −196,164 of premium: the words carry the sign the figures show
            #expect(endorsementPage.contains("(منفی صد و نود و شش هزار و صد و شصت و چهار ریال)"))
            #expect(endorsementPage.contains("<span class=\"copy-mark\">نسخهٔ بیمه‌گذار</span>"))
        }
    }

    @Test("R-P-04 an installment policy prints its schedule: down payment and three installments of (1,000,000 − 400,000) / 3 = 200,000")
    func installmentTable() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let quote = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                "items[0][description]": "لپ‌تاپ", "items[0][value]": "100000000"])
            let registered = try await issuer.post(try Self.location(quote) + "/policy", form: [
                "_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15", "plan": "installments", "downPayment": "400000", "count": "3"])
            let policyPath = try Self.location(registered)
            _ = try await issuer.post(policyPath + "/payments", form: ["_csrf": csrf, "method": "cheque", "amount": "400000", "paidOn": "1405/01/10",
                                                                      "chequeNumber": "778800", "chequeBank": "ملت", "chequeDueDate": "1405/01/10"])
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let cheques = try await accountant.get("/accounting/cheques")
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: cheques.body.string))
            let paymentID = try #require(try await Payment.query(on: app.db).first()?.requireID())
            _ = try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": accountantCSRF])
            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)

            let print = try await issuer.get(policyPath + "/print").body.string
            let table = try #require(print.range(of: "(?s)<table class=\"sheet-table installments\">.*?</table>", options: .regularExpression).map { String(print[$0]) })
            #expect(table.components(separatedBy: "<tr><td>").count - 1 == 4, "down payment and three installments")
            #expect(table.contains("پیش‌پرداخت") && table.contains("۴۰۰٬۰۰۰"))
            #expect(table.components(separatedBy: "۲۰۰٬۰۰۰").count - 1 == 3)
            #expect(table.contains("<td>۴</td><td>قسط</td>"), "rows numbered in Persian digits")
            let receipt = try await issuer.get("/payments/\(paymentID)/receipt").body.string
            #expect(receipt.contains("(چهارصد هزار ریال)"))
        }
    }

    @Test("R-P-08 the cancellation letter: letterhead, effective date, the insurer's share and the refund in figures and words; none before a cancellation")
    func cancellationLetter() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let quote = try await issuer.post("/quotes", form: ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10",
                                                                "items[0][description]": "لپ‌تاپ", "items[0][value]": "100000000"])
            let registered = try await issuer.post(try Self.location(quote) + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15", "plan": "cash"])
            let policyPath = try Self.location(registered)
            _ = try await issuer.post(policyPath + "/payments", form: ["_csrf": csrf, "method": "cheque", "amount": "1000000", "paidOn": "1405/01/10",
                                                                      "chequeNumber": "778811", "chequeBank": "ملت", "chequeDueDate": "1405/01/10"])
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let cheques = try await accountant.get("/accounting/cheques")
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: cheques.body.string))
            let paymentID = try #require(try await Payment.query(on: app.db).first()?.requireID())
            _ = try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": accountantCSRF])
            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await issuer.get(policyPath + "/cancellation-letter").status == .conflict, "no letter before a cancellation")

            let cancelled = try await issuer.post(policyPath + "/cancellation", form: ["_csrf": csrf, "initiatedBy": "insured", "noticeDate": "1405/02/01", "reason": "فروش رایانه‌ها"])
            #expect(cancelled.status == .seeOther)
            let policy = try #require(try await Policy.query(on: app.db).first())
            let record = try #require(try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "test"))
            let show = try await issuer.get(policyPath).body.string
            #expect(show.contains("/cancellation-letter") && show.contains("چاپ نامهٔ فسخ"))
            let letter = try await issuer.get(policyPath + "/cancellation-letter").body.string
            Self.checkPaper(letter, "cancellation letter")
            #expect(letter.contains("فسخ شده است") && letter.contains("به درخواست کتبی شما مورخ ۱۴۰۵/۰۲/۰۱"))
            #expect(letter.contains("از ساعت ۲۴ روز <strong>" + Normalize.persianDigits(record.outcome.effectiveDate.description) + "</strong>"))
            // what the insurer keeps and what goes back add up to the 1,000,000 paid
            #expect(record.outcome.retained.amount + record.outcome.refund.amount == 1_000_000)
            #expect(letter.contains("(" + record.outcome.retained.inWords + ")"))
            if record.outcome.refund.amount > 0 { #expect(letter.contains("(" + record.outcome.refund.inWords + ")")) }
        }
    }

    @Test("a description stored with a rule ID for staff prints without it")
    func ruleIDsLeftOut() {
        #expect(PrintedDocument.withoutRuleIDs("الحاقیهٔ حق بیمهٔ قطعی: ۱۲ بیمه‌شدهٔ پذیرفته‌شده (R-GL-07/08)") == "الحاقیهٔ حق بیمهٔ قطعی: ۱۲ بیمه‌شدهٔ پذیرفته‌شده")
        #expect(PrintedDocument.withoutRuleIDs("بند R-CP-۰۲ و بعد") == "بند و بعد")
    }

    @Test("the deductible is never blank: a policy without a franchise prints «ندارد»")
    func franchiseLine() {
        #expect(PrintedDocument.franchise(nil) == "ندارد")
        #expect(PrintedDocument.franchise("10") == "۱۰٪ هر خسارت")
    }
}
