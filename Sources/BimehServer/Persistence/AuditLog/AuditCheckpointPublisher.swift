import Fluent
import SQLKit
import Vapor

/// A serving process signs a checkpoint of the audit log every so often (when anything was
/// written since the last one) and once more when it stops. On PostgreSQL several servers
/// may share a database; the one holding the advisory lock publishes, the others skip the turn.
actor AuditCheckpointPublisher {
    private let app: Application
    private let interval: Duration
    private var task: Task<Void, Never>?

    /// pg_try_advisory_xact_lock's first key ("bchk" in ASCII); the second is the schema's, so
    /// installations sharing one PostgreSQL database in separate schemas publish independently.
    static let lockKey: Int32 = 0x6263_686B

    init(app: Application, every interval: Duration) {
        self.app = app
        self.interval = interval
    }

    func start() {
        guard task == nil else { return }
        task = Task { [weak self] in
            while !Task.isCancelled {
                await self?.publishOnce()
                try? await Task.sleep(for: self?.interval ?? .seconds(60))
            }
        }
    }

    func stop() async {
        task?.cancel()
        task = nil
        await publishOnce()
    }

    func publishOnce() async {
        do {
            try await AuditCheckpointPublisher.publish(app: app)
        } catch {
            app.logger.warning("audit checkpoint not published: \(error)")
        }
    }

    /// One checkpoint, under the publishers' lock on PostgreSQL.
    @discardableResult
    static func publish(app: Application) async throws -> AuditCheckpoint? {
        let key = app.bimeh.config.auditSigningKey
        let now = app.bimeh.clock.now()
        guard case .postgres = app.bimeh.config.storage else {
            return try await AuditCheckpoints.publish(on: app.db, key: key, now: now)
        }
        return try await app.db.transaction { db in
            guard let sql = db as? any SQLDatabase,
                  let row = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: lockKey), hashtext(current_schema())) AS held").first(),
                  try row.decode(column: "held", as: Bool.self) else { return nil }
            return try await AuditCheckpoints.publish(on: db, key: key, now: now)
        }
    }
}

struct AuditCheckpointLifecycle: LifecycleHandler {
    let publisher: AuditCheckpointPublisher

    func didBootAsync(_ application: Application) async throws { await publisher.start() }
    func shutdownAsync(_ application: Application) async { await publisher.stop() }
}
