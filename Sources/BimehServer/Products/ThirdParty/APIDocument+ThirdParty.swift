import InsuranceKit

/// Third-party motor's own operations: the licence before issue, the public authenticity
/// inquiry and the published tariff.
extension APIDocument {
    static let thirdPartyOperations: [Operation] = [
        Operation(method: .POST, path: "/api/v1/policies/{id}/licence", summary: "R-TP-02: register and verify the driving licence of a user of the vehicle before issue",
                  roles: [.issuer, .agent], tag: "third-party",
                  request: Schemas.object(["number": Schemas.string, "class": Schemas.enumeration(DrivingLicenceClass.allCases.map(\.rawValue)),
                                           "expiry": Schemas.jalaliDate, "holderName": Schemas.string, "holderNationalCode": Schemas.string],
                                          required: ["number", "class", "expiry", "holderName", "holderNationalCode"]),
                  responses: [(201, "Licence registered", Schemas.object(["number": Schemas.string, "class": Schemas.string, "expiry": Schemas.jalaliDate,
                                                                          "holderName": Schemas.string, "verifiedOn": Schemas.jalaliDate]))]),
        Operation(method: .GET, path: "/api/v1/public/third-party/{uniqueCode}", summary: "R-TP-13: public authenticity inquiry by a third-party policy's unique code",
                  roles: nil, tag: "third-party", request: nil,
                  responses: [(200, "Authentic or not; cover and vehicle when authentic", Schemas.object([
                      "authentic": ["type": "boolean"], "policyNumber": Schemas.string, "coverFrom": Schemas.instant, "coverTo": Schemas.instant, "vehicle": Schemas.string,
                  ], required: ["authentic"]))]),
        Operation(method: .GET, path: "/api/v1/tariffs/third-party/{year}", summary: "Third-party tariff of a Jalali year: vehicle classes, usages (plain personal use: `private`), amnesty windows; figures labelled when samples",
                  roles: Role.allCases, tag: "tariffs", request: nil,
                  responses: [(200, "The tariff", Schemas.object([
                      "year": Schemas.integer, "isSample": ["type": "boolean"],
                      "vehicleClasses": ["type": "array", "items": Schemas.object(["code": Schemas.string, "label": Schemas.string, "basePremium": Schemas.integer])],
                      "usages": ["type": "array", "items": Schemas.object(["code": Schemas.string, "label": Schemas.string, "surchargePercent": ["type": "number"]])],
                      "amnestyWindows": ["type": "array", "items": Schemas.object(["from": Schemas.jalaliDate, "to": Schemas.jalaliDate])],
                  ], required: ["year", "vehicleClasses", "usages", "amnestyWindows"])), (404, "No tariff for that year", nil)]),
    ]
}
