import Crypto
import Foundation

/// A signed statement of the audit log's size and Merkle root, RFC 6962's "signed tree head":
/// whoever keeps one can later prove that the log still holds every record it covered
/// (`bimeh audit verify --checkpoint FILE`), however the database was edited since.
struct AuditCheckpoint: Codable, Equatable, Sendable {
    /// Records covered: seq 1 … treeSize.
    var treeSize: Int
    /// Hex of the RFC 6962 root over the records' hashes.
    var rootHash: String
    /// When it was signed (ISO 8601, UTC).
    var at: String
    /// Base64 of the raw 32-byte Ed25519 public key that signed it.
    var publicKey: String
    /// Base64 of the 64-byte Ed25519 signature over `signedText`.
    var signature: String

    /// What is signed: a fixed context line, so a signature over anything else never passes.
    static func signedText(treeSize: Int, rootHash: String, at: String) -> String {
        "bimeh-audit-checkpoint/v1\n\(treeSize)\n\(rootHash)\n\(at)\n"
    }

    static func sign(treeSize: Int, root: MerkleTree.Hash, at: String, key: Curve25519.Signing.PrivateKey) throws -> AuditCheckpoint {
        let rootHash = Hex.encode(root)
        let signature = try key.signature(for: Data(signedText(treeSize: treeSize, rootHash: rootHash, at: at).utf8))
        return AuditCheckpoint(treeSize: treeSize, rootHash: rootHash, at: at,
                               publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                               signature: signature.base64EncodedString())
    }

    /// The root as bytes, nil when the field is not 32 bytes of hex.
    var root: MerkleTree.Hash? {
        guard let bytes = Hex.decode(rootHash), bytes.count == 32 else { return nil }
        return bytes
    }

    /// Whether the signature holds for the key the checkpoint names. Whether that key is the
    /// installation's is a separate question (`AuditSigningKey.trusts`).
    var signatureHolds: Bool {
        guard treeSize >= 0, root != nil,
              let keyData = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData),
              let signatureData = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(signatureData, for: Data(Self.signedText(treeSize: treeSize, rootHash: rootHash, at: at).utf8))
    }

    /// A short name of the signing key for people to compare: the first 8 bytes of its SHA-256.
    var keyFingerprint: String { AuditSigningKey.fingerprint(publicKey) }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return e
    }()

    var json: String { String(decoding: (try? Self.encoder.encode(self)) ?? Data(), as: UTF8.self) }
}

/// The key checkpoints are signed with: `BIMEH_AUDIT_SIGNING_KEY` (base64 of the raw 32-byte
/// Ed25519 private key, `bimeh audit keygen` makes one). Without it a process signs with a key
/// of its own that lasts until it stops — enough to catch a rewrite against a saved checkpoint,
/// whose root is what matters, but not to tell an auditor which checkpoints are the insurer's.
struct AuditSigningKey: Sendable {
    /// The raw 32 bytes (the key type itself is not Sendable).
    let raw: Data
    /// Whether the key came from configuration (otherwise it was made at start-up).
    let configured: Bool

    init(key: Curve25519.Signing.PrivateKey, configured: Bool) {
        self.raw = key.rawRepresentation
        self.configured = configured
    }

    var key: Curve25519.Signing.PrivateKey {
        // the bytes came from a valid key
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) ?? Curve25519.Signing.PrivateKey()
    }

    struct Invalid: Error, CustomStringConvertible {
        var description: String { "BIMEH_AUDIT_SIGNING_KEY must be the base64 of a 32-byte Ed25519 private key (bimeh audit keygen)" }
    }

    static func fromEnvironment(_ value: String?) throws -> AuditSigningKey {
        guard let value, !value.isEmpty else { return AuditSigningKey(key: .init(), configured: false) }
        guard let data = Data(base64Encoded: value), data.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else { throw Invalid() }
        return AuditSigningKey(key: key, configured: true)
    }

    var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// A checkpoint is the installation's when its key is the configured one.
    func trusts(_ checkpoint: AuditCheckpoint) -> Bool { configured && checkpoint.publicKey == publicKey }

    static func fingerprint(_ publicKey: String) -> String {
        guard let data = Data(base64Encoded: publicKey) else { return "?" }
        return Hex.encode(SHA256.hash(data: data).prefix(8))
    }
}
