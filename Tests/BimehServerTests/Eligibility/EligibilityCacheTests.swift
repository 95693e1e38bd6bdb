@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

/// R-EL-05 with the PostgreSQL cache: an inquiry never answers from a list older than the last
/// commit before it, whoever committed it (another process, the listener's connection lost). On
/// SQLite the same tests run against the direct read, which has nothing to invalidate.
@Suite("Eligibility cache freshness (R-EL-05)")
struct EligibilityCacheTests {
    static let header = "nationalCode,insuranceNumber,validTo,relation,plan\n"

    /// A second application on the same database and schema: another server or a CLI command.
    static func otherProcess(_ app: Application, _ body: (Application) async throws -> Void) async throws {
        let other = try await Application.make(.testing)
        do {
            try await configure(other, config: app.bimeh.config)
            try await body(other)
        } catch {
            try? await other.asyncShutdown()
            throw error
        }
        try await other.asyncShutdown()
    }

    static func covered(_ app: Application, _ person: String, token: String) async throws -> Bool? {
        try await app.send(.GET, "/api/v1/eligibility/\(person)", token: token).json["covered"] as? Bool
    }

    static var cache: (Application) -> EntitlementCache? { { ($0.bimeh.entitlements as? CachedEntitlementReader)?.cache } }

    /// Waits (up to 10 s) until the listener has connected `resets` times in all.
    static func listening(_ app: Application, resets: Int) async throws {
        guard let cache = cache(app) else { return }
        for _ in 0..<200 where cache.statistics.resets < resets { try await Task.sleep(for: .milliseconds(50)) }
        #expect(cache.statistics.resets >= resets)
    }

