@testable import BimehServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// Idempotency keys across a crash: the real server is killed (SIGKILL) while eight clients each
/// have a numbered letter (R-G-06) in flight under its own `Idempotency-Key`. After a restart on
/// the same database every key is retried: each ends in the first committed response (replayed)
/// or in one new letter, never two letters for one key, and no key stays "in progress".
@Suite("Idempotency keys survive a killed server")
struct IdempotencyCrashTests {
    static let clients = 8
    /// Short lease, so that the keys the killed server held free up within the test.
    static let leaseSeconds = 2

    /// One request a client sent: its key, its body, and the answer if one came back before the kill.
    struct Sent: Sendable {
        var key: String
        var subject: String
        var status: UInt?
        var body: String?
    }

    final class Log: Sendable {
        private let box = NIOLockedValueBox<[Sent]>([])
        func append(_ sent: Sent) -> Int { box.withLockedValue { $0.append(sent); return $0.count - 1 } }
        func answer(_ index: Int, status: UInt, body: String) { box.withLockedValue { $0[index].status = status; $0[index].body = body } }
        var all: [Sent] { box.withLockedValue { $0 } }
        var answered: Int { box.withLockedValue { $0.filter { $0.status != nil }.count } }
    }

    @Test("kill -9 with 8 keyed requests in flight: every retry replays the committed response or makes the one letter; none doubled, none stuck")
    func killedWithRequestsInFlight() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path),
                     "\(ServerProcess.binary.path) is missing: run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-idem-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory, postgresName: "bimeh_idempotency_crash_test")
        let client = try await Application.make(.testing)
        var servers: [ServerProcess] = []
        do {
            var environment = database.serverEnvironment(in: directory)
            environment["BIMEH_IDEMPOTENCY_LEASE_SECONDS"] = "\(Self.leaseSeconds)"
            let port = try ServerProcess.freePort()
            let api = RemoteAPI(client: client.client, base: "http://127.0.0.1:\(port)")

            // 1. eight clients register letters back to back, each under a fresh key
            let first = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("first.log"))
            servers.append(first)
            try await first.waitUntilReady(api)
            let token = try await api.token("issuer")
            let log = Log()
            let loops = Task {
                await withTaskGroup(of: Void.self) { group in
                    for c in 0..<Self.clients {
                        group.addTask {
                            var n = 0
                            while true {
                                n += 1
                                let key = "crash-\(c)-\(n)"
                                let index = log.append(Sent(key: key, subject: "نامهٔ آزمون \(key)"))
                                guard let answer = try? await Self.post(api, token: token, key: key, subject: "نامهٔ آزمون \(key)") else { return }
                                log.answer(index, status: answer.status.code, body: answer.body)
                            }
                        }
                    }
                }
            }
            // 2. kill the server in the middle of the stream
            try await RegistryCrashTests.waitFor("40 letters answered", timeout: .seconds(60), output: first) { log.answered >= 40 }
            first.kill()
            #expect(first.process.terminationReason == .uncaughtSignal && first.process.terminationStatus == SIGKILL)
            await loops.value
            let sent = log.all
            let inFlight = sent.filter { $0.status == nil }
            #expect(inFlight.count == Self.clients, "each client had one request unanswered when the server died")
            #expect(sent.filter { $0.status != nil }.allSatisfy { $0.status == 201 })

            // what the dead server left: for every key, its letter is there exactly when its response is
            var committedInFlight = 0
            for request in sent {
                let letters = try await Letter.query(on: database.db).filter(\.$subject == request.subject).count()
                let record = try await IdempotencyRecord.query(on: database.db).filter(\.$key == request.key).first()
                #expect(letters <= 1, "\(request.key): at most one letter")
                let stored = (record?.status ?? 0) != 0
                #expect((letters == 1) == stored, "\(request.key): letter \(letters), response stored \(stored): the response is committed with its letter or not at all")
                if request.status == nil, letters == 1 { committedInFlight += 1 }
            }

            // 3. restart on the same database and retry every key with its own request
            let second = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("second.log"))
            servers.append(second)
            try await second.waitUntilReady(api)
            let retryToken = try await api.token("issuer")
            var busyAnswers = 0, replayed = 0, fresh = 0
            for request in sent {
                var answer = try await Self.post(api, token: retryToken, key: request.key, subject: request.subject)
                let deadline = ContinuousClock.now + .seconds(Self.leaseSeconds * 5 + 10)
                while answer.status == .conflict, ContinuousClock.now < deadline {
                    busyAnswers += 1
                    #expect(answer.problemCode == "idempotency-in-progress")
                    let wait = try #require(answer.headers.first(name: "Retry-After").flatMap(Int.init), "a 409 in-progress says when to retry")
                    #expect((1...Self.leaseSeconds).contains(wait))
                    try await Task.sleep(for: .seconds(wait))
                    answer = try await Self.post(api, token: retryToken, key: request.key, subject: request.subject)
                }
                try #require(answer.status == .created, "\(request.key) after the restart: \(answer.status) \(answer.body)")
                let isReplay = answer.headers.first(name: "Idempotent-Replayed") == "true"
                if let body = request.body {
                    #expect(isReplay && answer.body == body, "\(request.key) was answered before the kill: the retry gets that answer")
                }
                if isReplay { replayed += 1 } else { fresh += 1 }
            }
            second.stop()

            // every key made exactly one letter; the register has no gap and no duplicate (R-G-06)
            for request in sent {
                #expect(try await Letter.query(on: database.db).filter(\.$subject == request.subject).count() == 1, "\(request.key): one letter")
            }
            // the secretariat register also numbers proposals (the demo's sample quote among them)
            let letterNumbers = try await Letter.query(on: database.db).filter(\.$year == 1405).all().map(\.number)
            let proposalNumbers = try await Quote.query(on: database.db).all().compactMap { quote -> Int? in
                let parts = quote.proposalNumber.split(separator: "/")
                return parts.first == "1405" ? parts.last.flatMap { Int($0) } : nil
            }
            let numbers = (letterNumbers + proposalNumbers).sorted()
            let keyed = try await Letter.query(on: database.db).filter(\.$subject, .contains(inverse: false, .anywhere), "نامهٔ آزمون").count()
            #expect(keyed == sent.count)
            #expect(numbers == Array(1...numbers.count))
            #expect(fresh == inFlight.count - committedInFlight, "only the requests that had not committed ran again")
            #expect(replayed == sent.count - fresh)
            print("idempotency crash test: \(sent.count) keys, \(inFlight.count) in flight at the kill (\(committedInFlight) committed), \(busyAnswers) retries answered 409 while a lease lived, \(replayed) replayed, \(fresh) run afresh")
        } catch {
            for server in servers { server.stop() }
            await database.close()
            try? await client.asyncShutdown()
            throw error
        }
        for server in servers { server.stop() }
        await database.close()
        try await client.asyncShutdown()
    }

    struct Answer {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var problemCode: String? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["code"] as? String
        }
    }

    static func post(_ api: RemoteAPI, token: String, key: String, subject: String) async throws -> Answer {
        let body = try JSONSerialization.data(withJSONObject: ["direction": "incoming", "subject": subject, "correspondent": "شرکت آزمون"])
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json", IdempotencyMiddleware.header: key]
        let response = try await api.client.send(ClientRequest(method: .POST, url: URI(string: api.base + "/api/v1/letters"), headers: headers,
                                                               body: ByteBuffer(data: body), timeout: .seconds(20))).get()
        return Answer(status: response.status, headers: response.headers, body: response.body.map { String(buffer: $0) } ?? "")
    }
}
