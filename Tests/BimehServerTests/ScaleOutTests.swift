@testable import BimehServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// What only real server processes show: a kill -9 in the middle of writes loses no acknowledged
/// write, and two servers on one PostgreSQL database share the work without losing or doubling a
/// number (R-G-06) or an audit record (R-G-07).
@Suite("Write path across processes: kill -9 and two servers")
struct ScaleOutTests {
    static let clients = 8

    /// The subjects of the letters answered 201, by whoever answered.
    final class Acknowledged: Sendable {
        private let box = NIOLockedValueBox<[(subject: String, number: Int)]>([])
        func add(_ subject: String, _ number: Int) { box.withLockedValue { $0.append((subject, number)) } }
        var all: [(subject: String, number: Int)] { box.withLockedValue { $0 } }
    }

    static func postLetter(_ api: RemoteAPI, token: String, subject: String) async throws -> (status: HTTPStatus, json: [String: Any]) {
        try await api.send(.POST, "/api/v1/letters", token: token, json: ["direction": "incoming", "subject": subject, "correspondent": "شرکت آزمون"])
    }

    @Test("kill -9 while 8 clients write: every letter answered 201 is in the database after the restart, and the audit log and rows verify")
    func killedUnderWrites() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path), "run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-killed-writes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory, postgresName: "bimeh_killed_writes_test")
        let client = try await Application.make(.testing)
        var servers: [ServerProcess] = []
        do {
            let environment = database.serverEnvironment(in: directory)
            let port = try ServerProcess.freePort()
            let api = RemoteAPI(client: client.client, base: "http://127.0.0.1:\(port)")
            let first = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("first.log"))
            servers.append(first)
            try await first.waitUntilReady(api)
            let token = try await api.token("issuer")
            let acknowledged = Acknowledged()
            let loops = Task {
                await withTaskGroup(of: Void.self) { group in
                    for c in 0..<Self.clients {
                        group.addTask {
                            var n = 0
                            while true {
                                n += 1
                                let subject = "نامهٔ پیش از توقف \(c)-\(n)"
                                guard let answer = try? await Self.postLetter(api, token: token, subject: subject) else { return }
                                if answer.status == .created, let number = answer.json["number"] as? Int { acknowledged.add(subject, number) }
                            }
                        }
                    }
                }
            }
            try await RegistryCrashTests.waitFor("60 letters answered", timeout: .seconds(90), output: first) { acknowledged.all.count >= 60 }
            first.kill()
            await loops.value
            let acked = acknowledged.all

            // the restarted server chains whatever the dead one left unnumbered, then stops cleanly
            let second = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("second.log"))
            servers.append(second)
            try await second.waitUntilReady(api)
            try await RegistryCrashTests.waitFor("the queue of unnumbered records drained", timeout: .seconds(30), output: second) {
                (try? await AuditSequencer.oldestPendingAge(on: database.db)) == nil
            }
            second.stop()

            for letter in acked {
                let stored = try await Letter.query(on: database.db).filter(\.$subject == letter.subject).all()
                #expect(stored.map(\.number) == [letter.number], "\(letter.subject), answered 201 with number \(letter.number), is stored once with it")
            }
            let numbers = try await Letter.query(on: database.db).filter(\.$year == 1405).all().map(\.number)
            let proposals = try await Quote.query(on: database.db).all().compactMap { quote -> Int? in
                let parts = quote.proposalNumber.split(separator: "/")
                return parts.first == "1405" ? parts.last.flatMap { Int($0) } : nil
            }
            let all = (numbers + proposals).sorted()
            #expect(all == Array(1...all.count), "the secretariat register has no gap and no duplicate")
            guard case .intact = try await AuditVerifier.verify(on: database.db) else {
                Issue.record("the audit log does not verify after the kill: \(try await AuditVerifier.verify(on: database.db))")
                throw ServerProcess.Failure("audit log broken")
            }
            #expect(try await RowSealVerifier.verify(on: database.db).isEmpty)
            print("kill -9 under writes: \(acked.count) letters acknowledged before the kill, \(numbers.count) stored")
        } catch {
            for server in servers { server.stop() }
            await database.close()
            try? await client.asyncShutdown()
            throw error
        }
        await database.close()
        try await client.asyncShutdown()
    }

    /// On SQLite the file has one serving process (SQLiteServeLock): the second server refuses to
    /// start, and the clients' letters all go through the first.
    @Test("two servers on one PostgreSQL database: 8 clients alternate between them; every letter once, numbers gapless, the log verifies (SQLite: the second refuses)")
    func twoServers() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path), "run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-two-servers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory, postgresName: "bimeh_two_servers_test")
        let client = try await Application.make(.testing)
        var servers: [ServerProcess] = []
        do {
            let environment = database.serverEnvironment(in: directory)
            var apis: [RemoteAPI] = []
            for name in ["a", "b"] {
                let port = try ServerProcess.freePort()
                let api = RemoteAPI(client: client.client, base: "http://127.0.0.1:\(port)")
                let server = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("\(name).log"))
                servers.append(server)
                if name == "b", TestApp.engineUnderTest == .sqlite {
                    server.process.waitUntilExit()
                    #expect(server.output.contains("database-in-use"), "the second server on the SQLite file says why it stops: \(server.output)")
                    apis.append(apis[0])
                    continue
                }
                try await server.waitUntilReady(api)
                apis.append(api)
            }
            let both = apis
            // a token from one server is good on the other: sessions live in the shared database
            let token = try await both[0].token("issuer")
            let acknowledged = Acknowledged()
            let perClient = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in 0..<Self.clients {
                    group.addTask {
                        for n in 0..<perClient {
                            let subject = "نامهٔ دو کارساز \(c)-\(n)"
                            let answer = try await Self.postLetter(both[(c + n) % 2], token: token, subject: subject)
                            try #require(answer.status == .created, "\(subject): \(answer.status) \(answer.json)")
                            acknowledged.add(subject, try #require(answer.json["number"] as? Int))
                        }
                    }
                }
                try await group.waitForAll()
            }
            for server in servers { server.stop() }

            let acked = acknowledged.all
            #expect(acked.count == Self.clients * perClient)
            #expect(Set(acked.map(\.number)).count == acked.count, "no number given twice")
            for letter in acked {
                #expect(try await Letter.query(on: database.db).filter(\.$subject == letter.subject).count() == 1)
            }
            let numbers = try await Letter.query(on: database.db).filter(\.$year == 1405).all().map(\.number)
            let proposals = try await Quote.query(on: database.db).all().compactMap { quote -> Int? in
                let parts = quote.proposalNumber.split(separator: "/")
                return parts.first == "1405" ? parts.last.flatMap { Int($0) } : nil
            }
            let all = (numbers + proposals).sorted()
            #expect(all == Array(1...all.count), "the secretariat register has no gap and no duplicate across the two servers")
            let outcome = try await AuditVerifier.verify(on: database.db)
            guard case .intact = outcome else {
                Issue.record("the audit log does not verify: \(outcome)")
                throw ServerProcess.Failure("audit log broken")
            }
            let letterRecords = try await AuditRecord.query(on: database.db).filter(\.$entity == "letter").count()
            #expect(letterRecords >= acked.count, "every letter's audit record is in the chain")
            #expect(try await RowSealVerifier.verify(on: database.db).isEmpty)
        } catch {
            for server in servers { server.stop() }
            await database.close()
            try? await client.asyncShutdown()
            throw error
        }
        await database.close()
        try await client.asyncShutdown()
    }
}
