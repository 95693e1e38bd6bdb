import InsuranceKit

/// Quotes, policies, payments, endorsements, cancellation and renewal (R-P-01…R-P-09).
extension APIDocument {
    static let policyOperations: [Operation] = [
        Operation(method: .POST, path: "/api/v1/quotes", summary: "Enter a proposal and price it: a frozen quote with every line and its rule (R-P-02)",
                  roles: [.issuer, .agent], tag: "policies", request: PolicySchemas.quoteInput,
                  responses: [(201, "The quote", PolicySchemas.quote)]),
        Operation(method: .POST, path: "/api/v1/quotes/preview", summary: "Price without entering a proposal: same body and lines as POST /quotes, nothing stored",
                  roles: [.issuer, .agent], tag: "policies", request: PolicySchemas.quoteInput,
                  responses: [(200, "The breakdown", Schemas.object(["product": Schemas.string, "total": Schemas.integer, "sumInsured": Schemas.integer,
                                                                      "franchisePercent": Schemas.string, "tariffYear": Schemas.integer, "tariffIsSample": ["type": "boolean"],
                                                                      "lines": ["type": "array", "items": PolicySchemas.line]], required: ["total", "lines"]))]),
        Operation(method: .GET, path: "/api/v1/quotes/{id}", summary: "One quote", roles: Array(PolicyAccess.readers), tag: "policies",
                  request: nil, responses: [(200, "The quote", PolicySchemas.quote)]),
        Operation(method: .POST, path: "/api/v1/policies", summary: "Register a policy from a quote with a payment plan (R-P-04)",
                  roles: [.issuer, .agent], tag: "policies", request: PolicySchemas.registerInput,
                  responses: [(201, "Registered, with its schedule", PolicySchemas.registered)]),
        Operation(method: .GET, path: "/api/v1/policies/{id}", summary: "A policy with its schedule, payments and endorsements; `?on=YYYY/MM/DD` gives the status on that date",
                  roles: Array(PolicyAccess.readers), tag: "policies", request: nil,
                  responses: [(200, "The policy (ETag: its version)", PolicySchemas.policy)]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/payments", summary: "Record a cheque (receipt issued) or a bank slip (R-P-03); Idempotency-Key honoured",
                  roles: [.issuer, .accountant], tag: "payments", request: PolicySchemas.paymentInput,
                  responses: [(201, "Recorded", PolicySchemas.payment)]),
        Operation(method: .POST, path: "/api/v1/payments/{id}/collect", summary: "Accounting: the cheque is collected, or the slip confirmed with the bank's tracking number, once (R-P-05)",
                  roles: [.accountant], tag: "payments", request: PolicySchemas.settleInput, responses: [(200, "Collected", PolicySchemas.settled)]),
        Operation(method: .POST, path: "/api/v1/payments/{id}/bounce", summary: "Accounting: the cheque bounced (R-P-05)",
                  roles: [.accountant], tag: "payments", request: nil, responses: [(200, "Bounced", PolicySchemas.settled)]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/issue", summary: "Issue: policy register number once the down payment is collected (R-P-06); If-Match honoured",
                  roles: [.issuer], tag: "policies", request: nil, responses: [(200, "Issued", PolicySchemas.issued)]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/endorsements", summary: "A numbered endorsement with its pro-rata premium delta (R-P-07); `changes` replaces top-level inputs, and a line insuring persons also takes `{addPersons:[person…]}` / `{removePersons:[nationalCode…]}` (R-SH-10); a group life contract takes `{addMembers:[member…]}` or `{removeRows:[row…]}`, priced by remaining months, its refunds sent to accounting without a payment order (R-GL-09/13)",
                  roles: [.issuer], tag: "policies", request: PolicySchemas.endorsementInput,
                  responses: [(201, "Endorsement", PolicySchemas.endorsement)]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/cancellation", summary: "Cancel with notice: pro-rata (insurer) or short-period table (insured), refund or amount owed (R-P-08); group life refunds by remaining months without a payment order (R-GL-09/13), term life refunds nothing (R-IL-01)",
                  roles: [.issuer], tag: "policies", request: PolicySchemas.cancellationInput,
                  responses: [(200, "Cancelled", PolicySchemas.cancellation)]),
        Operation(method: .POST, path: "/api/v1/policies/{id}/renewal", summary: "Renew for the next term: a new quote and a new registered policy (R-P-09)",
                  roles: [.issuer, .agent], tag: "policies", request: Schemas.object(["payment": PolicySchemas.paymentPlan], required: ["payment"]),
                  responses: [(201, "The new registered policy", PolicySchemas.registered)]),
    ]
}

