@testable import BimehServer
import Fluent
import SQLKit
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Supplementary health over HTTP (R-SH-02/03, R-SH-09…11): a family policy quoted, registered
/// with monthly installments, issued, its persons fed to the eligibility store, changed and ended.
/// Today is 1405/01/10 (TestApp's clock); the policy runs 1405/01/10 → 1406/01/10 (365 days).
@Suite("Supplementary health over HTTP (R-SH-02, 03, 09, 10, 11)")
struct HealthTests {
    static let main = "0013542419", spouse = "0067749828", daughter = "0012345679"

    static func family(_ persons: [[String: Any]]? = nil, kind: String = "family", base: Bool = true) -> [String: Any] {
        ["plan": "silver", "kind": kind, "hasBaseInsurance": base, "persons": persons ?? [
            ["nationalCode": main, "firstName": "رضا", "lastName": "کریمی", "birthDate": "1365/05/01", "sex": "male", "relation": "main"],
            ["nationalCode": spouse, "birthDate": "1368/02/01", "sex": "female", "relation": "spouse"],
            ["nationalCode": daughter, "birthDate": "1398/01/01", "sex": "female", "relation": "child"],
        ]]
    }

    static func quote(_ app: Application, _ flow: PolicyFlow, _ inputs: [String: Any], customer: String? = nil) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
            "product": "supplementary-health", "customerId": customer ?? flow.customerID, "date": "1405/01/10", "inputs": inputs])
    }

    /// Quote → 12 monthly installments → the first collected → issued; the policy id.
    static func issuedFamily(_ app: Application, _ flow: PolicyFlow, _ inputs: [String: Any]? = nil) async throws -> String {
        let quoteID = try #require(try await quote(app, flow, inputs ?? family()).json["id"] as? String)
        let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "count": 12],
                                                 start: "1405/01/10", end: "1406/01/10")
        #expect(registered.status == .created, "\(registered.body.string)")
        let policyID = try #require(registered.json["id"] as? String)
        let first = try #require((registered.json["schedule"] as? [[String: Any]])?.first?["amount"] as? Int)
        let paymentID = try #require(try await flow.cheque(policyID, amount: Int64(first)).json["id"] as? String)
        #expect(try await flow.collect(paymentID).status == .ok)
        let issued = try await flow.issue(policyID)
        #expect(issued.status == .ok, "\(issued.body.string)")
        return policyID
    }

    @Test("T-SH family silver: 90,000,000 + 90,000,000 + 45,000,000 = 225,000,000 in 12 monthly parts of 18,750,000")
    func familyQuoteAndSchedule() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // main born 1365/05/01: 39 on 1405/01/10 → ×1.0; spouse 37 → ×1.0; daughter born 1398/01/01: 7 → ×0.5
            let quote = try await Self.quote(app, flow, Self.family())
            #expect(quote.status == .created, "\(quote.body.string)")
            let lines = try #require(quote.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == ["person-1", "person-2", "person-3"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [90_000_000, 90_000_000, 45_000_000])
            #expect(quote.json["total"] as? Int == 225_000_000)
            // without base insurance: + 30 % × 225,000,000 = 67,500,000
            let bare = try await Self.quote(app, flow, Self.family(base: false))
            #expect((bare.json["lines"] as? [[String: Any]])?.last?["code"] as? String == "surcharge-no-base-insurance")
            #expect(bare.json["total"] as? Int == 292_500_000)
            // 225,000,000 / 12 = 18,750,000 exactly; the first due today, the last on 1405/12/10
            let quoteID = try #require(quote.json["id"] as? String)
            let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "count": 12], start: "1405/01/10", end: "1406/01/10")
            let schedule = try #require(registered.json["schedule"] as? [[String: Any]])
            #expect(schedule.count == 12)
            #expect(schedule.allSatisfy { $0["amount"] as? Int == 18_750_000 })
            #expect(schedule.last?["dueDate"] as? String == "1405/12/10")
            // 7 installments are not a health plan
            let quote2 = try #require(try await Self.quote(app, flow, Self.family()).json["id"] as? String)
            let seven = try await flow.register(quoteID: quote2, payment: ["plan": "installments", "count": 7], start: "1405/01/10", end: "1406/01/10")
            #expect(seven.fieldCodes["payment.count"] == "invalid-installment-count")
        }
    }

    @Test("R-SH-02 refusals over HTTP: a son of 24 not studying, a main of 71, a gold plan without base insurance")
    func refusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let son: [String: Any] = ["nationalCode": Self.daughter, "birthDate": "1381/01/01", "sex": "male", "relation": "child"]
            let main: [String: Any] = ["nationalCode": Self.main, "birthDate": "1365/05/01", "sex": "male", "relation": "main"]
            #expect(try await Self.quote(app, flow, Self.family([main, son])).fieldCodes == ["inputs.persons[1].birthDate": "not-a-dependant"])
            var studying = son
            studying["student"] = true
            #expect(try await Self.quote(app, flow, Self.family([main, studying])).json["total"] as? Int == 180_000_000)
            let old: [String: Any] = ["nationalCode": Self.main, "birthDate": "1334/01/10", "sex": "male", "relation": "main"]
            #expect(try await Self.quote(app, flow, Self.family([old])).fieldCodes == ["inputs.persons[0].birthDate": "age-out-of-range"])
            var gold = Self.family([main], base: false)
            gold["plan"] = "gold"
            #expect(try await Self.quote(app, flow, gold).fieldCodes == ["inputs.hasBaseInsurance": "base-insurance-required"])
            var unknown = Self.family([main])
            unknown["plan"] = "platinum"
            #expect(try await Self.quote(app, flow, unknown).fieldCodes == ["inputs.plan": "unknown-plan"])
        }
    }

    @Test("R-SH-09 issue feeds the eligibility store: the provider sees each person covered by this insurer and plan")
    func eligibilityFeed() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedFamily(app, flow)
            let view = try await flow.get(policyID).json
            let persons = try #require(view["insuredPersons"] as? [[String: Any]])
            #expect(persons.compactMap { $0["nationalCode"] as? String } == [Self.main, Self.spouse, Self.daughter])
            #expect(persons.allSatisfy { $0["coverTo"] as? String == "1406/01/10" })
            // the policy page lists them, in Persian
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            #expect(page.contains("<h2>بیمه‌شدگان و سقف باقی‌ماندهٔ پوشش‌ها</h2>"))
            #expect(page.contains("<td>۰۰۶۷۷۴۹۸۲۸</td><td></td><td>همسر</td>\n      <td>از ۱۴۰۵/۰۱/۱۱ تا ۱۴۰۶/۰۱/۱۰</td>"))
            #expect(page.contains("<td>رضا کریمی</td><td>اصلی</td>"))
            // R-G-04: cover begins at 24:00 of the start day, so today's inquiry still says not covered…
            let provider = try await app.token("provider")
            let today = try await app.send(.GET, "/api/v1/eligibility/\(Self.daughter)", token: provider)
            #expect(today.status == .ok)
            #expect(today.json["covered"] as? Bool == false)
            // …and from tomorrow, 1405/01/11, the same store answers covered, by this insurer, plan silver
            let tomorrow = try await EntitlementStore.inquire(try PersonIdentifier(Self.daughter), on: try JalaliDate(parsing: "1405/01/11"),
                                                               reader: app.bimeh.entitlements, db: app.db)
            #expect(tomorrow.answer.covered)
            #expect(tomorrow.insurer == HealthEntitlements.source)
            #expect(tomorrow.answer.plan == "silver")
            #expect(tomorrow.answer.relation == .child)
            #expect(tomorrow.answer.coverTo == (try JalaliDate(parsing: "1406/01/10")))
            // R-SH-11: a unique code the public authenticity inquiry confirms
            let code = try #require(view["uniqueCode"] as? String)
            #expect(code.count == 16)
            let inquiry = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(inquiry.json["authentic"] as? Bool == true)
            #expect(inquiry.json["vehicle"] == nil)
            // the same person in a second family policy of this insurer for an overlapping term: refused at issue
            let quoteID = try #require(try await Self.quote(app, flow, Self.family([
                ["nationalCode": Self.daughter, "birthDate": "1368/02/01", "sex": "female", "relation": "main"]])).json["id"] as? String)
            let second = try #require(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10").json["id"] as? String)
            _ = try await flow.collect(try #require(try await flow.cheque(second, amount: 90_000_000).json["id"] as? String))
            let refused = try await flow.issue(second)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "person-already-insured")
        }
    }

    @Test("R-SH-09/R-P-07 removing the daughter from 1405/07/15 ends her cover that day and credits 21,452,055")
    func personRemovedMidTerm() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedFamily(app, flow)
            // new annual premium 180,000,000; remaining 1405/07/15 → 1406/01/10: Mehr 15 + Aban–Bahman 4 × 30 + Esfand 29
            // + Farvardin 10 = 174 days; delta (180,000,000 − 225,000,000) × 174 / 365 = −21,452,054.79… → −21,452,055
            let persons = try #require(Self.family()["persons"] as? [[String: Any]])
            let endorsed = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/07/15", "description": "حذف فرزند", "changes": ["persons": Array(persons.prefix(2))]])
            #expect(endorsed.status == .created, "\(endorsed.body.string)")
            #expect(endorsed.json["premiumDelta"] as? Int == -21_452_055)
            // 206,250,000 of the 225,000,000 is still owed: the credit reduces it, nothing is paid out
            #expect(endorsed.json["paymentOrder"] == nil)
            let rows = try await HealthPersonRecord.query(on: app.db).filter(\.$nationalCode == Self.daughter).all()
            #expect(rows.map(\.coverTo) == ["1405/07/15"])
            let validTo = try await Self.validTo(app, Self.daughter)
            #expect(validTo == [14_050_715])
            // cancelling from 1405/08/21 (notice 1405/08/01 + 20) ends the others on that day
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insurer", "noticeDate": "1405/08/01", "reason": "عدم پرداخت اقساط"])
            #expect(cancelled.status == .ok)
            #expect(try await Self.validTo(app, Self.main) == [14_050_821])
            #expect(try await Self.validTo(app, Self.daughter) == [14_050_715])
        }
    }

    @Test("R-SH-09 no imported list may take the insurer's own source name (an import replaces a whole source)")
    func ownSourceReserved() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await Self.issuedFamily(app, flow)
            await #expect(throws: AppError.self) {
                try await EntitlementLoader(source: OwnEntitlements.source).replace(on: app, actor: .system("test"), from: ListBatches([]))
            }
            // the policy's persons are still there
            #expect(try await Self.validTo(app, Self.main) == [14_060_110])
        }
    }

    @Test("R-SH-10 a group is an employer's; a family plan is a natural person's")
    func customerKinds() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let company = try await app.send(.POST, "/api/v1/customers", token: flow.issuer,
                                             json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه"])
            let companyID = try #require(company.json["id"] as? String)
            let quoteID = try #require(try await Self.quote(app, flow, Self.family(), customer: companyID).json["id"] as? String)
            let res = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": companyID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            #expect(res.fieldCodes == ["customerId": "natural-customer-required"])
        }
    }

    static func validTo(_ app: Application, _ person: String) async throws -> [Int] {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT valid_to FROM entitlements WHERE person = \(bind: person) AND source = \(bind: HealthEntitlements.source)")
            .all().map { try $0.decode(column: "valid_to", as: Int.self) }
    }
}

