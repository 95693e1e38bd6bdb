@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Individual term life over HTTP (R-IL-01/02): the yearly schedule over the term, the
/// questionnaire, the proposal page and a cancellation that refunds nothing. Today is 1405/01/10.
@Suite("Term life policy: yearly schedule, questionnaire, no refund (R-IL-01, R-IL-02)")
struct TermLifePolicyTests {
    static var worked: [String: Any] { ["birthDate": "1365/05/01", "sumInsured": 2_000_000_000, "termYears": 10, "extraPercent": 25] }
    static let allNo: [String: Bool] = Dictionary(uniqueKeysWithValues: TermLifeQuestionnaire.codes.map { ($0, false) })

    @Test("R-IL-02 worked example: 3,600,000 + 900,000 a year, ten yearly lines on each 1/10 from 1405 to 1414 (45,000,000); the first pays for issue; the API view shows them")
    func yearlySchedule() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quote = try await LifeQuoteTests.quote(app, flow, "term-life", Self.worked)
            // 39 at 1405/01/10 (born 1365/05/01, birthday not yet reached) → 1.80 ‰:
            // 2,000,000,000 × 1.80 / 1000 = 3,600,000; 25 % extra = 900,000; exam: 2,000,000,000 ≥ 1,000,000,000
            #expect((quote.json["lines"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [3_600_000, 900_000])
            let quoteID = try #require(quote.json["id"] as? String, "\(quote.body.string)")
            let registered = try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1415/01/10")
            #expect(registered.status == .created, "\(registered.body.string)")
            // 10 × 4,500,000
            #expect(registered.json["premium"] as? Int == 10 * 4_500_000)
            let schedule = try #require(registered.json["schedule"] as? [[String: Any]])
            #expect(schedule.count == 10)
            #expect(schedule.compactMap { $0["amount"] as? Int } == Array(repeating: 4_500_000, count: 10))
            #expect(schedule.compactMap { $0["dueDate"] as? String } == (1405...1414).map { "\($0)/01/10" })
            let id = try #require(registered.json["id"] as? String)
            // the first year's premium is enough to issue
            let paid = try await flow.cheque(id, amount: 4_500_000)
            #expect(try await flow.collect(try #require(paid.json["id"] as? String, "\(paid.body.string)")).status == .ok)
            let issued = try await flow.issue(id)
            #expect(issued.status == .ok, "\(issued.body.string)")
            let view = try await flow.get(id)
            #expect((view.json["schedule"] as? [[String: Any]])?.count == 10)
            #expect(view.json["premium"] as? Int == 45_000_000)
            // and on the policy page
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(id)").body.string
            #expect(page.contains("۱۴۱۴/۰۱/۱۰"))
        }
    }

    @Test("R-IL-01 cancelling a term life policy refunds 0: the 4,500,000 paid is kept, the later years are not owed, no payment order")
    func cancellationRefundsNothing() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await LifeQuoteTests.quote(app, flow, "term-life", Self.worked).json["id"] as? String)
            let id = try #require(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1415/01/10").json["id"] as? String)
            let paid = try await flow.cheque(id, amount: 4_500_000)
            #expect(try await flow.collect(try #require(paid.json["id"] as? String)).status == .ok)
            #expect(try await flow.issue(id).status == .ok)
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(id)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insured", "noticeDate": "1405/03/01", "reason": "درخواست بیمه‌گذار"])
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            #expect(cancelled.json["effectiveDate"] as? String == "1405/03/21")   // 20 days' notice
            #expect(cancelled.json["method"] as? String == "no-refund")
            #expect(cancelled.json["refund"] as? Int == 0)
            #expect(cancelled.json["retained"] as? Int == 4_500_000)
            #expect(cancelled.json["owed"] as? Int == 0)
            #expect(cancelled.json["paymentOrder"] == nil)
            #expect(try await PaymentOrder.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count() == 0)
        }
    }

    @Test("R-IL-02 the questionnaire: all no at 500,000,000 and 39 → questionnaire only; one yes → examination; unanswered → questionnaire-incomplete")
    func questionnaire() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            var inputs: [String: Any] = ["birthDate": "1365/05/01", "sumInsured": 500_000_000, "termYears": 5, "healthAnswers": Self.allNo]
            let clean = try await LifeQuoteTests.quote(app, flow, "term-life", inputs)
            #expect(clean.status == .created, "\(clean.body.string)")
            // 500,000,000 × 1.80 / 1000 = 900,000; below 1,000,000,000 and under 51: no examination
            #expect(clean.json["total"] as? Int == 900_000)
            let label = (clean.json["lines"] as? [[String: Any]])?.first?["label"] as? String
            #expect(label?.contains("معاینهٔ پزشکی") == false)
            var yes = Self.allNo
            yes["heart"] = true
            inputs["healthAnswers"] = yes
            let flagged = try await LifeQuoteTests.quote(app, flow, "term-life", inputs)
            #expect(((flagged.json["lines"] as? [[String: Any]])?.first?["label"] as? String)?.contains("معاینهٔ پزشکی") == true)
            inputs["healthAnswers"] = ["heart": false]
            let partial = try await LifeQuoteTests.quote(app, flow, "term-life", inputs)
            #expect(partial.status == .unprocessableEntity)
            #expect(partial.fieldCodes["inputs.healthAnswers.chronic"] == "questionnaire-incomplete")
        }
    }

    @Test("R-IL-02 the proposal page asks the questionnaire: unanswered → 422 questionnaire-incomplete; answered → the quote page; born 1339/01/01 → age-out-of-range")
    func proposalPage() async throws {
        try await TestApp.run { app in
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/term-life")
            #expect(form.status == .ok)
            let html = form.body.string
            #expect(html.contains("پرسش‌نامهٔ سلامت"))
            #expect(html.contains("name=\"q-heart\""))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: html))
            var fields = ["_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "birthDate": "1365/05/01",
                          "sumInsured": "2000000000", "termYears": "10", "extraPercent": "25"]
            let unanswered = try await issuer.post("/quotes/term-life", form: fields)
            #expect(unanswered.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(unanswered).contains("inputs.healthAnswers.heart:questionnaire-incomplete"))
            for code in TermLifeQuestionnaire.codes { fields["q-" + code] = "no" }
            let priced = try await issuer.post("/quotes/term-life", form: fields)
            #expect(priced.status == .seeOther, "\(priced.body.string)")
            let quote = try #require(try await Quote.query(on: app.db).filter(\.$product == "term-life").first())
            #expect(quote.total == 4_500_000)
            fields["birthDate"] = "1339/01/01"
            let old = try await issuer.post("/quotes/term-life", form: fields)
            #expect(old.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(old) == ["inputs.birthDate:age-out-of-range"])
        }
    }
}
