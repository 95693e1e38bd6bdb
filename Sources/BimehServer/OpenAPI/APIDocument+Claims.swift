import InsuranceKit

/// Claim files (R-CL-01…13) and the monthly claims figures.
extension APIDocument {
    static let claimOperations: [Operation] = {
        let staff: [Role] = [.claims, .head, .admin]
        func step(_ path: String, _ summary: String, roles: [Role] = [.claims], request: JSONValue? = nil) -> Operation {
            Operation(method: .POST, path: "/api/v1/claims/{id}/\(path)", summary: summary, roles: roles, tag: "claims",
                      request: request, responses: [(200, "The claim file as it now stands", ClaimSchemas.claim)])
        }
        return [
            Operation(method: .POST, path: "/api/v1/claims", summary: "Receive a loss notice: letter and file numbered, deadline checked, premium inquiry answered (R-CL-01…04, R-CL-12)",
                      roles: [.claims], tag: "claims", request: ClaimSchemas.notice,
                      responses: [(201, "The new file (`noticeLate` flags a late notice)", ClaimSchemas.claim), (409, "Loss already paid: refused with a letter", nil)]),
            Operation(method: .GET, path: "/api/v1/claims", summary: "Work queue, newest first; `?status=` filters (R-CL-13 states)",
                      roles: staff, tag: "claims", request: nil, responses: [(200, "A page of files", Schemas.page(ClaimSchemas.claim))]),
            Operation(method: .GET, path: "/api/v1/claims/{id}", summary: "One file with documents, timeline and payment orders",
                      roles: staff, tag: "claims", request: nil, responses: [(200, "The file (ETag: its version)", ClaimSchemas.claim)]),
            step("late-notice", "R-CL-03: the expert attests whether the insured subject is unchanged; R-SH-08 (health): the head accepts or rejects with a reason for the letter",
                 roles: [.claims, .head],
                 request: Schemas.object(["subjectUnchanged": ["type": "boolean"],
                                          "accept": ["type": "boolean", "description": "R-SH-08: the head's decision (health reimbursement)"],
                                          "reason": ["type": "string", "description": "R-SH-08: the reason, printed in the letter to the insured"]])),
            step("late-notice/figures", "R-CL-03 (life, seed 004): the figures issuance adds to the late-notice form, keyed in by the claims expert",
                 request: Schemas.object(["averagePremium": Schemas.integer, "lastPremiumDate": Schemas.jalaliDate, "lastPremiumAmount": Schemas.integer,
                                          "averageInsured": Schemas.integer],
                                         required: ["averagePremium", "lastPremiumDate", "lastPremiumAmount", "averageInsured"])),
            step("late-notice/commission", "R-CL-03 (life): the commission approves with `agreedAmount` and a reason, or rejects with a reason (the file ends with a letter)",
                 roles: [.head], request: Schemas.object(["approve": ["type": "boolean"], "agreedAmount": Schemas.integer, "reason": Schemas.string],
                                                         required: ["approve", "reason"])),
            step("late-notice/headquarters", "R-CL-03 (life): HQ approves or rejects a commission approval of a notice more than 9 months after the death",
                 roles: [.head], request: Schemas.object(["approve": ["type": "boolean"], "reason": Schemas.string], required: ["approve", "reason"])),
            step("document-request", "R-CL-06: letter listing the documents still missing"),
            Operation(method: .POST, path: "/api/v1/claims/{id}/documents", summary: "Upload a scanned document (multipart: code, file; PDF/JPEG/PNG ≤ 5 MB)",
                      roles: [.claims], tag: "claims",
                      request: Schemas.object(["code": Schemas.string, "file": ["type": "string", "format": "binary"]], required: ["code", "file"]),
                      responses: [(201, "The file with the document listed", ClaimSchemas.claim)], requestMedia: "multipart/form-data"),
            Operation(method: .GET, path: "/api/v1/claims/{id}/documents/{documentId}", summary: "Download a document (claims staff only)",
                      roles: staff, tag: "claims", request: nil, responses: [(200, "The document's bytes", nil)]),
            step("inspection", "R-CL-05: schedule the visit and appoint the expert(s)",
                 request: Schemas.object(["visitDate": Schemas.jalaliDate, "expert": Schemas.string, "independentExpert": Schemas.string], required: ["visitDate", "expert"])),
            step("inspection/approval", "R-CL-05: the head approves the expert's appointment", roles: [.head]),
            step("inspection/minutes", "R-CL-05: visit minutes", request: Schemas.object(["text": Schemas.string], required: ["text"])),
            step("assessment", "R-CL-07: loss and salvage from the independent expert; third-party bodily cases give the forensic `diyaPercent` (and `death`) instead of `loss` (R-TP-10); third-party property damage above 10,000,000 rials or without a sketch needs an approved inspection first (R-TP-12)",
                 request: Schemas.object(["loss": Schemas.integer, "salvage": Schemas.integer, "diyaPercent": Schemas.string, "death": ["type": "boolean"],
                                          "items": ["type": "array", "description": "R-CL-08, computer insurance: the damaged computers by `row` (0-based) or `serial`, each with its `loss`",
                                                    "items": Schemas.object(["row": Schemas.integer, "serial": Schemas.string, "loss": Schemas.integer])]])),
            Operation(method: .GET, path: "/api/v1/claims/{id}/settlement", summary: "R-CL-08 breakdown: loss, salvage, premium-proportion, franchise, cap-reduction",
                      roles: staff, tag: "claims", request: nil, responses: [(200, "Settlement", ClaimSchemas.settlement)]),
            step("offer", "R-CL-09: the amount notified by letter (blocked while a required document is missing)"),
            step("consent", "R-CL-09: the insured's written consent"),
            step("dispute", "R-CL-09: the insured disputes the amount", request: Schemas.object(["reason": Schemas.string], required: ["reason"])),
            step("meetings", "R-CL-09: a dispute meeting; an agreed amount replaces the assessed one",
                 request: Schemas.object(["date": Schemas.jalaliDate, "notes": Schemas.string, "agreedAmount": Schemas.integer], required: ["date", "notes"])),
            Operation(method: .POST, path: "/api/v1/claims/{id}/payment-order",
                      summary: "R-CL-05/10/12: the file's one payment order, in the product's copies, with the payee's IBAN and the settlement lines; the inspecting lines need the head's approval of the expert's appointment first",
                      roles: [.head], tag: "claims", request: ClaimSchemas.orderInput,
                      responses: [(201, "Payment order", ClaimSchemas.order),
                                  (409, "Already ordered, not agreed, documents missing, or `appointment-not-approved`", nil),
                                  (422, "`iban` missing or `invalid-iban`; `notarized-certificate-required`, `invalid-date`, `date-in-future`", nil)]),
            Operation(method: .POST, path: "/api/v1/claims/{id}/paid",
                      summary: "R-CL-10: accounting marks the file's payment order paid (as `POST /api/v1/payment-orders/{id}/paid`); the file moves to `paid`",
                      roles: Array(PaymentOrderDesk.payers), tag: "claims", request: ClaimSchemas.paidInput,
                      responses: [(200, "The payment order, paid", ClaimSchemas.orderDetail), (409, "`order-already-paid`, or no payment order yet", nil)]),
            Operation(method: .GET, path: "/api/v1/payment-orders/{id}", summary: "R-CL-10: one payment order as printed: amount in words, IBAN, settlement lines, payment",
                      roles: Array(PolicyAccess.readers), tag: "payment-orders", request: nil,
                      responses: [(200, "The payment order", ClaimSchemas.orderDetail)]),
            Operation(method: .POST, path: "/api/v1/payment-orders/{id}/paid",
                      summary: "R-CL-10: accounting marks a payment order (refund, claim or expert's fee) paid with the bank transfer's reference, once; a claim's order moves its file to `paid`",
                      roles: Array(PaymentOrderDesk.payers), tag: "payment-orders", request: ClaimSchemas.paidInput,
                      responses: [(200, "The payment order, paid", ClaimSchemas.orderDetail), (409, "`order-already-paid`", nil),
                                  (422, "`transferReference` missing or `invalid-transfer-reference`; `paidOn` `invalid-date`, `date-in-future`, `paid-before-order`; `invalid-iban`", nil)]),
            step("expert-fee", "R-CL-11: the independent expert's fee", request: Schemas.object(["amount": Schemas.integer, "expert": Schemas.string], required: ["amount", "expert"])),
            Operation(method: .POST, path: "/api/v1/claims/{id}/expert-fee/approval", summary: "R-CL-11: the head approves the fee: a 3-copy payment order",
                      roles: [.head], tag: "claims", request: nil, responses: [(201, "Fee payment order", ClaimSchemas.order)]),
            step("close", "Close a paid file"),
            step("rejection", "Reject the claim with a reason letter", request: Schemas.object(["reason": Schemas.string], required: ["reason"])),
            Operation(method: .GET, path: "/api/v1/reports/claims/monthly", summary: "Claims figures of a Jalali month per department and product (`?year=1405&month=1`)",
                      roles: [.head, .admin, .accountant], tag: "reports", request: nil,
                      responses: [(200, "Figures", Schemas.object(["year": Schemas.integer, "month": Schemas.integer, "rows": ["type": "array", "items": Schemas.object([
                          "department": Schemas.string, "product": Schemas.string, "count": Schemas.integer, "paid": Schemas.integer,
                          "outstanding": Schemas.integer, "openFiles": Schemas.integer])]]))]),
            Operation(method: .GET, path: "/api/v1/reports/broker-contracts",
                      summary: "R-G-09: contracts of online brokers whose Central Insurance licence is missing or expired (`?on=`), with the full premium due",
                      roles: Array(BrokerContracts.readers), tag: "reports", request: nil,
                      responses: [(200, "The contracts", ["type": "array", "items": Schemas.object([
                          "policyId": Schemas.uuid, "policyNumber": Schemas.string, "status": Schemas.string, "customer": Schemas.string,
                          "broker": Schemas.string, "licenceNumber": Schemas.string, "licenceExpiry": Schemas.jalaliDate,
                          "premium": Schemas.integer, "paid": Schemas.integer, "due": Schemas.integer])])]),
        ]
    }()
}

