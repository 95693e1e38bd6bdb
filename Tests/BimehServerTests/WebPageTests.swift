@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The web pages through real requests: sign-in with CSRF, Persian RTL pages, form errors beside fields.
@Suite("Web pages")
struct WebPageTests {
    struct Browser {
        let app: Application
        var cookies: [String: String] = [:]

        var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

        mutating func get(_ path: String) async throws -> TestingHTTPResponse {
            let res = try await app.testing().sendRequest(.GET, path, headers: ["cookie": cookieHeader])
            keep(res)
            return res
        }

        mutating func post(_ path: String, form: [String: String]) async throws -> TestingHTTPResponse {
            let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            let res = try await app.testing().sendRequest(.POST, path, headers: ["cookie": cookieHeader, "content-type": "application/x-www-form-urlencoded"],
                                                          body: ByteBuffer(string: body))
            keep(res)
            return res
        }

        private mutating func keep(_ res: TestingHTTPResponse) {
            for header in res.headers[.setCookie] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                if header.contains("Expires=Thu, 01 Jan 1970") || pair[1].isEmpty { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
            }
        }

        static func hidden(_ name: String, in html: String) -> String? {
            guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }

        mutating func signIn(_ username: String) async throws {
            let page = try await get("/login")
            let csrf = try #require(Self.hidden("_csrf", in: page.body.string))
            let res = try await post("/login", form: ["username": username, "password": "demo-\(username)", "_csrf": csrf, "next": "/"])
            #expect(res.status == .seeOther)
            #expect(cookies[SessionAuthenticator.cookieName] != nil)
            // Max-Age, not Expires: with the demo clock an absolute expiry could already be past for the browser.
            let sessionCookie = res.headers[.setCookie].first { $0.hasPrefix(SessionAuthenticator.cookieName) } ?? ""
            #expect(sessionCookie.contains("Max-Age=28800") && !sessionCookie.contains("Expires="))
            #expect(sessionCookie.contains("HttpOnly"))
        }
    }

    @Test("sign-in page is Persian and right-to-left; anonymous visitors are sent to it")
    func loginPage() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location)?.hasPrefix("/login") == true)
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<html lang=\"fa\" dir=\"rtl\">"))
            #expect(page.body.string.contains("ورود به سامانه"))
            let css = try await browser.get(WebPath.stylesheet)
            #expect(css.body.string.contains("@media print"))
        }
    }

    @Test("sign-in without the form's CSRF token, or with a wrong password, is refused")
    func loginRefusals() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            let noToken = try await browser.post("/login", form: ["username": "issuer", "password": "demo-issuer"])
            #expect(noToken.status == .forbidden)
            let page = try await browser.get("/login")
            let csrf = try #require(Browser.hidden("_csrf", in: page.body.string))
            let wrong = try await browser.post("/login", form: ["username": "issuer", "password": "x", "_csrf": csrf])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("نام کاربری یا گذرواژه نادرست است"))
        }
    }

    @Test("the issuer signs in, sees the dashboard with Persian digits and a Jalali date, and signs out")
    func dashboardAndLogout() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            let html = home.body.string
            #expect(html.contains("پیشخوان"))
            #expect(html.contains("۱۰ فروردین ۱۴۰۵"), "today in Jalali with Persian digits")
            #expect(html.contains("<span class=\"value\">۲</span>"), "two demo customers, in Persian digits")
            let csrf = try #require(Browser.hidden("_csrf", in: html))
            let out = try await browser.post("/logout", form: ["_csrf": csrf])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("a form posted without the session's CSRF token is refused and stores nothing")
    func csrfOnForms() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let res = try await browser.post("/customers", form: ["kind": "natural", "nationalCode": "1234567891", "firstName": "a", "lastName": "b"])
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains("csrf-failed"))
            #expect(try await Customer.query(on: app.db).count() == 2)
        }
    }

    @Test("R-G-05 an invalid national code is shown beside its field in Persian; a valid one is registered")
    func customerForm() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.signIn("issuer")
            let form = try await browser.get("/customers/new")
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            let bad = try await browser.post("/customers", form: ["_csrf": csrf, "kind": "natural", "nationalCode": "0076229646", "firstName": "سارا", "lastName": "<b>x</b>"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("id=\"nationalCode-error\">کد ملی واردشده معتبر نیست"))
            #expect(html.contains("value=\"0076229646\""), "the typed value is kept")
            #expect(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"), "typed markup is escaped")
            let good = try await browser.post("/customers", form: ["_csrf": csrf, "kind": "natural", "nationalCode": "۱۲۳۴۵۶۷۸۹۱", "firstName": "سارا", "lastName": "<script>alert(1)</script>"])
            #expect(good.status == .seeOther)
            let location = try #require(good.headers.first(name: .location))
            let page = try await browser.get(location)
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains("۱۲۳۴۵۶۷۸۹۱"), "the code is shown with Persian digits")
            let list = try await browser.get("/customers?q=1234567891")
            #expect(list.body.string.contains("۱ مشتری"))
        }
    }
}
