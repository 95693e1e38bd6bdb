@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The demo's group life contract: a newcomer finds it in force with members in every standing.
@Suite("Demo: a group life contract in force (R-GL-03…08)")
struct GroupLifeDemoTests {
    @Test("R-GL-07/08 60 members, row 2 at 50 %, row 4 awaiting the examination: 59 × 8,280,000 + 3,600,000 = 492,120,000 paid, issued; seeding twice adds nothing")
    func demoContract() async throws {
        try await TestApp.run(seedDemo: false) { app in
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("group-life")).first())
            #expect(policy.status == .issued)
            #expect(policy.startDate == "1405/01/05")   // five days before 1405/01/10
            let id = try policy.requireID()
            #expect(try await GroupLifeDesk.contract(of: id, on: app.db)?.number == "600000/9995/11/1405")
            let tally = try await GroupLifePolicyPanel.tally(id, on: app.db)
            #expect((tally.total, tally.admitted, tally.pending) == (60, 59, 1))
            let final = try #require(try await GroupLifeFinalPremiumDesk.record(of: id, on: app.db))
            // 59 × (7,200,000 + 1,080,000) = 488,520,000; row 2's 50 % × 7,200,000 = 3,600,000
            #expect(final.total == 488_520_000 + 3_600_000)
            let issuer = try await app.token("issuer")
            let view = try await app.send(.GET, "/api/v1/policies/\(id.uuidString)", token: issuer)
            #expect(view.json["premium"] as? Int == 492_120_000)
            #expect(view.json["owed"] as? Int == 0)
            #expect(try await DemoData.seed(app) == 0, "seeding again changes nothing")
        }
    }
}
