@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The browser case of the money leak, replayed: a refund endorsement, then a cancellation. What
/// is paid out equals what the rules owe (R-P-07, R-P-08), computed by hand.
/// Term 1405/01/15 → 1406/01/15 = 365 days (1405 is not leap). Effective 1405/07/15 leaves
/// 1405/07/15 → 1406/01/15 = 5 × 30 (Mehr–Bahman) + 29 (Esfand 1405) = 179 days.
/// Computers 60,000,000 + 40,000,000 → premium 1 % = 1,000,000; dropping the second leaves
/// 600,000 a year: delta = (600,000 − 1,000,000) × 179 / 365 = −196,164.38… → −196,164.
@Suite("The policy account: no flow pays out twice (R-P-07, R-P-08)")
struct PolicyAccountFlowTests {
    static func refundEndorsement(_ app: Application, _ flow: PolicyFlow, _ policyID: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
            "effectiveDate": "1405/07/15", "description": "حذف رایانهٔ دوم",
            "changes": ["items": [["description": "رایانهٔ 1", "serial": "SN-1", "value": 60_000_000]]]])
    }

    static func refundOrders(_ app: Application, _ policyID: String) async throws -> [Int64] {
        try await PaymentOrder.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: policyID)).filter(\.$purpose == "refund")
            .sort(\.$createdAt).all().map(\.amount)
    }

    @Test("R-P-07/R-P-08 cash, paid in full: the endorsement refunds 196,164; the cancellation only the difference")
    func cashPaidInFull() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()   // 1,000,000 collected
            let endorsed = try await Self.refundEndorsement(app, flow, policyID)
            #expect(endorsed.json["premiumDelta"] as? Int == -196_164)
            #expect(try await Self.refundOrders(app, policyID) == [196_164])
            // the insurer cancels: notice 1405/08/01 + 20 = effective 1405/08/21; elapsed 1405/01/15 → 1405/08/21 =
            // 6 × 31 + 30 + 6 = 222 days; charged 1,000,000 − 196,164 = 803,836; retained 803,836 × 222 / 365 =
            // 178,451,592 / 365 = 488,908.47… → 488,908; the insurer holds 1,000,000 − 196,164 = 803,836 →
            // refund 803,836 − 488,908 = 314,928
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insurer", "noticeDate": "1405/08/01", "reason": "تشدید خطر"])
            #expect(cancelled.json["elapsedDays"] as? Int == 222)
            #expect(cancelled.json["retained"] as? Int == 488_908)
            #expect(cancelled.json["refund"] as? Int == 314_928)
            // paid out 196,164 + 314,928 = 511,092 = 1,000,000 collected − 488,908 retained: nothing twice
            #expect(try await Self.refundOrders(app, policyID) == [196_164, 314_928])
            // the page and the API read the account: net paid 1,000,000 − 511,092 = 488,908 = charged; nothing owed;
            // the schedule's one line 1,000,000 − 196,164 − 314,928 = 488,908
            let view = try await flow.get(policyID).json
            #expect(view["premium"] as? Int == 488_908)
            #expect(view["paid"] as? Int == 488_908)
            #expect(view["refunded"] as? Int == 511_092)
            #expect(view["owed"] as? Int == 0)
            #expect((view["schedule"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [488_908])
        }
    }

    @Test("R-P-07/R-P-08 installments partly paid: the refund reduces what is owed, no order; the cancellation charges the rest")
    func installmentsPartlyPaid() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000, 40_000_000]).json["id"] as? String)
            // 300,000 down, then 2 × 350,000
            let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2])
            let policyID = try #require(registered.json["id"] as? String)
            let paymentID = try #require(try await flow.cheque(policyID, amount: 300_000).json["id"] as? String)
            #expect(try await flow.collect(paymentID).status == .ok)
            #expect(try await flow.issue(policyID).status == .ok)
            // 700,000 still owed: the 196,164 credit comes off the last installment, nothing is paid out
            let endorsed = try await Self.refundEndorsement(app, flow, policyID)
            #expect(endorsed.status == .created, "\(endorsed.body.string)")
            #expect(endorsed.json["paymentOrder"] == nil)
            #expect(try await Self.refundOrders(app, policyID).isEmpty)
            let schedule = try #require(try await flow.get(policyID).json["schedule"] as? [[String: Any]])
            // 350,000 − 196,164 = 153,836; Σ 300,000 + 350,000 + 153,836 = 803,836 = the premium charged
            #expect(schedule.compactMap { $0["amount"] as? Int } == [300_000, 350_000, 153_836])
            // the insurer cancels as above: retained 488,908, the insurer holds 300,000 → nothing to refund, 188,908 owed
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(policyID)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insurer", "noticeDate": "1405/08/01", "reason": "عدم پرداخت اقساط"])
            #expect(cancelled.json["refund"] as? Int == 0)
            #expect(cancelled.json["owed"] as? Int == 188_908)
            #expect(try await Self.refundOrders(app, policyID).isEmpty)
            // the schedule keeps the retained 488,908: the credit 803,836 − 488,908 = 314,928 comes off the unpaid
            // lines from the last: 153,836 → 0, then 350,000 − (314,928 − 153,836) = 188,908
            let view = try await flow.get(policyID).json
            #expect((view["schedule"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [300_000, 188_908, 0])
            #expect(view["paid"] as? Int == 300_000)
            #expect(view["owed"] as? Int == 188_908)
        }
    }

    /// Adds a third computer of 20,000,000 from 1405/07/15: annual 1,000,000 → 1,200,000, delta
    /// 200,000 × 179 / 365 = 98,082.19… → 98,082.
    static func additionalEndorsement(_ app: Application, _ flow: PolicyFlow, _ policyID: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer, json: [
            "effectiveDate": "1405/07/15", "description": "افزودن رایانهٔ سوم",
            "changes": ["items": PolicyFlow.items([60_000_000, 40_000_000, 20_000_000])]])
    }

    static func installmentPolicy(_ flow: PolicyFlow) async throws -> String {
        let quoteID = try #require(try await flow.quote([60_000_000, 40_000_000]).json["id"] as? String)
        let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2])
        let policyID = try #require(registered.json["id"] as? String)
        let paymentID = try #require(try await flow.cheque(policyID, amount: 300_000).json["id"] as? String)
        #expect(try await flow.collect(paymentID).status == .ok)
        #expect(try await flow.issue(policyID).status == .ok)
        return policyID
    }

    @Test("R-P-07 an additional premium on installments joins the open installments and takes effect at once")
    func additionalJoinsOpenInstallments() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.installmentPolicy(flow)
            let endorsed = try await Self.additionalEndorsement(app, flow, policyID)
            #expect(endorsed.json["premiumDelta"] as? Int == 98_082)
            #expect(endorsed.json["status"] as? String == "issued")
            // 98,082 over the two unpaid lines: 49,041 each; Σ 300,000 + 399,041 + 399,041 = 1,098,082 = 1,000,000 + 98,082
            let view = try await flow.get(policyID).json
            #expect((view["schedule"] as? [[String: Any]])?.compactMap { $0["amount"] as? Int } == [300_000, 399_041, 399_041])
            #expect(view["premium"] as? Int == 1_098_082)
            #expect(view["owed"] as? Int == 798_082)
        }
    }

    @Test("R-P-07 an additional premium on a paid cash policy is collected first, then becomes its own paid line")
    func additionalOnCashCollectedFirst() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let endorsed = try await Self.additionalEndorsement(app, flow, policyID)
            #expect(endorsed.json["status"] as? String == "awaiting-payment")
            let endorsementID = try #require(endorsed.json["id"] as? String)
            let paymentID = try #require(try await flow.cheque(policyID, amount: 98_082, endorsementID: endorsementID).json["id"] as? String)
            #expect(try await flow.collect(paymentID).status == .ok)
            // Σ 1,000,000 + 98,082 = 1,098,082 charged, all of it paid
            let view = try await flow.get(policyID).json
            let schedule = try #require(view["schedule"] as? [[String: Any]])
            #expect(schedule.compactMap { $0["amount"] as? Int } == [1_000_000, 98_082])
            #expect(schedule.last?["kind"] as? String == "additional")
            #expect(view["paid"] as? Int == 1_098_082)
            #expect(view["owed"] as? Int == 0)
        }
    }

    @Test("R-P-05/R-P-07 a held cheque for an installment a refund shrank is returned, not collected (payment-exceeds-owed)")
    func shrunkInstallmentChequeIsReturned() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.installmentPolicy(flow)
            // cheques held for installments 2 and 3 (350,000 each)
            let second = try #require(try await flow.cheque(policyID, amount: 350_000).json["id"] as? String)
            let third = try #require(try await flow.cheque(policyID, amount: 350_000).json["id"] as? String)
            // the refund of 196,164: 700,000 is still owed of collected money, so nothing is paid out (held cheques may
            // bounce); the credit comes off the last line: 350,000 − 196,164 = 153,836
            let endorsed = try await Self.refundEndorsement(app, flow, policyID)
            #expect(endorsed.json["paymentOrder"] == nil)
            let refused = try await flow.collect(third)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "payment-exceeds-owed")
            #expect(try await flow.collect(second).status == .ok)
            // the third cheque is handed back; a new one for 153,836 pays the line: 300,000 + 350,000 + 153,836 = 803,836
            #expect(try await app.send(.POST, "/api/v1/payments/\(third)/bounce", token: flow.accountant).status == .ok)
            let replacement = try #require(try await flow.cheque(policyID, amount: 153_836).json["id"] as? String)
            #expect(try await flow.collect(replacement).status == .ok)
            let view = try await flow.get(policyID).json
            #expect(view["paid"] as? Int == 803_836)
            #expect(view["owed"] as? Int == 0)
        }
    }
}

