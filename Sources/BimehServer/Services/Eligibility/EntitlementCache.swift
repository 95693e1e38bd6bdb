import NIOConcurrencyHelpers

/// PostgreSQL: the persons asked about recently, with their rows, in this server's memory.
///
/// Freshness (docs/DECISIONS.md "Eligibility cache"): every commit that changes the list adds one
/// to `eligibility_version` and announces the new version, with the persons it touched, by NOTIFY.
/// `applied` is the version up to which every announcement has been applied here, in order. An
/// entry answers an inquiry only when a read of the version that began after the inquiry arrived
/// is at most `applied`; otherwise the inquiry reads the database. A missed announcement (the
/// listener's connection lost) therefore never lets an old entry answer: the version moves past
/// `applied` and stays there until the listener is back and the cache has been emptied.
final class EntitlementCache: @unchecked Sendable {
    private struct State {
        /// Two generations: a hit in `old` moves the entry to `young`; when `young` is full, `old`
        /// is dropped and `young` becomes `old` (least recently used persons leave first).
        var young: [String: [EntitlementRow]] = [:]
        var old: [String: [EntitlementRow]] = [:]
        /// Every announced change up to this version has been applied; -1 before the listener
        /// first connects, so nothing answers from memory until it has.
        var applied: Int64 = -1
        /// Source and plan names shared by many rows, stored once.
        var names: [String: String] = [:]
        var hits = 0
        var resets = 0
    }

    private let state = NIOLockedValueBox(State())
    /// Persons per generation (at most twice this many in memory).
    let generation: Int

    init(persons: Int) { generation = max(1, persons / 2) }

    /// Whether the person has an entry (that may still turn out too old to answer).
    func holds(_ key: String) -> Bool {
        state.withLockedValue { $0.young[key] != nil || $0.old[key] != nil }
    }

    /// The person's rows if every change up to `version` (read after the inquiry arrived) has
    /// been applied here.
    func rows(_ key: String, current version: Int64) -> [EntitlementRow]? {
        state.withLockedValue { s in
            guard version >= 0, version <= s.applied else { return nil }
            if let rows = s.young[key] {
                s.hits += 1
                return rows
            }
            guard let rows = s.old.removeValue(forKey: key) else { return nil }
            Self.insert(key, rows, into: &s, generation: generation)
            s.hits += 1
            return rows
        }
    }

    /// Keeps rows read in one statement together with the list's version `version`. Refused when
    /// an announcement newer than that read has already been applied: it may have removed this
    /// very person before these (older) rows arrived.
    func fill(_ key: String, _ rows: [EntitlementRow], readAt version: Int64) {
        state.withLockedValue { s in
            guard version >= s.applied else { return }
            let shared = rows.map { row in
                var row = row
                row.source = Self.intern(row.source, in: &s)
                row.plan = Self.intern(row.plan, in: &s)
                return row
            }
            Self.insert(key, shared, into: &s, generation: generation)
        }
    }

    /// Applies one announcement, `"<version> <person> <person>…"` or `"<version> *"`, in the
    /// order the database delivered them. One skipped (a gap in the versions) empties the cache.
    func apply(_ payload: String) {
        let parts = payload.split(separator: " ")
        guard let first = parts.first, let version = Int64(first) else { return }
        state.withLockedValue { s in
            guard version > s.applied else { return }
            if version != s.applied + 1 || parts.dropFirst().contains("*") {
                Self.empty(&s)
            } else {
                for person in parts.dropFirst() {
                    s.young.removeValue(forKey: String(person))
                    s.old.removeValue(forKey: String(person))
                }
            }
            s.applied = version
        }
    }

    /// The listener (re)connected and read the version `version` after it was listening: whatever
    /// was announced while it was away is unknown, so everything goes.
    func reset(listeningSince version: Int64) {
        state.withLockedValue { s in
            Self.empty(&s)
            s.applied = max(s.applied, version)
            s.resets += 1
        }
    }

    /// For tests and the benchmark: answers from memory, times emptied by a (re)connection, persons held.
    var statistics: (hits: Int, resets: Int, persons: Int, applied: Int64) {
        state.withLockedValue { ($0.hits, $0.resets, $0.young.count + $0.old.count, $0.applied) }
    }

    private static func empty(_ s: inout State) {
        s.young = [:]
        s.old = [:]
    }

    private static func insert(_ key: String, _ rows: [EntitlementRow], into s: inout State, generation: Int) {
        if s.young.count >= generation {
            s.old = s.young
            s.young = [:]
            s.young.reserveCapacity(generation)
        }
        s.young[key] = rows
    }

    private static func intern(_ name: String, in s: inout State) -> String {
        if let shared = s.names[name] { return shared }
        if s.names.count < 10_000 { s.names[name] = name }
        return name
    }
}
