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

    @Test("R-CL-01…10 notice → documents → assessment with settlement lines → offer → consent → head's payment order, printed in 7 copies")
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
            #expect(try await head.post(path + "/steps/payment-order", form: ["_csrf": headCSRF, "collector": "insured"]).status == .seeOther)
            let order = try #require(try await PaymentOrder.query(on: app.db).filter(\.$purpose == "claim").first())
            #expect(order.amount == 25_200_000)
            let printed = try await head.get("/payment-orders/\(try order.requireID())")
            #expect(printed.status == .ok)
            #expect(printed.body.string.components(separatedBy: "class=\"copy\"").count - 1 == 7)
            #expect(printed.body.string.contains("۲۵٬۲۰۰٬۰۰۰"))
            let queue = try await head.get("/claims")
            #expect(queue.body.string.contains("حوالهٔ پرداخت صادرشده"))
        }
    }
}