/// Direct claims at a contracted center (R-SH-04…07). The family policy is dated back to run
/// 1404/12/01 → 1405/12/01, so today (1405/01/10) is inside its cover (from 1404/12/02).
@Suite("Direct health claims at a contracted center (R-SH-04, 05, 06, 07)")
struct HealthDirectClaimTests {
    typealias H = HealthTests

    /// A contracted center with the demo provider as its staff; the center's code.
    static func center(_ app: Application, code: String = "C-100", provider: String = "provider") async throws -> String {
        let center = HealthCenter(code: code, name: "بیمارستان نمونه", contracted: true)
        try await center.create(on: app.db)
        let user = try #require(try await User.query(on: app.db).filter(\.$username == provider).first())
        let staff = HealthCenterStaff()
        staff.$center.id = try center.requireID()
        staff.$user.id = try user.requireID()
        try await staff.create(on: app.db)
        return code
    }

    static func backdatedFamily(_ app: Application, _ flow: PolicyFlow) async throws -> String {
        let quoteID = try #require(try await H.quote(app, flow, H.family()).json["id"] as? String)
        let policyID = try #require(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10").json["id"] as? String)
        let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
        policy.startDate = "1404/12/01"
        policy.endDate = "1405/12/01"
        try await policy.save(on: app.db)
        try await TestApp.reseal(app, "policy", try policy.requireID())
        _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: 225_000_000).json["id"] as? String))
        #expect(try await flow.issue(policyID).status == .ok)
        return policyID
    }

    static func claim(_ app: Application, _ token: String, person: String = H.main, cover: String, cost: Int64, basePaid: Int64 = 0,
                      date: String = "1405/01/10", introduction: String? = nil) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["nationalCode": person, "serviceDate": date, "cover": cover, "cost": cost, "basePaid": basePaid]
        if let introduction { body["introduction"] = introduction }
        return try await app.send(.POST, "/api/v1/health/claims", token: token, json: body)
    }

    @Test("R-SH-04/07 hospitalization needs an introduction letter; with it, cost 100,000,000 and base 30,000,000 pay 70,000,000")
    func hospitalizationWithIntroduction() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await Self.backdatedFamily(app, flow)
            let center = try await Self.center(app)
            let provider = try await app.token("provider")
            let without = try await Self.claim(app, provider, cover: "hospitalization", cost: 100_000_000, basePaid: 30_000_000)
            #expect(without.fieldCodes == ["introduction": "introduction-required"])
            let letter = try await app.send(.POST, "/api/v1/health/introductions", token: try await app.token("claims"),
                                            json: ["nationalCode": H.main, "center": center, "cover": "hospitalization"])
            #expect(letter.status == .created, "\(letter.body.string)")
            // valid 30 days: 1405/01/10 + 30 = 1405/02/09 (Farvardin has 31 days)
            #expect(letter.json["validTo"] as? String == "1405/02/09")
            let number = try #require(letter.json["number"] as? String)
            // franchise 20 % × 100,000,000 = 20,000,000 ≤ 30,000,000 paid by the base insurer: 70,000,000
            let paid = try await Self.claim(app, provider, cover: "hospitalization", cost: 100_000_000, basePaid: 30_000_000, introduction: number)
            #expect(paid.status == .created, "\(paid.body.string)")
            #expect(paid.json["covered"] as? Bool == true)
            #expect(paid.json["payable"] as? Int == 70_000_000)
            #expect(paid.json["insuredShare"] as? Int == 0)
            // silver hospitalization ceiling 1,000,000,000 − 70,000,000 = 930,000,000 left
            #expect(paid.json["remainingCeiling"] as? Int == 930_000_000)
            #expect((paid.json["lines"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["cost", "base-insurer"])
            // the letter is used once
            let again = try await Self.claim(app, provider, cover: "hospitalization", cost: 10_000_000, introduction: number)
            #expect(again.problemCode == "introduction-used")
        }
    }

    @Test("R-SH-06 two concurrent paraclinic claims of 80,000,000 on a 100,000,000 ceiling: 64,000,000 and the 36,000,000 left")
    func concurrentClaimsShareTheCeiling() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await Self.backdatedFamily(app, flow)
            _ = try await Self.center(app)
            let provider = try await app.token("provider")
            // each alone: 80,000,000 − 20 % franchise 16,000,000 = 64,000,000; together they would spend 128,000,000
            async let first = Self.claim(app, provider, cover: "paraclinic", cost: 80_000_000)
            async let second = Self.claim(app, provider, cover: "paraclinic", cost: 80_000_000)
            let answers = try await [first, second]
            #expect(answers.allSatisfy { $0.status == .created })
            let payables = answers.compactMap { $0.json["payable"] as? Int }.sorted()
            // the second sees 100,000,000 − 64,000,000 = 36,000,000 left: a ceiling-reduction of 28,000,000
            #expect(payables == [36_000_000, 64_000_000])
            let reduced = try #require(answers.first { $0.json["payable"] as? Int == 36_000_000 })
            #expect((reduced.json["lines"] as? [[String: Any]])?.last?["amount"] as? Int == -28_000_000)
            #expect(reduced.json["remainingCeiling"] as? Int == 0)
            #expect(reduced.json["insuredShare"] as? Int == 44_000_000)
        }
    }

    @Test("R-SH-07 refusals: a person not covered, a cover not bought, an unknown cover, a removed person, bad amounts, a provider of no center")
    func refusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.backdatedFamily(app, flow)
            let provider = try await app.token("provider")
            // no center yet: 403
            let orphan = try await Self.claim(app, provider, cover: "paraclinic", cost: 1_000_000)
            #expect(orphan.status == .forbidden)
            #expect(orphan.problemCode == "not-a-center-provider")
            _ = try await Self.center(app)
            #expect(try await Self.claim(app, provider, person: "0499370899", cover: "paraclinic", cost: 1_000_000).fieldCodes == ["nationalCode": "not-covered"])
            #expect(try await Self.claim(app, provider, cover: "dental", cost: 1_000_000).fieldCodes == ["nationalCode": "not-covered"])
            #expect(try await Self.claim(app, provider, cover: "massage", cost: 1_000_000).fieldCodes == ["cover": "unknown-cover"])
            #expect(try await Self.claim(app, provider, cover: "paraclinic", cost: 0).fieldCodes == ["cost": "invalid-amount"])
            #expect(try await Self.claim(app, provider, cover: "paraclinic", cost: 100, basePaid: 101).fieldCodes == ["basePaid": "base-paid-exceeds-cost"])
            #expect(try await Self.claim(app, provider, cover: "paraclinic", cost: 100, date: "1405/01/11").fieldCodes == ["serviceDate": "service-date-in-future"])
            // the daughter removed from 1405/01/05: a service on 1405/01/10 is not covered, one on 1405/01/05 is
            let persons = try #require(H.family()["persons"] as? [[String: Any]])
            let endorsed = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/01/05", "description": "حذف فرزند", "changes": ["persons": Array(persons.prefix(2))]])
            #expect(endorsed.status == .created, "\(endorsed.body.string)")
            #expect(try await Self.claim(app, provider, person: H.daughter, cover: "paraclinic", cost: 1_000_000).fieldCodes == ["nationalCode": "not-covered"])
            #expect(try await Self.claim(app, provider, person: H.daughter, cover: "paraclinic", cost: 1_000_000, date: "1405/01/05").status == .created)
            #expect(try await HealthClaim.query(on: app.db).count() == 1)
        }
    }
}

