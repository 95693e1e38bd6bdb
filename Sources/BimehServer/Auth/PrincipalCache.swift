import Foundation
import Synchronization

/// Recently resolved bearer tokens, so that an API client's every request does not cost two
/// database reads. Entries live a short while (`ttl`); a token revoked through this process is
/// dropped at once, and one revoked elsewhere stops working within `ttl`. Expiry is still
/// checked against the clock on every use.
final class PrincipalCache: Sendable {
    struct Entry: Sendable {
        let principal: Principal
        let expiresAt: Date
        let cachedAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let ttl: TimeInterval
    let capacity: Int

    init(ttl: TimeInterval = 30, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func get(_ tokenHash: String, now: Date) -> Principal? {
        entries.withLock { map in
            guard let entry = map[tokenHash] else { return nil }
            guard entry.expiresAt > now, now.timeIntervalSince(entry.cachedAt) < ttl else {
                map[tokenHash] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// `now` is the clock's: the entry lives `ttl` seconds from it.
    func put(_ tokenHash: String, _ principal: Principal, expiresAt: Date, now: Date) {
        entries.withLock { map in
            if map.count >= capacity { map.removeAll(keepingCapacity: true) }
            map[tokenHash] = Entry(principal: principal, expiresAt: expiresAt, cachedAt: now)
        }
    }

    func remove(tokenID: UUID) {
        entries.withLock { map in
            for (key, entry) in map where entry.principal.tokenID == tokenID { map[key] = nil }
        }
    }
}