@Suite("Bank slips: a short payment id, confirmed once with the bank's tracking number (R-P-03)")
struct BankSlipTests {
    @Test("R-P-03 a slip's payment id is 10 digits with a check digit; it is confirmed once (slip-already-confirmed)")
    func confirmedOnce() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000, 40_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            let slip = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer,
                                          json: ["method": "bank-slip", "amount": 1_000_000, "paidOn": "1405/01/10"])
            #expect(slip.status == .created)
            let slipID = try #require(slip.json["slipId"] as? String)
            // today is 1405/01/10 and this is the year's first slip: 05 + 0000001 + check digit 3
            #expect(slipID == "0500000013")
            #expect(try SlipPaymentID.parse(slipID) == slipID)
            let paymentID = try #require(slip.json["id"] as? String)
            // the bank's tracking number is required to confirm
            let bare = try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: flow.accountant)
            #expect(bare.fieldCodes == ["trackingNumber": "required"])
            // a tracking number has the shape of a bank transfer reference: 4–40 Latin letters, digits or "-"
            let short = try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: flow.accountant, json: ["trackingNumber": "ab"])
            #expect(short.fieldCodes == ["trackingNumber": "invalid-transfer-reference"])
            let confirmed = try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: flow.accountant,
                                               json: ["trackingNumber": "۹۸۷۶۵۴۳۲۱"])
            #expect(confirmed.status == .ok)
            let stored = try #require(try await Payment.find(UUID(uuidString: paymentID), on: app.db))
            #expect(stored.bankTracking == "987654321")
            // confirming it again: refused, nothing changes
            let again = try await app.send(.POST, "/api/v1/payments/\(paymentID)/collect", token: flow.accountant,
                                           json: ["trackingNumber": "987654321"])
            #expect(again.status == .conflict)
            #expect(again.problemCode == "slip-already-confirmed")
            // a second slip for the same policy cannot be confirmed with the same bank deposit either
            let other = try await Self.endorsementSlip(app, flow, policyID)
            let reused = try await app.send(.POST, "/api/v1/payments/\(other)/collect", token: flow.accountant,
                                            json: ["trackingNumber": "987654321"])
            #expect(reused.problemCode == "slip-already-confirmed")
            #expect(try await Payment.query(on: app.db).filter(\.$status == .collected).count() == 1)
        }
    }

    /// After issue, an additional endorsement of 98,082 paid by a second slip.
    static func endorsementSlip(_ app: Application, _ flow: PolicyFlow, _ policyID: String) async throws -> String {
        #expect(try await flow.issue(policyID).status == .ok)
        let endorsed = try await PolicyAccountFlowTests.additionalEndorsement(app, flow, policyID)
        let endorsementID = try #require(endorsed.json["id"] as? String)
        let slip = try await app.send(.POST, "/api/v1/policies/\(policyID)/payments", token: flow.issuer,
                                      json: ["method": "bank-slip", "amount": 98_082, "paidOn": "1405/01/10", "endorsementId": endorsementID])
        #expect(slip.json["slipId"] as? String == "0500000021")
        return try #require(slip.json["id"] as? String)
    }
}

