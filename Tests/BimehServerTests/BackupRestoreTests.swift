@testable import BimehServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

/// #17: `bimeh backup FILE` while the server takes writes, then `bimeh restore FILE`: the restored
/// database is one instant's state — every letter answered before the backup began is in it, the
/// audit chain verifies, and the server starts on it. On the engine the suite runs on.
@Suite("Backup under load and restore")
struct BackupRestoreTests {
    @Test("a backup taken while 4 clients write restores to a database whose audit trail verifies and that serves again")
    func backupUnderLoad() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path),
                     "\(ServerProcess.binary.path) is missing: run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory, postgresName: "bimeh_backup_test")
        let client = try await Application.make(.testing)
        var servers: [ServerProcess] = []
        var databaseOpen = true
        do {
            let environment = database.serverEnvironment(in: directory)
            let port = try ServerProcess.freePort()
            let api = RemoteAPI(client: client.client, base: "http://127.0.0.1:\(port)")
            let server = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("serve.log"))
            servers.append(server)
            try await server.waitUntilReady(api)
            let token = try await api.token("issuer")

            let answered = NIOLockedValueBox<Int>(0)
            let stop = NIOLockedValueBox<Bool>(false)
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for c in 0..<4 {
                        group.addTask {
                            var n = 0
                            while !stop.withLockedValue({ $0 }) {
                                n += 1
                                let res = try await SQLiteSharingTests.letter(api, token: token, subject: "نامهٔ پشتیبان \(c)-\(n)")
                                #expect(res.status == .created)
                                answered.withLockedValue { $0 += 1 }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            try await RegistryCrashTests.waitFor("20 letters answered", timeout: .seconds(60), output: server) { answered.withLockedValue { $0 } >= 20 }
            let beforeBackup = answered.withLockedValue { $0 }
            let file = directory.appendingPathComponent("backup.db").path
            let backup = try SQLiteSharingTests.run(["backup", file], environment: environment)
            #expect(backup.status == 0, "\(backup.output)")
            try await RegistryCrashTests.waitFor("more letters after the backup", timeout: .seconds(60), output: server) {
                answered.withLockedValue { $0 } >= beforeBackup + 20
            }
            stop.withLockedValue { $0 = true }
            try await writers.value
            let total = try await Self.letters(environment)
            #expect(total >= beforeBackup + 20)
            let again = try SQLiteSharingTests.run(["backup", file], environment: environment)
            #expect(again.status == 1 && again.output.contains("backup-exists"), "\(again.output)")

            if environment["BIMEH_SQLITE_PATH"] != nil {
                let whileServing = try SQLiteSharingTests.run(["restore", file], environment: environment)
                #expect(whileServing.status == 1 && whileServing.output.contains("database-in-use"), "\(whileServing.output)")
            }
            server.stop()
            await database.close()
            databaseOpen = false

            let restore = try SQLiteSharingTests.run(["restore", file], environment: environment)
            #expect(restore.status == 0, "\(restore.output)")
            let restored = try await Self.letters(environment)
            #expect(restored >= beforeBackup && restored < total, "answered before the backup \(beforeBackup), restored \(restored), written \(total)")
            let audit = try SQLiteSharingTests.run(["audit", "verify"], environment: environment)
            #expect(audit.status == 0 && audit.output.contains("intact"), "\(audit.output)")

            let next = try ServerProcess.start(port: port, environment: environment, log: directory.appendingPathComponent("restored.log"))
            servers.append(next)
            try await next.waitUntilReady(api)
            #expect(try await SQLiteSharingTests.letter(api, token: try await api.token("issuer"), subject: "پس از بازگردانی").status == .created)
        } catch {
            Issue.record("\(error)\n\(servers.last?.output ?? "")")
        }
        for server in servers { server.stop() }
        if databaseOpen { await database.close() }
        try await client.asyncShutdown()
    }

    /// A backup taken while serving on PostgreSQL can hold records committed but not yet chained
    /// (R-G-07): nothing drains a restored database until a server starts, so `restore` chains
    /// them, and `audit verify` right after it finds the log intact instead of a stale queue.
    @Test("R-G-07 PostgreSQL: a record the backup held unnumbered is chained by the restore, and the restored log verifies at once",
          .enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]?.isEmpty == false))
    func restoreChainsPending() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path), "run `swift build --build-tests` first")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bimeh-backup-pending-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await ServerDatabase.make(in: directory, postgresName: "bimeh_backup_pending_test")
        let environment = database.serverEnvironment(in: directory)
        do {
            let first = try SQLiteSharingTests.run(["audit", "verify"], environment: environment) // migrates
            #expect(first.status == 0, "\(first.output)")
            // a record written a minute ago whose sequencing the backup overtook
            try await Self.withSQL(environment) { sql in
                try await sql.raw("""
                    INSERT INTO audit_pending (at, actor_name, action, entity, entity_id, appended_at)
                    VALUES (\(bind: AuditTrail.timestamp(Date().addingTimeInterval(-60))), 'test', 'test.pending', 'test', 'p',
                            clock_timestamp() - interval '60 seconds')
                    """).run()
            }
            let stale = try SQLiteSharingTests.run(["audit", "verify"], environment: environment)
            #expect(stale.status == 1 && stale.output.contains("waited"), "\(stale.output)")
            let file = directory.appendingPathComponent("pending.backup").path
            let backup = try SQLiteSharingTests.run(["backup", file], environment: environment)
            #expect(backup.status == 0, "\(backup.output)")
            let restore = try SQLiteSharingTests.run(["restore", file], environment: environment)
            #expect(restore.status == 0 && restore.output.contains("Chained 1 audit records"), "\(restore.output)")
            let audit = try SQLiteSharingTests.run(["audit", "verify"], environment: environment)
            #expect(audit.status == 0 && audit.output.contains("intact"), "\(audit.output)")
        } catch {
            Issue.record("\(error)")
        }
        await database.close()
    }

    static func withSQL(_ environment: [String: String], _ body: (any SQLDatabase) async throws -> Void) async throws {
        let reader = try await Application.make(.testing)
        do {
            _ = try DatabaseSetup.configure(reader, storage: .postgres(url: environment["DATABASE_URL"] ?? "", searchPath: nil))
            try await body(try #require(reader.db as? any SQLDatabase))
            try await reader.asyncShutdown()
        } catch {
            try? await reader.asyncShutdown()
            throw error
        }
    }

    /// Letters in the server's database, read by a connection opened now (a restored SQLite file
    /// is a new file: connections opened before still see the old one).
    static func letters(_ environment: [String: String]) async throws -> Int {
        let reader = try await Application.make(.testing)
        do {
            let storage: AppConfig.Storage = environment["BIMEH_SQLITE_PATH"].map { .sqlite(path: $0) }
                ?? .postgres(url: environment["DATABASE_URL"] ?? "", searchPath: nil)
            _ = try DatabaseSetup.configure(reader, storage: storage)
            let count = try await Letter.query(on: reader.db).count()
            try await reader.asyncShutdown()
            return count
        } catch {
            try? await reader.asyncShutdown()
            throw error
        }
    }
}
