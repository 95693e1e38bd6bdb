@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The money of a claim file over HTTP (R-CL-05, R-CL-10): the head's approval of the expert's
/// appointment before the order, the notarized certificate, the IBAN and the lines on the order,
/// and accounting marking orders paid. Today is 1405/01/10.
@Suite("Claims: payment orders and their payment (R-CL-05, R-CL-10)")
struct ClaimMoneyTests {
    /// An issued employer's liability policy (sum insured 5,000,000,000) and an agreed injury file on it.
    func agreedLiabilityClaim(_ flow: ClaimFlow) async throws -> String {
        let policyID = try await flow.liabilityPolicy()
        let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10", kind: "injury").json["id"] as? String)
        #expect(try await flow.post(claimID, "document-request").status == .ok)
        try await flow.uploadRequired(claimID, product: "employers-liability", kind: .injury)
        #expect(try await flow.post(claimID, "assessment", json: ["loss": 100_000_000, "salvage": 0]).status == .ok)
        #expect(try await flow.post(claimID, "offer").status == .ok)
        #expect(try await flow.post(claimID, "consent").status == .ok)
        return claimID
    }

    @Test("R-CL-10 the employer collecting a liability payment gives the notarized certificate's number and a valid Jalali date, not in the future")
    func notarizedCertificate() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let claimID = try await agreedLiabilityClaim(flow)
            // R-CL-05 does not hold up a liability line: no visit was arranged, yet the order may go
            let policyholder: [String: Any] = ["collector": "policyholder"]
            // neither number nor date
            let none = try await flow.order(claimID, json: policyholder)
            #expect(none.status == .unprocessableEntity)
            #expect(none.fieldCodes == ["notarizedCertificateNumber": "notarized-certificate-required",
                                        "notarizedCertificateDate": "notarized-certificate-required"])
            // the earlier free-text field is still accepted and stands for the number; the date is still asked for
            let legacy = try await flow.order(claimID, json: ["collector": "policyholder", "notarizedCertificate": "۴۵۶۷"])
            #expect(legacy.fieldCodes == ["notarizedCertificateDate": "notarized-certificate-required"])
            // 1404/12/30 does not exist (1404 is not a leap year); 1405/01/11 is tomorrow
            let impossible = try await flow.order(claimID, json: ["collector": "policyholder", "notarizedCertificateNumber": "4567", "notarizedCertificateDate": "1404/12/30"])
            #expect(impossible.fieldCodes == ["notarizedCertificateDate": "invalid-date"])
            let tomorrow = try await flow.order(claimID, json: ["collector": "policyholder", "notarizedCertificateNumber": "4567", "notarizedCertificateDate": "1405/01/11"])
            #expect(tomorrow.fieldCodes == ["notarizedCertificateDate": "date-in-future"])
            #expect(try await PaymentOrder.query(on: app.db).count() == 0, "nothing ordered by the refusals")
            // the legacy number with a date today: ordered, both stored and printed
            let ordered = try await flow.order(claimID, json: ["collector": "policyholder", "notarizedCertificate": " ۴۵۶۷/د ", "notarizedCertificateDate": "۱۴۰۵/۰۱/۱۰"])
            #expect(ordered.status == .created, "\(ordered.body.string)")
            let order = try #require(try await PaymentOrder.query(on: app.db).filter(\.$purpose == "claim").first())
            #expect(order.notarizedCertificateNumber == "4567/د")
            #expect(order.notarizedCertificateDate == "1405/01/10")
            #expect(order.collector == "policyholder")
            var head = WebPageTests.Browser(app: app)
            try await head.signIn("head")
            let sheet = try await head.get("/payment-orders/\(try order.requireID())").body.string
            #expect(sheet.contains("شمارهٔ ۴۵۶۷/د مورخ ۱۴۰۵/۰۱/۱۰"))
            // the order's lines are the file's settlement lines, and sum to its amount (R-CL-08)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.head)
            let detail = try await app.send(.GET, "/api/v1/payment-orders/\(try order.requireID())", token: flow.accountant)
            let lines = try #require(detail.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == (settlement.json["lines"] as? [[String: Any]])?.compactMap { $0["code"] as? String })
            #expect(lines.compactMap { $0["amount"] as? Int }.reduce(0, +) == Int(order.amount))
            #expect(detail.json["amountInWords"] as? String == Rial(amount: order.amount).inWords)
        }
    }

    @Test("R-CL-10 the claim order needs the payee's IBAN; an invalid one is 422 invalid-iban")
    func ibanRequired() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            #expect(try await flow.order(claimID, iban: nil).fieldCodes == ["iban": "required"])
            // the hand-checked IBAN with its check digits 20 → 21: remainder 2, not 1
            #expect(try await flow.order(claimID, iban: "IR210170000000000123456789").fieldCodes == ["iban": "invalid-iban"])
            #expect(try await flow.order(claimID, iban: "IR20 0170 0000 0000 0123 4567 8").fieldCodes == ["iban": "invalid-iban"])
            let ordered = try await flow.order(claimID, iban: "ir۲۰-۰۱۷۰-۰۰۰۰-۰۰۰۰-۰۱۲۳-۴۵۶۷-۸۹")
            #expect(ordered.status == .created)
            #expect(ordered.json["iban"] as? String == ClaimFlow.iban)
        }
    }

    @Test("R-CL-10 the accountant pays the claim's order on the file's route too; once; not before the order nor after today")
    func paidOnceThroughTheFile() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            // nothing to pay before the order
            #expect(try await flow.post(claimID, "paid", json: ["transferReference": "ACH-1"], token: flow.accountant).problemCode == "no-payment-order")
            let orderID = try #require(try await flow.order(claimID).json["id"] as? String)
            let missing = try await flow.post(claimID, "paid", json: [:], token: flow.accountant)
            #expect(missing.fieldCodes == ["transferReference": "required"])
            let bad = try await flow.post(claimID, "paid", json: ["transferReference": "ACH 1;", "paidOn": "1405/01/11"], token: flow.accountant)
            #expect(bad.fieldCodes == ["transferReference": "invalid-transfer-reference"])
            // the order is dated today, 1405/01/10: the day before is refused, so is tomorrow
            #expect(try await flow.markPaid(order: orderID, json: ["paidOn": "1405/01/09"]).fieldCodes == ["paidOn": "paid-before-order"])
            #expect(try await flow.markPaid(order: orderID, json: ["paidOn": "1405/01/11"]).fieldCodes == ["paidOn": "date-in-future"])
            #expect(try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims).json["status"] as? String == "payment-ordered")
            let paid = try await flow.post(claimID, "paid", json: ["transferReference": "ACH-2002"], token: flow.accountant)
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(paid.json["paid"] as? Bool == true)
            #expect(try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims).json["status"] as? String == "paid")
            // a second payment, by either route
            let twice = try await flow.markPaid(order: orderID, reference: "ACH-3003")
            #expect(twice.status == .conflict)
            #expect(twice.problemCode == "order-already-paid")
            #expect(try await flow.post(claimID, "paid", json: ["transferReference": "ACH-3003"], token: flow.accountant).problemCode == "order-already-paid")
            let stored = try #require(try await PaymentOrder.find(UUID(uuidString: orderID), on: app.db))
            #expect(stored.transferReference == "ACH-2002")
            #expect(stored.paidOn == "1405/01/10")
            // R-G-07: audited once, with the reference
            let audit = try await AuditRecord.query(on: app.db).filter(\.$action == "payment-order.paid").all()
            #expect(audit.count == 1)
            #expect(audit.first?.after?.contains("ACH-2002") == true)
            guard case .intact = try await AuditVerifier.verify(on: app.db) else { Issue.record("the audit chain stays intact"); return }
        }
    }

    @Test("R-CL-10 a refund order (endorsement) is paid by the accountant the same way; its IBAN is optional and checked when given")
    func refundOrderPaid() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policies.issuedPolicy()
            // remove the 40,000,000 computer from 1405/07/15: −400,000 × 179 / 365 = −196,164.38… → refund 196,164
            let res = try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.policies.issuer,
                                         json: ["effectiveDate": "1405/07/15", "kind": "refund", "changes": ["items": PolicyFlow.items([60_000_000])]])
            let orderID = try #require((res.json["paymentOrder"] as? [String: Any])?["id"] as? String)
            let shown = try await app.send(.GET, "/api/v1/payment-orders/\(orderID)", token: flow.accountant)
            // 196,164 = 196 × 10³ + 164
            #expect(shown.json["amountInWords"] as? String == "صد و نود و شش هزار و صد و شصت و چهار ریال")
            #expect(shown.json["purpose"] as? String == "refund")
            #expect(shown.json["iban"] == nil)
            #expect(shown.json["paid"] as? Bool == false)
            // only accounting pays
            #expect(try await flow.markPaid(order: orderID, token: flow.claims).status == .forbidden)
            #expect(try await flow.markPaid(order: orderID, token: flow.policies.issuer).status == .forbidden)
            #expect(try await flow.markPaid(order: orderID, json: ["iban": "IR00"]).fieldCodes == ["iban": "invalid-iban"])
            let paid = try await flow.markPaid(order: orderID, reference: "۵۵۵۵۶۶۶۶", json: ["iban": "IR20 0170 0000 0000 0123 4567 89"])
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(paid.json["iban"] as? String == ClaimFlow.iban)
            #expect(paid.json["transferReference"] as? String == "55556666")
            #expect(try await flow.markPaid(order: orderID).problemCode == "order-already-paid")
            // an order nobody may see is not found
            #expect(try await flow.markPaid(order: UUID().uuidString).status == .notFound)
        }
    }

    @Test("R-CL-10 a file marked paid before payments were accounting's keeps its state when its order is recorded")
    func earlierPaidFile() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            let orderID = try #require(try await flow.order(claimID).json["id"] as? String)
            // given a file the expert marked paid under the earlier rule (its order unpaid)
            let claim = try #require(try await Claim.find(UUID(uuidString: claimID), on: app.db))
            claim.status = .paid
            claim.paidOn = "1405/01/09"
            try await claim.save(on: app.db)
            try await TestApp.reseal(app, "claim", try claim.requireID())
            // when accounting records the order; then the order is paid and the file stays as it was
            #expect(try await flow.markPaid(order: orderID).status == .ok)
            let file = try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims)
            #expect(file.json["status"] as? String == "paid")
            #expect(file.json["paidOn"] as? String == "1405/01/09")
        }
    }
}
