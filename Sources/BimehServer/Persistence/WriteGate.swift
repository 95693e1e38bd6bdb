import Foundation

/// An async mutex. SQLite has exactly one writer at a time; letting two of this process's
/// transactions race for the write lock only produces SQLITE_BUSY deadlocks, so on SQLite every
/// write transaction passes this gate first. PostgreSQL needs no gate (row locks serialize).
actor WriteGate {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }
}
