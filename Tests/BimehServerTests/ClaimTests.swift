@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Claims over HTTP with hand-computed figures. Today is 1405/01/10.
@Suite("Claims (R-CL-01…13)")
struct ClaimTests {
    @Test("R-CL-01/07/08/10 a computer loss from notice to payment order: 30,000,000 − 2,000,000 − 10 % franchise = 25,200,000")
    func computerFlow() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            // notice: the letter takes the secretariat's number, the file the claim-notice register's
            let opened = try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10")
            #expect(opened.status == .created)
            #expect(opened.json["fileNumber"] as? String == "1405/1")
            #expect(opened.json["noticeLate"] as? Bool == false)
            #expect(opened.json["status"] as? String == "notified")
            #expect((opened.json["premiumInquiry"] as? [String: Any])?["full"] != nil, "cash premium collected 1405/01/01, before the loss")
            let claimID = try #require(opened.json["id"] as? String)

            // R-CL-06: the offer waits for the documents
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            // R-CL-05: the expert arranges the visit; the head has not yet approved the appointment
            #expect(try await flow.post(claimID, "inspection", json: ["visitDate": "1405/01/10", "expert": "مهندس کارشناس"]).status == .ok)
            #expect(try await flow.post(claimID, "assessment", json: ["loss": 30_000_000, "salvage": 2_000_000]).status == .ok)
            let blocked = try await flow.post(claimID, "offer")
            #expect(blocked.status == .conflict)
            #expect(blocked.problemCode == "documents-missing")
            try await flow.uploadRequired(claimID)

