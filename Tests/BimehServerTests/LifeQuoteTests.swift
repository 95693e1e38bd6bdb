@testable import BimehServer
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Group and individual term life over HTTP (R-GL-02, R-IL-02): the quotes of the worked
/// examples, their refusals, and a policy registered from each quote. Today is 1405/01/10.
@Suite("Life quotes over HTTP (R-GL-02, R-IL-02)")
struct LifeQuoteTests {
    static func quote(_ app: Application, _ flow: PolicyFlow, _ product: String, _ inputs: [String: Any],
                      customer: String? = nil) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
            "product": product, "customerId": customer ?? flow.customerID, "date": "1405/01/10", "inputs": inputs])
    }

    static var group: [String: Any] { ["sumInsured": 1_000_000_000, "members": 100, "averageAge": 38,
                                       "occupationalClass": 2, "covers": ["death", "accidental-death"]] }

    static func company(_ app: Application, _ flow: PolicyFlow, token: String? = nil) async throws -> String {
        let company = try await app.send(.POST, "/api/v1/customers", token: token ?? flow.issuer,
                                         json: ["kind": "legal", "legalId": "10380284790", "name": "ادارهٔ نمونه"])
        return try #require(company.json["id"] as? String)
    }

    @Test("R-GL-02 class 2, 1,000,000,000 × 100: death 720,000,000 + accidental-death 108,000,000 = 828,000,000; registered for the employer")
    func groupQuote() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let companyID = try await Self.company(app, flow)
            let quote = try await Self.quote(app, flow, "group-life", Self.group, customer: companyID)
            #expect(quote.status == .created, "\(quote.body.string)")
            let lines = try #require(quote.json["lines"] as? [[String: Any]])
            // 1,000,000,000 × 7.20 / 1000 = 7,200,000 × 100; 1,000,000,000 × 1.08 / 1000 = 1,080,000 × 100
            #expect(lines.compactMap { $0["code"] as? String } == ["death", "accidental-death"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [720_000_000, 108_000_000])
            #expect(quote.json["total"] as? Int == 828_000_000)
            let quoteID = try #require(quote.json["id"] as? String)
            let registered = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": companyID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            #expect(registered.status == .created, "\(registered.body.string)")
            #expect(registered.json["premium"] as? Int == 828_000_000)
            #expect(registered.json["status"] as? String == "registered")
        }
    }

    @Test("R-GL-01 a group contract is a legal person's; refusals: class 0 or 6, members 0, no death cover")
    func groupRefusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await Self.quote(app, flow, "group-life", Self.group).json["id"] as? String)
            let person = try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10")
            #expect(person.fieldCodes == ["customerId": "group-needs-legal-customer"])
            var bad = Self.group
            bad["occupationalClass"] = 0
            let zero = try await Self.quote(app, flow, "group-life", bad)
            #expect(zero.status == .unprocessableEntity)
            #expect(zero.fieldCodes == ["inputs.occupationalClass": "unknown-occupational-class"])
            bad["occupationalClass"] = 6
            #expect(try await Self.quote(app, flow, "group-life", bad).fieldCodes == ["inputs.occupationalClass": "unknown-occupational-class"])
            var none = Self.group
            none["members"] = 0
            #expect(try await Self.quote(app, flow, "group-life", none).fieldCodes == ["inputs.members": "invalid-members"])
            var accidentOnly = Self.group
            accidentOnly["covers"] = ["accidental-death"]
            #expect(try await Self.quote(app, flow, "group-life", accidentOnly).fieldCodes == ["inputs.covers": "death-cover-required"])
        }
    }

    @Test("R-IL-02 born 1365/05/01, 2,000,000,000, 25 %: death 3,600,000 + medical-extra 900,000; a 10-year policy")
    func termQuote() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let inputs: [String: Any] = ["birthDate": "1365/05/01", "sumInsured": 2_000_000_000, "termYears": 10, "extraPercent": 25]
            let quote = try await Self.quote(app, flow, "term-life", inputs)
            #expect(quote.status == .created, "\(quote.body.string)")
            // 39 at start → 1.80 ‰: 2,000,000,000 × 1.80 / 1000 = 3,600,000; 25 % of it = 900,000
            let lines = try #require(quote.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == ["death", "medical-extra"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [3_600_000, 900_000])
            #expect(quote.json["total"] as? Int == 4_500_000)
            // ≥ 1,000,000,000: the examination is named on the death line
            #expect((lines.first?["label"] as? String)?.contains("معاینهٔ پزشکی") == true)
            let quoteID = try #require(quote.json["id"] as? String)
            // the term is the quoted 10 years, not one
            let oneYear = try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10")
            #expect(oneYear.fieldCodes == ["endDate": "invalid-term"])
            let registered = try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1415/01/10")
            #expect(registered.status == .created, "\(registered.body.string)")
            // R-IL-02: one yearly premium for each of the 10 years (TermLifePolicyTests)
            #expect(registered.json["premium"] as? Int == 10 * 4_500_000)
        }
    }

    @Test("R-IL-02 born 1339/01/01 → 422 age-out-of-range; extra over 300 %; a company cannot buy it")
    func termRefusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let old = try await Self.quote(app, flow, "term-life", ["birthDate": "1339/01/01", "sumInsured": 2_000_000_000, "termYears": 10])
            #expect(old.status == .unprocessableEntity)
            #expect(old.fieldCodes == ["inputs.birthDate": "age-out-of-range"])
            let extra = try await Self.quote(app, flow, "term-life", ["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 5, "extraPercent": 350])
            #expect(extra.fieldCodes == ["inputs.extraPercent": "extra-out-of-range"])
            let companyID = try await Self.company(app, flow)
            let quoteID = try #require(try await Self.quote(app, flow, "term-life", ["birthDate": "1365/05/01", "sumInsured": 100_000_000, "termYears": 1],
                                                            customer: companyID).json["id"] as? String)
            let res = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": companyID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            #expect(res.fieldCodes == ["customerId": "natural-customer-required"])
        }
    }
}
