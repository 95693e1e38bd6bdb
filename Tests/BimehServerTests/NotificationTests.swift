@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// SMS to the insured (issue #16 item 3): on issue, 3 days before an installment, on every claim
/// state change; each one stored with its outcome and listed on the policy and claim pages.
@Suite("SMS notifications to the insured")
struct NotificationTests {
    typealias Browser = WebPageTests.Browser

    static func inbox(_ app: Application) throws -> RecordingSMSGateway {
        try #require(app.bimeh.sms as? RecordingSMSGateway)
    }

    static func messages(_ app: Application, kind: SentMessage.Kind) async throws -> [SentMessage] {
        try await SentMessage.query(on: app.db).filter(\.$kind == kind.rawValue).sort(\.$queuedAt).all()
    }

    @Test("issuing a policy texts the insured its number and cover, in Persian digits; listed on the policy page; audited (R-G-07)")
    func issued() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await flow.issuedPolicy()
            let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            let number = try #require(policy.printedNumber)
            let sms = try Self.inbox(app).sent.filter { $0.to == "09121234567" }
            #expect(sms.count == 1)
            // 1405/01/15 → ۱۴۰۵/۰۱/۱۵; the number «1405/1» → «۱۴۰۵/۱»
            #expect(sms.first?.text == "بیمه‌گذار گرامی، بیمه‌نامهٔ شمارهٔ \(Normalize.persianDigits(number)) شما صادر شد؛ پوشش از ۱۴۰۵/۰۱/۱۵ تا ۱۴۰۶/۰۱/۱۵.")
            let stored = try await Self.messages(app, kind: .policyIssued)
            #expect(stored.map(\.outcome) == ["sent"])
            #expect(stored.first?.sentAt != nil)
            let id = try #require(stored.first?.id).uuidString
            let trail = try await AuditRecord.query(on: app.db).filter(\.$entityID == id).sort(\.$id).all().map(\.action)
            #expect(trail == ["sms.queued", "sms.sent"])
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            #expect(page.contains("پیامک‌های بیمه‌گذار") && page.contains("صدور بیمه‌نامه") && page.contains("data-outcome=\"sent\""))
            #expect(page.contains("۰۹۱۲۱۲۳۴۵۶۷"))
        }
    }

    @Test("an SMS provider that fails never fails the issue: the policy is issued and the message recorded as failed")
    func failingGateway() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            try Self.inbox(app).failing = true
            let policyID = try await flow.issuedPolicy()
            #expect(try await flow.get(policyID).json["status"] as? String == "issued")
            let stored = try await Self.messages(app, kind: .policyIssued)
            #expect(stored.map(\.outcome) == ["failed"])
            #expect(stored.first?.reason != nil)
            let id = try #require(stored.first?.id).uuidString
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entityID == id).filter(\.$action == "sms.failed").count() == 1)
        }
    }

    @Test("a customer without a mobile: no SMS, the issue succeeds, the message is listed as not sent with the reason")
    func noMobile() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let customer = try #require(try await Customer.find(UUID(uuidString: flow.customerID), on: app.db))
            customer.mobile = nil
            try await customer.save(on: app.db)
            try await TestApp.reseal(app, "customer", try customer.requireID())
            let before = try Self.inbox(app).sent.count
            let policyID = try await flow.issuedPolicy()
            #expect(try Self.inbox(app).sent.count == before)
            let stored = try await Self.messages(app, kind: .policyIssued)
            #expect(stored.map(\.outcome) == ["not-sent"])
            #expect(stored.first?.reason == Notifier.noMobile)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            #expect(page.contains("data-outcome=\"not-sent\"") && page.contains(Notifier.noMobile))
        }
    }

    @Test("each claim state change texts the insured the new state; listed on the claim page")
    func claimStep() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/09").json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let claim = try #require(try await Claim.find(UUID(uuidString: claimID), on: app.db))
            let file = Normalize.persianDigits(claim.printedFileNumber)
            let text = "پروندهٔ خسارت شمارهٔ \(file): وضعیت به «در انتظار مدارک» تغییر کرد."
            #expect(try Self.inbox(app).sent.last?.text == text)
            let stored = try await Self.messages(app, kind: .claimState)
            #expect(stored.count == 1 && stored.first?.claimID == claim.id && stored.first?.outcome == "sent")
            var claims = Browser(app: app)
            try await claims.signIn("claims")
            let page = try await claims.get("/claims/\(claimID)").body.string
            #expect(page.contains("تغییر وضعیت پروندهٔ خسارت") && page.contains("در انتظار مدارک"))
        }
    }

    @Test("the daily run texts installments due in 3 days, once: a second run the same day sends nothing")
    func dueReminders() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([100_000_000]).json["id"] as? String)
            // premium 1,000,000 = 300,000 down + 2 × 350,000
            let registered = try await flow.register(quoteID: quoteID, payment: ["plan": "installments", "downPayment": 300_000, "count": 2])
            let policyID = try #require(registered.json["id"] as? String)
            let schedule = try #require(registered.json["schedule"] as? [[String: Any]])
            #expect(schedule.count == 3)
            let down = try #require(try await flow.cheque(policyID, amount: 300_000).json["id"] as? String)
            #expect(try await flow.collect(down).status == .ok)
            #expect(try await flow.issue(policyID).status == .ok)
            let second = try #require(schedule[1]["dueDate"] as? String)
            let runDay = try JalaliDate(parsing: second).adding(days: -3)
            let number = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.printedNumber)
            // a day too early: nothing is due in 3 days
            #expect(try await DueReminders.run(on: runDay.adding(days: -1), app: app).queued == 0)
            let first = try await DueReminders.run(on: runDay, app: app)
            #expect(first.queued == 1 && first.delivered == 1)
            let text = "یادآوری: قسط ۲ بیمه‌نامهٔ شمارهٔ \(Normalize.persianDigits(number)) به مبلغ ۳۵۰٬۰۰۰ ریال در تاریخ \(Normalize.persianDigits(second)) سررسید می‌شود."
            #expect(try Self.inbox(app).sent.last?.text == text)
            let sentBefore = try Self.inbox(app).sent.count
            let again = try await DueReminders.run(on: runDay, app: app)
            #expect(again.queued == 0 && again.delivered == 0)
            #expect(try Self.inbox(app).sent.count == sentBefore)
            let stored = try await Self.messages(app, kind: .installmentDue)
            #expect(stored.count == 1 && stored.first?.installment == 2)
            // an installment whose cheque was handed in is not reminded
            let third = try #require(schedule[2]["dueDate"] as? String)
            _ = try await InstallmentChequeTests.cheque(app, flow, policyID, amount: 350_000, installment: 3, number: "888003")
            #expect(try await DueReminders.run(on: try JalaliDate(parsing: third).adding(days: -3), app: app).queued == 0)
        }
    }
}
