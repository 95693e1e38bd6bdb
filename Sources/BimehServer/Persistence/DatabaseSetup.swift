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
    static func configure(_ app: Application, storage: AppConfig.Storage) throws -> Engine {
        switch storage {
        case .sqlite(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
            return .sqlite
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = searchPath
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace), as: .psql)
            return .postgres
        }
    }

    /// SQLite: write-ahead log so readers never wait for the writer; foreign keys on.
    static func prepare(_ db: any Database, engine: Engine) async throws {
        guard engine == .sqlite, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
