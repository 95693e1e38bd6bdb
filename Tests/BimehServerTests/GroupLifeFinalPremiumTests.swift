@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The group life contract from the plan letter to the receipt over HTTP (R-GL-02, R-GL-07,
/// R-GL-08): the refusal that voids the file, the final-premium endorsement moving the
/// registered premium to the admitted members' one, the cheque and its receipt in 4 copies.
/// Today is 1405/01/10 (TestApp's clock).
@Suite("Group life final premium and receipt over HTTP (R-GL-02, R-GL-07, R-GL-08)")
struct GroupLifeFinalPremiumTests {
    typealias C = GroupLifeContractTests

    static func settle(_ app: Application, _ flow: PolicyFlow, _ id: String) async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(id)/final-premium", token: flow.issuer)
    }

    /// Registered, numbered, 100 members listed (row 2, age 50, awaits the examination).
    static func listed(_ app: Application, _ flow: PolicyFlow, token: String? = nil) async throws -> String {
        let id = try await C.registered(app, flow, token: token)
        #expect(try await C.contract(app, flow, id).status == .created)
        #expect(try await C.members(app, flow, id, C.list(100)).status == .created)
        return id
    }

    @Test("R-GL-07/08 a 50 % extra for row 2: 828,000,000 registered → 831,600,000 final by endorsement 1 (+3,600,000), once; paid by cheque; issued")
    func finalPremiumWithExtra() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.listed(app, flow)
            #expect(try await C.outcome(app, flow, id, row: 2, ["outcome": "extra", "extraPercent": 50]).status == .ok)
            let settled = try await Self.settle(app, flow, id)
            #expect(settled.status == .created, "\(settled.body.string)")
            // 100 × 7,200,000 + 100 × 1,080,000 + 50 % × 7,200,000 = 720,000,000 + 108,000,000 + 3,600,000
            #expect(settled.json["total"] as? Int == 831_600_000)
            #expect(settled.json["registered"] as? Int == 828_000_000)   // the request letter: 100 × 8,280,000
            #expect(settled.json["premiumDelta"] as? Int == 831_600_000 - 828_000_000)
            #expect(settled.json["endorsementNumber"] as? Int == 1)
            #expect(settled.json["admitted"] as? Int == 100)
            let policy = try await flow.get(id)
            #expect(policy.json["premium"] as? Int == 831_600_000)
            let endorsements = try #require(policy.json["endorsements"] as? [[String: Any]])
            #expect(endorsements.count == 1)
            #expect(endorsements.first?["kind"] as? String == "additional")
            #expect(endorsements.first?["status"] as? String == "issued")
            let audit = try await AuditRecord.query(on: app.db).filter(\.$action == "group-life.final-premium").count()
            #expect(audit == 1)
            // once
            let twice = try await Self.settle(app, flow, id)
            #expect(twice.status == .conflict)
            #expect(twice.json["code"] as? String == "final-premium-already-settled")
            // the doctor's outcome cannot change a standing the final premium was priced on
            let late = try await C.outcome(app, flow, id, row: 2, ["outcome": "decline"])
            #expect(late.status == .conflict)
            #expect(late.json["code"] as? String == "underwriting-after-final-premium")
            // the whole final premium by one cheque, collected, then issued
            let cheque = try await flow.cheque(id, amount: 831_600_000)
            #expect(cheque.status == .created, "\(cheque.body.string)")
            #expect(try await flow.collect(try #require(cheque.json["id"] as? String)).status == .ok)
            #expect(try await flow.issue(id).status == .ok)
            // after the issue no final premium is taken again
            #expect(try await Self.settle(app, flow, id).json["code"] as? String == "final-premium-already-settled")
        }
    }

    @Test("R-GL-07 a member the consulting doctor declines leaves the premium: 99 × 8,280,000 = 819,720,000, a refund endorsement of −8,280,000 with no money out")
    func declinedMemberRemoved() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.listed(app, flow)
            _ = try await C.outcome(app, flow, id, row: 2, ["outcome": "more-tests"])
            _ = try await C.outcome(app, flow, id, row: 2, ["outcome": "decline"])
            let settled = try await Self.settle(app, flow, id)
            #expect(settled.json["total"] as? Int == 99 * 8_280_000)
            #expect(settled.json["premiumDelta"] as? Int == 99 * 8_280_000 - 100 * 8_280_000)
            #expect(settled.json["declined"] as? Int == 1)
            let policy = try await flow.get(id)
            #expect(policy.json["premium"] as? Int == 819_720_000)
            #expect((policy.json["endorsements"] as? [[String: Any]])?.first?["kind"] as? String == "refund")
            // the cash schedule's one line is the final premium; nothing was paid, so no payment order
            let schedule = try #require(policy.json["schedule"] as? [[String: Any]])
            #expect(schedule.compactMap { $0["amount"] as? Int } == [819_720_000])
            #expect(try await PaymentOrder.query(on: app.db).count() == 0)
            // issued on the final premium, the declined row was never charged: removing it refunds nothing
            let cheque = try await flow.cheque(id, amount: 819_720_000)
            #expect(try await flow.collect(try #require(cheque.json["id"] as? String)).status == .ok)
            #expect(try await flow.issue(id).status == .ok)
            let removal = try await app.send(.POST, "/api/v1/policies/\(id)/endorsements", token: flow.issuer,
                                             json: ["effectiveDate": "1405/07/15", "changes": ["removeRows": [2]]])
            #expect(removal.status == .unprocessableEntity)
            #expect(removal.fieldCodes == ["changes.removeRows[0]": "member-not-charged"])
            #expect(try await Endorsement.query(on: app.db).count() == 1, "only the final-premium endorsement")
        }
    }

    @Test("R-GL-08 a retried final premium with the same Idempotency-Key answers the first 201 and endorses once")
    func idempotentRetry() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.listed(app, flow)
            let headers: HTTPHeaders = ["authorization": "Bearer \(flow.issuer)", "Idempotency-Key": "final-premium-\(id)"]
            let first = try await app.testing().sendRequest(.POST, "/api/v1/policies/\(id)/final-premium", headers: headers)
            let retry = try await app.testing().sendRequest(.POST, "/api/v1/policies/\(id)/final-premium", headers: headers)
            #expect(first.status == .created && retry.status == .created)
            // row 2 still awaits the examination: 99 × 8,280,000 = 819,720,000
            #expect(first.json["total"] as? Int == 819_720_000)
            #expect(retry.body.string == first.body.string)
            #expect(try await Endorsement.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count() == 1)
        }
    }

    @Test("R-GL-07 refused: before the contract number, before the member list, after a payment, for another product; nothing stored")
    func refusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await C.registered(app, flow)
            #expect(try await Self.settle(app, flow, id).json["code"] as? String == "contract-not-numbered")
            _ = try await C.contract(app, flow, id)
            let early = try await Self.settle(app, flow, id)
            #expect(early.status == .conflict)
            #expect(early.json["code"] as? String == "member-list-missing")
            // a cheque for the registered premium first: the final premium comes before any payment
            let paid = try await Self.listed(app, flow)
            #expect(try await flow.cheque(paid, amount: 828_000_000).status == .created)
            #expect(try await Self.settle(app, flow, paid).json["code"] as? String == "final-premium-after-payment")
            let computer = try await flow.issuedPolicy()
            #expect(try await Self.settle(app, flow, computer).fieldCodes == ["id": "not-a-group-life-contract"])
            #expect(try await GroupLifeFinalPremiumRecord.query(on: app.db).count() == 0)
            #expect(try await Endorsement.query(on: app.db).count() == 0)
        }
    }

    @Test("R-GL-02 the customer's final refusal voids the file once (file-already-voided); a voided plan is not registered")
    func refusalVoidsTheFile() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let companyID = try await LifeQuoteTests.company(app, flow)
            let quote = try await LifeQuoteTests.quote(app, flow, "group-life", LifeQuoteTests.group, customer: companyID)
            let quoteID = try #require(quote.json["id"] as? String)
            let blank = try await app.send(.POST, "/api/v1/quotes/\(quoteID)/refusal", token: flow.issuer, json: ["reason": ""])
            #expect(blank.fieldCodes == ["reason": "required"])
            let voided = try await app.send(.POST, "/api/v1/quotes/\(quoteID)/refusal", token: flow.issuer, json: ["reason": "نرخ پیشنهادی رقیب کمتر بود"])
            #expect(voided.status == .ok, "\(voided.body.string)")
            #expect(voided.json["status"] as? String == "declined")
            let again = try await app.send(.POST, "/api/v1/quotes/\(quoteID)/refusal", token: flow.issuer, json: ["reason": "دوباره"])
            #expect(again.status == .conflict)
            #expect(again.json["code"] as? String == "file-already-voided")
            let register = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
                "quoteId": quoteID, "customerId": companyID, "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
            #expect(register.json["code"] as? String == "quote-already-used")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "group-life.file-voided").count() == 1)
            // a computer quote is not a group-life file
            let computer = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            #expect(try await app.send(.POST, "/api/v1/quotes/\(computer)/refusal", token: flow.issuer, json: ["reason": "x"]).fieldCodes
                    == ["id": "not-a-group-life-quote"])
        }
    }

    @Test("R-GL-08 the receipt of a contract sold by an agency prints 4 copies; a direct one 3 (no agency copy); a computer receipt stays one sheet")
    func receiptCopies() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            var browser = WebPageTests.Browser(app: app)
            try await browser.signIn("issuer")
            for (agent, copies) in [(true, 4), (false, 3)] {
                let id = try await Self.listed(app, flow, token: agent ? try await app.token("agent") : nil)
                _ = try await C.outcome(app, flow, id, row: 2, ["outcome": "accept"])
                #expect(try await Self.settle(app, flow, id).json["total"] as? Int == 828_000_000)   // all 100 admitted
                let cheque = try await flow.cheque(id, amount: 828_000_000)
                let paymentID = try #require(cheque.json["id"] as? String)
                let receipt = try await browser.get("/payments/\(paymentID)/receipt")
                #expect(receipt.status == .ok)
                let sheet = receipt.body.string
                #expect(sheet.components(separatedBy: "<section class=\"copy\">").count - 1 == copies)
                #expect(sheet.contains("نسخهٔ بیمه‌گذار") && sheet.contains("نسخهٔ ادارهٔ حسابداری") && sheet.contains("نسخهٔ بایگانی صدور"))
                #expect(sheet.contains("نسخهٔ نمایندگی معرفی‌کننده") == agent)
                #expect(sheet.contains("حق بیمهٔ قطعی قرارداد بیمهٔ عمر زمانی گروهی شمارهٔ"))
            }
            let computer = try await flow.issuedPolicy()
            let payment = try #require(try await Payment.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: computer)!).first())
            let sheet = try await browser.get("/payments/\(try payment.requireID().uuidString)/receipt").body.string
            #expect(!sheet.contains("<section class=\"copy\">"))
            #expect(sheet.contains("رونوشت: ادارهٔ حسابداری"))
        }
    }

    /// A measurement, not a rule (BIMEH_BENCH_LIFE=1, as the member-list benchmark).
    @Test("R-GL-07/08 the final-premium endorsement of a 10,000-member contract",
          .enabled(if: ProcessInfo.processInfo.environment["BIMEH_BENCH_LIFE"] == "1"))
    func tenThousand() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await C.registered(app, flow)
            _ = try await C.contract(app, flow, id)
            #expect(try await C.members(app, flow, id, C.list(10_000)).status == .created)
            var res: TestingHTTPResponse?
            let elapsed = try await ContinuousClock().measure { res = try await Self.settle(app, flow, id) }
            // 9,999 admitted (row 2 awaits the examination) × 8,280,000
            #expect(res?.json["total"] as? Int == 9_999 * 8_280_000)
            print("group-life final-premium endorsement of 10,000 members: \(elapsed) (\(TestApp.engineUnderTest))")
        }
    }
}
