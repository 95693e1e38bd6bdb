@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The group life contract over HTTP (R-GL-03/04/05): its number from the contract register and
/// the member list with each member's underwriting. Today is 1405/01/10 (TestApp's clock).
@Suite("Group life contract and member list over HTTP (R-GL-03, 04, 05)")
struct GroupLifeContractTests {
    /// A registered group-life policy of the demo company, 1,000,000,000 per person, class 2.
    static func registered(_ app: Application, _ flow: PolicyFlow, token: String? = nil) async throws -> String {
        let companyID = try await LifeQuoteTests.company(app, flow, token: token)
        let quote = try await app.send(.POST, "/api/v1/quotes", token: token ?? flow.issuer, json: [
            "product": "group-life", "customerId": companyID, "date": "1405/01/10", "inputs": LifeQuoteTests.group])
        let quoteID = try #require(quote.json["id"] as? String, "\(quote.body.string)")
        let policy = try await app.send(.POST, "/api/v1/policies", token: token ?? flow.issuer, json: [
            "quoteId": quoteID, "customerId": companyID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
        return try #require(policy.json["id"] as? String, "\(policy.body.string)")
    }

    static func member(_ i: Int, born: String) -> [String: Any] {
        ["firstName": "عضو", "lastName": "شمارهٔ \(i)", "birthDate": born, "birthCertificateNumber": "\(1000 + i)",
         GroupMemberList.issuePlaceField: "تهران", "jobTitle": "کارشناس"]
    }

    /// `count` members born 1365/01/01 (40 at the start), the second born 1355/01/01 (50).
    static func list(_ count: Int) -> [[String: Any]] {
        (1...count).map { member($0, born: $0 == 2 ? "1355/01/01" : "1365/01/01") }
    }

    static func contract(_ app: Application, _ flow: PolicyFlow, _ id: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(id)/contract", token: flow.issuer)
    }

    static func members(_ app: Application, _ flow: PolicyFlow, _ id: String, _ rows: [[String: Any]]) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(id)/members", token: flow.issuer, json: ["members": rows])
    }

    static func storedMembers(_ app: Application, _ id: String) async throws -> Int {
        try await GroupLifeMemberRecord.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count()
    }

    @Test("R-GL-03 the year's first contract is 600000, the next 600001; direct 9995, an agency's own code; once per policy")
    func contractNumbers() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let first = try await Self.registered(app, flow)
            let numbered = try await Self.contract(app, flow, first)
            #expect(numbered.status == .created, "\(numbered.body.string)")
            // serial 600000, sold directly → 9995, the demo complex 11, year 1405
            #expect(numbered.json["number"] as? String == "600000/9995/11/1405")
            #expect(numbered.json["memberListDue"] as? String == "1405/01/25")   // 1405/01/10 + 15 days
            let again = try await Self.contract(app, flow, first)
            #expect(again.status == .conflict)
            #expect(again.json["code"] as? String == "contract-already-numbered")
            // sold by the demo agency 1234 (its agent registers it; the issuer numbers it)
            let agent = try await app.token("agent")
            let second = try await Self.registered(app, flow, token: agent)
            #expect(try await Self.contract(app, flow, second).json["number"] as? String == "600001/1234/11/1405")
            // a computer policy has no group contract
            let computer = try await flow.issuedPolicy()
            #expect(try await Self.contract(app, flow, computer).fieldCodes == ["id": "not-a-group-life-contract"])
        }
    }

    @Test("R-GL-05 T-GL-EXAM over 100 members at 1,000,000,000: age 40 → accepted, age 50 → examination")
    func memberList() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.registered(app, flow)
            // before the contract is numbered the list is refused
            let early = try await Self.members(app, flow, id, Self.list(3))
            #expect(early.json["code"] as? String == "contract-not-numbered")
            _ = try await Self.contract(app, flow, id)
            let res = try await Self.members(app, flow, id, Self.list(100))
            #expect(res.status == .created, "\(res.body.string)")
            let rows = try #require(res.json["members"] as? [[String: Any]])
            #expect(rows.compactMap { $0["row"] as? Int } == Array(1...100))
            #expect(rows[0]["underwriting"] as? String == "accepted")      // 40, group of 100 ≥ 50
            #expect(rows[1]["underwriting"] as? String == "examination")   // 50 and 1,000,000,000 > 500,000,000
            #expect(try await Self.storedMembers(app, id) == 100)
            let twice = try await Self.members(app, flow, id, Self.list(2))
            #expect(twice.json["code"] as? String == "member-list-already-sent")
        }
    }

    static func outcome(_ app: Application, _ flow: PolicyFlow, _ id: String, row: Int, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(id)/members/\(row)/underwriting", token: flow.issuer, json: body)
    }

    static func finalPremium(_ app: Application, _ flow: PolicyFlow, _ id: String) async throws -> TestingHTTPResponse {
        try await app.send(.GET, "/api/v1/policies/\(id)/final-premium", token: flow.issuer)
    }

    @Test("R-GL-06/07 a 50 % extra for the examined member: final premium 720,000,000 + 108,000,000 + 3,600,000")
    func outcomesAndFinalPremium() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.registered(app, flow)
            _ = try await Self.contract(app, flow, id)
            _ = try await Self.members(app, flow, id, Self.list(100))
            // row 2 (age 50) awaits the doctor: 99 admitted × 7,200,000 = 712,800,000; × 1,080,000 = 106,920,000
            let before = try await Self.finalPremium(app, flow, id)
            #expect(before.json["admitted"] as? Int == 99)
            #expect(before.json["pending"] as? Int == 1)
            #expect((before.json["lines"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [712_800_000, 106_920_000])
            // refusals: no percent, over 300 %, a member already accepted, a row not on the list
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "extra"]).fieldCodes == ["extraPercent": "extra-percent-required"])
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "extra", "extraPercent": 301]).fieldCodes == ["extraPercent": "extra-out-of-range"])
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "approve"]).fieldCodes == ["outcome": "unknown-outcome"])
            #expect(try await Self.outcome(app, flow, id, row: 1, ["outcome": "accept"]).fieldCodes == ["outcome": "member-not-under-review"])
            #expect(try await Self.outcome(app, flow, id, row: 101, ["outcome": "accept"]).status == .notFound)
            let extra = try await Self.outcome(app, flow, id, row: 2, ["outcome": "extra", "extraPercent": 50])
            #expect(extra.status == .ok, "\(extra.body.string)")
            #expect(extra.json["status"] as? String == "admitted")
            #expect(extra.json["extraPercent"] as? String == "50")
            // 100 × 7,200,000 = 720,000,000; 100 × 1,080,000 = 108,000,000; 50 % × 7,200,000 = 3,600,000
            let after = try await Self.finalPremium(app, flow, id)
            #expect((after.json["lines"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["death", "accidental-death", "medical-extra"])
            #expect((after.json["lines"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [720_000_000, 108_000_000, 3_600_000])
            #expect(after.json["total"] as? Int == 831_600_000)
            #expect(after.json["admitted"] as? Int == 100)
        }
    }

    @Test("R-GL-06 more tests refer the member once; the consulting doctor then declines, and the member leaves the premium")
    func moreTestsThenDecline() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.registered(app, flow)
            _ = try await Self.contract(app, flow, id)
            _ = try await Self.members(app, flow, id, Self.list(100))
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "more-tests"]).json["status"] as? String == "referred")
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "more-tests"]).fieldCodes == ["outcome": "already-referred"])
            #expect(try await Self.outcome(app, flow, id, row: 2, ["outcome": "decline"]).json["status"] as? String == "declined")
            let premium = try await Self.finalPremium(app, flow, id)
            #expect(premium.json["admitted"] as? Int == 99)
            #expect(premium.json["declined"] as? Int == 1)
            #expect(premium.json["total"] as? Int == 99 * 8_280_000)   // 99 × (7,200,000 + 1,080,000)
        }
    }

    @Test("R-GL-04 the list on day 15 after the contract is taken, on day 16 it is member-list-late")
    func fifteenDays() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            for (daysAgo, late) in [(15, false), (16, true)] {
                let id = try await Self.registered(app, flow)
                _ = try await Self.contract(app, flow, id)
                // the contract as if numbered `daysAgo` days before today (1405/01/10)
                let record = try #require(try await GroupLifeContractRecord.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).first())
                record.contractDate = TestApp.today.adding(days: -daysAgo).description
                try await record.save(on: app.db)
                let res = try await Self.members(app, flow, id, Self.list(3))
                if late {
                    #expect(res.status == .unprocessableEntity)
                    #expect(res.fieldCodes == ["members": "member-list-late"])
                    #expect(try await Self.storedMembers(app, id) == 0)
                } else {
                    #expect(res.status == .created, "\(res.body.string)")
                    // a group of 3 (< 50) at age 40 answers the questionnaire
                    #expect((res.json["members"] as? [[String: Any]])?.first?["underwriting"] as? String == "questionnaire")
                }
            }
        }
    }

    @Test("R-GL-04 every bad row is reported (twice listed, born in the future, no job) and nothing is stored")
    func badRows() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.registered(app, flow)
            _ = try await Self.contract(app, flow, id)
            var noJob = Self.member(4, born: "1370/01/01")
            noJob["jobTitle"] = nil
            let rows = [Self.member(1, born: "1365/01/01"), Self.member(1, born: "1365/01/01"), Self.member(3, born: "1405/02/01"), noJob]
            let res = try await Self.members(app, flow, id, rows)
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes == ["members[1]": "duplicate-member", "members[2].birthDate": "birth-date-in-future",
                                       "members[3].jobTitle": "required"])
            #expect(try await Self.storedMembers(app, id) == 0)
            let empty = try await Self.members(app, flow, id, [])
            #expect(empty.fieldCodes == ["members": "required"])
        }
    }

    /// A measurement, not a rule: it takes seconds of both cores, so the suite runs it only with
    /// BIMEH_BENCH_LIFE=1 (docs/PERFORMANCE.md).
    @Test("R-GL-04/05 10,000 members are imported and underwritten in one request",
          .enabled(if: ProcessInfo.processInfo.environment["BIMEH_BENCH_LIFE"] == "1"))
    func tenThousand() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.registered(app, flow)
            _ = try await Self.contract(app, flow, id)
            let clock = ContinuousClock()
            var res: TestingHTTPResponse?
            let elapsed = try await clock.measure { res = try await Self.members(app, flow, id, Self.list(10_000)) }
            #expect(res?.status == .created)
            #expect(try await Self.storedMembers(app, id) == 10_000)
            print("group-life member list: 10,000 members imported and underwritten in \(elapsed) (\(TestApp.engineUnderTest))")
            var premium: TestingHTTPResponse?
            let final = try await clock.measure { premium = try await Self.finalPremium(app, flow, id) }
            // 10,000 accepted (age 40, a group ≥ 50) … but row 2 (age 50) awaits the examination: 9,999 admitted
            #expect(premium?.json["admitted"] as? Int == 9_999)
            #expect(premium?.json["total"] as? Int == 9_999 * 8_280_000)
            print("group-life final premium of 10,000 members: \(final) (\(TestApp.engineUnderTest))")
        }
    }
}
