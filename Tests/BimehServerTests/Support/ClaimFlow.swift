@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Drives claim files over the API for the claims tests. Today is 1405/01/10 (TestApp's clock).
struct ClaimFlow {
    let app: Application
    let policies: PolicyFlow
    let claims: String
    let head: String
    var accountant: String { policies.accountant }

    /// A valid IBAN (R-CL-10), checked by hand in PaymentOrderContentTests.
    static let iban = "IR200170000000000123456789"

    static func start(_ app: Application) async throws -> ClaimFlow {
        ClaimFlow(app: app, policies: try await PolicyFlow.start(app), claims: try await app.token("claims"), head: try await app.token("head"))
    }

    /// R-CL-05: the visit scheduled by the expert and the appointment approved by the head.
    func approveAppointment(_ claimID: String) async throws {
        #expect(try await post(claimID, "inspection", json: ["visitDate": "1405/01/10", "expert": "مهندس کارشناس"]).status == .ok)
        #expect(try await post(claimID, "inspection/approval", token: head).status == .ok)
    }

    /// The head's payment order (R-CL-10), with the payee's IBAN unless the body says otherwise.
    func order(_ claimID: String, json: [String: Any] = [:], iban: String? = ClaimFlow.iban, token: String? = nil) async throws -> TestingHTTPResponse {
        var body = json
        if let iban, body["iban"] == nil { body["iban"] = iban }
        return try await post(claimID, "payment-order", json: body, token: token ?? head)
    }

    /// Accounting marks an order paid (R-CL-10).
    func markPaid(order orderID: String, reference: String = "ACH-14050110-0001", json: [String: Any] = [:], token: String? = nil) async throws -> TestingHTTPResponse {
        var body = json
        body["transferReference"] = reference
        return try await app.send(.POST, "/api/v1/payment-orders/\(orderID)/paid", token: token ?? accountant, json: body)
    }

    /// A cash computer policy from 1405/01/01 to 1406/01/01, issued, whose premium accounting
    /// collected on `collectedOn` (set directly, as if collected that day).
    func policy(_ values: [Int64] = [60_000_000, 40_000_000], collectedOn: String = "1405/01/01") async throws -> String {
        let quoteID = try #require(try await policies.quote(values).json["id"] as? String)
        let policyID = try #require(try await policies.registerBackdated(quoteID: quoteID, start: "1405/01/01", end: "1406/01/01").json["id"] as? String)
        let premium = try #require(try await policies.get(policyID).json["premium"] as? Int)
        let paymentID = try #require(try await policies.cheque(policyID, amount: Int64(premium)).json["id"] as? String)
        #expect(try await policies.collect(paymentID).status == .ok)
        #expect(try await policies.issue(policyID).status == .ok)
        let payment = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
        payment.settledOn = collectedOn
        try await payment.save(on: app.db)
        try await TestApp.reseal(app, "payment", try payment.requireID())
        return policyID
    }

    /// An employer's liability policy (sum insured 5,000,000,000) from 1405/01/01 to 1406/01/01,
    /// issued, its premium collected on 1405/01/01.
    func liabilityPolicy() async throws -> String {
        let quote = try await app.send(.POST, "/api/v1/quotes", token: policies.issuer,
                                       json: ["product": "employers-liability", "customerId": policies.customerID, "date": "1405/01/10",
                                              "inputs": ["sumInsured": 5_000_000_000, "description": "کارگاه ساختمانی"]])
        #expect(quote.status == .created)
        let quoteID = try #require(quote.json["id"] as? String)
        let premium = try #require(quote.json["total"] as? Int)
        let policyID = try #require(try await policies.registerBackdated(quoteID: quoteID, start: "1405/01/01", end: "1406/01/01").json["id"] as? String)
        let paymentID = try #require(try await policies.cheque(policyID, amount: Int64(premium)).json["id"] as? String)
        #expect(try await policies.collect(paymentID).status == .ok)
        #expect(try await policies.issue(policyID).status == .ok)
        let payment = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
        payment.settledOn = "1405/01/01"
        try await payment.save(on: app.db)
        try await TestApp.reseal(app, "payment", try payment.requireID())
        return policyID
    }

    func notice(_ policyID: String, loss: String, notice: String, kind: String = "general") async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/claims", token: claims,
                           json: ["policyId": policyID, "lossDate": loss, "noticeDate": notice, "description": "آسیب رایانه بر اثر نوسان برق", "kind": kind])
    }

    func post(_ claimID: String, _ path: String, json: [String: Any]? = nil, token: String? = nil) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/claims/\(claimID)/\(path)", token: token ?? claims, json: json)
    }

    /// A minimal PDF: the server checks the leading bytes, not the name.
    static let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)

    func upload(_ claimID: String, code: String, data: Data = ClaimFlow.pdf, filename: String = "scan.pdf", token: String? = nil) async throws -> TestingHTTPResponse {
        let boundary = "bimeh-test-boundary"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n\(code)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await app.testing().sendRequest(.POST, "/api/v1/claims/\(claimID)/documents",
            headers: ["authorization": "Bearer \(token ?? claims)", "content-type": "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(data: body))
    }

    /// Every required document of the file's checklist.
    func uploadRequired(_ claimID: String, product: String = "computer", kind: ClaimCase = .general) async throws {
        for document in try DocumentChecklists.checklist(product: product, case: kind) where document.required {
            #expect(try await upload(claimID, code: document.code).status == .created)
        }
    }

    /// Notice → documents → visit approved by the head (R-CL-05) → assessment → offer → consent:
    /// a file ready for its payment order.
    func agreedClaim(_ policyID: String, loss: String, lossAmount: Int64, salvage: Int64) async throws -> String {
        let opened = try await notice(policyID, loss: loss, notice: "1405/01/10")
        #expect(opened.status == .created)
        let claimID = try #require(opened.json["id"] as? String)
        #expect(try await post(claimID, "document-request").status == .ok)
        try await approveAppointment(claimID)
        try await uploadRequired(claimID)
        let assessed = try await post(claimID, "assessment", json: ["loss": lossAmount, "salvage": salvage])
        #expect(assessed.status == .ok, "\(assessed.body.string)")
        #expect(try await post(claimID, "offer").status == .ok)
        #expect(try await post(claimID, "consent").status == .ok)
        return claimID
    }
}
