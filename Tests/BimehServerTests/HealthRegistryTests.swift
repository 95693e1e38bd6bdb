@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// R-SH-11: a health policy reported to the central registry like third party (issue, person
/// removed, cancellation, each in the outbox with the change), and its unique code answered by the
/// public authenticity inquiry with the persons masked.
@Suite("Health policies to the central registry and the authenticity inquiry (R-SH-11)")
struct HealthRegistryTests {
    typealias H = HealthTests

    static func events(_ app: Application, _ policyID: String) async throws -> [(kind: String, payload: [String: Any])] {
        try await RegistryEvent.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: policyID)!).sort(\.$createdAt).all().map {
            ($0.kind, (try JSONSerialization.jsonObject(with: Data($0.payload.utf8)) as? [String: Any]) ?? [:])
        }
    }

    @Test("R-SH-11 issue (3 persons), removing the daughter and cancelling each enqueue one event in their transaction")
    func outbox() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await H.issuedFamily(app, flow)
            var events = try await Self.events(app, policyID)
            #expect(events.map(\.kind) == ["issued"])
            let issued = events[0].payload
            let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            #expect(issued["uniqueCode"] as? String == policy.uniqueCode && policy.uniqueCode?.count == 16)
            #expect(issued["product"] as? String == "supplementary-health" && issued["plan"] as? String == "silver")
            #expect((issued["persons"] as? [[String: Any]])?.compactMap { $0["nationalCode"] as? String } == [H.main, H.spouse, H.daughter])

            let persons = try #require(H.family()["persons"] as? [[String: Any]])
            let endorsed = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/07/15", "changes": ["persons": Array(persons.prefix(2))]])
            #expect(endorsed.status == .created)
            events = try await Self.events(app, policyID)
            #expect(events.map(\.kind) == ["issued", "person-removed"])
            #expect(events[1].payload["effectiveDate"] as? String == "1405/07/15")
            #expect((events[1].payload["persons"] as? [[String: Any]])?.first?["nationalCode"] as? String == H.daughter)

            // a refused change enqueues nothing
            let refused = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                "effectiveDate": "1405/07/20", "changes": ["removePersons": ["4455660151"]]])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.events(app, policyID).count == 2)

            // notice 1405/08/01 + 20 days: both remaining persons end on 1405/08/21
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insurer", "noticeDate": "1405/08/01", "reason": "عدم پرداخت اقساط"])
            #expect(cancelled.status == .ok)
            events = try await Self.events(app, policyID)
            #expect(events.map(\.kind) == ["issued", "person-removed", "cancelled"])
            #expect(events[2].payload["effectiveDate"] as? String == "1405/08/21")
            #expect((events[2].payload["persons"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test("R-SH-11 the public inquiry confirms a health policy and shows its persons with all but the last four digits starred")
    func authenticity() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await H.issuedFamily(app, flow)
            let code = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.uniqueCode)
            let answer = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(answer.json["authentic"] as? Bool == true)
            #expect(answer.json["productTitle"] as? String == "بیمهٔ تکمیلی درمان")
            #expect(answer.json["vehicle"] == nil)
            #expect(answer.json["insuredCount"] as? Int == 3)
            let persons = try #require(answer.json["insuredPersons"] as? [[String: Any]])
            // 0013542419 → ******2419; no names
            #expect(persons.compactMap { $0["nationalCode"] as? String } == ["******2419", "******9828", "******5679"])
            #expect(persons.allSatisfy { $0["name"] == nil && $0["firstName"] == nil })
            #expect(!answer.body.string.contains(H.main) && !answer.body.string.contains("کریمی"))

            let page = try await app.testing().sendRequest(.GET, "/authenticity?code=\(code)")
            #expect(page.body.string.contains("این بیمه‌نامه معتبر است") && page.body.string.contains("بیمهٔ تکمیلی درمان"))
            #expect(page.body.string.contains("******۲۴۱۹"))
            #expect(!page.body.string.contains("۰۰۱۳۵۴۲۴۱۹") && !page.body.string.contains("کریمی"))
        }
    }

    @Test("R-SH-11 a group policy's answer gives how many are insured (12) and lists none of its members")
    func groupAuthenticity() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await HealthGroupChangeTests.issuedGroup(app, flow)
            let code = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.uniqueCode)
            let answer = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(answer.json["authentic"] as? Bool == true)
            // eleven members and one wife
            #expect(answer.json["insuredCount"] as? Int == 12)
            #expect(answer.json["insuredPersons"] == nil)
            #expect(!answer.body.string.contains("9645"))
        }
    }
}