@Suite("One-time form tokens: Back and resubmit records nothing twice (R-P-03)")
struct FormOnceTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-P-03 the payment form posted twice with one token records one cheque; an error leaves the token unused")
    func backAndResubmit() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000, 40_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let once = try #require(Browser.hidden("_once", in: page))
            var form = ["_csrf": csrf, "_once": once, "method": "cheque", "amount": "1000000", "paidOn": "1405/01/10",
                        "chequeNumber": "777002", "chequeBank": "ملی", "chequeDueDate": "1405/01/10"]
            // a mistake first (no bank): refused, and the token stays unused
            form["chequeBank"] = ""
            let wrong = try await issuer.post("/policies/\(policyID)/payments", form: form)
            #expect(wrong.status == .unprocessableEntity)
            form["chequeBank"] = "ملی"
            let first = try await issuer.post("/policies/\(policyID)/payments", form: form)
            #expect(first.status == .seeOther)
            // Back, then the same form again
            let again = try await issuer.post("/policies/\(policyID)/payments", form: form)
            #expect(again.status == .conflict)
            #expect(CommandParityTests.pageCodes(again) == [":form-already-submitted"])
            #expect(try await Payment.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: policyID)!).count() == 1)
            // a freshly rendered page carries a new token
            let next = try #require(Browser.hidden("_once", in: try await issuer.get("/policies/\(policyID)").body.string))
            #expect(next != once)
        }
    }
}

