import NIOConcurrencyHelpers

/// One read of the eligibility list's version serves every inquiry that arrived before it was
/// sent: an inquiry joins the next read, never one already on its way (whose snapshot could
/// predate a commit the inquiry must see). Under load one statement answers dozens of
/// inquiries; alone, an inquiry waits for one round trip.
///
/// Reads start at most every `spacing`: under load a read waits that long for more inquiries to
/// share it (each waits at most that much longer), which keeps the database's share of the two
/// cores small; an inquiry that comes alone is not delayed.
final class VersionGate<Context: Sendable>: @unchecked Sendable {
    typealias Waiter = CheckedContinuation<Int64, any Error>
    private struct State {
        var running = false
        var waiting: [Waiter] = []
        var context: Context?
        var reads = 0
    }
    private let state = NIOLockedValueBox(State())
    private let spacing: Duration
    private let read: @Sendable (Context) async throws -> Int64

    init(spacing: Duration = .microseconds(500), read: @escaping @Sendable (Context) async throws -> Int64) {
        self.spacing = spacing
        self.read = read
    }

    /// The version as read by a statement sent after this call began (with `context`, the
    /// database, or that of another inquiry of the same batch).
    func version(with context: Context) async throws -> Int64 {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let start = state.withLockedValue { s -> Bool in
                s.waiting.append(waiter)
                s.context = context
                if s.running { return false }
                s.running = true
                return true
            }
            if start { Task { await self.run() } }
        }
    }

    /// Reads sent so far (the benchmark's inquiries per read).
    var reads: Int { state.withLockedValue { $0.reads } }

    private func run() async {
        let clock = ContinuousClock()
        while true {
            let started = clock.now
            // taken before the read is sent: each of these arrived before it
            let (batch, context) = state.withLockedValue { s -> ([Waiter], Context?) in
                defer {
                    s.waiting = []
                    s.context = nil
                    s.reads += 1
                }
                return (s.waiting, s.context)
            }
            do {
                guard let context else { throw CancellationError() }
                let version = try await read(context)
                for waiter in batch { waiter.resume(returning: version) }
            } catch {
                for waiter in batch { waiter.resume(throwing: error) }
            }
            let more = state.withLockedValue { s -> Bool in
                if s.waiting.isEmpty { s.running = false }
                return s.running
            }
            if !more { return }
            let next = started.advanced(by: spacing)
            if clock.now < next { try? await clock.sleep(until: next) }
        }
    }
}
