import InsuranceKit

/// Supplementary health's own operations (API.md "Health").
extension APIDocument {
    static let healthOperations: [Operation] = [
        Operation(method: .GET, path: "/api/v1/tariffs/supplementary-health/{year}",
                  summary: "T-SH of a Jalali year (a loaded tariff file's when there is one): plans with price, group price, franchise, covers (per-person annual ceiling, optional, needs introduction), age factors, surcharges; figures labelled when samples",
                  roles: Role.allCases, tag: "tariffs", request: nil,
                  responses: [(200, "The tariff", Schemas.object([
                      "year": Schemas.integer, "isSample": ["type": "boolean"],
                      "plans": ["type": "array", "items": Schemas.object([
                          "code": Schemas.string, "title": Schemas.string, "price": Schemas.integer, "groupPrice": Schemas.integer,
                          "franchisePercent": ["type": "number"], "allowsWithoutBaseInsurance": ["type": "boolean"],
                          "covers": ["type": "array", "items": Schemas.object(["code": Schemas.string, "title": Schemas.string, "ceiling": Schemas.integer,
                                                                               "needsIntroduction": ["type": "boolean"], "optional": ["type": "boolean"]])],
                      ])],
                      "ageBands": ["type": "array", "items": Schemas.object(["from": Schemas.integer, "to": Schemas.integer, "factorPercent": ["type": "number"],
                                                                             "parentsOnly": ["type": "boolean"]])],
                      "groupSharePercent": ["type": "number"], "noBaseInsuranceSurchargePercent": ["type": "number"],
                      "optionalCoverSharePercent": ["type": "number"], "minimumGroupMembers": Schemas.integer,
                  ], required: ["year", "plans", "ageBands"])), (404, "No tariff for that year", nil)]),
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
        Operation(method: .GET, path: "/api/v1/health/centers/{center}/statements/{year}/{month}",
                  summary: "R-SH-07: a center's month of direct claims and what the insurer owes it (a provider sees only their own center)",
                  roles: [.provider, .accountant, .head, .claims], tag: "health", request: nil,
                  responses: [(200, "The statement", statement)]),
        Operation(method: .POST, path: "/api/v1/health/centers/{center}/statements/{year}/{month}/approve",
                  summary: "R-SH-07: accounting approves an ended month once (month-not-ended, statement-already-approved); no more claims for it",
                  roles: [.accountant], tag: "health", request: nil, responses: [(200, "Approved", statement)]),
        Operation(method: .POST, path: "/api/v1/health/centers/{center}/statements/{year}/{month}/paid",
                  summary: "R-SH-07: accounting records the payment of an approved month with the bank transfer reference, once",
                  roles: [.accountant], tag: "health",
                  request: Schemas.object(["transferReference": Schemas.string], required: ["transferReference"]),
                  responses: [(200, "Paid", statement)]),
    ]

    static let statement = Schemas.object([
        "center": Schemas.string, "centerName": Schemas.string, "month": Schemas.string,
        "status": Schemas.enumeration(["open", "approved", "paid"]),
        "claims": ["type": "array", "items": Schemas.object(["id": Schemas.uuid, "serviceDate": Schemas.jalaliDate, "nationalCode": Schemas.string,
                                                             "cover": Schemas.string, "cost": Schemas.integer, "payable": Schemas.integer])],
        "count": Schemas.integer, "total": Schemas.integer, "approvedOn": Schemas.jalaliDate, "paidOn": Schemas.jalaliDate, "transferReference": Schemas.string,
    ], required: ["center", "month", "status", "claims", "count", "total"])
}
