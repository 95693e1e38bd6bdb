import NIOConcurrencyHelpers
import PostgresKit

/// One read of the eligibility list's version serves every inquiry that arrived before it was
/// sent: an inquiry joins the next read, never one already on its way (whose snapshot could
/// predate a commit the inquiry must see). Under load one statement answers dozens of
/// inquiries; alone, an inquiry waits for one round trip.
final class VersionGate: @unchecked Sendable {
    typealias Waiter = CheckedContinuation<Int64, any Error>
    private let state = NIOLockedValueBox<(running: Bool, waiting: [Waiter], db: (any PostgresDatabase)?)>((false, [], nil))
    private let read: @Sendable (any PostgresDatabase) async throws -> Int64

    init(read: @escaping @Sendable (any PostgresDatabase) async throws -> Int64) { self.read = read }

    /// The version as read by a statement sent after this call began (on `db` or on the
    /// database of another inquiry of the same batch).
    func version(on db: any PostgresDatabase) async throws -> Int64 {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let start = state.withLockedValue { s -> Bool in
                s.waiting.append(waiter)
                s.db = db
                if s.running { return false }
                s.running = true
                return true
            }
            if start { Task { await self.run() } }
        }
    }

    private func run() async {
        while true {
            // taken before the read is sent: each of these arrived before it
            let (batch, db) = state.withLockedValue { s -> ([Waiter], (any PostgresDatabase)?) in
                defer { s.waiting = []; s.db = nil }
                return (s.waiting, s.db)
            }
            do {
                guard let db else { throw CancellationError() }
                let version = try await read(db)
                for waiter in batch { waiter.resume(returning: version) }
            } catch {
                for waiter in batch { waiter.resume(throwing: error) }
            }
            let more = state.withLockedValue { s -> Bool in
                if s.waiting.isEmpty { s.running = false }
                return s.running
            }
            if !more { return }
        }
    }
}