enum ClaimSchemas {
    static let notice = Schemas.object([
        "policyId": Schemas.uuid, "lossDate": Schemas.jalaliDate, "noticeDate": Schemas.jalaliDate, "description": Schemas.string,
        "claimKnownDate": ["type": "string", "description": "R-CL-02: civil liability: the day the insured learned of the claim (default the loss date)"],
        "conditions": ["type": "array", "items": Schemas.string,
                       "description": "R-CL-06: conditions that hold on the file (death, surgery, treatment-costs, …); they make conditional documents required"],
        "driverLicenceClass": ["type": "string", "description": "third party, driver accident: the driver's licence class (R-TP-01)"],
        "kind": Schemas.enumeration(ProductCatalog.standard.claimCases.map(\.rawValue)),
        "atFaultLicensed": ["type": "boolean", "description": "third party: did the at-fault driver hold a licence (R-TP-11)"],
        "policeSketch": ["type": "boolean", "description": "third party, property damage: is there a police sketch (R-TP-12)"],
        "personNationalCode": ["type": "string", "description": "health reimbursement (R-SH-08): the insured person; `lossDate` is the service date"],
        "cover": ["type": "string", "description": "health reimbursement: the cover (`hospitalization`, `paraclinic`, …, `organ-purchase`)"],
        "cost": ["type": "integer", "description": "health reimbursement: the cost paid, rials"],
        "basePaid": ["type": "integer", "description": "health reimbursement: what the base insurer paid, rials (default 0)"],
        "sideCosts": ["type": "integer", "description": "health reimbursement: side costs (prosthesis, lens …), paid within the hospitalization ceiling left (R-SH-05/06)"],
        "memberRow": ["type": "integer", "description": "group life death claim (R-GL-10): the deceased member's row (insurance number) on the contract's list"],
        "cause": ["type": "string", "enum": .array(DeathCause.allCases.map { .string($0.rawValue) }),
                  "description": "life death claim: the cause of death; a suicide in the first three years is refused by letter (R-GL-10)"],
    ], required: ["policyId", "lossDate", "noticeDate", "description"])

