@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Logging
import SQLKit
import Testing
import VaporTesting

/// Runs a test against a fresh database: a temporary SQLite file by default, or a schema of its
/// own in the PostgreSQL database named by `TEST_DATABASE_URL`, so the same suite covers both
/// engines and tests can run in parallel without seeing each other's rows.
enum TestApp {
    static let today = try! JalaliDate(year: 1405, month: 1, day: 10)

    static var engineUnderTest: Engine {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { $0.isEmpty ? .sqlite : .postgres } ?? .sqlite
    }

    /// Warnings and errors only: a failing test's output should show its problem, not every request.
    private static let quietLogs: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
    }()

    /// PostgreSQL allows a fixed number of clients (300 in CI) and each app pools up to 8 per
    /// event loop: at most this many PostgreSQL test apps are alive at once.
    private static let postgresApps = TestGate(permits: 12)

    /// Every test ends with its business rows matching the audit trail (`audit verify --deep`),
    /// unless it edits the database behind Bimeh's back on purpose (`tampers`).
    static func run(seedDemo: Bool = true, tampers: Bool = false, adjust: (inout AppConfig) -> Void = { _ in }, _ test: (Application) async throws -> Void) async throws {
        guard engineUnderTest == .postgres else { return try await runApp(seedDemo: seedDemo, tampers: tampers, adjust: adjust, test) }
        await postgresApps.acquire()
        do {
            try await runApp(seedDemo: seedDemo, tampers: tampers, adjust: adjust, test)
        } catch {
            await postgresApps.release()
            throw error
        }
        await postgresApps.release()
    }

    private static func runApp(seedDemo: Bool, tampers: Bool, adjust: (inout AppConfig) -> Void, _ test: (Application) async throws -> Void) async throws {
        _ = quietLogs
        let env = ProcessInfo.processInfo.environment
        let storage: AppConfig.Storage
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        var sqlitePath: String?
        if let url = env["TEST_DATABASE_URL"], !url.isEmpty {
            storage = .postgres(url: url, searchPath: [String(schema)])
        } else {
            let path = NSTemporaryDirectory() + "bimeh-test-\(UUID().uuidString).sqlite"
            sqlitePath = path
            storage = .sqlite(path: path)
        }
        var config = AppConfig(storage: storage, demo: true, fixedToday: today, bcryptCost: 4)
        config.sms = .recording(RecordingSMSGateway())
        adjust(&config)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: config)
            if case .postgres = storage, let sql = app.db as? any SQLDatabase {
                try await sql.raw("CREATE SCHEMA \(unsafeRaw: String(schema))").run()
            }
            try await app.autoMigrate()
            if seedDemo { try await DemoData.seed(app, samplePolicy: false) }
            try await test(app)
            if !tampers {
                let findings = try await RowSealVerifier.verify(on: app.db)
                #expect(findings.isEmpty, "business rows out of step with the audit trail: \(findings.prefix(5))")
            }
        } catch {
            await cleanUp(app, storage: storage, schema: String(schema), sqlitePath: sqlitePath)
            throw error
        }
        await cleanUp(app, storage: storage, schema: String(schema), sqlitePath: sqlitePath)
    }

    private static func cleanUp(_ app: Application, storage: AppConfig.Storage, schema: String, sqlitePath: String?) async {
        if case .postgres = storage, let sql = app.db as? any SQLDatabase {
            try? await sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
        }
        try? await app.asyncShutdown()
        if let sqlitePath {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
        }
    }
}

extension TestApp {
    /// A test fixture changed a row directly (moving a date back): its new state is sealed the way
    /// an authorised data correction would be, in a unit of work of its own.
    /// A row a test needs that no command makes (a second agency's agent), stored in a unit of
    /// work so it is sealed like any other.
    static func fixture<M: Model>(_ app: Application, _ model: M) async throws {
        try await app.bimeh.store.write(on: app.db, actor: .system("test-fixture"), requestID: nil) { work in
            try await model.create(on: work.db)
        }
    }

    static func reseal(_ app: Application, _ entity: String, _ id: UUID) async throws {
        try await app.bimeh.store.write(on: app.db, actor: .system("test-fixture"), requestID: nil) { work in
            work.touched.add(entity: entity, id: id.uuidString)
        }
    }
}

/// A counting semaphore for async tests.
actor TestGate {
    private var permits: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) { self.permits = permits }

    func acquire() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            permits += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
