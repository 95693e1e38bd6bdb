@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import SQLKit
import Testing
import VaporTesting

@Suite("Health, OpenAPI, metrics, request ids, configuration")
struct SystemEndpointTests {
    @Test("health answers ok and every response carries a request id")
    func health() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let res = try await app.send(.GET, "/api/v1/health")
            #expect(res.status == .ok)
            #expect(res.json["status"] as? String == "ok")
            #expect(res.headers.first(name: "X-Request-Id")?.isEmpty == false)
            let missing = try await app.send(.GET, "/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.problemCode == "not-found")
            #expect(missing.json["requestId"] as? String == missing.headers.first(name: "X-Request-Id"))
        }
    }

    @Test("the suite runs on the engine CI asked for (TEST_DATABASE_URL → PostgreSQL)")
    func engineUnderTest() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(sql.dialect.name == (TestApp.engineUnderTest == .postgres ? "postgresql" : "sqlite"))
            #expect(app.bimeh.store.engine == TestApp.engineUnderTest)
        }
    }

    @Test("every registered API route is in the OpenAPI document, and nothing else is")
    func openAPICoversRoutes() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let res = try await app.send(.GET, "/api/v1/openapi.json")
            #expect(res.status == .ok)
            #expect(res.json["openapi"] as? String == "3.1.0")
            let paths = try #require(res.json["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, ops) in paths { for method in ops.keys { documented.insert("\(method.uppercased()) \(path)") } }
            var registered = Set<String>()
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): return "{\(name)}"
                    default: return component.description
                    }
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") else { continue }
                registered.insert("\(route.method.rawValue) \(path)")
            }
            #expect(registered.subtracting(documented).isEmpty, "undocumented: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered).sorted())")
        }
    }

    /// #17 point 7: every operation declared only `default`, so a client or a fuzzer could not tell
    /// a documented refusal from an undocumented one.
    @Test("every operation names its answers: no `default`; guarded ones 401 and 403, writes 409 and 503, all 400 and 422")
    func explicitResponses() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let paths = try #require(try await app.send(.GET, "/api/v1/openapi.json").json["paths"] as? [String: [String: [String: Any]]])
            var checked = 0
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try #require(operation["responses"] as? [String: Any], "\(method) \(path)")
                    #expect(responses["default"] == nil, "\(method) \(path) still has default")
                    #expect(responses["400"] != nil && responses["422"] != nil, "\(method) \(path)")
                    if operation["security"] != nil { #expect(responses["401"] != nil && responses["403"] != nil, "\(method) \(path)") }
                    if method != "get" { #expect(responses["409"] != nil && responses["503"] != nil, "\(method) \(path)") }
                    if path.contains("{") { #expect(responses["404"] != nil, "\(method) \(path)") }
                    #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) documents its success")
                    checked += 1
                }
            }
            #expect(checked > 60)
            // a request body is as strict as the server: closed, money bounded, required texts non-empty
            let payment = try #require((((paths["/api/v1/policies/{id}/payments"]?["post"]?["requestBody"] as? [String: Any])?["content"]
                as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
            #expect(payment["additionalProperties"] as? Bool == false)
            let amount = try #require((payment["properties"] as? [String: Any])?["amount"] as? [String: Any])
            #expect(amount["minimum"] as? Int == 0 && amount["maximum"] as? Int == Int(Int64.max))
            let letter = try #require((((paths["/api/v1/letters"]?["post"]?["requestBody"] as? [String: Any])?["content"]
                as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
            #expect(((letter["properties"] as? [String: Any])?["subject"] as? [String: Any])?["minLength"] as? Int == 1)
            let upload = (paths["/api/v1/claims/{id}/documents"]?["post"]?["requestBody"] as? [String: Any])?["content"] as? [String: Any]
            #expect(upload?["multipart/form-data"] != nil)
        }
    }

    @Test("/metrics exposes request counters in Prometheus text, to an admin or the scraper's token only")
    func metrics() async throws {
        try await TestApp.run(adjust: { $0.metricsToken = "scrape-secret" }) { app in
            _ = try await app.send(.GET, "/api/v1/health")
            let anonymous = try await app.send(.GET, "/metrics")
            #expect(anonymous.status == .unauthorized)
            #expect(!anonymous.body.string.contains("http_requests_total"))
            let wrong = try await app.send(.GET, "/metrics", token: "scrape-secreT")
            #expect(wrong.status == .unauthorized)
            let issuer = try await app.send(.GET, "/metrics", token: try await app.token("issuer"))
            #expect(issuer.status == .forbidden)
            let scraper = try await app.send(.GET, "/metrics", token: "scrape-secret")
            #expect(scraper.status == .ok)
            #expect(scraper.body.string.contains("http_requests_total"))
            let admin = try await app.send(.GET, "/metrics", token: try await app.token("admin"))
            #expect(admin.status == .ok)
        }
    }

    @Test("without a scraper's token configured, /metrics answers a signed-in admin only")
    func metricsWithoutToken() async throws {
        try await TestApp.run { app in
            let guessed = try await app.send(.GET, "/metrics", token: "anything")
            #expect(guessed.status == .unauthorized)
            let admin = try await app.send(.GET, "/metrics", token: try await app.token("admin"))
            #expect(admin.status == .ok)
        }
        let config = try AppConfig.fromEnvironment(["BIMEH_METRICS_TOKEN": "t"], demo: false)
        #expect(config.metricsToken == "t")
    }

    @Test("API.md demo clock: BIMEH_TODAY is refused without --demo and used with it")
    func demoClock() throws {
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_TODAY": "1405/01/10"], demo: false) }
        let config = try AppConfig.fromEnvironment(["BIMEH_TODAY": "۱۴۰۵/۰۱/۱۰"], demo: true)
        #expect(config.fixedToday == (try JalaliDate(year: 1405, month: 1, day: 10)))
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_TODAY": "1404/12/30"], demo: true) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x"], demo: false) }
        #expect(try AppConfig.fromEnvironment([:], demo: false).storage == .sqlite(path: "bimeh.sqlite"))
    }

    @Test("the fixed clock makes today the demo date while time of day keeps running")
    func fixedClock() throws {
        let fixed = try JalaliDate(year: 1405, month: 1, day: 10)
        let clock = BimehClock(fixedToday: fixed, instant: { Date(timeIntervalSince1970: 1_795_000_000) })
        #expect(clock.today() == fixed)
        #expect(JalaliDate(date: clock.now(), timeZone: BimehClock.tehran) == fixed)
    }

    @Test("the demo seed includes a computer policy in force, paid before today, ready for a claim")
    func demoPolicy() async throws {
        try await TestApp.run(seedDemo: false) { app in
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("computer")).first())
            #expect(policy.status == .issued)
            // started 30 days before today (1405/01/10 − 30 days = 1404/12/09, Esfand 1404 having 29 days)
            #expect(policy.startDate == "1404/12/09")
            let claims = try await app.token("claims")
            let opened = try await app.send(.POST, "/api/v1/claims", token: claims,
                                            json: ["policyId": try policy.requireID().uuidString, "lossDate": "1405/01/09", "noticeDate": "1405/01/10", "description": "x"])
            #expect(opened.status == .created)
            #expect((opened.json["premiumInquiry"] as? [String: Any])?["full"] != nil)
            #expect(try await DemoData.seed(app) == 0, "seeding again changes nothing")
        }
    }

    @Test("R-TP-13 the demo seed issues a third-party policy with its vehicle, authentic on the public inquiry")
    func demoThirdParty() async throws {
        try await TestApp.run(seedDemo: false) { app in
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("third-party")).first())
            #expect(policy.status == .issued)
            // sold today, 1405/01/10: cover from the next day (R-TP-03)
            #expect(policy.startDate == "1405/01/10")
            let code = try #require(policy.uniqueCode)
            let inquiry = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(inquiry.json["authentic"] as? Bool == true)
            // «۲۲ ج ۴۵۶ ایران ۱۰» masked: **ج*56-10
            #expect((inquiry.json["vehicle"] as? [String: Any])?["plate"] as? String == "**ج*56-10")
            #expect(try await RegistryEvent.query(on: app.db).filter(\.$policy.$id == policy.requireID()).count() == 1)
            #expect(try await DemoData.seed(app) == 0, "seeding again changes nothing")
        }
    }

    @Test("R-SH-07 the demo seed has a family health policy in force and a contracted pharmacy: a direct claim at once")
    func demoHealth() async throws {
        try await TestApp.run(seedDemo: false) { app in
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("supplementary-health")).first())
            #expect(policy.status == .issued)
            // dated 30 days back: 1405/01/10 − 10 = 1404/12/29 (Esfand 1404 has 29 days), − 20 more = 1404/12/09
            #expect(policy.startDate == "1404/12/09")
            let provider = try await app.token("provider")
            // visits and drugs, cost 2,000,000, base insurer 600,000 ≥ 20 % franchise (400,000): 1,400,000
            let claim = try await app.send(.POST, "/api/v1/health/claims", token: provider, json: [
                "nationalCode": "0076229645", "serviceDate": "1405/01/10", "cover": "visit-drugs", "cost": 2_000_000, "basePaid": 600_000])
            #expect(claim.status == .created, "\(claim.body.string)")
            #expect(claim.json["payable"] as? Int == 1_400_000)
            // silver visit-drugs ceiling 20,000,000 (T-SH: silver / gold 20,000,000 / 40,000,000) − 1,400,000
            #expect(claim.json["remainingCeiling"] as? Int == 18_600_000)
            #expect(try await DemoData.seed(app) == 0, "seeding again changes nothing")
        }
    }

    @Test("seeding the demo data twice changes nothing")
    func seedTwice() async throws {
        try await TestApp.run { app in
            let users = try await User.query(on: app.db).count()
            #expect(try await DemoData.seed(app, samplePolicy: false) == 0)
            #expect(try await User.query(on: app.db).count() == users)
        }
    }
}

