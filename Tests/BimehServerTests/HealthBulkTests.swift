@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import SQLKit
import Testing
import VaporTesting

/// Large groups (R-SH-09, R-SH-10, R-G-07): the benchmark's seeding sells real group policies the
/// direct-claim desk sees, and issuing a group of 1,000 writes its persons, eligibility rows and
/// audit records a few hundred a statement — the same rows and the same intact chain as one by one.
@Suite("Health groups in bulk: the benchmark seed, batched issue (R-SH-07, 09, 10, G-07)")
struct HealthBulkTests {
    @Test("R-SH-09/R-G-07 a seeded group of 1,000: 1,000 persons numbered -1…-1000, 1,000 eligibility rows and audit records, the chain intact")
    func seededGroup() async throws {
        try await TestApp.run { app in
            try await HealthBenchSeed().run(app, options: ProductTaskOptions(count: 1_000), console: app.console)
            let sql = try #require(app.db as? any SQLDatabase)
            // the demo's own persons: its family (3) and its company's group (12, codes 298000…)
            let demo: Set = ["0076229645", "0499370899", "0012345679"]
            let persons = try await HealthPersonRecord.query(on: app.db).all()
                .filter { !demo.contains($0.nationalCode) && !$0.nationalCode.hasPrefix("298000") }
            #expect(persons.count == 1_000)
            let numbers = Set(persons.map { $0.insuranceNumber.split(separator: "-").last.map(String.init) ?? "" })
            #expect(numbers == Set((1...1_000).map(String.init)))
            // person 700 (index 699, past the first 500-row statement): sold 30 days before 1405/01/10 — 9 days of
            // Farvardin and 21 of Esfand 1404 (29 days) — so the term is 1404/12/09 → 1405/12/09, cover from the day after
            let person = SyntheticHealthGroups.nationalCode(group: 0, index: 699)
            let row = try #require(persons.first { $0.nationalCode == person })
            #expect(row.coverFrom == "1404/12/10" && row.coverTo == "1405/12/09" && row.insuranceNumber.hasSuffix("-700"))
            let entitlements = try await sql.raw("SELECT COUNT(*) AS n FROM entitlements WHERE source = \(bind: HealthEntitlements.source) AND insurance_number LIKE \(bind: "%" + row.insuranceNumber.dropLast(4) + "-%")")
                .first().map { try $0.decode(column: "n", as: Int.self) }
            #expect(entitlements == 1_000)
            let audited = try await AuditRecord.query(on: app.db).filter(\.$action == "health.person-covered").filter(\.$entityID == row.$policy.id.uuidString).count()
            #expect(audited == 1_000)
            guard case .intact = try await AuditVerifier.verify(on: app.db) else { Issue.record("the audit chain stays intact"); return }
            // seeding twice changes nothing
            try await HealthBenchSeed().run(app, options: ProductTaskOptions(count: 1_000), console: app.console)
            #expect(try await HealthPersonRecord.query(on: app.db).count() == persons.count + 15)
        }
    }

    @Test("R-SH-04/07 the demo provider's claim for a seeded person: paraclinic 10,000,000, franchise 20 % = 2,000,000, pays 8,000,000 of 100,000,000")
    func claimOnSeededPerson() async throws {
        try await TestApp.run { app in
            try await HealthBenchSeed().run(app, options: ProductTaskOptions(count: 1_000), console: app.console)
            let provider = try await app.token("provider")
            let person = SyntheticHealthGroups.nationalCode(group: 0, index: 842)
            let first = try await HealthDirectClaimTests.claim(app, provider, person: person, cover: "paraclinic", cost: 10_000_000)
            #expect(first.status == .created, "\(first.body.string)")
            // silver paraclinic ceiling 100,000,000; 10,000,000 − max(0, 20 % × 10,000,000 = 2,000,000) = 8,000,000
            #expect(first.json["payable"] as? Int == 8_000_000)
            #expect(first.json["remainingCeiling"] as? Int == 92_000_000)
            // a second claim spends from what is left: 5,000,000 with base 1,500,000 → 5,000,000 − max(1,500,000, 1,000,000) = 3,500,000
            let second = try await HealthDirectClaimTests.claim(app, provider, person: person, cover: "paraclinic", cost: 5_000_000, basePaid: 1_500_000)
            #expect(second.json["payable"] as? Int == 3_500_000)
            #expect(second.json["remainingCeiling"] as? Int == 92_000_000 - 3_500_000)
            // visits and drugs are bought by the groups (optional cover, silver ceiling 20,000,000):
            // 50,000,000 − 20 % = 40,000,000 before the ceiling; 20,000,000 paid, 20,000,000 the ceiling's reduction
            let drugs = try await HealthDirectClaimTests.claim(app, provider, person: person, cover: "visit-drugs", cost: 50_000_000, basePaid: 0)
            #expect(drugs.json["payable"] as? Int == 20_000_000)
            #expect(drugs.json["remainingCeiling"] as? Int == 0)
            let reduction = (drugs.json["lines"] as? [[String: Any]])?.first { $0["code"] as? String == "ceiling-reduction" }?["amount"] as? Int
            #expect(reduction == -20_000_000)
            // maternity is not
            let maternity = try await HealthDirectClaimTests.claim(app, provider, person: person, cover: "maternity", cost: 1_000_000)
            #expect(maternity.fieldCodes == ["nationalCode": "not-covered"])
        }
    }

    @Test("R-SH-02 a second group listing, as its 800th member, a person of the first: person-already-insured names that person, nothing is issued")
    func overlapInBulk() async throws {
        try await TestApp.run { app in
            try await HealthBenchSeed().run(app, options: ProductTaskOptions(count: 1_000), console: app.console)
            let flow = try await PolicyFlow.start(app)
            let employer = try #require(try await Customer.query(on: app.db).filter(\.$legalID == HealthBenchSeed.employerID).first())
            var members = SyntheticHealthGroups.members(group: 1, size: 1_000)
            // index 799 is a single main member in both groups (799 % 5 == 4)
            let taken = SyntheticHealthGroups.person(group: 0, index: 799)
            members[799] = taken
            let persons = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(members))
            let quote = try await HealthTests.quote(app, flow, ["plan": "silver", "kind": "group", "hasBaseInsurance": true, "persons": persons],
                                                    customer: try employer.requireID().uuidString)
            #expect(quote.status == .created, "\(quote.body.string)")
            let quoteID = try #require(quote.json["id"] as? String)
            let registered = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": try employer.requireID().uuidString, "startDate": "1405/01/10", "endDate": "1406/01/10",
                "payment": ["plan": "cash"]])
            let policyID = try #require(registered.json["id"] as? String)
            let premium = try #require(registered.json["premium"] as? Int)
            _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: Int64(premium)).json["id"] as? String))
            let before = try await HealthPersonRecord.query(on: app.db).count()
            let issued = try await flow.issue(policyID)
            #expect(issued.status == .conflict)
            #expect(issued.json["code"] as? String == "person-already-insured")
            #expect((issued.json["detail"] as? String ?? "").contains(Normalize.persianDigits(taken.nationalCode)))
            #expect(try await HealthPersonRecord.query(on: app.db).count() == before)
        }
    }
}
