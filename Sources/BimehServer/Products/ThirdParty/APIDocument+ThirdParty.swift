import InsuranceKit

/// The third-party `inputs.vehicle` object (R-TP-13), the policy view's vehicle and the public
/// inquiry's masked one.
extension PolicySchemas {
    static let vehicleInput = Schemas.object([
        "plate": ["type": "string", "description": "Iranian plate as typed: «۱۲ ب ۳۴۵ ایران ۶۶» (car) or «۱۲۳-۴۵۶۷۸» (motorcycle); Persian, Arabic or Latin digits, spaces, dashes and «ایران» accepted; stored as 12ب345-66 (invalid-plate)"],
        "vin": ["type": "string", "description": "17 characters A–Z, 0–9 without I, O, Q (invalid-vin); the ISO 3779 check digit is not enforced"],
        "chassisNumber": ["type": "string", "description": "When the vehicle has no VIN: 4–30 letters and digits (invalid-chassis-number)"],
        "engineNumber": ["type": "string", "description": "4–20 letters and digits (invalid-engine-number)"],
        "make": ["type": "string", "maxLength": 40], "model": ["type": "string", "maxLength": 40],
        "modelYear": ["type": "integer", "description": "Jalali (1300…next year) or Gregorian (1921…next year) (invalid-model-year)"],
    ], required: ["plate", "engineNumber", "make", "model", "modelYear"])

    static let vehicle = Schemas.object([
        "plate": Schemas.string, "plateDisplay": Schemas.string, "vin": Schemas.string, "vinCheckDigitMatches": ["type": "boolean"],
        "chassisNumber": Schemas.string, "engineNumber": Schemas.string, "make": Schemas.string, "model": Schemas.string,
        "modelYear": Schemas.integer,
    ], required: ["plate", "engineNumber", "make", "model", "modelYear"])

    static let publicVehicle = Schemas.object([
        "vehicleClass": Schemas.string, "label": Schemas.string,
        "plate": ["type": "string", "description": "Masked: letter, region and the last two digits (**ب*45-66, 123-***78)"],
        "vin": ["type": "string", "description": "Masked: the last four characters"],
        "chassisNumber": ["type": "string", "description": "Masked: the last four characters"],
        "make": Schemas.string, "model": Schemas.string, "modelYear": Schemas.integer,
    ], required: ["vehicleClass", "label"])
}

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
                      "authentic": ["type": "boolean"], "policyNumber": Schemas.string, "coverFrom": Schemas.instant, "coverTo": Schemas.instant, "vehicle": PolicySchemas.publicVehicle,
                      "productTitle": Schemas.string, "insuredCount": Schemas.integer,
                      "insuredPersons": ["type": "array", "items": Schemas.object(["nationalCode": Schemas.string, "relation": Schemas.string,
                                                                                   "relationTitle": Schemas.string, "coverTo": Schemas.jalaliDate])],
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
