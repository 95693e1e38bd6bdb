import Fluent
import Foundation
import Vapor

/// Delivers the central-registry outbox (R-TP-13, R-SH-11), whatever the product: oldest first, each event POSTed with its id
/// (the registry deduplicates by it), marked delivered only after a 2xx answer. A failure is
/// retried with exponential backoff (2 s, 4 s, … up to 5 minutes). Events are rows committed with
/// the change they report, so a process that dies mid-delivery loses nothing: after a restart the
/// unacknowledged events are sent again, and the registry's deduplication makes that harmless.
actor RegistryDelivery {
    private let app: Application
    private let endpoint: URI
    private let interval: Duration
    private var nextAttempt: [UUID: Date] = [:]
    private var task: Task<Void, Never>?

    init(app: Application, endpoint: String, interval: Duration = .seconds(2)) {
        self.app = app
        self.endpoint = URI(string: endpoint)
        self.interval = interval
    }

    func start() {
        guard task == nil else { return }
        task = Task { [weak self] in
            while !Task.isCancelled {
                _ = try? await self?.deliverPending()
                try? await Task.sleep(for: self?.interval ?? .seconds(2))
            }
        }
    }

    func stop() {
        task?.cancel()
        task = nil
    }

    /// One pass over the pending events; returns how many were delivered.
    @discardableResult
    func deliverPending(limit: Int = 100) async throws -> Int {
        let pending = try await RegistryEvent.query(on: app.db).filter(\.$deliveredAt == nil).sort(\.$createdAt).limit(limit).all()
        var delivered = 0
        let now = app.bimeh.clock.now()
        for event in pending {
            let id = try event.requireID()
            if let due = nextAttempt[id], due > now { continue }
            do {
                let response = try await app.client.post(endpoint) { request in
                    // a registry that accepts and never answers must not hold the outbox forever
                    request.timeout = .seconds(30)
                    request.headers.set(.contentType, "application/json")
                    request.headers.set("Idempotency-Key", event.eventID.uuidString)
                    request.body = ByteBuffer(string: #"{"eventId":"\#(event.eventID.uuidString)","kind":"\#(event.kind)","data":\#(event.payload)}"#)
                }
                guard (200..<300).contains(response.status.code) else { throw Abort(response.status) }
                try await mark(id, error: nil)
                nextAttempt[id] = nil
                delivered += 1
            } catch {
                let attempts = try await mark(id, error: String(describing: error).prefix(500).description)
                nextAttempt[id] = now.addingTimeInterval(min(300, pow(2, Double(min(attempts, 9)))))
            }
        }
        return delivered
    }

    /// Records the outcome of an attempt; returns the attempts so far.
    @discardableResult
    private func mark(_ id: UUID, error: String?) async throws -> Int {
        try await app.bimeh.store.write(on: app.db, actor: .system("registry-delivery"), requestID: nil) { work in
            guard let event = try await RegistryEvent.find(id, on: work.db) else { return 0 }
            event.attempts += 1
            if let error { event.lastError = error } else { event.deliveredAt = work.now }
            try await event.save(on: work.db)
            return event.attempts
        }
    }
}

/// Starts and stops the delivery with the application when a registry endpoint is configured.
struct RegistryDeliveryLifecycle: LifecycleHandler {
    let delivery: RegistryDelivery

    func didBootAsync(_ application: Application) async throws { await delivery.start() }
    func shutdownAsync(_ application: Application) async { await delivery.stop() }
}
