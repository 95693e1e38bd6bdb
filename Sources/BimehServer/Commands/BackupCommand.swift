import Fluent
import Foundation
import SQLKit
import Vapor

/// `bimeh backup FILE`: a consistent copy of the whole database while the server keeps serving.
/// SQLite: `VACUUM INTO`, one read transaction, so writers go on and the copy is one instant's
/// state. PostgreSQL: `pg_dump` in its custom format (one snapshot as well).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the backup; it must not exist yet")
        var file: String
        init() {}
    }

    var help: String { "Copy the whole database to FILE while serving (restore it with `bimeh restore FILE`)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let target = URL(fileURLWithPath: signature.file).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            context.console.error("backup-exists: \(target) already exists; name a new file.")
            throw ExitCode(1)
        }
        switch app.bimeh.config.storage {
        case .sqlite:
            let sql = try requireSQL(app.db)
            try await sql.raw("VACUUM INTO \(bind: target)").run()
        case .postgres(let url, let searchPath):
            var arguments = ["--format=custom", "--no-owner", "--file", target]
            for schema in searchPath ?? [] { arguments += ["--schema", schema] }
            try DatabaseTool.run("pg_dump", arguments + ["--dbname", url], console: context.console)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        context.console.print("Backup written: \(target) (\(size) bytes). Check it with `bimeh restore` into a scratch database and `bimeh audit verify`.")
    }
}

/// `bimeh restore FILE`: replaces the whole database with a backup. Runs before the application
/// opens the database (see BimehMain), and never while a server holds the SQLite file.
enum RestoreDatabase {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(file: String, storage: AppConfig.Storage) throws -> String {
        let source = URL(fileURLWithPath: file).standardizedFileURL.path
        guard FileManager.default.isReadableFile(atPath: source) else {
            throw Failure(description: "backup-not-found: \(source) cannot be read")
        }
        switch storage {
        case .sqlite(let path):
            try restoreSQLite(from: source, to: path)
            return "Restored \(path) from \(source)."
        case .postgres(let url, _):
            try DatabaseTool.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, source], console: nil)
            return "Restored the PostgreSQL database from \(source)."
        }
    }

    /// The backup is checked to be a SQLite file, copied beside the database, and renamed over it:
    /// a crash leaves either the old database or the new one, never half of each.
    static func restoreSQLite(from source: String, to path: String) throws {
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: source)).read(upToCount: 16) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw Failure(description: "backup-invalid: \(source) is not a SQLite database")
        }
        // a running server would keep writing to the file it has open: refuse while one holds it
        let lock: SQLiteServeLock
        do { lock = try SQLiteServeLock.acquire(path: path) } catch {
            throw Failure(description: "\(error) — stop the server before restoring")
        }
        let staging = path + ".restoring"
        let files = FileManager.default
        try? files.removeItem(atPath: staging)
        try files.copyItem(atPath: source, toPath: staging)
        // the old database's write-ahead log must not be replayed onto the restored file
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: path + suffix) }
        guard rename(staging, path) == 0 else {
            throw Failure(description: "restore-failed: could not move the restored file into place (\(String(cString: strerror(errno))))")
        }
        withExtendedLifetime(lock) {}
    }
}

/// A PostgreSQL client program (`pg_dump`, `pg_restore`) run to its end.
enum DatabaseTool {
    static func run(_ tool: String, _ arguments: [String], console: (any Console)?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw RestoreDatabase.Failure(description: "\(tool)-missing: \(tool) could not be started (install PostgreSQL's client programs)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RestoreDatabase.Failure(description: "\(tool)-failed (exit \(process.terminationStatus)): \(String(decoding: output.suffix(2000), as: UTF8.self))")
        }
    }
}

private func requireSQL(_ db: any Database) throws -> any SQLDatabase {
    guard let sql = db as? any SQLDatabase else { throw RestoreDatabase.Failure(description: "the database does not speak SQL") }
    return sql
}
