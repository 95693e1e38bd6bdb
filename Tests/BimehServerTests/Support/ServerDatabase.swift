@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The database of a server run as a child process, and a reader of it from the test process.
/// A SQLite file by default. In the PostgreSQL run of the suite (`TEST_DATABASE_URL`) the
/// executable takes only a URL, so it cannot be given a fresh schema the way `TestApp` does: it
/// gets a database of its own on that server (`bimeh_crash_test` unless the test names another, so
/// that two crash tests running at once do not empty each other's), created once and emptied at each
/// start (creating and dropping a database forces checkpoints, which take tens of seconds while
/// the rest of the suite writes).
struct ServerDatabase {
    /// What the server is started with: `BIMEH_SQLITE_PATH` or `DATABASE_URL`.
    let environment: [String: String]
    private let reader: Application

    /// What a test's `bimeh serve --demo` runs with: this database, the demo's day, cheap password
    /// hashes and the SMS log in the test's directory.
    func serverEnvironment(in directory: URL) -> [String: String] {
        var environment = self.environment
        environment["BIMEH_TODAY"] = "1405/01/10"
        environment["BIMEH_BCRYPT_COST"] = "4"
        environment["BIMEH_SMS_LOG"] = directory.appendingPathComponent("sms.log").path
        return environment
    }

    static func make(in directory: URL, postgresName name: String = "bimeh_crash_test") async throws -> ServerDatabase {
        let reader = try await Application.make(.testing)
        do {
            guard let adminURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !adminURL.isEmpty else {
                let path = directory.appendingPathComponent("bimeh.sqlite").path
                _ = try DatabaseSetup.configure(reader, storage: .sqlite(path: path))
                return ServerDatabase(environment: ["BIMEH_SQLITE_PATH": path], reader: reader)
            }
            try await admin(adminURL) { sql in
                let exists = try await sql.raw("SELECT 1 AS found FROM pg_database WHERE datname = \(bind: name)").all().isEmpty == false
                if !exists { try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            }
            var components = try #require(URLComponents(string: adminURL))
            components.path = "/" + name
            let url = try #require(components.string)
            _ = try DatabaseSetup.configure(reader, storage: .postgres(url: url, searchPath: nil))
            let sql = try #require(reader.db as? any SQLDatabase)
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
            return ServerDatabase(environment: ["DATABASE_URL": url], reader: reader)
        } catch {
            try? await reader.asyncShutdown()
            throw error
        }
    }

    /// The server's database, read from the test process.
    var db: any Database { reader.db }

    /// The outbox as the server left it, oldest first.
    func events() async throws -> [RegistryEvent] {
        try await RegistryEvent.query(on: reader.db).sort(\.$createdAt).all()
    }

    /// Closes the reader; the server must be stopped first. A SQLite file goes with its directory.
    func close() async {
        try? await reader.asyncShutdown()
    }

    private static func admin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            _ = try DatabaseSetup.configure(app, storage: .postgres(url: url, searchPath: nil))
            try await body(try #require(app.db as? any SQLDatabase))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
