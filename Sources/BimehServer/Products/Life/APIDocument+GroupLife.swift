import InsuranceKit

/// Group life's own operations (API.md "Group life").
extension APIDocument {
    static let groupLifeOperations: [Operation] = [
        Operation(method: .POST, path: "/api/v1/policies/{id}/contract",
                  summary: "R-GL-03: numbers a registered group-life contract once, before payment: {serial}/{agencyCode}/{complexCode}/{year}, serial from 600000 per year, agency 9995 when direct",
                  roles: [.issuer], tag: "group-life", request: nil,
                  responses: [(201, "Numbered; the member list is due 15 days after the contract date",
                               Schemas.object(["number": Schemas.string, "contractDate": Schemas.jalaliDate, "memberListDue": Schemas.jalaliDate],
                                              required: ["number", "contractDate", "memberListDue"]))]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/members",
                  summary: "R-GL-04/05: the member list, once, within 15 days of the contract (member-list-late); rows 1…n, each underwritten by T-GL-EXAM; every bad row reported, nothing stored",
                  roles: [.issuer], tag: "group-life",
                  request: Schemas.object(["members": ["type": "array", "items": Schemas.object([
                      "firstName": Schemas.string, "lastName": Schemas.string, "birthDate": Schemas.jalaliDate,
                      "birthCertificateNumber": Schemas.string, GroupMemberList.issuePlaceField: Schemas.string, "jobTitle": Schemas.string,
                      "nationalCode": Schemas.string,
                  ], required: ["firstName", "lastName", "birthDate", "birthCertificateNumber", GroupMemberList.issuePlaceField, "jobTitle"])]],
                                          required: ["members"]),
                  responses: [(201, "Listed", Schemas.object(["members": ["type": "array", "items": Schemas.object([
                      "row": Schemas.integer, "underwriting": Schemas.enumeration(GroupUnderwriting.allCases.map(\.rawValue)),
                  ], required: ["row", "underwriting"])]], required: ["members"]))]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/members/{row}/underwriting",
                  summary: "R-GL-06: the doctor's outcome for a member under review: accept, extra (0–300 %, extraPercent), more-tests (once), decline",
                  roles: [.issuer], tag: "group-life",
                  request: Schemas.object(["outcome": Schemas.enumeration(["accept", "extra", "more-tests", "decline"]), "extraPercent": ["type": "number"]],
                                          required: ["outcome"]),
                  responses: [(200, "The member", Schemas.object([
                      "row": Schemas.integer, "firstName": Schemas.string, "lastName": Schemas.string, "birthDate": Schemas.jalaliDate,
                      "jobTitle": Schemas.string, "underwriting": Schemas.string,
                      "status": Schemas.enumeration(["admitted", "pending", "referred", "declined"]), "extraPercent": Schemas.string,
                  ], required: ["row", "underwriting", "status"]))]),
        Operation(method: .GET, path: "/api/v1/policies/{id}/final-premium",
                  summary: "R-GL-07: the final premium over the admitted members (death, accidental-death, medical-extra with each extra computed separately)",
                  roles: [.issuer], tag: "group-life", request: nil,
                  responses: [(200, "The final premium", Schemas.object([
                      "lines": ["type": "array", "items": PolicySchemas.line], "total": Schemas.integer, "admitted": Schemas.integer,
                      "pending": Schemas.integer, "declined": Schemas.integer,
                  ], required: ["lines", "total", "admitted", "pending"]))]),
    ]
}
