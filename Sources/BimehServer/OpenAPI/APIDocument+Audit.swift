import InsuranceKit

/// The audit log's checkpoint and proofs (RFC 6962).
extension APIDocument {
    static let auditOperations: [Operation] = [
        Operation(method: .GET, path: "/api/v1/audit/checkpoint",
                  summary: "The latest signed checkpoint of the audit log: tree size, RFC 6962 root, Ed25519 signature; 404 no-checkpoint before the first",
                  roles: AuditController.readers, tag: "audit", request: nil,
                  responses: [(200, "The checkpoint", AuditSchemas.checkpoint)]),
        Operation(method: .GET, path: "/api/v1/audit/proof/{seq}",
                  summary: "Inclusion proof of one audit record in the latest checkpoint, with the record's fields; 404 not-in-checkpoint when newer",
                  roles: AuditController.readers, tag: "audit", request: nil,
                  responses: [(200, "The proof", Schemas.object([
                      "seq": Schemas.integer, "leafIndex": Schemas.integer, "leafHash": Schemas.string,
                      "proof": ["type": "array", "items": Schemas.string], "checkpoint": AuditSchemas.checkpoint,
                      "record": ["type": "object"],
                  ], required: ["seq", "leafIndex", "leafHash", "proof", "checkpoint", "record"]))]),
        Operation(method: .GET, path: "/api/v1/audit/consistency/{from}/{to}",
                  summary: "Consistency proof: the first `from` records are still the log's first ones at `to` (≤ the latest checkpoint's size)",
                  roles: AuditController.readers, tag: "audit", request: nil,
                  responses: [(200, "The proof", Schemas.object([
                      "from": Schemas.integer, "to": Schemas.integer, "fromRoot": Schemas.string, "toRoot": Schemas.string,
                      "proof": ["type": "array", "items": Schemas.string], "checkpoint": AuditSchemas.checkpoint,
                  ], required: ["from", "to", "fromRoot", "toRoot", "proof", "checkpoint"]))]),
    ]
}

enum AuditSchemas {
    static let checkpoint = Schemas.object([
        "treeSize": Schemas.integer, "rootHash": Schemas.string, "at": Schemas.string, "publicKey": Schemas.string, "signature": Schemas.string,
    ], required: ["treeSize", "rootHash", "at", "publicKey", "signature"])
}