enum PolicySchemas {
    static let line = Schemas.object(["code": Schemas.string, "rule": Schemas.string, "label": Schemas.string, "amount": Schemas.integer],
                                     required: ["code", "rule", "label", "amount"])

    static let quoteInput = Schemas.object([
        "product": Schemas.enumeration(ProductCatalog.all.map(\.code.rawValue)), "customerId": Schemas.uuid, "date": Schemas.jalaliDate,
        "inputs": ["type": "object", "description": .string("Product inputs (API.md); computer: {items:[{description, serial?, value}], competitiveDiscountPercent?, franchisePercent?}; "
                   + "third-party: the API.md fields and policyMonths?, publicTransport?, vehicle? (see the vehicle schema: optional in a quote, required before issue: 409 vehicle-details-required), plate?"),
                   "properties": ["vehicle": vehicleInput]],
    ], required: ["product", "date", "inputs"])

    static let quote = Schemas.object([
        "id": Schemas.uuid, "product": Schemas.string, "status": Schemas.enumeration(["quoted", "declined", "used"]),
        "proposalNumber": Schemas.string, "date": Schemas.jalaliDate, "customerId": Schemas.uuid, "total": Schemas.integer,
        "sumInsured": Schemas.integer, "franchisePercent": Schemas.string, "tariffYear": Schemas.integer,
        "lines": ["type": "array", "items": line],
    ], required: ["id", "product", "total", "lines"])

    static let paymentPlan: JSONValue = [
        "oneOf": [
            Schemas.object(["plan": Schemas.enumeration(["cash"])], required: ["plan"]),
            Schemas.object(["plan": Schemas.enumeration(["installments"]), "downPayment": Schemas.integer, "count": Schemas.integer,
                            "payrollDeduction": ["type": "boolean", "description": "third party, legal persons deducting from salaries: 25 % down (R-P-04)"]],
                           required: ["plan", "downPayment", "count"]),
        ],
    ]

    static let registerInput = Schemas.object([
        "quoteId": Schemas.uuid, "customerId": Schemas.uuid, "startDate": Schemas.jalaliDate, "endDate": Schemas.jalaliDate, "payment": paymentPlan,
    ], required: ["quoteId", "customerId", "startDate", "endDate", "payment"])

    static let scheduleEntry = Schemas.object(["dueDate": Schemas.jalaliDate, "amount": Schemas.integer,
                                               "kind": Schemas.enumeration(["whole", "down-payment", "installment", "additional"])])

    static let registered = Schemas.object([
        "id": Schemas.uuid, "status": Schemas.enumeration(["registered"]), "premium": Schemas.integer, "version": Schemas.integer,
        "schedule": ["type": "array", "items": scheduleEntry],
    ], required: ["id", "status", "premium", "schedule"])

    static let paymentInput = Schemas.object([
        "method": Schemas.enumeration(["cheque", "bank-slip"]), "amount": Schemas.integer, "paidOn": Schemas.jalaliDate,
        // dueDate may be left out for an installment's cheque: it takes the installment's (R-P-03)
        "cheque": Schemas.object(["number": Schemas.string, "bank": Schemas.string, "dueDate": Schemas.jalaliDate, "account": Schemas.string],
                                 required: ["number", "bank"]),
        "endorsementId": Schemas.uuid, "installment": Schemas.integer,
    ], required: ["method", "amount", "paidOn"])

    /// A bank slip is confirmed with the bank's tracking number; a cheque takes no body.
    static let settleInput = Schemas.object(["trackingNumber": Schemas.string], required: [])

