@testable import BimehServer
import Foundation
import Testing
import Vapor

/// R-TP-13 across a crash: the real server is killed (SIGKILL) while the central registry holds
/// a delivery; after a restart on the same database every event reaches the registry, which
/// keeps each event id once. The outbox is filled the honest way: third-party policies sold
/// over HTTP to the running server.
@Suite("Central registry delivery survives a killed server (R-TP-13)")
struct RegistryCrashTests {
    /// The local test registry: every POST's event id in arrival order, the deduplicated set it
    /// keeps, and the first request held unanswered until the test lets it go.
    actor Registry {
        private(set) var requests: [String] = []
        private(set) var stored: [String] = []
        private(set) var released = false

        /// Records the request; true for the very first one, which is to be held.
        func receive(_ id: String) -> Bool {
            requests.append(id)
            if !stored.contains(id) { stored.append(id) }
            return requests.count == 1
        }

        func release() { released = true }

        /// The held answer: after the release, or 20 s at most so that the test cannot hang on it.
        func hold() async {
            let deadline = ContinuousClock.now + .seconds(20)
            while !released, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        }
    }

    static let policies = 3

    @Test("R-TP-13 kill -9 during a delivery: after restart every event is delivered, each stored once by the registry")
    func killedDuringDelivery() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path),
                     "\(ServerProcess.binary.path) is missing: run `swift build --build-tests` first")
        let registry = Registry()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory)
        var servers: [ServerProcess] = []
        do {
            try await FakeService.with({ app in
                app.post("events") { req async -> HTTPStatus in
                    if await registry.receive(FakeService.json(req)["eventId"] as? String ?? "") { await registry.hold() }
                    return .ok
                }
            }) { service in
                var environment = database.serverEnvironment(in: directory)
                environment["BIMEH_REGISTRY_URL"] = service.url("events")
                let port = try ServerProcess.freePort()
                let api = RemoteAPI(client: service.app.client, base: "http://127.0.0.1:\(port)")

                // 1. the server sells three policies; each issue writes its event, the delivery starts
                let first = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("first.log"))
                servers.append(first)
                try await first.waitUntilReady(api)
                try await Self.sellThirdParty(Self.policies, through: api)
                let outbox = try await database.events()
                // one event per issued policy: the three sold here and the demo seed's third-party,
                // family health and group health policies, issued at boot (R-SH-11: health is
                // reported like third party)
                #expect(outbox.count == Self.policies + 3, "one event per issued policy")
                try #require(outbox.count >= 3)
                let ids = outbox.map(\.eventID.uuidString)

                // 2. kill it while the registry holds the first delivery
                try await Self.waitFor("the first delivery to reach the registry", timeout: .seconds(15)) { await registry.requests.count == 1 }
                first.kill()
                #expect(first.process.terminationReason == .uncaughtSignal && first.process.terminationStatus == SIGKILL)
                #expect(await registry.released == false, "the delivery was still in flight when the server died")
                let afterKill = try await database.events()
                #expect(afterKill.allSatisfy { $0.deliveredAt == nil }, "no acknowledgement reached the server")
                #expect(await registry.stored == [ids[0]], "the registry had stored the held event: its acknowledgement is what was lost")
                await registry.release()

                // 3. restart on the same database: every event is delivered, the held one again
                let second = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("second.log"))
                servers.append(second)
                try await Self.waitFor("every event delivered after the restart", timeout: .seconds(30), output: second) {
                    let events = (try? await database.events()) ?? []
                    return events.count == ids.count && events.allSatisfy { $0.deliveredAt != nil }
                }
                second.stop()

                let requests = await registry.requests, stored = await registry.stored
                #expect(Set(stored) == Set(ids))
                for id in ids { #expect(stored.filter { $0 == id }.count == 1, "\(id) is stored exactly once") }
                #expect(requests.count >= ids.count + 1, "the killed delivery was sent again")
                #expect(requests.filter { $0 == ids[0] }.count >= 2)
                // an attempt is recorded only once answered: the killed one left no trace in the outbox
                #expect(try await database.events().map(\.attempts) == Array(repeating: 1, count: ids.count))
            }
        } catch {
            for server in servers { server.stop() }
            await database.close()
            throw error
        }
        for server in servers { server.stop() }
        await database.close()
    }

    /// Customer → quote → cash policy → cheque → collect → licence → issue, `count` times, as the
    /// issuer and the accountant do (the request bodies of ThirdPartyTests).
    static func sellThirdParty(_ count: Int, through api: RemoteAPI) async throws {
        let issuer = try await api.token("issuer"), accountant = try await api.token("accountant")
        let customers = try await api.send(.GET, "/api/v1/customers?q=0076229645", token: issuer)
        let customerID = try #require((customers.json["items"] as? [[String: Any]])?.first?["id"] as? String, "demo customer")
        for _ in 0..<count {
            let quote = try await api.send(.POST, "/api/v1/quotes", token: issuer, json: [
                "product": "third-party", "customerId": customerID, "date": "1405/01/10", "inputs": ThirdPartyTests.inputs()])
            let quoteID = try #require(quote.json["id"] as? String, "quote: \(quote.status) \(quote.json)")
            let total = try #require(quote.json["total"] as? Int)
            let policy = try await api.send(.POST, "/api/v1/policies", token: issuer, json: [
                "quoteId": quoteID, "customerId": customerID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            let policyID = try #require(policy.json["id"] as? String, "policy: \(policy.status) \(policy.json)")
            let payment = try await api.send(.POST, "/api/v1/policies/\(policyID)/payments", token: issuer, json: [
                "method": "cheque", "amount": total, "paidOn": "1405/01/10", "cheque": ["number": "CHQ-" + UUID().uuidString.prefix(8), "bank": "ملی", "dueDate": "1405/01/10"]])
            let paymentID = try #require(payment.json["id"] as? String, "payment: \(payment.status) \(payment.json)")
            #expect(try await api.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: accountant).status == .ok)
            let licence: [String: Any] = ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی",
                                          "holderNationalCode": "1583250689"]
            #expect(try await api.send(.POST, "/api/v1/policies/\(policyID)/licence", token: issuer, json: licence).status == .created)
            let issued = try await api.send(.POST, "/api/v1/policies/\(policyID)/issue", token: issuer)
            try #require(issued.status == .ok, "issue: \(issued.status) \(issued.json)")
        }
    }

    static func waitFor(_ what: String, timeout: Duration, output server: ServerProcess? = nil,
                        _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServerProcess.Failure("waited \(timeout) for \(what)" + (server.map { ":\n" + $0.output } ?? ""))
    }
}
