@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// #17 point 4: one SQLite file, more than one process. A second `serve` used to run beside the
/// first and answer 500 "database is locked" to a quarter of its writes; a command writing while
/// `serve` ran could do the same. Always on SQLite, whatever engine the rest of the suite uses.
@Suite("One SQLite file shared by processes")
struct SQLiteSharingTests {
    @Test("a second serve on the file refuses to start; a command writes while serving; a held lock is 503, not 500; kill -9 leaves no lock")
    func shared() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path),
                     "\(ServerProcess.binary.path) is missing: run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-sqlite-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bimeh.sqlite").path
        let environment = ["BIMEH_SQLITE_PATH": path, "BIMEH_TODAY": "1405/01/10", "BIMEH_BCRYPT_COST": "4",
                           "BIMEH_SMS_LOG": directory.appendingPathComponent("sms.log").path]
        let client = try await Application.make(.testing)
        let holder = try await Application.make(.testing)
        _ = try DatabaseSetup.configure(holder, storage: .sqlite(path: path))
        var servers: [ServerProcess] = []
        do {
            let port = try ServerProcess.freePort()
            let api = RemoteAPI(client: client.client, base: "http://127.0.0.1:\(port)")
            let first = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("first.log"))
            servers.append(first)
            try await first.waitUntilReady(api)

            // 1. a second server on the same file stops at once with a message naming the file
            let second = try ServerProcess.start(port: try ServerProcess.freePort(), environment: environment,
                                                 log: directory.appendingPathComponent("second.log"))
            let deadline = ContinuousClock.now + .seconds(60)
            while second.process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
            #expect(!second.process.isRunning, "the second server kept running on the same file")
            if second.process.isRunning { second.kill() }
            #expect(second.process.terminationStatus == 1)
            #expect(second.output.contains("database-in-use"), "\(second.output)")

            // 2. writes over HTTP and a command's write at the same time: all succeed
            let token = try await api.token("issuer")
            let writes = Task {
                var statuses: [UInt] = []
                for n in 0..<40 { statuses.append(try await Self.letter(api, token: token, subject: "نامهٔ هم‌زمان \(n)").status.code) }
                return statuses
            }
            let command = try Self.run(["users", "create", "--role", "claims", "--username", "shared-cli", "--password", "a-long-password-1", "--name", "کاربر خط فرمان"],
                                       environment: environment)
            #expect(command.status == 0, "\(command.output)")
            let statuses = try await writes.value
            #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses)")
            #expect(try await api.token("issuer").isEmpty == false)

            // 3. another process holds the write lock past the busy timeout: 503 with Retry-After, nothing stored
            let sql = try #require(holder.db as? any SQLDatabase)
            let before = try await sql.raw("SELECT COUNT(*) AS n FROM letters").first().map { try $0.decode(column: "n", as: Int.self) } ?? -1
            let answer = try await holder.db.withConnection { connection -> (status: HTTPStatus, code: String?, retry: String?) in
                let locked = try #require(connection as? any SQLDatabase)
                try await locked.raw("BEGIN IMMEDIATE").run()
                do {
                    let res = try await Self.letter(api, token: token, subject: "نامه در زمان قفل")
                    try await locked.raw("ROLLBACK").run()
                    return res
                } catch {
                    try? await locked.raw("ROLLBACK").run()
                    throw error
                }
            }
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.code == "database-busy")
            #expect(answer.retry == "2")
            let after = try await sql.raw("SELECT COUNT(*) AS n FROM letters").first().map { try $0.decode(column: "n", as: Int.self) } ?? -2
            #expect(after == before)
            #expect(try await Self.letter(api, token: token, subject: "نامه پس از قفل").status == .created)

            // 4. kill -9: the kernel drops the server's lock, the next serve starts
            first.kill()
            let third = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("third.log"))
            servers.append(third)
            try await third.waitUntilReady(api)
            let audit = try Self.run(["audit", "verify"], environment: environment)
            #expect(audit.status == 0, "\(audit.output)")
        } catch {
            Issue.record("\(error)\n\(servers.last?.output ?? "")")
        }
        for server in servers { server.stop() }
        try await holder.asyncShutdown()
        try await client.asyncShutdown()
    }

    static func letter(_ api: RemoteAPI, token: String, subject: String) async throws -> (status: HTTPStatus, code: String?, retry: String?) {
        let body = try JSONSerialization.data(withJSONObject: ["direction": "incoming", "subject": subject, "correspondent": "شرکت آزمون"])
        let response = try await api.client.send(ClientRequest(method: .POST, url: URI(string: api.base + "/api/v1/letters"),
                                                               headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                                               body: ByteBuffer(data: body), timeout: .seconds(30))).get()
        let json = response.body.flatMap { try? JSONSerialization.jsonObject(with: Data(buffer: $0)) as? [String: Any] }
        return (response.status, json?["code"] as? String, response.headers.first(name: "Retry-After"))
    }

    /// A `bimeh` command run to its end.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        var env = environment
        env["BIMEH_TODAY"] = nil // a command runs on the real date
        env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
