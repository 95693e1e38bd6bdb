import InsuranceKit

/// Supplementary health's own operations (API.md "Health").
extension APIDocument {
    static let healthOperations: [Operation] = [
        Operation(method: .POST, path: "/api/v1/health/claims",
                  summary: "R-SH-04…07: a contracted center's direct claim, answered at once; the payable amount is spent from the person's cover ceiling",
                  roles: [.provider], tag: "health",
                  request: Schemas.object(["nationalCode": Schemas.string, "serviceDate": Schemas.jalaliDate, "cover": Schemas.string,
                                           "cost": Schemas.integer, "basePaid": Schemas.integer, "introduction": Schemas.string],
                                          required: ["nationalCode", "serviceDate", "cover", "cost"]),
                  responses: [(201, "Covered: payable, the insured's share, the ceiling left and the lines (cost, base-insurer, franchise, ceiling-reduction)",
                               Schemas.object(["id": Schemas.uuid, "covered": ["type": "boolean"], "payable": Schemas.integer, "insuredShare": Schemas.integer,
                                               "remainingCeiling": Schemas.integer, "lines": ["type": "array", "items": PolicySchemas.line]],
                                              required: ["covered", "payable", "insuredShare", "remainingCeiling", "lines"]))]),
        Operation(method: .POST, path: "/api/v1/health/introductions",
                  summary: "R-SH-07: an introduction letter for a person, a contracted center and a cover; numbered in the secretariat, valid 30 days, used once",
                  roles: [.claims, .head], tag: "health",
                  request: Schemas.object(["nationalCode": Schemas.string, "center": Schemas.string, "cover": Schemas.string],
                                          required: ["nationalCode", "center", "cover"]),
                  responses: [(201, "Issued", Schemas.object(["number": Schemas.string, "validTo": Schemas.jalaliDate], required: ["number", "validTo"]))]),
    ]
}