    @Test("R-EL-05 an import committed by another process is the next inquiry's answer, though the old one was cached")
    func importElsewhere() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            _ = try await EntitlementImportTests.load(app, try EntitlementImportTests.file(Self.header + "1234567891,T-1,1405/06/31,main,پایه\n"), source: "tamin")
            // the first inquiry starts the listener, which empties the cache when it has connected
            #expect(try await Self.covered(app, "1234567891", token: provider) == true)
            try await Self.listening(app, resets: 1)
            #expect(try await Self.covered(app, "1234567891", token: provider) == true)
            #expect(try await Self.covered(app, "4499116686", token: provider) == false)
            // asked again: now from memory on PostgreSQL (two hits more)
            let hits = Self.cache(app)?.statistics.hits ?? 0
            #expect(try await Self.covered(app, "1234567891", token: provider) == true)
            #expect(try await Self.covered(app, "4499116686", token: provider) == false)
            if let cache = Self.cache(app) { #expect(cache.statistics.hits == hits + 2) }
            try await Self.otherProcess(app) { other in
                _ = try await EntitlementImportTests.load(other, try EntitlementImportTests.file(Self.header + "4499116686,T-2,1405/06/31,main,پایه\n"), source: "tamin")
            }
            // at once after the other process's commit, with no wait for its notification
            #expect(try await Self.covered(app, "1234567891", token: provider) == false)
            #expect(try await Self.covered(app, "4499116686", token: provider) == true)
        }
    }

    @Test("R-EL-05/R-SH-09 a person removed from a health policy by another process is not covered at the next inquiry")
    func policyChangeElsewhere() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await HealthTests.issuedFamily(app, flow)
            let daughter = try PersonIdentifier(HealthTests.daughter)
            let day = try JalaliDate(parsing: "1405/08/01")
            func inquire() async throws -> Bool {
                try await EntitlementStore.inquire(daughter, on: day, reader: app.bimeh.entitlements, db: app.db).answer.covered
            }
            #expect(try await inquire())
            try await Self.listening(app, resets: 1)
            #expect(try await inquire())
            let hits = Self.cache(app)?.statistics.hits ?? 0
            #expect(try await inquire())
            if let cache = Self.cache(app) { #expect(cache.statistics.hits == hits + 1) }
            // the other process removes her from 1405/07/15 (cover ends that day), so on 1405/08/01 she is not covered
            try await Self.otherProcess(app) { other in
                let persons = try #require(HealthTests.family()["persons"] as? [[String: Any]])
                let endorsed = try await other.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
                    "effectiveDate": "1405/07/15", "description": "حذف فرزند", "changes": ["persons": Array(persons.prefix(2))]])
                #expect(endorsed.status == .created, "\(endorsed.body.string)")
            }
            #expect(try await inquire() == false)
            // her parents are still covered that day
            #expect(try await EntitlementStore.inquire(try PersonIdentifier(HealthTests.main), on: day, reader: app.bimeh.entitlements, db: app.db).answer.covered)
        }
    }

    @Test("R-EL-05 PostgreSQL: with the listener's connection ended, a commit it never hears of still wins; the listener comes back with an empty cache")
    func listenerLost() async throws {
        guard TestApp.engineUnderTest == .postgres else { return }
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            _ = try await EntitlementImportTests.load(app, try EntitlementImportTests.file(Self.header + "1234567891,T-1,1405/06/31,main,پایه\n"), source: "tamin")
            #expect(try await Self.covered(app, "1234567891", token: provider) == true)
            try await Self.listening(app, resets: 1)
            #expect(try await Self.covered(app, "1234567891", token: provider) == true)
            let reader = try #require(app.bimeh.entitlements as? CachedEntitlementReader)
            let pid = try #require(reader.listener.backendPID)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("SELECT pg_terminate_backend(\(bind: pid))").run()
            // the listener is gone (it waits 200 ms before connecting again): this commit is announced to no one here
            try await Self.otherProcess(app) { other in
                _ = try await EntitlementImportTests.load(other, try EntitlementImportTests.file(Self.header + "4499116686,T-2,1405/06/31,main,پایه\n"), source: "tamin")
            }
            #expect(try await Self.covered(app, "1234567891", token: provider) == false)
            #expect(try await Self.covered(app, "4499116686", token: provider) == true)
            // back again: connected a second time, the cache emptied, and answering from memory once more
            try await Self.listening(app, resets: 2)
            #expect(reader.listener.backendPID != pid)
            #expect(try await Self.covered(app, "4499116686", token: provider) == true)
            let hits = reader.cache.statistics.hits
            #expect(try await Self.covered(app, "4499116686", token: provider) == true)
            #expect(reader.cache.statistics.hits == hits + 1)
        }
    }

    @Test("R-EL-05 cache rules: an entry answers only when every announced change is applied; an older read is not kept; a gap empties")
    func cacheRules() throws {
        let row = EntitlementRow(source: "tamin", insuranceNumber: "T-1", validFrom: nil, validTo: 14_050_631, relation: "main", plan: "پایه")
        let cache = EntitlementCache(persons: 10)
        cache.fill("P", [row], readAt: 0)
        #expect(cache.rows("P", current: 0) == nil)              // not listening yet (applied −1)
        cache.reset(listeningSince: 4)
        #expect(!cache.holds("P"))
        cache.fill("P", [row], readAt: 4)
        #expect(cache.rows("P", current: 4)?.count == 1)
        #expect(cache.rows("P", current: 5) == nil)              // version 5 committed, not yet heard of
        cache.apply("5 Q")                                       // 5 touched Q only: P still answers
        #expect(cache.rows("P", current: 5)?.count == 1)
        cache.apply("6 P")                                       // 6 touched P: gone
        #expect(!cache.holds("P"))
        cache.fill("P", [row], readAt: 5)                        // read before 6 committed: refused
        #expect(!cache.holds("P"))
        cache.fill("P", [], readAt: 6)
        #expect(cache.rows("P", current: 6)?.isEmpty == true)
        cache.fill("Q", [row], readAt: 6)
        cache.apply("8 R")                                       // 7 never arrived: everything goes
        #expect(!cache.holds("P") && !cache.holds("Q"))
        cache.fill("Q", [row], readAt: 8)
        cache.apply("9 *")                                       // an import: everything goes
        #expect(!cache.holds("Q"))
        #expect(cache.statistics.applied == 9)
    }

    @Test("R-EL-05 the persons of a change fit one notification (under 8,000 bytes), else it says everything")
    func notificationSubject() {
        #expect(EligibilityChanges.subject(persons: ["0012345679", "0013542419"], all: false) == "0012345679 0013542419")
        #expect(EligibilityChanges.subject(persons: ["0012345679"], all: true) == "*")
        // 700 codes × 11 bytes (10 digits and a space) − 1 = 7,699 > 7,000
        let many = Set((0..<700).map { String(format: "%010d", $0) })
        #expect(EligibilityChanges.subject(persons: many, all: false) == "*")
    }
}

@Suite("Eligibility version reads shared by inquiries (R-EL-05)")
struct VersionGateTests {
    /// Counts reads sent; a read answers the number of reads sent up to and including itself.
    final class Reads: @unchecked Sendable {
        let sent = NIOLockedValueBox(0)
    }

    @Test("R-EL-05 every inquiry gets a read sent after it arrived, and under load many share one")
    func readsAfterArrival() async throws {
        let reads = Reads()
        let gate = VersionGate<Int>(spacing: .milliseconds(2)) { _ in
            let number = reads.sent.withLockedValue { n -> Int in
                n += 1
                return n
            }
            try await Task.sleep(for: .milliseconds(5))
            return Int64(number)
        }
        let late = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<100 {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(i % 20))
                    let before = reads.sent.withLockedValue { $0 }
                    // the read that answers was sent after this arrival: its number exceeds every read sent before
                    return try await gate.version(with: i) > Int64(before)
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 0 : 1) }
        }
        #expect(late == 0)
        // 100 inquiries over ~20 ms, a read every ≥ 5 ms: far fewer reads than inquiries
        #expect(gate.reads < 20)
    }
}
