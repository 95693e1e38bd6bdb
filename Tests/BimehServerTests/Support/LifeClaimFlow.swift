@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Drives life death claims over the API: a group contract 1405/01/10–1406/01/10 (class 2,
/// 1,000,000,000 per person, both covers) or a term-life policy from 1405/01/10, issued with
/// their premium collected on 1405/01/10, on an app whose today is later than the deaths.
struct LifeClaimFlow {
    let app: Application
    let flow: ClaimFlow
    var policies: PolicyFlow { flow.policies }

    static func start(_ app: Application) async throws -> LifeClaimFlow {
        LifeClaimFlow(app: app, flow: try await ClaimFlow.start(app))
    }

    static func at(_ day: String) -> (inout AppConfig) -> Void {
        { $0.fixedToday = try! JalaliDate(parsing: day) }
    }

    var today: JalaliDate { app.bimeh.clock.today() }

    /// Registered today, then its term moved back in the database (the server refuses a start in
    /// the past, R-G-04) and resealed.
    private func backdate(_ policyID: String, start: String, end: String) async throws {
        let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
        policy.startDate = start
        policy.endDate = end
        try await policy.save(on: app.db)
        try await TestApp.reseal(app, "policy", try policy.requireID())
    }

    /// Cheque for the whole premium, collected as of 1405/01/10, then issued.
    private func payAndIssue(_ policyID: String) async throws {
        let premium = try #require(try await policies.get(policyID).json["premium"] as? Int)
        let payment = try await policies.cheque(policyID, amount: Int64(premium))
        let paymentID = try #require(payment.json["id"] as? String, "\(payment.body.string)")
        #expect(try await policies.collect(paymentID).status == .ok)
        let stored = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
        stored.settledOn = "1405/01/10"
        try await stored.save(on: app.db)
        try await TestApp.reseal(app, "payment", try stored.requireID())
        let issued = try await policies.issue(policyID)
        #expect(issued.status == .ok, "\(issued.body.string)")
    }

    /// `members` members born 1365/01/01 (41 on the day of the list; accepted at once in a group
    /// of 50 or more), row 2 born 1355/01/01 (51: examination) admitted by the doctor with a 50 % extra.
    func groupContract(members: Int = 50) async throws -> String {
        let companyID = try await LifeQuoteTests.company(app, policies)
        let quote = try await app.send(.POST, "/api/v1/quotes", token: policies.issuer, json: [
            "product": "group-life", "customerId": companyID, "date": "1405/01/10", "inputs": LifeQuoteTests.group])
        let quoteID = try #require(quote.json["id"] as? String, "\(quote.body.string)")
        let registered = try await app.send(.POST, "/api/v1/policies", token: policies.issuer, json: [
            "quoteId": quoteID, "customerId": companyID, "startDate": today.description, "endDate": today.addingYears(1).description,
            "payment": ["plan": "cash"]])
        let id = try #require(registered.json["id"] as? String, "\(registered.body.string)")
        #expect(try await GroupLifeContractTests.contract(app, policies, id).status == .created)
        let listed = try await GroupLifeContractTests.members(app, policies, id, GroupLifeContractTests.list(members))
        #expect(listed.status == .created, "\(listed.body.string)")
        let extra = try await GroupLifeContractTests.outcome(app, policies, id, row: 2, ["outcome": "extra", "extraPercent": 50])
        #expect(extra.json["status"] as? String == "admitted", "\(extra.body.string)")
        try await payAndIssue(id)
        // issued on today's term (a term already over is not issued), then moved to the deaths' year
        try await backdate(id, start: "1405/01/10", end: "1406/01/10")
        return id
    }

    /// A term-life policy 1405/01/10–1410/01/10 for the demo's natural customer, born 1365/05/01.
    func termPolicy(sumInsured: Int64 = 500_000_000) async throws -> String {
        let quote = try await app.send(.POST, "/api/v1/quotes", token: policies.issuer, json: [
            "product": "term-life", "customerId": policies.customerID, "date": "1405/01/10",
            "inputs": ["birthDate": "1365/05/01", "sumInsured": sumInsured, "termYears": 5]])
        let quoteID = try #require(quote.json["id"] as? String, "\(quote.body.string)")
        let registered = try await app.send(.POST, "/api/v1/policies", token: policies.issuer, json: [
            "quoteId": quoteID, "customerId": policies.customerID, "startDate": today.description, "endDate": today.addingYears(5).description,
            "payment": ["plan": "cash"]])
        let id = try #require(registered.json["id"] as? String, "\(registered.body.string)")
        try await backdate(id, start: "1405/01/10", end: "1410/01/10")
        try await payAndIssue(id)
        return id
    }

    func notice(_ policyID: String, row: Int?, cause: String = "illness", death: String, notice: String,
                extra: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["policyId": policyID, "lossDate": death, "noticeDate": notice, "description": "درخواست کتبی وراث: فوت بیمه‌شده", "cause": cause]
        if let row { body["memberRow"] = row }
        for (key, value) in extra { body[key] = value }
        return try await app.send(.POST, "/api/v1/claims", token: flow.claims, json: body)
    }

    func claim(_ id: String) async throws -> TestingHTTPResponse {
        try await app.send(.GET, "/api/v1/claims/\(id)", token: flow.claims)
    }

    func settlement(_ id: String) async throws -> TestingHTTPResponse {
        try await app.send(.GET, "/api/v1/claims/\(id)/settlement", token: flow.claims)
    }

    static func lines(_ res: TestingHTTPResponse) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ((res.json["lines"] as? [[String: Any]]) ?? []).compactMap { line in
            (line["code"] as? String).flatMap { code in (line["amount"] as? Int).map { (code, $0) } }
        })
    }

    static func fact(_ res: TestingHTTPResponse, _ name: String) -> String? {
        ((res.json["facts"] as? [[String: Any]]) ?? []).first { $0["name"] as? String == name }?["value"] as? String
    }

    /// The late-notice figures issuance returned (seed 004), keyed in by the claims expert.
    func figures(_ id: String) async throws -> TestingHTTPResponse {
        try await flow.post(id, "late-notice/figures", json: ["averagePremium": 820_000_000, "lastPremiumDate": "1405/01/10",
                                                              "lastPremiumAmount": 414_000_000, "averageInsured": 50])
    }

    /// Documents → the benefit confirmed → offer → consent: ready for the head's payment order.
    func agree(_ id: String, benefit: Int64) async throws {
        #expect(try await flow.post(id, "document-request").status == .ok)
        try await flow.uploadRequired(id, product: "group-life", kind: .death)
        let assessed = try await flow.post(id, "assessment", json: ["loss": benefit, "salvage": 0])
        #expect(assessed.status == .ok, "\(assessed.body.string)")
        #expect(try await flow.post(id, "offer").status == .ok)
        #expect(try await flow.post(id, "consent").status == .ok)
    }

    func counts() async throws -> (claims: Int, life: Int) {
        (try await Claim.query(on: app.db).count(), try await LifeClaimRecord.query(on: app.db).count())
    }
}
