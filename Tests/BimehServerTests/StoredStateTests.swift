@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Stored state decodes to its types: a value the code does not know is reported as damage
/// (a 500 with a request id), never read as some default state.
@Suite("Stored state is typed")
struct StoredStateTests {
    @Test("R-CL-13 a claim whose stored status is unknown is an error, not a notified file")
    func unknownClaimStatus() async throws {
        try await TestApp.run(tampers: true) { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10").json["id"] as? String)
            let sql = try #require(app.db as? any SQLDatabase)
            // given a row damaged outside the application
            try await sql.raw("UPDATE claims SET status = 'mislaid' WHERE id = \(bind: UUID(uuidString: claimID)!)").run()
            // when it is read, then the answer is a server error with a request id, not a file in some state
            let read = try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims)
            #expect(read.status == .internalServerError)
            #expect(read.json["requestId"] is String)
            #expect(read.json["status"] as? Int == 500)
            #expect(!read.body.string.contains("notified"))
            // and no step moves it
            #expect(try await flow.post(claimID, "document-request").status == .internalServerError)
        }
    }

    @Test("R-P-08 a policy whose stored cancellation record is damaged is an error, not a policy without one")
    func damagedCancellationRecord() async throws {
        try await TestApp.run(tampers: true) { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE policies SET cancellation = '{not json' WHERE id = \(bind: UUID(uuidString: policyID)!)").run()
            #expect(try await flow.get(policyID).status == .internalServerError)
        }
    }
}
