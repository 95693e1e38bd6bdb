@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// The public page (R-EL-01, R-EL-02, R-EL-04): what a newcomer does in a browser, over HTTP.
@Suite("Public eligibility page")
struct EligibilityPageTests {
    @Test("get a credit code, ask about a demo person, watch the quota fall; the scanner script is served")
    func walk() async throws {
        try await TestApp.run { app in
            var browser = WebPageTests.Browser(app: app)
            let page = try await browser.get("/eligibility")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("استعلام پوشش بیمهٔ درمان"))
            #expect(page.body.string.contains("/assets/eligibility.js"))
            var csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))

            let sent = try await browser.post("/eligibility/credit-code", form: ["mobile": "09121234567", "_csrf": csrf])
            #expect(sent.status == .ok)
            #expect(sent.body.string.contains("پیامک شد"))
            let code = try #require(try SMSInbox.lastCode(app, to: "09121234567"))
            csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: sent.body.string))

            let answer = try await browser.post("/eligibility", form: ["creditCode": code, "person": "0076229645", "_csrf": csrf])
            #expect(answer.status == .ok)
            #expect(answer.body.string.contains("از حمایت‌های درمانی برخوردار می‌باشید"))
            #expect(answer.body.string.contains("سهمیهٔ باقی‌مانده: ۱۹"))
            csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: answer.body.string))

            let again = try await browser.post("/eligibility", form: ["creditCode": code, "person": "1583250689", "_csrf": csrf])
            #expect(again.body.string.contains("از حمایت‌های درمانی برخوردار نمی‌باشید"))
            #expect(again.body.string.contains("سهمیهٔ باقی‌مانده: ۱۸"))
            csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: again.body.string))

            // A mistyped code is shown beside its field and costs nothing.
            let typo = try await browser.post("/eligibility", form: ["creditCode": code, "person": "0076229646", "_csrf": csrf])
            #expect(typo.status == .unprocessableEntity)
            #expect(typo.body.string.contains("id=\"person-error\""))

            let script = try await browser.get(WebPath.eligibilityScript)
            #expect(script.body.string.contains("BarcodeDetector"))
        }
    }

    @Test("a form without the page's CSRF cookie is refused and nothing is spent")
    func csrf() async throws {
        try await TestApp.run { app in
            var browser = WebPageTests.Browser(app: app)
            let res = try await browser.post("/eligibility/credit-code", form: ["mobile": "09121234567", "_csrf": "forged"])
            #expect(res.status == .forbidden)
            #expect(try SMSInbox.lastCode(app, to: "09121234567") == nil)
        }
    }
}
