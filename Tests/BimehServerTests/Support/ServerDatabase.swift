@testable import BimehServer
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The database of a server run as a child process, and a reader of it from the test process.
/// A SQLite file by default; in the PostgreSQL run of the suite (`TEST_DATABASE_URL`) a database
/// of its own on that server, since the executable takes only a URL and so cannot be given a
/// fresh schema the way `TestApp` does.
struct ServerDatabase {
    /// What the server is started with: `BIMEH_SQLITE_PATH` or `DATABASE_URL`.
    let environment: [String: String]
    private let storage: AppConfig.Storage
    private let reader: Application
    private let created: (admin: String, name: String)?

    static func make(in directory: URL) async throws -> ServerDatabase {
        let reader = try await Application.make(.testing)
        do {
            guard let adminURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !adminURL.isEmpty else {
                let path = directory.appendingPathComponent("bimeh.sqlite").path
                _ = try DatabaseSetup.configure(reader, storage: .sqlite(path: path))
                return ServerDatabase(environment: ["BIMEH_SQLITE_PATH": path], storage: .sqlite(path: path), reader: reader, created: nil)
            }
            let name = "bimeh_crash_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await admin(adminURL) { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            var components = try #require(URLComponents(string: adminURL))
            components.path = "/" + name
            let url = try #require(components.string)
            _ = try DatabaseSetup.configure(reader, storage: .postgres(url: url, searchPath: nil))
            return ServerDatabase(environment: ["DATABASE_URL": url], storage: .postgres(url: url, searchPath: nil), reader: reader,
                                  created: (adminURL, String(name)))
        } catch {
            try? await reader.asyncShutdown()
            throw error
        }
    }

    /// The outbox as the server left it, oldest first.
    func events() async throws -> [RegistryEvent] {
        try await RegistryEvent.query(on: reader.db).sort(\.$createdAt).all()
    }

    /// Closes the reader and drops a database this created; the server must be stopped first.
    func remove() async {
        try? await reader.asyncShutdown()
        if let created {
            try? await Self.admin(created.admin) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: created.name) WITH (FORCE)").run() }
        }
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