@Suite("Renewal on the web: the window and the confirmation (R-P-09)")
struct WebRenewalTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-P-09 the page names the day renewal opens; inside the window the issuer must confirm (renewal-not-confirmed)")
    func windowAndConfirmation() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            // ends 1406/01/15: renewal opens 1405/12/14 (30 days before), shown instead of the button
            let early = try await issuer.get("/policies/\(policyID)").body.string
            #expect(early.contains("تمدید این بیمه‌نامه از ۱۴۰۵/۱۲/۱۴ ممکن است"))
            #expect(!early.contains("name=\"confirm\""))
            // ending 1405/01/25, inside the window: the form asks for confirmation
            let old = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            old.startDate = "1404/01/25"
            old.endDate = "1405/01/25"
            try await old.save(on: app.db)
            try await TestApp.reseal(app, "policy", try old.requireID())
            let page = try await issuer.get("/policies/\(policyID)").body.string
            #expect(page.contains("name=\"confirm\""))
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let unconfirmed = try await issuer.post("/policies/\(policyID)/renewal", form: ["_csrf": csrf])
            #expect(CommandParityTests.pageCodes(unconfirmed) == ["confirm:renewal-not-confirmed"])
            #expect(try await Policy.query(on: app.db).filter(\.$renewalOf.$id == UUID(uuidString: policyID)!).count() == 0)
            let confirmed = try await issuer.post("/policies/\(policyID)/renewal", form: ["_csrf": csrf, "confirm": "yes"])
            #expect(confirmed.status == .seeOther)
            #expect(try await Policy.query(on: app.db).filter(\.$renewalOf.$id == UUID(uuidString: policyID)!).count() == 1)
        }
    }
}

@Suite("Endorsements on the web: items added and removed, each printed as its own document (R-P-07)")
struct WebEndorsementTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-P-07 removing the second computer (40,000,000) and adding one of 20,000,000 from 1405/07/15 refunds 98,082")
    func addAndRemoveItems() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()   // 60,000,000 + 40,000,000, 1 %: 1,000,000, paid in cash
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            #expect(page.contains("name=\"remove[]\" value=\"1\""))
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let once = try #require(Browser.hidden("_once", in: page))
            // new list 60,000,000 + 20,000,000 → 800,000 a year; (800,000 − 1,000,000) × 179 / 365 = −98,082.19… → −98,082
            let res = try await issuer.post("/policies/\(policyID)/endorsements", form: [
                "_csrf": csrf, "_once": once, "effectiveDate": "1405/07/15", "description": "جایگزینی رایانهٔ دوم",
                "remove[]": "1", "items[0][description]": "رایانهٔ تازه", "items[0][serial]": "SN-9", "items[0][value]": "20000000"])
            #expect(res.status == .seeOther, "\(res.body.string)")
            let view = try await flow.get(policyID).json
            let endorsement = try #require((view["endorsements"] as? [[String: Any]])?.first)
            #expect(endorsement["premiumDelta"] as? Int == -98_082)
            let items = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)).inputs
            #expect(QuotePages.displayItems(items).map(\.serial) == ["SN-1", "SN-9"])
            // its own document: what changed, and where the 98,082 goes (paid in full before: all of it by order)
            let endorsementID = try #require(endorsement["id"] as? String)
            let printed = try await issuer.get("/endorsements/\(endorsementID)/print")
            #expect(printed.status == .ok)
            let text = printed.body.string
            #expect(text.contains("الحاقیهٔ شمارهٔ ۱"))
            #expect(text.contains("SN-9</td><td class=\"num\">۲۰٬۰۰۰٬۰۰۰</td><td>افزوده"))
            #expect(text.contains("SN-2</td><td class=\"num\">۴۰٬۰۰۰٬۰۰۰</td><td>حذف‌شده"))
            #expect(text.contains("۹۸٬۰۸۲ ریال با حوالهٔ شمارهٔ"))
            #expect(text.components(separatedBy: "<section class=\"copy\">").count == 4)
        }
    }
}