@Suite("Selling supplementary health on the web (R-SH-02, 03, 11)")
struct WebHealthProposalTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-SH-03 the proposal form prices a family at 225,000,000; a son of 24 not studying is refused beside his row")
    func sellFamily() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/supplementary-health")
            #expect(form.status == .ok)
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            var fields = ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "plan": "silver", "kind": "family", "hasBaseInsurance": "yes",
                          "persons[0][nationalCode]": HealthTests.main, "persons[0][birthDate]": "1365/05/01", "persons[0][sex]": "male", "persons[0][relation]": "main",
                          "persons[1][nationalCode]": HealthTests.spouse, "persons[1][birthDate]": "1368/02/01", "persons[1][sex]": "female", "persons[1][relation]": "spouse",
                          "persons[2][nationalCode]": HealthTests.daughter, "persons[2][birthDate]": "1381/01/01", "persons[2][sex]": "male", "persons[2][relation]": "child"]
            // a son born 1381/01/01 is 24 on 1405/01/10 and not studying: refused, the message under his row
            let refused = try await issuer.post("/quotes/supplementary-health", form: fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(refused) == ["inputs.persons[2].birthDate:not-a-dependant"])
            #expect(refused.body.string.contains("value=\"1381/01/01\""), "what was typed stays in the form")
            // the daughter born 1398/01/01 instead: 90,000,000 + 90,000,000 + 45,000,000
            fields["persons[2][birthDate]"] = "1398/01/01"
            fields["persons[2][sex]"] = "female"
            let priced = try await issuer.post("/quotes/supplementary-health", form: fields)
            #expect(priced.status == .seeOther, "\(priced.body.string)")
            let quotePath = try #require(priced.headers.first(name: .location))
            let quote = try await issuer.get(quotePath)
            #expect(quote.body.string.contains("۲۲۵٬۰۰۰٬۰۰۰"))
            // registered on 12 monthly installments, no down payment typed: 18,750,000 each
            let registered = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/10", "endDate": "1406/01/10",
                                                                               "plan": "installments", "count": "12"])
            #expect(registered.status == .seeOther, "\(registered.body.string)")
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("supplementary-health")).first())
            let schedule = try await ScheduleEntry.query(on: app.db).filter(\.$policy.$id == policy.requireID()).all()
            #expect(schedule.count == 12 && schedule.allSatisfy { $0.amount == 18_750_000 })
            let page = try await issuer.get(try #require(registered.headers.first(name: .location))).body.string
            #expect(page.contains("<h2>بیمه‌شدگان</h2>"))
        }
    }
}