@Suite("Published tariffs")
struct TariffEndpointTests {
    @Test("R-TP-04/05 the third-party tariff of a year: classes, usages with `private` at 0 %, amnesty windows; unknown year 404")
    func thirdPartyTariff() async throws {
        try await TestApp.run { app in
            let token = try await app.token("agent")
            let res = try await app.send(.GET, "/api/v1/tariffs/third-party/1405", token: token)
            #expect(res.status == .ok)
            #expect(res.json["year"] as? Int == 1405)
            let usages = try #require(res.json["usages"] as? [[String: Any]])
            let personal = try #require(usages.first { $0["code"] as? String == "private" })
            #expect((personal["surchargePercent"] as? NSNumber)?.intValue == 0)
            // R-TP-05: intercity taxi 20 %
            #expect((usages.first { $0["code"] as? String == "taxi-intercity" }?["surchargePercent"] as? NSNumber)?.intValue == 20)
            #expect(((res.json["vehicleClasses"] as? [Any])?.count ?? 0) > 4)
            #expect(res.json["amnestyWindows"] is [Any])
            let none = try await app.send(.GET, "/api/v1/tariffs/third-party/1390", token: token)
            #expect(none.status == .notFound)
            #expect(none.problemCode == "no-tariff-for-year")
            #expect(try await app.send(.GET, "/api/v1/tariffs/third-party/1405").status == .unauthorized)
        }
    }
}
