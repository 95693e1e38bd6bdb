@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The issuer sells and prints a third-party policy for a car whose last policy lapsed 20 days
/// ago, through the pages; the public page confirms its unique code.
@Suite("Web: third-party sale and public authenticity page")
struct WebThirdPartyTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-TP-08/02/13 lapsed 20 days: penalty line on the quote; licence; issue; print; public page")
    func sellAndCheck() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/third-party")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let quote = try await issuer.post("/quotes/third-party", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "vehicleClass": "car-4-cyl", "usage": "private", "previousPolicyEndDate": "1404/12/19",
                "claimFreeYears": "0", "financialClaims": "0", "bodilyClaims": "0", "vehicleAgeYears": "3", "negativePoints": "0",
                "extraTrailers": "0", "financialCover": "0",
                "plate": "۲۲ ج ۴۵۶ ایران ۱۰", "vin": "1M8GDM9AXKP042788", "engineNumber": "124K0123456", "make": "ایران خودرو",
                "model": "پژو ۲۰۶", "modelYear": "۱۳۹۸"])
            #expect(quote.status == .seeOther)
            let quotePath = try #require(quote.headers.first(name: .location))
            let page = try await issuer.get(quotePath)
            // 98,435,000 × 20 / 365 = 5,393,698.63 → 5,393,699 (see ThirdPartyTests)
            #expect(page.body.string.contains("۵٬۳۹۳٬۶۹۹"))
            #expect(page.body.string.contains("R-TP-08"))
            let register = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/10", "endDate": "1406/01/10", "plan": "cash"])
            #expect(register.status == .seeOther)
            let policyPath = try #require(register.headers.first(name: .location))
            _ = try await issuer.post(policyPath + "/payments", form: ["_csrf": csrf, "method": "cheque", "amount": "103828699", "paidOn": "1405/01/10",
                                                                        "chequeNumber": "5500", "chequeBank": "ملی", "chequeDueDate": "1405/01/10"])
            let paymentID = try #require(try await Payment.query(on: app.db).first()?.requireID())
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let cheques = try await accountant.get("/accounting/cheques")
            _ = try await accountant.post("/payments/\(paymentID)/collect", form: ["_csrf": try #require(Browser.hidden("_csrf", in: cheques.body.string))])
            // issue without a licence is refused on the page; with one it goes through
            let refused = try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf])
            #expect(refused.status == .conflict)
            let licence = try await issuer.post(policyPath + "/licence", form: ["_csrf": csrf, "number": "1234567890", "class": "third", "expiry": "1410/01/01",
                                                                               "holderName": "علی رضایی", "holderNationalCode": "1583250689"])
            #expect(licence.status == .seeOther)
            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)
            let code = try #require(try await Policy.query(on: app.db).first()?.uniqueCode)
            let print = try await issuer.get(policyPath + "/print")
            #expect(print.body.string.contains(code))
            #expect(print.body.string.contains("بیمه شخص ثالث"))
            // the public page, with no sign-in
            var visitor = Browser(app: app)
            let check = try await visitor.get("/authenticity?code=\(code)")
            #expect(check.status == .ok)
            #expect(check.body.string.contains("این بیمه‌نامه معتبر است"))
            #expect(try await visitor.get("/authenticity?code=ABCDEFGHJKLMNPQR").body.string.contains("صادر نشده است"))
        }
    }
}