@Suite("A contracted center's monthly statement (R-SH-07)")
struct HealthStatementTests {
    typealias D = HealthDirectClaimTests
    typealias H = HealthTests

    @Test("R-SH-07 the month's claims and their total; approved only after the month, then closed to claims, then paid once")
    func statement() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await D.backdatedFamily(app, flow)
            let center = try await D.center(app)
            let provider = try await app.token("provider")
            // two claims dated in Esfand 1404 (inside the cover from 1404/12/02): 10,000,000 and 5,000,000 with no base payment,
            // 20 % franchise each → 8,000,000 + 4,000,000 = 12,000,000; one in Farvardin 1405: 1,000,000 → 800,000
            #expect(try await D.claim(app, provider, cover: "paraclinic", cost: 10_000_000, date: "1404/12/10").status == .created)
            #expect(try await D.claim(app, provider, person: H.spouse, cover: "paraclinic", cost: 5_000_000, date: "1404/12/20").status == .created)
            #expect(try await D.claim(app, provider, cover: "paraclinic", cost: 1_000_000, date: "1405/01/05").status == .created)
            let path = "/api/v1/health/centers/\(center)/statements/1404/12"
            let open = try await app.send(.GET, path, token: provider)
            #expect(open.json["status"] as? String == "open")
            #expect(open.json["count"] as? Int == 2)
            #expect(open.json["total"] as? Int == 12_000_000)
            #expect((open.json["claims"] as? [[String: Any]])?.compactMap { $0["payable"] as? Int } == [8_000_000, 4_000_000])
            // only accounting approves; Farvardin 1405 has not ended on 1405/01/10
            let accountant = try await app.token("accountant")
            #expect(try await app.send(.POST, path + "/approve", token: provider).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/health/centers/\(center)/statements/1405/1/approve", token: accountant).problemCode == "month-not-ended")
            let approved = try await app.send(.POST, path + "/approve", token: accountant)
            #expect(approved.json["status"] as? String == "approved")
            #expect(try await app.send(.POST, path + "/approve", token: accountant).problemCode == "statement-already-approved")
            // Esfand is closed to new claims; Farvardin is not
            #expect(try await D.claim(app, provider, cover: "paraclinic", cost: 1_000_000, date: "1404/12/25").problemCode == "statement-closed")
            // paid with the bank transfer, once
            #expect(try await app.send(.POST, path + "/paid", token: accountant, json: ["transferReference": "x"]).fieldCodes == ["transferReference": "invalid-transfer-reference"])
            let paid = try await app.send(.POST, path + "/paid", token: accountant, json: ["transferReference": "TR-1405-778"])
            #expect(paid.json["status"] as? String == "paid")
            #expect(paid.json["total"] as? Int == 12_000_000)
            #expect(try await app.send(.POST, path + "/paid", token: accountant, json: ["transferReference": "TR-1405-779"]).problemCode == "statement-already-paid")
            // the claims staff read any center's statement
            #expect(try await app.send(.GET, path, token: try await app.token("claims")).status == .ok)
        }
    }
}

