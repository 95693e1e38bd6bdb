import Fluent
import Foundation
import SQLKit

/// Publishing and reading the signed checkpoints of the audit log. A new checkpoint extends
/// the last one's Merkle frontier by the records written since, so publishing costs what was
/// written, not the whole log. Any number of processes may publish: a checkpoint is keyed by
/// its tree size and the second writer of a size keeps the first one's.
enum AuditCheckpoints {
    struct Stored: Sendable {
        var checkpoint: AuditCheckpoint
        var frontier: MerkleFrontier
    }

    static func latest(on db: any Database) async throws -> Stored? {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let row = try await sql.raw("""
            SELECT tree_size, root_hash, at, public_key, signature, frontier FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1
            """).first() else { return nil }
        return try stored(row)
    }

    /// The newest checkpoint covering `seq`… that is, the latest one, when it covers it.
    static func covering(_ seq: Int, on db: any Database) async throws -> Stored? {
        guard let latest = try await latest(on: db), latest.checkpoint.treeSize >= seq else { return nil }
        return latest
    }

    static func at(treeSize: Int, on db: any Database) async throws -> Stored? {
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let row = try await sql.raw("""
            SELECT tree_size, root_hash, at, public_key, signature, frontier FROM audit_checkpoints WHERE tree_size = \(bind: treeSize)
            """).first() else { return nil }
        return try stored(row)
    }

    private static func stored(_ row: any SQLRow) throws -> Stored {
        let checkpoint = AuditCheckpoint(treeSize: try row.decode(column: "tree_size", as: Int.self),
                                         rootHash: try row.decode(column: "root_hash", as: String.self),
                                         at: try row.decode(column: "at", as: String.self),
                                         publicKey: try row.decode(column: "public_key", as: String.self),
                                         signature: try row.decode(column: "signature", as: String.self))
        let frontier = try JSONDecoder().decode(MerkleFrontier.self, from: Data(try row.decode(column: "frontier", as: String.self).utf8))
        return Stored(checkpoint: checkpoint, frontier: frontier)
    }

    /// Signs a checkpoint over every record written so far; nil when none was written since the
    /// last one. The records since are checked to follow each other (seq and hash link) on the way.
    @discardableResult
    static func publish(on db: any Database, key: AuditSigningKey, now: Date) async throws -> AuditCheckpoint? {
        let last = try await latest(on: db)
        var frontier = last?.frontier ?? MerkleFrontier()
        let size = try await AuditLogLeaves.count(on: db)
        guard size > frontier.size else { return nil }
        var previous = try await previousHash(before: frontier.size + 1, on: db)
        let leaves = try await AuditLogLeaves.read(on: db, from: frontier.size + 1, through: size) { seq, hash, prevHash in
            guard prevHash == previous else { throw ChainBroken(seq: seq) }
            previous = hash
        }
        for leaf in leaves { frontier.append(leaf) }
        let checkpoint = try AuditCheckpoint.sign(treeSize: frontier.size, root: frontier.root, at: AuditTrail.timestamp(now), key: key.key)
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        let frontierJSON = String(decoding: try JSONEncoder().encode(frontier), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO audit_checkpoints (tree_size, root_hash, at, public_key, signature, frontier)
            VALUES (\(bind: checkpoint.treeSize), \(bind: checkpoint.rootHash), \(bind: checkpoint.at), \(bind: checkpoint.publicKey),
                    \(bind: checkpoint.signature), \(bind: frontierJSON))
            ON CONFLICT (tree_size) DO NOTHING
            """).run()
        return try await at(treeSize: checkpoint.treeSize, on: db)?.checkpoint ?? checkpoint
    }

    struct ChainBroken: Error, CustomStringConvertible {
        var seq: Int
        var description: String { "audit record \(seq) does not point to the hash of record \(seq - 1)" }
    }

    private static func previousHash(before seq: Int, on db: any Database) async throws -> String {
        guard seq > 1 else { return AuditHash.genesis }
        guard let sql = db as? any SQLDatabase else { throw Registers.RegisterError.unsupportedDatabase }
        guard let row = try await sql.raw("SELECT hash FROM audit_records WHERE seq = \(bind: seq - 1)").first() else {
            throw AuditLogLeaves.Gap(expected: seq - 1)
        }
        return try row.decode(column: "hash", as: String.self)
    }
}
