@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The provider's desk page: inquiry, HID issue and verification through the same commands as the
/// API (R-EL-05), errors beside their field, and the dashboard's way in.
@Suite("Web: the provider's desk")
struct WebProviderPageTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-EL-01/05 the page inquires by national code, issues an HID and verifies it; a bad code is a Persian message beside its field")
    func desk() async throws {
        try await TestApp.run { app in
            var provider = Browser(app: app)
            try await provider.signIn("provider")
            let home = try await provider.get("/").body.string
            #expect(home.contains("href=\"/provider\""), "the dashboard leads to the desk")
            #expect(!home.contains("/api/v1/eligibility"), "no API path on the dashboard")
            let page = try await provider.get("/provider")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("href=\"/health/center\""), "the direct claim page")
            let csrf = try #require(Browser.hidden("_csrf", in: page.body.string))

            // the demo list covers 0076229645 until 1406/01/10 (see ProviderEligibilityTests)
            let covered = try await provider.post("/provider/inquiry", form: ["_csrf": csrf, "nationalCode": "۰۰۷۶۲۲۹۶۴۵"])
            #expect(covered.status == .ok)
            #expect(covered.body.string.contains("پوشش دارد"))
            #expect(covered.body.string.contains("از حمایت‌های درمانی برخوردار می‌باشید"))
            #expect(covered.body.string.contains("۱۴۰۶/۰۱/۱۰"))
            let ended = try await provider.post("/provider/inquiry", form: ["_csrf": csrf, "nationalCode": "1583250689"])
            #expect(ended.body.string.contains("از حمایت‌های درمانی برخوردار نمی‌باشید"))

            // 0076229646: the check digit of 007622964 is 5, so this code is invalid (R-G-05)
            let bad = try await provider.post("/provider/inquiry", form: ["_csrf": csrf, "nationalCode": "0076229646"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("id=\"inquiry-code-error\""), "the message sits beside the field")
            #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"inquiry-code-error\""))
            #expect(html.contains("value=\"0076229646\""), "what was typed stays")

            let visits = try await ProviderVisit.query(on: app.db).count()
            let issued = try await provider.post("/provider/visit", form: ["_csrf": csrf, "nationalCode": "0076229645"])
            #expect(issued.status == .ok)
            #expect(try await ProviderVisit.query(on: app.db).count() == visits + 1, "the same command as the API stored one visit")
            let visit = try #require(try await ProviderVisit.query(on: app.db).sort(\.$issuedAt, .descending).first())
            let hid = try HealthID(parsing: visit.hid)
            #expect(issued.body.string.contains(Normalize.persianDigits(hid.grouped)))

            let verified = try await provider.post("/provider/verification", form: ["_csrf": csrf, "nationalCode": "0076229645", "hid": hid.grouped])
            #expect(verified.status == .ok)
            #expect(verified.body.string.contains("معتبر است"))
            let wrongHID = try await provider.post("/provider/verification", form: ["_csrf": csrf, "nationalCode": "0076229645", "hid": "12"])
            #expect(wrongHID.status == .unprocessableEntity)
            #expect(wrongHID.body.string.contains("id=\"verify-hid-error\""))

            // staff may not use the desk
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            #expect(try await issuer.get("/provider").status == .forbidden)
        }
    }
}
