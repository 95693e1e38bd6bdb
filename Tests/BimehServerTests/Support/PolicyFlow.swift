@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Drives the policy API the way an issuer and an accountant do, for the lifecycle tests.
struct PolicyFlow {
    let app: Application
    let issuer: String
    let accountant: String
    let customerID: String

    static func start(_ app: Application) async throws -> PolicyFlow {
        let customer = try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "0076229645").first())
        return PolicyFlow(app: app, issuer: try await app.token("issuer"), accountant: try await app.token("accountant"),
                          customerID: try customer.requireID().uuidString)
    }

    /// Computer items with the given values in rials.
    static func items(_ values: [Int64]) -> [[String: Any]] {
        values.enumerated().map { ["description": "رایانهٔ \($0.offset + 1)", "serial": "SN-\($0.offset + 1)", "value": $0.element] }
    }

    func quote(_ values: [Int64], extra: [String: Any] = [:], token: String? = nil) async throws -> TestingHTTPResponse {
        var inputs: [String: Any] = ["items": Self.items(values)]
        for (k, v) in extra { inputs[k] = v }
        return try await app.send(.POST, "/api/v1/quotes", token: token ?? issuer,
                                  json: ["product": "computer", "customerId": customerID, "date": "1405/01/10", "inputs": inputs])
    }

    func register(quoteID: String, payment: [String: Any] = ["plan": "cash"], start: String = "1405/01/15", end: String = "1406/01/15",
                  token: String? = nil) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies", token: token ?? issuer,
                           json: ["quoteId": quoteID, "customerId": customerID, "startDate": start, "endDate": end, "payment": payment])
    }

    /// A policy as if registered on `start` (a day before today): registered today, then its term
    /// moved back in the database, since the server refuses a start in the past (R-G-04).
    func registerBackdated(quoteID: String, payment: [String: Any] = ["plan": "cash"], start: String, end: String,
                           token: String? = nil) async throws -> TestingHTTPResponse {
        let today = TestApp.today
        let res = try await register(quoteID: quoteID, payment: payment, start: today.description, end: today.addingYears(1).description, token: token)
        if res.status == .created, let id = res.json["id"] as? String, let policy = try await Policy.find(UUID(uuidString: id), on: app.db) {
            policy.startDate = start
            policy.endDate = end
            try await policy.save(on: app.db)
            try await TestApp.reseal(app, "policy", try policy.requireID())
        }
        return res
    }

    /// One number per cheque (a cheque is recorded once); the same for a retry with the same key.
    static func chequeNumber(_ key: String?) -> String {
        "CHQ-" + (key.map { String($0.prefix(20)) } ?? String(UUID().uuidString.prefix(8)))
    }

    func cheque(_ policyID: String, amount: Int64, endorsementID: String? = nil, key: String? = nil) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["method": "cheque", "amount": amount, "paidOn": "1405/01/10",
                                   "cheque": ["number": Self.chequeNumber(key), "bank": "ملی", "dueDate": "1405/01/10"]]
        if let endorsementID { body["endorsementId"] = endorsementID }
        var headers: HTTPHeaders = ["authorization": "Bearer \(issuer)", "content-type": "application/json"]
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        return try await app.testing().sendRequest(.POST, "/api/v1/policies/\(policyID)/payments", headers: headers,
                                                   body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
    }

    func collect(_ paymentID: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: accountant)
    }

    func issue(_ policyID: String, ifMatch: String? = nil) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["authorization": "Bearer \(issuer)"]
        if let ifMatch { headers.add(name: .ifMatch, value: ifMatch) }
        return try await app.testing().sendRequest(.POST, "/api/v1/policies/\(policyID)/issue", headers: headers)
    }

    func get(_ policyID: String, on: String? = nil) async throws -> TestingHTTPResponse {
        try await app.send(.GET, "/api/v1/policies/\(policyID)" + (on.map { "?on=\($0)" } ?? ""), token: issuer)
    }

    /// Quote → cash policy → cheque → collect → issue; returns the policy id.
    func issuedPolicy(_ values: [Int64] = [60_000_000, 40_000_000]) async throws -> String {
        let quote = try await quote(values)
        let quoteID = try #require(quote.json["id"] as? String)
        let policy = try await register(quoteID: quoteID)
        let policyID = try #require(policy.json["id"] as? String)
        let premium = try #require(policy.json["premium"] as? Int)
        let payment = try await cheque(policyID, amount: Int64(premium))
        let paymentID = try #require(payment.json["id"] as? String)
        #expect(try await collect(paymentID).status == .ok)
        #expect(try await issue(policyID).status == .ok)
        return policyID
    }
}
