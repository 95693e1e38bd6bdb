@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// R-G-08: an agency that posts an identity registered by another channel gets the record (and a
/// link to it) only when it sends the same names and birth date; otherwise 409
/// `customer-registered-elsewhere` and nothing of the person.
@Suite("Customers registered by another agency (R-G-08)")
struct CustomerElsewhereTests {
    /// A second agency, 5678, with its agent `agent2` (password `demo-agent2`).
    static func secondAgency(_ app: Application) async throws -> Agency {
        let complex = try #require(try await Complex.query(on: app.db).first())
        let other = Agency(code: "5678", name: "نمایندگی ۵۶۷۸", complexID: try complex.requireID())
        try await other.create(on: app.db)
        let hash = try await Credentials.hash("demo-agent2", cost: 4, on: app)
        try await TestApp.fixture(app, User(username: "agent2", passwordHash: hash, role: .agent, displayName: "agent2", agencyID: other.id))
        return other
    }

    static func links(_ app: Application, customer id: String, agency: Agency) async throws -> Int {
        try await CustomerAgency.query(on: app.db).filter(\.$customer.$id == UUID(uuidString: id)!).filter(\.$agency.$id == agency.requireID()).count()
    }

    @Test("R-G-08 wrong birth date or wrong name from another agency: 409 customer-registered-elsewhere, no name, birth date or mobile, no link")
    func mismatchRefused() async throws {
        try await TestApp.run { app in
            let other = try await Self.secondAgency(app)
            let agentA = try await app.token("agent"), agentB = try await app.token("agent2")
            // agency 1234 registers مریم احمدی, born 1365/04/12, mobile 09121234567
            let created = try await app.send(.POST, "/api/v1/customers", token: agentA, json: Bodies.natural("1234567891"))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)

            for body in [Bodies.natural("1234567891", birth: "1365/04/13"), Bodies.natural("1234567891", first: "زهرا"),
                         Bodies.natural("1234567891", last: "محمدی")] {
                let res = try await app.send(.POST, "/api/v1/customers", token: agentB, json: body)
                #expect(res.status == .conflict)
                #expect(res.problemCode == "customer-registered-elsewhere")
                let text = res.body.string
                #expect(!text.contains("09121234567") && !text.contains("1365/04/12") && !text.contains(id), "nothing of the stored record: \(text)")
                #expect(res.json["firstName"] == nil && res.json["mobile"] == nil && res.json["birthDate"] == nil)
            }
            // a body without a birth date is no proof either
            var noBirth = Bodies.natural("1234567891")
            noBirth["birthDate"] = nil
            #expect(try await app.send(.POST, "/api/v1/customers", token: agentB, json: noBirth).problemCode == "customer-registered-elsewhere")
            #expect(try await Self.links(app, customer: id, agency: other) == 0)
            #expect(try await app.send(.GET, "/api/v1/customers/\(id)", token: agentB).status == .notFound, "still hidden from agency 5678")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "customer.linked-to-agency").filter(\.$entityID == id).count() == 1,
                    "only agency 1234's own link")
        }
    }

    @Test("R-G-08 the same names and birth date (typed with Arabic letters) from another agency: 200, the record, linked and audited")
    func matchLinks() async throws {
        try await TestApp.run { app in
            let other = try await Self.secondAgency(app)
            let agentA = try await app.token("agent"), agentB = try await app.token("agent2")
            let id = try #require(try await app.send(.POST, "/api/v1/customers", token: agentA, json: Bodies.natural("1234567891")).json["id"] as? String)
            // «مريم» with an Arabic yeh is «مریم»; the mobile sent differs and does not matter
            let res = try await app.send(.POST, "/api/v1/customers", token: agentB,
                                         json: Bodies.natural("1234567891", first: "مريم", mobile: "09351112233"))
            #expect(res.status == .ok)
            #expect(res.json["id"] as? String == id)
            #expect(res.json["mobile"] as? String == "09121234567", "the stored record, unchanged")
            #expect(try await Self.links(app, customer: id, agency: other) == 1)
            let audit = try await AuditRecord.query(on: app.db).filter(\.$action == "customer.linked-to-agency").filter(\.$entityID == id).count()
            #expect(audit == 2, "agency 1234's link and now 5678's")
            #expect(try await app.send(.GET, "/api/v1/customers/\(id)", token: agentB).status == .ok)
            // once linked, the agency is answered like the one that registered it
            #expect(try await app.send(.POST, "/api/v1/customers", token: agentB, json: Bodies.natural("1234567891", birth: "1360/01/01")).status == .ok)
        }
    }

    @Test("R-G-08 a customer the insurer registered directly is another channel's too; staff and the registering agency get it whatever they send")
    func directAndStaff() async throws {
        try await TestApp.run { app in
            let agent = try await app.token("agent"), issuer = try await app.token("issuer")
            // the demo's مریم احمدی 0076229645 was registered by the issuer, linked to no agency
            let wrong = try await app.send(.POST, "/api/v1/customers", token: agent, json: Bodies.natural("0076229645", birth: "1366/04/12"))
            #expect(wrong.problemCode == "customer-registered-elsewhere")
            #expect(try await app.send(.POST, "/api/v1/customers", token: agent, json: Bodies.natural("0076229645")).status == .ok)
            // staff see every customer: no proof asked
            let staff = try await app.send(.POST, "/api/v1/customers", token: issuer, json: Bodies.natural("1583250689", first: "کسی دیگر", birth: "1350/01/01"))
            #expect(staff.status == .ok)
            #expect(staff.json["firstName"] as? String == "علی")
        }
    }

    @Test("R-G-08 a legal person registered elsewhere: the company's name must match")
    func legalPerson() async throws {
        try await TestApp.run { app in
            _ = try await Self.secondAgency(app)
            let agentA = try await app.token("agent"), agentB = try await app.token("agent2")
            let company: [String: Any] = ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه سازان"]
            #expect(try await app.send(.POST, "/api/v1/customers", token: agentA, json: company).status == .created)
            let wrong = try await app.send(.POST, "/api/v1/customers", token: agentB, json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت دیگر"])
            #expect(wrong.status == .conflict)
            #expect(wrong.problemCode == "customer-registered-elsewhere")
            #expect(!wrong.body.string.contains("نمونه"))
            #expect(try await app.send(.POST, "/api/v1/customers", token: agentB, json: ["kind": "legal", "legalId": "10380284790", "name": "شركت نمونه‌سازان"]).status == .ok)
        }
    }

    @Test("R-G-08 the web customer form: a mismatch shows the refusal with its code and nothing of the stored record; a match opens the customer")
    func webForm() async throws {
        try await TestApp.run { app in
            _ = try await Self.secondAgency(app)
            let agentA = try await app.token("agent")
            #expect(try await app.send(.POST, "/api/v1/customers", token: agentA, json: Bodies.natural("1234567891", mobile: "09357654321")).status == .created)
            var browser = WebPageTests.Browser(app: app)
            try await browser.signIn("agent2")
            let form = try await browser.get("/customers/new")
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: form.body.string))
            let wrong = try await browser.post("/customers", form: ["_csrf": csrf, "kind": "natural", "nationalCode": "1234567891",
                                                                   "firstName": "مریم", "lastName": "احمدی", "birthDate": "1365/04/11"])
            #expect(wrong.status == .conflict)
            let html = wrong.body.string
            #expect(html.contains("data-code=\"customer-registered-elsewhere\""))
            #expect(html.contains("پیش‌تر در جای دیگری ثبت شده است"))
            #expect(!html.contains("09357654321") && !html.contains("۰۹۳۵۷۶۵۴۳۲۱"), "the stored mobile is not shown")
            let right = try await browser.post("/customers", form: ["_csrf": csrf, "kind": "natural", "nationalCode": "1234567891",
                                                                   "firstName": "مریم", "lastName": "احمدی", "birthDate": "1365/04/12"])
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location)?.hasSuffix("?existing=1") == true)
        }
    }
}
