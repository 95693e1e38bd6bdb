/// The monthly reports (R-RP-01…04) and the month-end close (R-RP-02).
extension APIDocument {
    static let reportOperations: [Operation] = {
        let row = Schemas.object(["group": Schemas.string, "product": Schemas.string, "productTitle": Schemas.string,
                                  "count": Schemas.integer, "amount": Schemas.integer])
        let entry = Schemas.object(["document": Schemas.string, "kind": Schemas.string, "product": Schemas.string, "department": Schemas.string,
                                    "agency": Schemas.string, "amount": Schemas.integer, "documents": ["type": "array", "items": Schemas.string],
                                    "corrects": ["type": "string", "description": "`yyyy/mm` of the closed month an adjustment row corrects"],
                                    "recordedOn": Schemas.jalaliDate])
        let report = Schemas.object([
            "kind": Schemas.string, "title": Schemas.string, "year": Schemas.integer, "month": Schemas.integer, "by": Schemas.string,
            "status": ["type": "string", "enum": ["draft", "approved-by-accounting", "sent"]], "approved": ["type": "boolean"],
            "sentTo": ["type": "array", "items": Schemas.string], "closed": ["type": "boolean"],
            "rows": ["type": "array", "items": row], "total": Schemas.object(["count": Schemas.integer, "amount": Schemas.integer]),
            "entries": ["type": "array", "items": entry], "entryCount": Schemas.integer, "page": Schemas.integer,
        ])
        let status = Schemas.object(["status": Schemas.string, "sentTo": ["type": "array", "items": Schemas.string]])
        let badMonth = "`invalid-year`, `invalid-month`, `month-not-begun`, `unknown-report`"
        return [
            Operation(method: .GET, path: "/api/v1/reports/{kind}/{year}/{month}",
                      summary: "R-RP-01/03: a monthly report (`issued-policies`, `contracts-and-endorsements`, `endorsements`, `claims-paid`) `?by=department|agency|company`, rows per group and product, total, 500 entries a `?page=`; `?format=csv` or `Accept: text/csv` → CSV with BOM and every entry",
                      roles: Array(ReportController.readers), tag: "reports", request: nil,
                      responses: [(200, "The report (JSON or CSV)", report), (422, badMonth + ", `unknown-grouping`", nil)]),
            Operation(method: .POST, path: "/api/v1/reports/{kind}/{year}/{month}/approve", summary: "R-RP-01: accounting approves the report (once)",
                      roles: Array(ReportController.accounting), tag: "reports", request: nil,
                      responses: [(200, "Approved", status), (409, "`report-already-approved`", nil), (422, badMonth, nil)]),
            Operation(method: .POST, path: "/api/v1/reports/{kind}/{year}/{month}/send",
                      summary: "R-RP-01/04: the report sent to a recipient (`accounting-statistics`, `statistics-reinsurance`, `issuance-supervision`, `claims-supervision`, `persons`)",
                      roles: Array(ReportController.accounting), tag: "reports",
                      request: Schemas.object(["recipient": Schemas.string], required: ["recipient"]),
                      responses: [(200, "Sent", status), (409, "`report-not-approved` (statistics & reinsurance before approval), `report-already-sent`", nil),
                                  (422, badMonth + ", `unknown-recipient`", nil)]),
            Operation(method: .POST, path: "/api/v1/months/{year}/{month}/close",
                      summary: "R-RP-02: month-end close: the month's figures are frozen; later changes effective in it enter the next open month as adjustments",
                      roles: Array(ReportController.accounting), tag: "reports", request: nil,
                      responses: [(200, "Closed", Schemas.object(["closed": ["type": "boolean"], "year": Schemas.integer, "month": Schemas.integer, "entries": Schemas.integer])),
                                  (409, "`month-already-closed`, `month-close-out-of-order`", nil),
                                  (422, "`invalid-year`, `invalid-month`, `month-not-begun`, `month-not-ended`", nil)]),
        ]
    }()
}