    static let claim = Schemas.object([
        "id": Schemas.uuid, "fileNumber": Schemas.string, "noticeLetter": Schemas.string, "status": Schemas.string, "statusTitle": Schemas.string,
        "version": Schemas.integer, "policyId": Schemas.uuid, "product": Schemas.string, "lossDate": Schemas.jalaliDate,
        "noticeDate": Schemas.jalaliDate, "description": Schemas.string, "kind": Schemas.string, "noticeLate": ["type": "boolean"],
        "daysLate": Schemas.integer, "lateDecision": Schemas.string, "premiumInquiry": ["type": "object"], "loss": Schemas.integer,
        "salvage": Schemas.integer, "agreedAmount": Schemas.integer, "endReason": Schemas.string, "paidOn": Schemas.jalaliDate,
        "missingDocuments": ["type": "array", "items": ["type": "object"]], "documents": ["type": "array", "items": ["type": "object"]],
        "entries": ["type": "array", "items": ["type": "object"]], "paymentOrders": ["type": "array", "items": orderDetail],
        "facts": ["type": "array", "description": "the product's facts of the file (health: personNationalCode, cover, cost, basePaid, sideCosts)",
                  "items": Schemas.object(["name": Schemas.string, "label": Schemas.string, "value": Schemas.string, "amount": Schemas.integer])],
        "lateNoticeForm": ["type": "object", "description": "R-CL-03 (life): the late-notice form — `stage` (awaiting-issuance, awaiting-commission, awaiting-headquarters, approved, rejected), `needsHeadquarters`, the commission's `agreedAmount`",
                           "properties": ["stage": Schemas.string, "needsHeadquarters": ["type": "boolean"], "agreedAmount": Schemas.integer]],
    ], required: ["id", "fileNumber", "status", "noticeLate"])

