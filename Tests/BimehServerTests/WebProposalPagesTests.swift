@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Employer's liability and contractors' all risk sold from their own proposal pages; each policy
/// page names its product.
@Suite("Proposal pages per product")
struct WebProposalPagesTests {
    typealias Browser = WebPageTests.Browser

    @Test("employer's liability: 5,000,000,000 × 0.4 % (sample rate) = 20,000,000, registered and titled by its product")
    func employersLiability() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/employers-liability")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("تعداد کارکنان"))
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            // the nav offers every product's proposal
            for path in ["/quotes/new", "/quotes/third-party", "/quotes/employers-liability", "/quotes/contractors-all-risk"] {
                #expect(form.body.string.contains("href=\"\(path)\""))
            }
            let posted = try await issuer.post("/quotes/employers-liability", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "sumInsured": "۵٬۰۰۰٬۰۰۰٬۰۰۰",
                "description": "کارگاه ساختمانی", "employees": "40"])
            #expect(posted.status == .seeOther, "\(posted.body.string.prefix(2000))")
            let quotePath = try #require(posted.headers.first(name: .location))
            let quote = try #require(try await Quote.find(UUID(uuidString: String(quotePath.split(separator: "/").last ?? "")), on: app.db))
            #expect(quote.product == "employers-liability")
            #expect(quote.total == 20_000_000)
            let registered = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/15", "endDate": "1406/01/15", "plan": "cash"])
            let policyPath = try #require(registered.headers.first(name: .location))
            let page = try await issuer.get(policyPath)
            #expect(page.body.string.contains("بیمه‌نامهٔ مسئولیت کارفرما در برابر کارکنان"))
            #expect(!page.body.string.contains("فهرست رایانه‌ها"))
        }
    }

    @Test("contractors' all risk: a missing sum insured and a fractional contract amount answer the API's codes")
    func contractorsAllRiskErrors() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/contractors-all-risk").body.string))
            let web = try await issuer.post("/quotes/contractors-all-risk", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "description": "ساخت پل", "projectName": "پل شمالی",
                "contractAmount": "12.5"])
            let token = try await app.token("issuer")
            let customer = try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "0076229645").first())
            let api = try await app.send(.POST, "/api/v1/quotes", token: token, json: [
                "product": "contractors-all-risk", "customerId": try customer.requireID().uuidString, "date": "1405/01/10",
                "inputs": ["description": "ساخت پل", "projectName": "پل شمالی", "contractAmount": "12.5"]])
            #expect(web.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(web) == CommandParityTests.apiCodes(api))
            #expect(CommandParityTests.apiCodes(api).contains("inputs.sumInsured:required"))
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }
}
