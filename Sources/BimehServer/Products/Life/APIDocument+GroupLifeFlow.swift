import InsuranceKit

/// The group life operations beyond API.md's fixed part: the plan letter's refusal and the
/// final-premium endorsement (the pages call the same commands).
extension APIDocument {
    static let groupLifeFlowOperations: [Operation] = [
        Operation(method: .POST, path: "/api/v1/quotes/{id}/refusal",
                  summary: "R-GL-02: the customer's final refusal of the plan letter voids the group-life file, once (file-already-voided); a voided quote is not registered",
                  roles: [.issuer], tag: "group-life",
                  request: Schemas.object(["reason": Schemas.string], required: ["reason"]),
                  responses: [(200, "Voided", Schemas.object(["id": Schemas.uuid, "status": Schemas.enumeration(["declined"])], required: ["id", "status"]))]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/final-premium",
                  summary: "R-GL-07/08: the final premium over the admitted members becomes the contract's premium by one final-premium endorsement, once, after the member list and before any payment (Idempotency-Key)",
                  roles: [.issuer], tag: "group-life", request: nil,
                  responses: [(201, "Settled", Schemas.object([
                      "total": Schemas.integer, "registered": Schemas.integer, "premiumDelta": Schemas.integer, "endorsementNumber": Schemas.integer,
                      "admitted": Schemas.integer, "pending": Schemas.integer, "declined": Schemas.integer,
                      "lines": ["type": "array", "items": PolicySchemas.line],
                  ], required: ["total", "registered", "premiumDelta", "endorsementNumber", "admitted", "lines"]))]),
    ]
}