    static let settlement = Schemas.object([
        "lines": ["type": "array", "items": PolicySchemas.line], "approved": Schemas.integer, "payable": Schemas.integer,
    ], required: ["lines", "approved", "payable"])

    static let order = Schemas.object([
        "id": Schemas.uuid, "number": Schemas.string, "amount": Schemas.integer, "copies": Schemas.integer,
        "recipients": ["type": "array", "items": Schemas.string], "amountInWords": Schemas.string, "iban": Schemas.string,
    ], required: ["number", "amount", "copies"])

    static let orderInput = Schemas.object([
        "collector": Schemas.enumeration(["insured", "injured", "policyholder"]),
        "iban": ["type": "string", "description": "R-CL-10: the payee's IBAN (شبا), IR + 24 digits, ISO 13616 checksum; Persian digits and spaces accepted"],
        "notarizedCertificateNumber": ["type": "string", "description": "R-CL-10: required with the date when the policyholder collects a liability payment"],
        "notarizedCertificateDate": Schemas.jalaliDate,
        "notarizedCertificate": ["type": "string", "description": "Earlier form of `notarizedCertificateNumber`, still accepted"],
    ], required: ["iban"])

    static let paidInput = Schemas.object([
        "transferReference": ["type": "string", "description": "The bank transfer's reference: 4–40 Latin letters, digits or '-'"],
        "paidOn": ["type": "string", "description": "Jalali date of the payment (default today); not after today nor before the order"],
        "iban": ["type": "string", "description": "The payee's IBAN, for an order issued without one (refunds)"],
    ], required: ["transferReference"])

    static let orderDetail = Schemas.object([
        "id": Schemas.uuid, "number": Schemas.string, "date": Schemas.jalaliDate, "amount": Schemas.integer, "amountInWords": Schemas.string,
        "payee": Schemas.string, "reason": Schemas.string, "copies": Schemas.integer, "recipients": ["type": "array", "items": Schemas.string],
        "purpose": Schemas.enumeration(["refund", "claim", "expert-fee"]), "iban": Schemas.string, "ibanPrinted": Schemas.string,
        "collector": Schemas.string, "notarizedCertificateNumber": Schemas.string, "notarizedCertificateDate": Schemas.jalaliDate,
        "lines": ["type": "array", "items": PolicySchemas.line], "paid": ["type": "boolean"], "paidOn": Schemas.jalaliDate,
        "transferReference": Schemas.string,
    ], required: ["number", "amount", "amountInWords", "payee", "purpose", "lines", "paid"])
}