    static let payment = Schemas.object([
        "id": Schemas.uuid, "policyId": Schemas.uuid, "method": Schemas.string,
        "status": Schemas.enumeration(["held", "pending", "collected", "bounced"]), "amount": Schemas.integer,
        "paidOn": Schemas.jalaliDate, "receiptNumber": Schemas.string, "endorsementId": Schemas.uuid,
        "cheque": Schemas.object(["number": Schemas.string, "bank": Schemas.string, "dueDate": Schemas.jalaliDate, "account": Schemas.string]),
        "installment": Schemas.integer, "slipId": Schemas.string, "bankTracking": Schemas.string,
    ], required: ["id", "status"])

    static let settled = Schemas.object(["id": Schemas.uuid, "status": Schemas.enumeration(["collected", "bounced"])], required: ["id", "status"])

    static let issued = Schemas.object([
        "id": Schemas.uuid, "number": Schemas.string, "status": Schemas.enumeration(["issued"]), "coverFrom": Schemas.instant,
        "coverTo": Schemas.instant, "issueDate": Schemas.jalaliDate, "version": Schemas.integer,
    ], required: ["id", "number", "status", "coverFrom", "coverTo"])

    static let paymentOrder = Schemas.object([
        "id": Schemas.uuid, "number": Schemas.string, "date": Schemas.jalaliDate, "amount": Schemas.integer,
        "payee": Schemas.string, "reason": Schemas.string, "copies": Schemas.integer,
    ])

    static let endorsementInput = Schemas.object([
        "effectiveDate": Schemas.jalaliDate, "kind": Schemas.enumeration(["additional", "refund", "non-financial"]),
        "changes": ["type": "object", "description": "Product inputs to replace (top-level members), e.g. {items:[…]}; a third-party plate change: {plate}, which replaces vehicle.plate"],
        "description": Schemas.string,
    ], required: ["effectiveDate"])

    static let endorsement = Schemas.object([
        "id": Schemas.uuid, "number": Schemas.integer, "kind": Schemas.string, "status": Schemas.enumeration(["awaiting-payment", "issued"]),
        "premiumDelta": Schemas.integer, "paymentOrder": paymentOrder,
    ], required: ["number", "kind", "premiumDelta"])

    static let cancellationInput = Schemas.object([
        "initiatedBy": Schemas.enumeration(["insurer", "insured"]), "noticeDate": Schemas.jalaliDate, "reason": Schemas.string,
    ], required: ["initiatedBy", "noticeDate", "reason"])

    static let cancellation = Schemas.object([
        "effectiveDate": Schemas.jalaliDate, "method": Schemas.enumeration(["pro-rata", "short-period"]), "elapsedDays": Schemas.integer,
        "retained": Schemas.integer, "refund": Schemas.integer, "owed": Schemas.integer, "paymentOrder": paymentOrder,
    ], required: ["effectiveDate", "retained", "refund", "owed"])

    static let policy = Schemas.object([
        "id": Schemas.uuid, "product": Schemas.string, "number": Schemas.string,
        "status": Schemas.enumeration(["registered", "issued", "expired", "pending-cancellation", "cancelled"]), "inForce": ["type": "boolean"], "asOf": Schemas.jalaliDate,
        "version": Schemas.integer, "customerId": Schemas.uuid, "quoteId": Schemas.uuid, "startDate": Schemas.jalaliDate, "endDate": Schemas.jalaliDate,
        "coverFrom": Schemas.instant, "coverTo": Schemas.instant, "issueDate": Schemas.jalaliDate, "premium": Schemas.integer,
        "annualPremium": Schemas.integer, "paid": Schemas.integer, "inHand": Schemas.integer, "refunded": Schemas.integer, "owed": Schemas.integer, "sumInsured": Schemas.integer,
        "franchisePercent": Schemas.string, "plan": Schemas.enumeration(["cash", "installments"]),
        "schedule": ["type": "array", "items": scheduleEntry],
        "endorsements": ["type": "array", "items": endorsement],
        "payments": ["type": "array", "items": payment],
        "cancellation": ["type": "object"], "renewalOf": Schemas.uuid, "uniqueCode": Schemas.string, "plate": Schemas.string,
        "vehicle": vehicle,
    ], required: ["id", "status", "premium", "paid", "schedule", "endorsements"])
}
