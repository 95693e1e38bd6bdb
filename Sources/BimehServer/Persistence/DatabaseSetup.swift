import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import SQLKit

/// Which engine Bimeh runs on; a few statements differ between them.
public enum Engine: String, Sendable {
    case sqlite, postgres
}

enum DatabaseSetup {
    /// How long a SQLite write waits for another process's write lock.
    static let busyTimeoutMilliseconds = 5_000

    static func configure(_ app: Application, storage: AppConfig.Storage) throws -> Engine {
        switch storage {
        case .sqlite(let path):
            app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .sqlite)
            return .sqlite
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            // Writers queue on the audit chain's lock while holding a connection, so a burst of
            // writes can wait a while for one; 30 s rather than the driver's 10 s before giving up.
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 8,
                                        connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace), as: .psql)
            return .postgres
        }
    }

    /// SQLite: write-ahead log so readers never wait for the writer. `synchronous` is per
    /// connection, so it is set on the pooled connection of every event loop: in WAL mode NORMAL
    /// syncs at checkpoints rather than at every commit (a power cut may lose the last commits, a
    /// crash of the process loses nothing). A connection the pool opens later keeps SQLite's safer
    /// default.
    static func prepare(_ app: Application, engine: Engine) async throws {
        guard engine == .sqlite else { return }
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            // another process writing (a command while `serve` runs) is waited for, with a sleep
            // between tries, up to this long; then the request answers 503 (database-busy)
            try await sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        }
    }
}
