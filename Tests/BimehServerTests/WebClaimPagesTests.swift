@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The claims expert and the head take a computer loss from notice to the printed payment order
/// through the pages, as a browser posts them.
@Suite("Web: claim pages")
struct WebClaimPagesTests {
    typealias Browser = WebPageTests.Browser

    func multipart(_ browser: Browser, _ path: String, fields: [String: String], file: Data) async throws -> TestingHTTPResponse {
        let boundary = "web-claim-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await browser.app.testing().sendRequest(.POST, path, headers: ["cookie": browser.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"],
                                                           body: ByteBuffer(data: body))
    }

    @Test("R-CL-01…10 notice → documents → visit → assessment with settlement lines → offer → consent → head's approval and payment order, printed in 7 copies with the amount in words, IBAN and lines → accountant marks it paid")
    func wholeFile() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let policyNumber = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)

            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let form = try await expert.get("/claims/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let opened = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": Normalize.persianDigits(policyNumber), "lossDate": "1405/01/08",
                                                                 "noticeDate": "1405/01/10", "kind": "general", "description": "سوختن رایانه بر اثر نوسان برق"])
            #expect(opened.status == .seeOther)
            let path = try #require(opened.headers.first(name: .location))
            #expect(try await expert.post(path + "/steps/document-request", form: ["_csrf": csrf]).status == .seeOther)
            let letter = try await expert.get(path + "/documents-letter")
            #expect(letter.body.string.contains("فاکتور خرید رایانهٔ آسیب‌دیده"))
            for document in try DocumentChecklists.checklist(product: "computer", case: .general) where document.required {
                #expect(try await multipart(expert, path + "/documents", fields: ["_csrf": csrf, "code": document.code], file: ClaimFlow.pdf).status == .seeOther)
            }
            // R-CL-05: the visit and the expert's appointment
            #expect(try await expert.post(path + "/steps/inspection", form: ["_csrf": csrf, "visitDate": "1405/01/10", "expert": "مهندس کارشناس"]).status == .seeOther)
            #expect(try await expert.post(path + "/steps/assessment", form: ["_csrf": csrf, "loss": "۳۰٬۰۰۰٬۰۰۰", "salvage": "2000000"]).status == .seeOther)
            let assessed = try await expert.get(path)
            // 30,000,000 − 2,000,000 − 10 % franchise (2,800,000) = 25,200,000
            #expect(assessed.body.string.contains("۲۵٬۲۰۰٬۰۰۰"))
            #expect(assessed.body.string.contains("R-CL-08"))
            #expect(try await expert.post(path + "/steps/offer", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await expert.post(path + "/steps/consent", form: ["_csrf": csrf]).status == .seeOther)
            // the expert may not order payment
            #expect(try await expert.post(path + "/steps/payment-order", form: ["_csrf": csrf]).status == .forbidden)

            var head = Browser(app: app)
            try await head.signIn("head")
            let file = try await head.get(path)
            let headCSRF = try #require(Browser.hidden("_csrf", in: file.body.string))
            // R-CL-05: the order waits for the head's approval of the appointment
            let iban = "IR۲۰ ۰۱۷۰ ۰۰۰۰ ۰۰۰۰ ۰۱۲۳ ۴۵۶۷ ۸۹"
            let refused = try await head.post(path + "/steps/payment-order", form: ["_csrf": headCSRF, "collector": "insured", "iban": iban])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("data-code=\"appointment-not-approved\""))
            #expect(try await head.post(path + "/steps/inspection-approval", form: ["_csrf": headCSRF]).status == .seeOther)
            #expect(try await head.post(path + "/steps/payment-order", form: ["_csrf": headCSRF, "collector": "insured", "iban": iban]).status == .seeOther)
            let order = try #require(try await PaymentOrder.query(on: app.db).filter(\.$purpose == "claim").first())
            #expect(order.amount == 25_200_000)
            #expect(order.iban == ClaimFlow.iban, "Persian digits and spaces normalized")
            let orderPath = "/payment-orders/\(try order.requireID())"
            let printed = try await head.get(orderPath)
            #expect(printed.status == .ok)
            let sheet = printed.body.string
            #expect(sheet.components(separatedBy: "class=\"copy\"").count - 1 == 7)
            #expect(sheet.contains("۲۵٬۲۰۰٬۰۰۰"))
            // R-CL-10: the amount in words, the IBAN grouped by four, the R-CL-08 lines (loss, salvage, franchise) on each copy
            #expect(sheet.components(separatedBy: "بیست و پنج میلیون و دویست هزار ریال").count - 1 == 7)
            #expect(sheet.contains("IR20 0170 0000 0000 0123 4567 89"))
            #expect(sheet.contains("۲٬۸۰۰٬۰۰۰"), "the franchise line")
            #expect(!sheet.contains("transferReference"), "the head has no payment form")
            let queue = try await head.get("/claims")
            #expect(queue.body.string.contains("حوالهٔ پرداخت صادرشده"))

            // R-CL-10: accounting marks the order paid on the order page; the file is paid
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            #expect(try await accountant.get("/accounting/cheques").body.string.contains("href=\"\(orderPath)\""), "listed as awaiting payment")
            let page = try await accountant.get(orderPath)
            let accountantCSRF = try #require(Browser.hidden("_csrf", in: page.body.string))
            #expect(page.body.string.contains("name=\"transferReference\""))
            let blank = try await accountant.post(orderPath + "/paid", form: ["_csrf": accountantCSRF, "transferReference": " "])
            #expect(blank.status == .unprocessableEntity)
            #expect(blank.body.string.contains("data-code=\"required\" data-field=\"transferReference\""))
            #expect(try await accountant.post(orderPath + "/paid", form: ["_csrf": accountantCSRF, "transferReference": "۹۸۷۶۵۴۳۲"]).status == .seeOther)
            let paidSheet = try await accountant.get(orderPath)
            #expect(paidSheet.body.string.contains("98765432"))
            #expect(!paidSheet.body.string.contains("name=\"transferReference\""), "no second payment form")
            let again = try await accountant.post(orderPath + "/paid", form: ["_csrf": accountantCSRF, "transferReference": "11112222"])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("data-code=\"order-already-paid\""))
            #expect(!(try await accountant.get("/accounting/cheques").body.string.contains("href=\"\(orderPath)\"")), "no longer awaiting payment")
            let paidFile = try await head.get(path)
            #expect(paidFile.body.string.contains("پرداخت‌شده در ۱۴۰۵/۰۱/۱۰"))
            // the expert may not mark it paid
            #expect(try await expert.post(orderPath + "/paid", form: ["_csrf": csrf, "transferReference": "11112222"]).status == .forbidden)
        }
    }
}
