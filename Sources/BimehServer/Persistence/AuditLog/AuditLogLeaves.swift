import Fluent
import SQLKit

/// The audit records as Merkle leaves: each leaf is the record's own hash (which covers its
/// content and its predecessor), read by plain SQL in seq order, a few thousand at a time.
enum AuditLogLeaves {
    struct Gap: Error, CustomStringConvertible {
        var expected: Int
        var description: String { "audit record \(expected) is missing" }
    }

    static let batch = 5_000

    /// Leaf hashes of records `from` … `through` (1-based, inclusive); throws at a missing seq.
    /// `visit` sees each record's seq, hash and previous hash as they stream past.
    static func read(on db: any Database, from: Int, through: Int,
                     visit: (_ seq: Int, _ hash: String, _ prevHash: String) throws -> Void = { _, _, _ in }) async throws -> [MerkleTree.Hash] {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        var leaves: [MerkleTree.Hash] = []
        leaves.reserveCapacity(max(0, through - from + 1))
        var next = from
        while next <= through {
            let upper = min(through, next + batch - 1)
            let rows = try await sql.raw("""
                SELECT seq, hash, prev_hash FROM audit_records WHERE seq >= \(bind: next) AND seq <= \(bind: upper) ORDER BY seq
                """).all()
            for row in rows {
                let seq = try row.decode(column: "seq", as: Int.self)
                guard seq == next else { throw Gap(expected: next) }
                let hash = try row.decode(column: "hash", as: String.self)
                try visit(seq, hash, try row.decode(column: "prev_hash", as: String.self))
                leaves.append(leaf(hash))
                next += 1
            }
            if next <= upper { throw Gap(expected: next) }
        }
        return leaves
    }

    /// A record's leaf: RFC 6962's leaf hash of the 32 bytes of its hash.
    static func leaf(_ recordHash: String) -> MerkleTree.Hash {
        MerkleTree.leafHash(Hex.decode(recordHash) ?? Array(recordHash.utf8))
    }

    /// The number of records written so far (the chain head's count).
    static func count(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let head = try await sql.raw("SELECT last_seq FROM audit_chain WHERE id = 1").first() else {
            throw Registers.RegisterError.counterMissing
        }
        return try head.decode(column: "last_seq", as: Int.self)
    }
}
