@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// What a user reads on the pages is Persian: instants in Jalali Tehran time, people by their
/// names, error pages without machine codes (issue 16, item 4).
@Suite("Web: language")
struct WebLanguageTests {
    typealias Browser = WebPageTests.Browser

    static func instant(_ iso: String) throws -> Date { try #require(PageTime.parse(iso)) }

    /// The text a reader sees: the markup without its tags (attributes are not read).
    static func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test("An instant is shown as its Jalali day and hour in Tehran (UTC+3:30), Persian digits")
    func tehranTime() throws {
        // Nowruz 1405 falls on 2026-03-21 (Gregorian): 20:30 UTC on the 20th + 3:30 = 00:00 on the 21st in Tehran
        #expect(PageTime.format(try Self.instant("2026-03-20T20:30:00Z")) == "۱۴۰۵/۰۱/۰۱ ۰۰:۰۰")
        // a minute before is still the last day of 1404 (not a leap year: Esfand has 29 days), 23:59
        #expect(PageTime.format(iso: "2026-03-20T20:29:00.000Z") == "۱۴۰۴/۱۲/۲۹ ۲۳:۵۹")
        // the audit trail's text form with fractional seconds: 10:35 UTC + 3:30 = 14:05 on 1405/01/10 (2026-03-30)
        #expect(PageTime.format(iso: "2026-03-30T10:35:00.250Z") == "۱۴۰۵/۰۱/۱۰ ۱۴:۰۵")
        // text that is not an instant is shown as it is, in Persian digits
        #expect(PageTime.format(iso: "1405/01/10") == "۱۴۰۵/۰۱/۱۰")
    }

    @Test("The claim history shows the expert's display name and the Jalali Tehran time, not the username and UTC")
    func claimHistory() async throws {
        // 2026-03-30T10:35Z is 1405/01/10 14:05 in Tehran (see tehranTime); TestApp's policies start then
        let now = try Self.instant("2026-03-30T10:35:00Z")
        try await TestApp.run(adjust: { $0.clock = BimehClock(fixedToday: nil, instant: { now }) }) { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let number = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)
            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/new").body.string))
            let opened = try await expert.post("/claims", form: ["_csrf": csrf, "policyNumber": number, "lossDate": "1405/01/10",
                                                                 "noticeDate": "1405/01/10", "kind": "general", "description": "سوختن رایانه"])
            let path = try #require(opened.headers.first(name: .location))
            let page = try await expert.get(path).body.string
            let start = try #require(page.range(of: "گردش کار پرونده"))
            let history = String(page[start.lowerBound...])
            #expect(history.contains("<td class=\"when\">۱۴۰۵/۰۱/۱۰ ۱۴:۰۵</td><td>کارشناس خسارت (نمایشی)</td>"))
            #expect(!history.contains(">claims<") && !history.contains("UTC") && !history.contains("2026-"))
        }
    }

    @Test("An error page says what happened in Persian; the machine code is only a data attribute")
    func errorPages() async throws {
        try await TestApp.run { app in
            var provider = Browser(app: app)
            try await provider.signIn("provider")
            let refused = try await provider.get("/policies")
            #expect(refused.status == .forbidden)
            let html = refused.body.string
            #expect(html.contains("data-code=\"forbidden\""))
            #expect(html.contains("این کار در دسترس شما نیست") && html.contains("نقش کاربری شما اجازهٔ این کار را ندارد."))
            #expect(!Self.visible(html).contains("forbidden") && !html.contains("کد خطا"))

            let missing = try await provider.get("/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("صفحه یا پرونده پیدا نشد"))
            #expect(!Self.visible(missing.body.string).contains("not-found"))
        }
    }

    @Test("The payment order's «بابت» line shows the file and policy numbers in Persian digits")
    func paymentOrderReason() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            let ordered = try await flow.order(claimID)
            let orderID = try #require(ordered.json["id"] as? String)
            let order = try #require(try await PaymentOrder.find(UUID(uuidString: orderID), on: app.db))
            let policyNumber = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)
            #expect(order.reason.contains(policyNumber), "the stored reason keeps the number as the register gives it")
            var head = Browser(app: app)
            try await head.signIn("head")
            let page = try await head.get("/payment-orders/\(orderID)").body.string
            let start = try #require(page.range(of: "<th>بابت</th><td>"))
            let line = String(page[start.upperBound...].prefix { $0 != "<" })
            // e.g. «خسارت پروندهٔ ۱۴۰۵/۱ بیمه‌نامهٔ ۱۴۰۵/۱»: the policy's number, digit by digit in Persian
            #expect(line.contains(Normalize.persianDigits(policyNumber)))
            #expect(line.rangeOfCharacter(from: CharacterSet(charactersIn: "0123456789")) == nil)
        }
    }
}
