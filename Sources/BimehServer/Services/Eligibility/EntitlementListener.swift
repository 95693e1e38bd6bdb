import Logging
import Vapor
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit

/// PostgreSQL: a connection of its own that LISTENs for the eligibility list's announcements and
/// applies them to the cache, in the order the database delivers them. When the connection is
/// lost it connects again, listens, reads the version and empties the cache: what was announced
/// meanwhile is unknown. Until then the version moves past what the cache has applied, so no
/// inquiry answers from memory (EntitlementCache).
final class EntitlementListener: @unchecked Sendable {
    private struct State {
        var task: Task<Void, Never>?
        var connection: PostgresConnection?
        var backendPID: Int32?
        var stopped = false
    }

    private let url: String
    private let searchPath: [String]?
    private let cache: EntitlementCache
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    init(url: String, searchPath: [String]?, cache: EntitlementCache, logger: Logger) {
        self.url = url
        self.searchPath = searchPath
        self.cache = cache
        self.logger = logger
    }

    /// Starts listening on the first inquiry (a command that never asks opens no connection).
    func start(on eventLoop: any EventLoop) {
        state.withLockedValue { s in
            guard s.task == nil, !s.stopped else { return }
            s.task = Task { await self.run(on: eventLoop) }
        }
    }

    /// The listening backend's process id, once connected (tests end it to lose notifications).
    var backendPID: Int32? { state.withLockedValue { $0.backendPID } }

    func stop() async {
        let (task, connection) = state.withLockedValue { s in
            s.stopped = true
            return (s.task, s.connection)
        }
        task?.cancel()
        try? await connection?.close()
        await task?.value
    }

    private func run(on eventLoop: any EventLoop) async {
        // the pool already connects with this URL; if it could not be read, nothing answers from memory
        guard let configuration = try? SQLPostgresConfiguration(url: url).coreConfiguration else {
            logger.error("eligibility listener: the database URL cannot be read")
            return
        }
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 0, logger: logger)
                let keep = state.withLockedValue { s in
                    if !s.stopped { s.connection = connection }
                    return !s.stopped
                }
                if keep {
                    do { try await listen(on: connection) } catch { logger.info("eligibility listener: \(error)") }
                }
                state.withLockedValue { s in
                    s.connection = nil
                    s.backendPID = nil
                }
                try? await connection.close()
                if !keep { return }
            } catch {
                logger.warning("eligibility listener cannot connect: \(error)")
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    private func listen(on connection: PostgresConnection) async throws {
        if let searchPath, !searchPath.isEmpty {
            let path = searchPath.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ", ")
            _ = try await connection.query(PostgresQuery(unsafeSQL: "SET search_path TO " + path), logger: logger)
        }
        var schema = "public"
        for try await (name, pid) in try await connection.query("SELECT current_schema(), pg_backend_pid()", logger: logger).decode((String, Int32).self) {
            schema = name
            state.withLockedValue { $0.backendPID = pid }
        }
        try await connection.listen(on: EligibilityChanges.channelPrefix + schema) { notifications in
            // read after LISTEN took effect: every later commit is announced on this connection
            var version: Int64?
            for try await value in try await connection.query("SELECT version FROM eligibility_version WHERE id = 1", logger: logger).decode(Int64.self) {
                version = value
            }
            guard let version else { return }
            cache.reset(listeningSince: version)
            for try await notification in notifications { cache.apply(notification.payload) }
        }
    }
}

/// Closes the listening connection when the application stops.
struct EntitlementListenerLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await (application.bimeh.entitlements as? CachedEntitlementReader)?.listener.stop()
    }
}
