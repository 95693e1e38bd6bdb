@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import NIOCore
import Testing
import VaporTesting

/// The admin's pages (issue #16 item 8): users and roles, organization, tariff files, the audit
/// trail in Persian. Every change is audited (R-G-07); another role gets 403.
@Suite("Admin pages")
struct AdminPagesTests {
    typealias Browser = WebPageTests.Browser

    static func admin(_ app: Application) async throws -> (Browser, String) {
        var browser = Browser(app: app)
        try await browser.signIn("admin")
        let csrf = try #require(Browser.hidden("_csrf", in: try await browser.get(SiteURL.admin(.users).path).body.string))
        return (browser, csrf)
    }

    static func actions(_ app: Application, entity: String, id: UUID) async throws -> [String] {
        try await AuditRecord.query(on: app.db).filter(\.$entity == entity).filter(\.$entityID == id.uuidString).sort(\.$id).all().map(\.action)
    }

    @Test("every admin page answers the admin and refuses any other role with 403")
    func onlyAdmin() async throws {
        try await TestApp.run { app in
            var (admin, _) = try await Self.admin(app)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            for url in [AdminURL.users, .organization, .tariffs, .audit] {
                #expect(try await admin.get(SiteURL.admin(url).path).status == .ok, "\(url)")
                #expect(try await issuer.get(SiteURL.admin(url).path).status == .forbidden, "\(url)")
            }
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/").body.string))
            let target = try #require(try await User.query(on: app.db).filter(\.$username == "claims").first()).requireID()
            #expect(try await issuer.post(SiteURL.admin(.userDisable(.value(target))).path, form: ["_csrf": csrf]).status == .forbidden)
            #expect(try await issuer.post(SiteURL.admin(.users).path, form: ["_csrf": csrf, "username": "x", "displayName": "x", "role": "admin", "password": "12345678"]).status == .forbidden)
            // the admin's dashboard links to each page
            let dashboard = try await admin.get("/").body.string
            for url in [AdminURL.users, .organization, .tariffs, .audit] { #expect(dashboard.contains("href=\"\(SiteURL.admin(url).path)\"")) }
        }
    }

    @Test("add a user with a role, change the role, disable: each audited; a disabled user's token stops working")
    func users() async throws {
        try await TestApp.run { app in
            var (admin, csrf) = try await Self.admin(app)
            // the username is kept as typed by a phone: capitalised, spaces around → «  Sara.K » is «sara.k»
            let created = try await admin.post(SiteURL.admin(.users).path, form: [
                "_csrf": csrf, "username": "  Sara.K ", "displayName": "سارا کریمی", "role": "issuer", "password": "secret-pass-1"])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "sara.k").first())
            #expect(user.role == .issuer && user.active && user.displayName == "سارا کریمی")
            let id = try user.requireID()
            let token = try await app.token("sara.k", password: "secret-pass-1")
            #expect(try await app.send(.GET, "/api/v1/tariffs/third-party/1405", token: token).status == .ok)
            // the role changes to claims
            #expect(try await admin.post(SiteURL.admin(.userRole(.value(id))).path, form: ["_csrf": csrf, "role": "claims"]).status == .seeOther)
            #expect(try await User.find(id, on: app.db)?.role == .claims)
            // disabled: inactive, and the API token no longer signs in
            #expect(try await admin.post(SiteURL.admin(.userDisable(.value(id))).path, form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await User.find(id, on: app.db)?.active == false)
            #expect(try await app.send(.GET, "/api/v1/tariffs/third-party/1405", token: token).status == .unauthorized)
            let trail = try await Self.actions(app, entity: "user", id: id)
            #expect(trail.contains("user.created") && trail.contains("user.role-changed") && trail.contains("user.disabled") && trail.contains("auth.token-revoked"))
            let page = try await admin.get(SiteURL.admin(.users).path).body.string
            #expect(page.contains("سارا کریمی") && page.contains("غیرفعال"))
        }
    }

    @Test("the add-user form refuses bad input beside each field, stores nothing; a taken username is refused; the admin cannot disable themself")
    func userRefusals() async throws {
        try await TestApp.run { app in
            var (admin, csrf) = try await Self.admin(app)
            let count = try await User.query(on: app.db).count()
            let bad = try await admin.post(SiteURL.admin(.users).path, form: ["_csrf": csrf, "username": "", "displayName": "", "role": "agent", "password": "short"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            for field in ["username", "displayName", "password", "agencyCode"] { #expect(html.contains("id=\"\(field)-error\""), "\(field)") }
            let taken = try await admin.post(SiteURL.admin(.users).path, form: ["_csrf": csrf, "username": "issuer", "displayName": "دوم", "role": "issuer", "password": "secret-pass-1"])
            #expect(taken.status == .conflict && taken.body.string.contains("id=\"username-error\""))
            #expect(try await User.query(on: app.db).count() == count)
            let me = try #require(try await User.query(on: app.db).filter(\.$username == "admin").first()).requireID()
            #expect(try await admin.post(SiteURL.admin(.userDisable(.value(me))).path, form: ["_csrf": csrf]).status == .conflict)
            #expect(try await User.find(me, on: app.db)?.active == true)
        }
    }

    @Test("R-G-09 the organization page lists complexes, departments, agencies and brokers; an expired licence is marked")
    func organization() async throws {
        try await TestApp.run { app in
            // valid through its expiry day: 1405/01/09 is past on 1405/01/10, 1405/01/10 is not
            try await TestApp.fixture(app, Broker(name: "کارگزار منقضی", online: true, licenceNumber: "EXP-1", licenceExpiry: "1405/01/09"))
            try await TestApp.fixture(app, Broker(name: "کارگزار امروز", online: true, licenceNumber: "TODAY-1", licenceExpiry: "1405/01/10"))
            var (admin, _) = try await Self.admin(app)
            let html = try await admin.get(SiteURL.admin(.organization).path).body.string
            let agency = try #require(try await Agency.query(on: app.db).first())
            let complex = try #require(try await Complex.query(on: app.db).first())
            #expect(html.contains(agency.name) && html.contains(complex.name))
            #expect(try await Department.query(on: app.db).count() == 0 || html.contains("ادارات"))
            let expiredRow = try #require(html.range(of: "کارگزار منقضی"))
            #expect(html[expiredRow.upperBound...].prefix(400).contains("منقضی‌شده"))
            let todayRow = try #require(html.range(of: "کارگزار امروز"))
            #expect(html[todayRow.upperBound...].prefix(400).contains("معتبر"))
            #expect(!html[todayRow.upperBound...].prefix(300).contains("منقضی‌شده"))
        }
    }

    /// The year in force as exported, with the 4-cylinder car's base premium raised by 10 %.
    static func raisedTariff(_ app: Application) throws -> (unchanged: Data, raised: Data, year: Int) {
        let year = TestApp.today.year
        let format = try #require(app.bimeh.products.tariffFiles.first { $0.product.rawValue == "third-party" })
        let data = try #require(try format.export(year))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var classes = try #require(object["vehicleClasses"] as? [[String: Any]])
        let i = try #require(classes.firstIndex { $0["code"] as? String == "car-4-cyl" })
        let base = try #require(classes[i]["basePremium"] as? Int)
        classes[i]["basePremium"] = base + base / 10
        object["vehicleClasses"] = classes
        return (data, try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), year)
    }

    static func upload(_ browser: Browser, csrf: String, file: Data) async throws -> TestingHTTPResponse {
        let boundary = "----bimeh-test-boundary"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"product\"\r\n\r\n\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tariff.json\"\r\nContent-Type: application/json\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await browser.app.testing().sendRequest(.POST, SiteURL.admin(.tariffPreview).path,
            headers: ["cookie": browser.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(data: body))
    }

    @Test("a tariff file shows its changes against the tariff in force before loading; «بارگذاری» then loads it, audited")
    func tariffs() async throws {
        try await TestApp.run { app in
            var (admin, csrf) = try await Self.admin(app)
            let files = try Self.raisedTariff(app)
            let list = try await admin.get(SiteURL.admin(.tariffs).path).body.string
            #expect(list.contains(Normalize.persianDigits(String(files.year))))
            // the diff of the raised file: shown, nothing stored
            let preview = try await Self.upload(admin, csrf: csrf, file: files.raised)
            #expect(preview.status == .ok)
            #expect(preview.body.string.contains("car-4-cyl") && preview.body.string.contains("+۱۰.۰۰"))
            #expect(try await TariffFile.query(on: app.db).count() == 0)
            // the unchanged file (loading it changes no price other tests see): previewed, then loaded
            let same = try await Self.upload(admin, csrf: csrf, file: files.unchanged)
            let body = try #require(Browser.hidden("body", in: same.body.string))
            #expect(same.body.string.contains("تغییری ندارد"))
            let decoded = body.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            let loaded = try await admin.post(SiteURL.admin(.tariffLoad).path, form: ["_csrf": csrf, "product": "third-party", "body": decoded])
            #expect(loaded.status == .seeOther)
            #expect(try await TariffFile.query(on: app.db).count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "tariff.loaded").count() == 1)
            // a file that is not a tariff: refused beside the file field, nothing stored
            let bad = try await Self.upload(admin, csrf: csrf, file: Data("{\"year\":1405}".utf8))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("data-field=\"file\""))
            #expect(try await TariffFile.query(on: app.db).count() == 1)
        }
    }

    @Test("the audit trail: Persian action names, Tehran Jalali times, display names; filters by user, action, record and dates")
    func auditTrail() async throws {
        try await TestApp.run { app in
            var (admin, _) = try await Self.admin(app)
            let issuer = try #require(try await User.query(on: app.db).filter(\.$username == "issuer").first())
            _ = try await app.token("issuer")
            let all = try await admin.get(SiteURL.admin(.audit).path).body.string
            #expect(all.contains("ورود به سامانه") && !all.contains(">auth.web-token-issued<"))
            #expect(all.contains(issuer.displayName))
            // Persian digits and a Jalali day: «۱۴۰۵/۰۱/۱۰ »
            #expect(all.contains("۱۴۰۵/۰۱/۱۰ "))
            // by user: only the issuer's records
            let byUser = try await admin.get(SiteURL.admin(.audit).path + "?user=\(try issuer.requireID().uuidString)").body.string
            #expect(byUser.contains("دریافت کلید دسترسی برنامه‌ها") && !byUser.contains("data-action=\"customer.registered\""))
            // by action
            let byAction = try await admin.get(SiteURL.admin(.audit).path + "?action=auth.api-token-issued").body.string
            let codes = Set(byAction.components(separatedBy: "data-action=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
            #expect(codes == ["auth.api-token-issued"])
            // by record
            let customer = try #require(try await Customer.query(on: app.db).first()).requireID().uuidString
            let byRecord = try await admin.get(SiteURL.admin(.audit).path + "?record=\(customer)").body.string
            #expect(byRecord.contains("ثبت مشتری") && !byRecord.contains("data-action=\"auth.api-token-issued\""))
            // by dates: today has records, the day before none; a bad date is marked beside its field
            #expect(try await admin.get(SiteURL.admin(.audit).path + "?from=1405/01/10&to=1405/01/10").body.string.contains("data-action="))
            #expect(!(try await admin.get(SiteURL.admin(.audit).path + "?from=1405/01/09&to=1405/01/09").body.string.contains("data-action=")))
            let bad = try await admin.get(SiteURL.admin(.audit).path + "?from=1405/13/01")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("id=\"from-error\""))
        }
    }
}