@Suite("A group's member list uploaded as CSV (R-SH-10)")
struct WebHealthGroupTests {
    typealias Browser = WebPageTests.Browser
    static let codes = ["0076229645", "1583250689", "0012345679", "0012345687", "0499370899", "0013542419", "0067749828", "0014173026",
                        "0018350739", "0022563131"]

    static func upload(_ browser: inout Browser, csrf: String, company: String, csv: String) async throws -> TestingHTTPResponse {
        let boundary = "----bimeh-test-boundary"
        var body = ""
        for (name, value) in [("_csrf", csrf), ("nationalCode", company), ("date", "1405/01/10"), ("plan", "silver"), ("hasBaseInsurance", "yes")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"members.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await browser.app.testing().sendRequest(.POST, "/quotes/supplementary-health/group",
            headers: ["cookie": browser.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
    }

    @Test("R-SH-10 ten members and a spouse priced at 63,000,000 each; a bad file is reported by line and nothing is stored")
    func upload() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await app.send(.POST, "/api/v1/customers", token: flow.issuer, json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه"])
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/supplementary-health").body.string))
            let header = "nationalCode,firstName,lastName,birthDate,sex,relation,mainNationalCode,student,married"
            var rows = Self.codes.map { "\($0),عضو,گروه,1365/05/01,male,main,,," }
            // line 12: the first member's wife
            rows.append("0036271217,همسر,گروه,1368/02/01,female,spouse,0076229645,,")
            let before = try await Quote.query(on: app.db).count()
            // a bad national code on line 3 and an impossible date on line 5: both named, no quote stored
            var bad = rows
            bad[1] = "1234567890,عضو,گروه,1365/05/01,male,main,,,"
            bad[3] = "0012345687,عضو,گروه,1365/13/01,male,main,,,"
            let refused = try await Self.upload(&issuer, csrf: csrf, company: "10380284790", csv: ([header] + bad).joined(separator: "\n"))
            #expect(refused.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(refused) == ["members:invalid-national-code", "members:invalid-date"])
            #expect(refused.body.string.contains("سطر ۳") && refused.body.string.contains("سطر ۵"))
            #expect(try await Quote.query(on: app.db).count() == before)
            // nine members only: the group rule, for the whole list
            let nine = try await Self.upload(&issuer, csrf: csrf, company: "10380284790", csv: ([header] + rows.prefix(9)).joined(separator: "\n"))
            #expect(CommandParityTests.pageCodes(nine) == ["inputs.persons:group-too-small"])
            // the whole list: silver 90,000,000 × 70 % = 63,000,000 for each of the 11 (all aged 16–50) = 693,000,000
            let priced = try await Self.upload(&issuer, csrf: csrf, company: "10380284790", csv: ([header] + rows).joined(separator: "\r\n"))
            #expect(priced.status == .seeOther, "\(priced.body.string)")
            let quote = try #require(try await Quote.query(on: app.db).sort(\.$createdAt, .descending).first())
            #expect(quote.total == 693_000_000)
        }
    }
}

@Suite("A contracted center's page for its providers (R-SH-07)")
struct WebHealthCenterTests {
    typealias Browser = WebPageTests.Browser
    typealias D = HealthDirectClaimTests