            // R-CL-08: approved 28,000,000; premium paid in full → no reduction; franchise 10 % → −2,800,000;
            // cap 100,000,000 with nothing paid before → no cap line; payable 25,200,000
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.head)
            #expect(settlement.status == .ok)
            let lines = try #require(settlement.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == ["loss", "salvage", "franchise"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [30_000_000, -2_000_000, -2_800_000])
            #expect(settlement.json["approved"] as? Int == 28_000_000)
            #expect(settlement.json["payable"] as? Int == 25_200_000)

            #expect(try await flow.post(claimID, "offer").json["status"] as? String == "offered")
            #expect(try await flow.post(claimID, "consent").json["status"] as? String == "agreed")
            // only the head orders payment; 7 copies for computer insurance (R-CL-10)
            #expect(try await flow.order(claimID, token: flow.claims).status == .forbidden)
            // R-CL-05: not before the head approved the expert's appointment
            let unapproved = try await flow.order(claimID)
            #expect(unapproved.status == .conflict)
            #expect(unapproved.problemCode == "appointment-not-approved")
            #expect(try await flow.post(claimID, "inspection/approval", token: flow.head).status == .ok)
            let order = try await flow.order(claimID)
            #expect(order.status == .created)
            #expect(order.json["amount"] as? Int == 25_200_000)
            #expect(order.json["copies"] as? Int == 7)
            #expect(order.json["number"] as? String == "1405/1")
            // R-CL-10: 25,200,000 = 25 × 10⁶ + 200 × 10³
            #expect(order.json["amountInWords"] as? String == "بیست و پنج میلیون و دویست هزار ریال")
            #expect(order.json["iban"] as? String == ClaimFlow.iban)
            let orderID = try #require(order.json["id"] as? String)
            // R-CL-10: accounting pays, not the claims expert nor the head
            #expect(try await flow.post(claimID, "paid", json: ["transferReference": "ACH-1"]).status == .forbidden)
            #expect(try await flow.markPaid(order: orderID, token: flow.claims).status == .forbidden)
            #expect(try await flow.markPaid(order: orderID, token: flow.head).status == .forbidden)
            let paid = try await flow.markPaid(order: orderID, reference: " ach-14050110-0001 ")
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(paid.json["transferReference"] as? String == "ACH-14050110-0001")
            #expect(paid.json["paidOn"] as? String == "1405/01/10")
            let file = try await app.send(.GET, "/api/v1/claims/\(claimID)", token: flow.claims)
            #expect(file.json["status"] as? String == "paid")
            #expect(file.json["paidOn"] as? String == "1405/01/10")
            // R-CL-11: the expert's fee after payment, approved by the head: 3 copies
            #expect(try await flow.post(claimID, "expert-fee", json: ["amount": 5_000_000, "expert": "مهندس کارشناس آزاد"]).status == .ok)
            let fee = try await flow.post(claimID, "expert-fee/approval", token: flow.head)
            #expect(fee.json["copies"] as? Int == 3)
            #expect(fee.json["amount"] as? Int == 5_000_000)
            #expect(try await flow.post(claimID, "close").json["status"] as? String == "closed")
            guard case .intact = try await AuditVerifier.verify(on: app.db) else { Issue.record("every step is in an intact audit chain"); return }
            let timeline = try await AuditRecord.query(on: app.db).filter(\.$entity == "claim").filter(\.$entityID == claimID.uppercased()).count()
            #expect(timeline >= 10, "each step of the file is audited")
        }
    }

    @Test("R-CL-02/03 computer: notice on the 14th day is on time, the 15th is late and waits for the expert")
    func computerNoticeDeadline() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            // loss 1405/01/02 + 14 days = deadline 1405/01/16 — beyond today, so use the earlier policy days:
            // loss 1405/01/02, notice 1405/01/10: 8 days, on time
            let onTime = try await flow.notice(policyID, loss: "1405/01/02", notice: "1405/01/10")
            #expect(onTime.json["noticeLate"] as? Bool == false)
        }
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            // a policy from 1404/12/01 (1404 is not leap: Esfand has 29 days), premium collected 1404/12/01
            let quoteID = try #require(try await flow.policies.quote([10_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.policies.registerBackdated(quoteID: quoteID, start: "1404/12/01", end: "1405/12/01").json["id"] as? String)
            let paymentID = try #require(try await flow.policies.cheque(policyID, amount: 100_000).json["id"] as? String)
            _ = try await flow.policies.collect(paymentID)
            _ = try await flow.policies.issue(policyID)
            let payment = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
            payment.settledOn = "1404/12/01"
            try await payment.save(on: app.db)
            try await TestApp.reseal(app, "payment", try payment.requireID())
            // loss 1404/12/25: deadline = +14 days = 1404/12/29 (+4) → 1405/01/10 (+10); notice that day: on time
            let deadlineDay = try await flow.notice(policyID, loss: "1404/12/25", notice: "1405/01/10")
            #expect(deadlineDay.json["noticeLate"] as? Bool == false)
            // loss 1404/12/24: deadline 1405/01/09; notice 1405/01/10 is one day late
            let late = try await flow.notice(policyID, loss: "1404/12/24", notice: "1405/01/10")
            #expect(late.json["noticeLate"] as? Bool == true)
            #expect(late.json["daysLate"] as? Int == 1)
            #expect(late.json["status"] as? String == "notified")
            let lateID = try #require(late.json["id"] as? String)
            // nothing moves until the expert attests (R-CL-03); an unchanged subject lets it go on
            #expect(try await flow.post(lateID, "assessment", json: ["loss": 1_000_000]).problemCode == "late-notice-undecided")
            #expect(try await flow.post(lateID, "late-notice", json: ["subjectUnchanged": true]).json["lateDecision"] as? String == "accept")
            #expect(try await flow.post(lateID, "document-request").status == .ok)
            #expect(try await flow.post(lateID, "assessment", json: ["loss": 1_000_000]).status == .ok)
            // the other late file: subject changed → rejected with a letter
            let deadlineID = try #require(deadlineDay.json["id"] as? String)
            #expect(try await flow.post(deadlineID, "late-notice", json: ["subjectUnchanged": false]).problemCode == "no-late-decision-pending")
        }
    }

    // Corrected (R-CL-02/03 revised): a late liability notice is recorded and accepted, and the
    // days count from the day the employer learned of the claim.
    @Test("R-CL-02/03 employer's liability: 5 days from learning of the claim; a late notice is recorded and accepted")
    func liabilityNotice() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.liabilityPolicy()
            // loss 1405/01/05 + 5 = deadline 1405/01/10: on time
            let onTime = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10", kind: "injury")
            #expect(onTime.json["noticeLate"] as? Bool == false)
            #expect(onTime.json["status"] as? String == "notified")
            // loss 1405/01/04: deadline 1405/01/09, notice 1405/01/10 is one day late → recorded, accepted, the file goes on
            let late = try await flow.notice(policyID, loss: "1405/01/04", notice: "1405/01/10", kind: "injury")
            #expect(late.json["noticeLate"] as? Bool == true)
            #expect(late.json["daysLate"] as? Int == 1)
            #expect(late.json["status"] as? String == "notified")
            #expect(late.json["lateDecision"] as? String == "accept")
            // loss 1405/01/02, learned of the claim 1405/01/05: deadline 1405/01/10, on time
            let known = try await app.send(.POST, "/api/v1/claims", token: flow.claims, json: [
                "policyId": policyID, "lossDate": "1405/01/02", "claimKnownDate": "1405/01/05", "noticeDate": "1405/01/10",
                "description": "ادعای کارگر آسیب‌دیده", "kind": "injury"])
            #expect(known.status == .created, "\(known.body.string)")
            #expect(known.json["noticeLate"] as? Bool == false)
            #expect(known.json["claimKnownDate"] as? String == "1405/01/05")
            // known before the loss: refused, nothing opened
            let before = try await app.send(.POST, "/api/v1/claims", token: flow.claims, json: [
                "policyId": policyID, "lossDate": "1405/01/03", "claimKnownDate": "1405/01/02", "noticeDate": "1405/01/10",
                "description": "ادعای کارگر آسیب‌دیده", "kind": "injury"])
            #expect(before.fieldCodes["claimKnownDate"] == "claim-known-before-loss")
        }
    }

    @Test("R-CL-04 cash premium collected after the loss: not payable, file closed with a letter")
    func premiumPaidAfterLoss() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy(collectedOn: "1405/01/09")
            let res = try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10")
            #expect(res.status == .created)
            #expect(res.json["status"] as? String == "closed-unpaid")
            #expect((res.json["endReason"] as? String)?.isEmpty == false)
        }
    }

    @Test("R-CL-04/08 installments not fully paid: payable is proportional, then the franchise")
    func proportional() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let quoteID = try #require(try await flow.policies.quote([100_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.policies.registerBackdated(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2],
                                                                          start: "1405/01/01", end: "1406/01/01").json["id"] as? String)
            let paymentID = try #require(try await flow.policies.cheque(policyID, amount: 300_000).json["id"] as? String)
            _ = try await flow.policies.collect(paymentID)
            _ = try await flow.policies.issue(policyID)
            // collected 1405/01/10 = loss day: counts. paid 300,000 of 1,000,000.
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/10", lossAmount: 10_000_000, salvage: 0)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            // approved 10,000,000 → kept 10,000,000 × 300,000 / 1,000,000 = 3,000,000 (line −7,000,000)
            // → franchise 10 % of 3,000,000 = −300,000 → payable 2,700,000
            let lines = try #require(settlement.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == ["loss", "salvage", "premium-proportion", "franchise"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [10_000_000, 0, -7_000_000, -300_000])
            #expect(settlement.json["payable"] as? Int == 2_700_000)
        }
    }

    @Test("R-CL-08 the cap is the sum insured minus earlier payments on the policy")
    func capWithPreviousPayments() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            // sum insured 20,000,000 (premium 200,000)
            let policyID = try await flow.policy([20_000_000])
            // first loss: 15,000,000 − 10 % = 13,500,000, ordered
            let first = try await flow.agreedClaim(policyID, loss: "1405/01/03", lossAmount: 15_000_000, salvage: 0)
            #expect(try await flow.order(first).json["amount"] as? Int == 13_500_000)
            // second loss: approved 12,000,000 − 1,000,000 = 11,000,000; franchise −1,100,000 → 9,900,000;
            // cap left 20,000,000 − 13,500,000 = 6,500,000 → cap-reduction −3,400,000 → payable 6,500,000
            let second = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 12_000_000, salvage: 1_000_000)
            let settlement = try await app.send(.GET, "/api/v1/claims/\(second)/settlement", token: flow.claims)
            let lines = try #require(settlement.json["lines"] as? [[String: Any]])
            #expect(lines.compactMap { $0["code"] as? String } == ["loss", "salvage", "franchise", "cap-reduction"])
            #expect(lines.compactMap { $0["amount"] as? Int } == [12_000_000, -1_000_000, -1_100_000, -3_400_000])
            #expect(settlement.json["payable"] as? Int == 6_500_000)
        }
    }

    @Test("R-CL-12 a second notice of a loss already paid is refused with a letter")
    func alreadyPaid() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            #expect(try await flow.order(claimID).status == .created)
            let again = try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10")
            #expect(again.status == .conflict)
            #expect(again.problemCode == "loss-already-paid")
            #expect(try await Letter.query(on: app.db).filter(\.$direction == .outgoing).count() >= 2, "offer letter and refusal letter")
            #expect(try await Claim.query(on: app.db).count() == 1)
        }
    }

    @Test("R-CL-12 20 concurrent payment-order requests produce exactly one order")
    func concurrentPaymentOrders() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<20 { group.addTask { try await flow.order(claimID).status.code } }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 19)
            #expect(try await PaymentOrder.query(on: app.db).filter(\.$purpose == "claim").count() == 1)
        }
    }

    @Test("documents: type checked by content, size limited, served only to claims staff")
    func documents() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10").json["id"] as? String)
            let exe = try await flow.upload(claimID, code: "purchase-invoice", data: Data("MZ\u{90}\u{0}binary".utf8), filename: "invoice.pdf")
            #expect(exe.fieldCodes["file"] == "unsupported-file-type")
            let unknown = try await flow.upload(claimID, code: "birth-certificate")
            #expect(unknown.fieldCodes["code"] == "unknown-document")
            let big = try await flow.upload(claimID, code: "purchase-invoice", data: ClaimFlow.pdf + Data(count: 5 * 1024 * 1024))
            #expect(big.status == .payloadTooLarge)
            let ok = try await flow.upload(claimID, code: "purchase-invoice")
            #expect(ok.status == .created)
            let documentID = try #require(((ok.json["documents"] as? [[String: Any]])?.first?["id"]) as? String)
            let download = try await app.send(.GET, "/api/v1/claims/\(claimID)/documents/\(documentID)", token: flow.claims)
            #expect(download.status == .ok)
            #expect(Data(download.body.readableBytesView) == ClaimFlow.pdf)
            for outsider in ["agent", "provider", "issuer"] {
                let token = try await app.token(outsider)
                #expect(try await app.send(.GET, "/api/v1/claims/\(claimID)/documents/\(documentID)", token: token).status == .forbidden)
            }
        }
    }

    @Test("R-CL-09 a dispute ends in a meeting with an agreed amount that replaces the assessed one")
    func disputeAndAgreement() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10").json["id"] as? String)
            _ = try await flow.post(claimID, "document-request")
            try await flow.approveAppointment(claimID)
            try await flow.uploadRequired(claimID)
            _ = try await flow.post(claimID, "assessment", json: ["loss": 10_000_000])
            _ = try await flow.post(claimID, "offer")
            #expect(try await flow.post(claimID, "dispute", json: ["reason": "ارزش جایگزینی بیشتر است"]).json["status"] as? String == "disputed")
            let meeting = try await flow.post(claimID, "meetings", json: ["date": "1405/01/10", "notes": "جلسه با کارشناس آزاد", "agreedAmount": 9_500_000])
            #expect(meeting.json["status"] as? String == "agreed")
            // assessed: 10,000,000 − 10 % = 9,000,000; agreed 9,500,000 → an agreed-adjustment line of +500,000
            let settlement = try await app.send(.GET, "/api/v1/claims/\(claimID)/settlement", token: flow.claims)
            #expect(settlement.json["payable"] as? Int == 9_500_000)
            #expect((settlement.json["lines"] as? [[String: Any]])?.last?["amount"] as? Int == 500_000)
            #expect(try await flow.order(claimID).json["amount"] as? Int == 9_500_000)
        }
    }

    @Test("monthly claims figures: count, paid and outstanding per product")
    func monthlyFigures() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let paid = try await flow.agreedClaim(policyID, loss: "1405/01/03", lossAmount: 10_000_000, salvage: 0)
            _ = try await flow.order(paid)
            let open = try #require(try await flow.notice(policyID, loss: "1405/01/05", notice: "1405/01/10").json["id"] as? String)
            _ = try await flow.post(open, "inspection", json: ["visitDate": "1405/01/11", "expert": "کارشناس خسارت"])
            #expect(try await flow.post(open, "inspection/approval", token: flow.head).status == .ok)
            _ = try await flow.post(open, "assessment", json: ["loss": 4_000_000, "salvage": 500_000])
            let report = try await app.send(.GET, "/api/v1/reports/claims/monthly?year=1405&month=1", token: flow.head)
            let rows = try #require(report.json["rows"] as? [[String: Any]])
            let computer = try #require(rows.first { $0["product"] as? String == "computer" })
            // two files noticed in Farvardin; 9,000,000 paid (10,000,000 − 10 %); 3,500,000 outstanding (4,000,000 − 500,000)
            #expect(computer["count"] as? Int == 2)
            #expect(computer["paid"] as? Int == 9_000_000)
            #expect(computer["outstanding"] as? Int == 3_500_000)
            #expect(try await app.send(.GET, "/api/v1/reports/claims/monthly?year=1405&month=13", token: flow.head).status == .unprocessableEntity)
        }
    }
}
