/// Coverage eligibility: providers, the public inquiry with credit codes, USSD (R-EL-01…06).
extension APIDocument {
    static let eligibilityOperations: [Operation] = [
        Operation(method: .GET, path: "/api/v1/eligibility/{nationalCode}",
                  summary: "Is this person (national code or 12-digit foreign ID) covered today? Outpatient scope (R-EL-01, R-EL-05)",
                  roles: [.provider], tag: "eligibility", request: nil,
                  responses: [(200, "The answer", EligibilitySchemas.inquiry)]),
        Operation(method: .POST, path: "/api/v1/eligibility/{nationalCode}/visits",
                  summary: "A visit of a covered person: issues its HID (R-EL-05); 422 not-covered otherwise",
                  roles: [.provider], tag: "eligibility", request: nil,
                  responses: [(201, "The visit's HID", EligibilitySchemas.visit)]),
        Operation(method: .POST, path: "/api/v1/eligibility/{nationalCode}/visits/{hid}/verification",
                  summary: "Pharmacy or paraclinic: the HID must belong to this person and be recent (R-EL-05); 404 hid-not-found, 422 hid-expired",
                  roles: [.provider], tag: "eligibility", request: nil,
                  responses: [(200, "Valid", EligibilitySchemas.verification)]),
        Operation(method: .POST, path: "/api/v1/public/credit-codes",
                  summary: "Send a credit code with its quota to a mobile number by SMS (R-EL-02); rate-limited per IP and per number",
                  roles: nil, tag: "eligibility", request: Schemas.object(["mobile": Schemas.string], required: ["mobile"]),
                  responses: [(202, "Sent", Schemas.object(["status": Schemas.string, "mobile": Schemas.string, "quota": Schemas.integer,
                                                            "message": Schemas.string], required: ["status", "quota"])),
                              (429, "Too many requests", nil)]),
        Operation(method: .POST, path: "/api/v1/public/eligibility",
                  summary: "Public inquiry: spends one unit of the credit code's quota; covered / not covered only (R-EL-01/02)",
                  roles: nil, tag: "eligibility",
                  request: Schemas.object(["creditCode": Schemas.string, "nationalCode": Schemas.string, "foreignId": Schemas.string],
                                          required: ["creditCode"]),
                  responses: [(200, "The answer", Schemas.object(["covered": ["type": "boolean"], "message": Schemas.string,
                                                                  "remainingQuota": Schemas.integer, "mobile": Schemas.string],
                                                                 required: ["covered", "message", "remainingQuota"])),
                              (403, "Quota used up (credit-exhausted)", nil), (404, "Unknown credit code", nil), (429, "Too many requests", nil)]),
        Operation(method: .POST, path: "/api/v1/ussd",
                  summary: "USSD gateway callback (form or JSON: sessionId, phoneNumber, serviceCode, text); answers text/plain `CON …` or `END …` for *1*1420*4# and *99*1420*4# (R-EL-03, R-EL-06); X-Gateway-Key when BIMEH_USSD_KEY is set",
                  roles: nil, tag: "eligibility",
                  request: Schemas.object(["sessionId": Schemas.string, "phoneNumber": Schemas.string, "serviceCode": Schemas.string, "text": Schemas.string],
                                          required: ["phoneNumber", "serviceCode"]),
                  responses: [(200, "text/plain USSD answer", nil)]),
    ]
}

enum EligibilitySchemas {
    static let inquiry = Schemas.object([
        "covered": ["type": "boolean"], "message": Schemas.string, "scope": Schemas.enumeration(["outpatient"]),
        "nationalCode": Schemas.string, "foreignId": Schemas.string, "coverTo": Schemas.jalaliDate, "insurer": Schemas.string,
        "plan": Schemas.string, "relation": Schemas.enumeration(["main", "spouse", "child", "parent", "other"]),
        "relationLabel": Schemas.string, "insuranceNumber": Schemas.string,
    ], required: ["covered", "message", "scope"])

    static let visit = Schemas.object([
        "hid": Schemas.string, "hidGrouped": Schemas.string, "issuedAt": Schemas.instant, "validUntil": Schemas.instant, "inquiry": inquiry,
    ], required: ["hid", "issuedAt", "validUntil", "inquiry"])

    static let verification = Schemas.object([
        "valid": ["type": "boolean"], "hid": Schemas.string, "issuedAt": Schemas.instant, "validUntil": Schemas.instant,
        "issuedBy": Schemas.string, "verifications": Schemas.integer,
    ], required: ["valid", "hid", "issuedAt", "validUntil"])
}