    @Test("R-SH-07 the provider takes a direct claim on the page and sees it in this month's statement; refusals match the API's")
    func centerPage() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await D.backdatedFamily(app, flow)
            _ = try await D.center(app)
            var provider = Browser(app: app)
            try await provider.signIn("provider")
            let page = try await provider.get("/health/center")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("href=\"/health/center\""), "the navigation offers the page")
            let csrf = try #require(Browser.hidden("_csrf", in: page.body.string))
            // paraclinic 10,000,000 with nothing from the base insurer: 20 % franchise → 8,000,000
            let answered = try await provider.post("/health/center", form: ["_csrf": csrf, "nationalCode": HealthTests.main, "serviceDate": "1405/01/10",
                                                                             "cover": "paraclinic", "cost": "10000000", "basePaid": ""])
            #expect(answered.status == .ok)
            #expect(answered.body.string.contains("سهم بیمه‌گر ۸٬۰۰۰٬۰۰۰ ریال"))
            #expect(answered.body.string.contains("<td class=\"num\">۱۰٬۰۰۰٬۰۰۰</td><td class=\"num\">۸٬۰۰۰٬۰۰۰</td>"), "in this month's statement")
            // the same refusal from both doors
            let web = try await provider.post("/health/center", form: ["_csrf": csrf, "nationalCode": "0499370899", "serviceDate": "1405/01/10",
                                                                        "cover": "paraclinic", "cost": "1000"])
            let api = try await D.claim(app, try await app.token("provider"), person: "0499370899", cover: "paraclinic", cost: 1000)
            #expect(CommandParityTests.pageCodes(web) == ["nationalCode:not-covered"])
            #expect(api.fieldCodes == ["nationalCode": "not-covered"])
            #expect(web.status == api.status)
        }
    }
}
