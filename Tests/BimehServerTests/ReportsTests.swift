@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The monthly reports and the month-end close over HTTP (R-P-10, R-RP-01…04), with the issue's
/// worked example: three computer policies (agency A: 1,000,000 and 2,000,000; direct: 500,000)
/// and one third-party policy in 1405/01; 1405/01 closed; a refund endorsement effective
/// 1405/01/20 registered on 1405/02/03 goes into 1405/02 as an adjustment.
@Suite("Monthly reports and month-end close (R-P-10, R-RP-01…04)")
struct ReportsTests {
    /// Computer insurance is 1 % of the sum insured (R-CP-02): 100,000,000 → 1,000,000.
    static func computerPolicy(_ app: Application, _ flow: PolicyFlow, value: Int64, seller: String) async throws -> String {
        let quote = try await app.send(.POST, "/api/v1/quotes", token: seller,
                                       json: ["product": "computer", "customerId": flow.customerID, "date": "1405/01/10", "inputs": ["items": PolicyFlow.items([value])]])
        let quoteID = try #require(quote.json["id"] as? String)
        let policy = try await flow.register(quoteID: quoteID, token: seller)
        let policyID = try #require(policy.json["id"] as? String)
        let premium = try #require(policy.json["premium"] as? Int)
        #expect(premium == Int(value / 100))
        _ = try await flow.collect(try #require(try await flow.cheque(policyID, amount: Int64(premium)).json["id"] as? String))
        #expect(try await flow.issue(policyID).status == .ok)
        return policyID
    }

    struct Sold {
        var flow: PolicyFlow
        var accountant: String
        var refundable: String
    }

    /// The sales of the worked example, all in 1405/01 (today 1405/01/10).
    static func sellMonth(_ app: Application) async throws -> Sold {
        let flow = try await PolicyFlow.start(app)
        let agent = try await app.token("agent")
        _ = try await app.send(.POST, "/api/v1/customers", token: agent, json: Bodies.natural())
        let first = try await computerPolicy(app, flow, value: 100_000_000, seller: agent)
        _ = try await computerPolicy(app, flow, value: 200_000_000, seller: agent)
        _ = try await computerPolicy(app, flow, value: 50_000_000, seller: flow.issuer)
        _ = try await ThirdPartyTests.issuedThirdParty(app, flow)
        return Sold(flow: flow, accountant: try await app.token("accountant"), refundable: first)
    }

    /// `group|product` → `count/amount` of a report's rows.
    static func rows(_ res: TestingHTTPResponse) -> [String: String] {
        var result: [String: String] = [:]
        for row in (res.json["rows"] as? [[String: Any]]) ?? [] {
            result["\(row["group"] as? String ?? "")|\(row["product"] as? String ?? "")"] = "\(row["count"] as? Int ?? -1)/\(row["amount"] as? Int ?? -1)"
        }
        return result
    }

    static let agencyA = "نمایندگی ۱۲۳۴ — تهران"

    @Test("R-RP-01/02 worked example: 1405/01 by agency, close, a late refund in 1405/02 as an adjustment; CSV with Persian headers")
    func workedExample() async throws {
        let dial = MovableClock(try JalaliDate(parsing: "1405/01/10"))
        try await TestApp.run(adjust: { $0.clock = dial.clock }) { app in
            let sold = try await Self.sellMonth(app)
            let url = "/api/v1/reports/issued-policies/1405/1"
            let report = try await app.send(.GET, url + "?by=agency", token: sold.accountant)
            #expect(report.status == .ok)
            #expect(report.json["status"] as? String == "draft")
            let rows = Self.rows(report)
            // agency A: 1,000,000 + 2,000,000 = 3,000,000 in 2 policies; direct: 500,000 computer and the
            // third-party car (car-4-cyl 1405 sample: 98,435,000)
            #expect(rows["\(Self.agencyA)|computer"] == "2/3000000")
            #expect(rows["فروش مستقیم|computer"] == "1/500000")
            #expect(rows["فروش مستقیم|third-party"] == "1/98435000")
            let total = try #require(report.json["total"] as? [String: Any])
            // 3,000,000 + 500,000 + 98,435,000 = 101,935,000 in 4 policies
            #expect(total["count"] as? Int == 4)
            #expect(total["amount"] as? Int == 101_935_000)
            let entries = try #require(report.json["entries"] as? [[String: Any]])
            #expect(entries.count == 4)
            #expect(entries.allSatisfy { (($0["documents"] as? [String]) ?? []).first?.hasPrefix("بیمه‌نامهٔ 1405/") == true })
            // R-RP-03: each policy row lists the policy and the proposal it was issued from
            #expect(entries.allSatisfy { (($0["documents"] as? [String]) ?? []).last?.hasPrefix("پیشنهاد 1405/") == true })

            // by department: the computer policies under engineering, the car under motor
            let byDepartment = Self.rows(try await app.send(.GET, url + "?by=department", token: sold.accountant))
            #expect(byDepartment["ادارهٔ بیمه‌های مهندسی|computer"] == "3/3500000")
            #expect(byDepartment["ادارهٔ بیمه‌های خودرو|third-party"] == "1/98435000")
            let company = Self.rows(try await app.send(.GET, url + "?by=company", token: sold.accountant))
            #expect(company["کل شرکت|computer"] == "3/3500000")

            // the month cannot close before it ends
            let early = try await app.send(.POST, "/api/v1/months/1405/1/close", token: sold.accountant)
            #expect(early.status == .unprocessableEntity)
            #expect(early.problemCode == "month-not-ended")

            // 1405/02/03: close 1405/01, then a refund endorsement effective 1405/01/20
            dial.set(try JalaliDate(parsing: "1405/02/03"))
            // tokens signed in on 1405/01/10 have expired by then: sign in again
            let accountant = try await app.token("accountant"), issuer = try await app.token("issuer")
            let close = try await app.send(.POST, "/api/v1/months/1405/1/close", token: accountant)
            #expect(close.status == .ok)
            #expect(close.json["closed"] as? Bool == true)
            #expect(try await app.send(.POST, "/api/v1/months/1405/1/close", token: accountant).problemCode == "month-already-closed")
            let before = try await app.send(.GET, "/api/v1/reports/endorsements/1405/1", token: accountant)
            #expect(before.json["closed"] as? Bool == true)

            // the 100,000,000 computer → 60,000,000: annual 1,000,000 → 600,000 (−400,000), from 1405/01/20;
            // term 1405/01/15 → 1406/01/15 = 365 days, remaining from 1405/01/20 = 360;
            // delta = −400,000 × 360 / 365 = −394,520.5… → −394,521 (half away from zero)
            let refund = try await app.send(.POST, "/api/v1/policies/\(sold.refundable)/endorsements", token: issuer,
                                            json: ["effectiveDate": "1405/01/20", "kind": "refund", "changes": ["items": PolicyFlow.items([60_000_000])]])
            #expect(refund.status == .created)
            #expect(refund.json["premiumDelta"] as? Int == -394_521)

            // 1405/01 unchanged (frozen), 1405/02 shows the adjustment with its sign
            let january = try await app.send(.GET, "/api/v1/reports/contracts-and-endorsements/1405/1?by=agency", token: accountant)
            #expect((january.json["total"] as? [String: Any])?["amount"] as? Int == 101_935_000)
            #expect(try await app.send(.GET, "/api/v1/reports/endorsements/1405/1", token: accountant).json["rows"] as? [Any] != nil)
            #expect(((try await app.send(.GET, "/api/v1/reports/endorsements/1405/1", token: accountant).json["total"] as? [String: Any])?["count"] as? Int) == 0)
            let february = try await app.send(.GET, "/api/v1/reports/endorsements/1405/2?by=agency", token: accountant)
            #expect(Self.rows(february)["\(Self.agencyA)|computer"] == "1/-394521")
            let adjustment = try #require((february.json["entries"] as? [[String: Any]])?.first)
            #expect(adjustment["corrects"] as? String == "1405/01")
            #expect(adjustment["document"] as? String == "الحاقیهٔ 1 بیمه‌نامهٔ \(try #require(await Self.number(app, sold.refundable)))")

            // CSV: BOM, Persian headers, rials
            let csv = try await app.testing().sendRequest(.GET, url + "?by=agency&format=csv", headers: ["authorization": "Bearer \(accountant)"])
            #expect(csv.headers.contentType?.subType == "csv")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let text = csv.body.string
            #expect(text.contains("نمایندگی,رشته,تعداد,حق بیمه (ریال)"))
            // the agency row: 2 policies, 3,000,000 rials as a plain integer
            #expect(text.contains("\(Self.agencyA),") && text.contains(",2,3000000,"))
            #expect(try await app.send(.GET, url, token: accountant).headers.contentType?.subType == "json")
            let accepted = try await app.testing().sendRequest(.GET, url, headers: ["authorization": "Bearer \(accountant)", "accept": "text/csv"])
            #expect(accepted.headers.contentType?.subType == "csv")

            // reconciliation finds nothing for either month
            #expect(try await Reconciliation.run(try ReportMonth(year: 1405, month: 1), on: app.db).isEmpty)
            #expect(try await Reconciliation.run(try ReportMonth(year: 1405, month: 2), on: app.db).isEmpty)
        }
    }

    @Test("R-RP-01 claims paid by contract and a cancellation in the endorsements report, with their signs; reconcile clean")
    func claimsAndCancellation() async throws {
        let dial = MovableClock(try JalaliDate(parsing: "1405/01/10"))
        try await TestApp.run(adjust: { $0.clock = dial.clock }) { app in
            let flow = try await ClaimFlow.start(app)
            // a computer loss of 5,000,000, no salvage, 10 % franchise: 5,000,000 − 500,000 = 4,500,000 ordered
            let policyID = try await flow.policy()
            let claimID = try await flow.agreedClaim(policyID, loss: "1405/01/05", lossAmount: 5_000_000, salvage: 0)
            let order = try await flow.order(claimID)
            #expect(order.json["amount"] as? Int == 4_500_000)
            let paid = try await app.send(.GET, "/api/v1/reports/claims-paid/1405/1", token: flow.accountant)
            #expect(Self.rows(paid)["ادارهٔ بیمه‌های مهندسی|computer"] == "1/4500000")
            let documents = try #require((paid.json["entries"] as? [[String: Any]])?.first?["documents"] as? [String])
            #expect(documents.count == 3 && documents[1].hasPrefix("پروندهٔ خسارت "))
            // the insured cancels another policy (1,000,000 from 1405/01/15) with notice on 1405/02/04:
            // effective 20 days later, 1405/02/24; T-SP ≤ 60 days retains 30 % = 300,000;
            // the premium changes by 300,000 − 1,000,000 = −700,000, in 1405/02
            let other = try await flow.policies.issuedPolicy()
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(other)/cancellation", token: flow.policies.issuer,
                                               json: ["initiatedBy": "insured", "noticeDate": "1405/02/04", "reason": "فروش رایانه‌ها"])
            #expect(cancelled.json["retained"] as? Int == 300_000)
            dial.set(try JalaliDate(parsing: "1405/02/25"))
            let accountant = try await app.token("accountant")
            let endorsements = try await app.send(.GET, "/api/v1/reports/endorsements/1405/2", token: accountant)
            #expect(Self.rows(endorsements)["ادارهٔ بیمه‌های مهندسی|computer"] == "1/-700000")
            // the issued policies of 1405/01: 1,000,000 each, the claim's from 1405/01/01 and the other from 1405/01/15
            #expect(Self.rows(try await app.send(.GET, "/api/v1/reports/issued-policies/1405/1", token: accountant))["ادارهٔ بیمه‌های مهندسی|computer"] == "2/2000000")
            #expect(try await Reconciliation.run(try ReportMonth(year: 1405, month: 1), on: app.db).isEmpty)
            #expect(try await Reconciliation.run(try ReportMonth(year: 1405, month: 2), on: app.db).isEmpty)
        }
    }

    static func number(_ app: Application, _ id: String) async throws -> String? {
        try await Policy.find(UUID(uuidString: id), on: app.db)?.printedNumber
    }

    @Test("R-RP-01/04 approve once, statistics & reinsurance only after approval (409 report-not-approved), every change audited")
    func workflow() async throws {
        try await TestApp.run { app in
            let accountant = try await app.token("accountant")
            let url = "/api/v1/reports/claims-paid/1405/1"
            let early = try await app.send(.POST, url + "/send", token: accountant, json: ["recipient": "statistics-reinsurance"])
            #expect(early.status == .conflict)
            #expect(early.problemCode == "report-not-approved")
            let supervision = try await app.send(.POST, url + "/send", token: accountant, json: ["recipient": "claims-supervision"])
            #expect(supervision.json["status"] as? String == "sent")
            let approve = try await app.send(.POST, url + "/approve", token: accountant)
            #expect(approve.status == .ok)
            #expect(try await app.send(.POST, url + "/approve", token: accountant).problemCode == "report-already-approved")
            let sent = try await app.send(.POST, url + "/send", token: accountant, json: ["recipient": "statistics-reinsurance"])
            #expect(sent.status == .ok)
            #expect(sent.json["status"] as? String == "sent")
            #expect(try await app.send(.POST, url + "/send", token: accountant, json: ["recipient": "statistics-reinsurance"]).problemCode == "report-already-sent")
            #expect(try await app.send(.POST, url + "/send", token: accountant, json: ["recipient": "nobody"]).problemCode == "unknown-recipient")
            let report = try await app.send(.GET, url, token: accountant)
            #expect(report.json["status"] as? String == "sent")
            #expect(report.json["sentTo"] as? [String] == ["claims-supervision", "statistics-reinsurance"])
            let audited = try await AuditRecord.query(on: app.db).filter(\.$entity == "report").count()
            // sent (supervision), approved, sent (reinsurance): three state changes
            #expect(audited == 3)
        }
    }

    @Test("R-RP bad input: month 13, year 99999, a month not yet begun, closing out of order, unknown ?by= and kind, other roles")
    func badInput() async throws {
        try await TestApp.run { app in
            let accountant = try await app.token("accountant")
            func code(_ method: HTTPMethod, _ path: String, _ token: String) async throws -> (HTTPStatus, String?) {
                let res = try await app.send(method, path, token: token)
                return (res.status, res.problemCode)
            }
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/13", accountant) == (.unprocessableEntity, "invalid-month"))
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/99999/1", accountant) == (.unprocessableEntity, "invalid-year"))
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/x", accountant) == (.unprocessableEntity, "invalid-month"))
            // today is 1405/01/10: 1405/02 has not begun
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/2", accountant) == (.unprocessableEntity, "month-not-begun"))
            #expect(try await code(.POST, "/api/v1/months/1405/2/close", accountant) == (.unprocessableEntity, "month-not-begun"))
            #expect(try await code(.POST, "/api/v1/months/1405/13/close", accountant) == (.unprocessableEntity, "invalid-month"))
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/1?by=product", accountant) == (.unprocessableEntity, "unknown-grouping"))
            #expect(try await code(.GET, "/api/v1/reports/everything/1405/1", accountant) == (.unprocessableEntity, "unknown-report"))
            // a page number near Int.max lists nothing rather than overflowing the offset
            let far = try await app.send(.GET, "/api/v1/reports/issued-policies/1405/1?page=9223372036854775807", token: accountant)
            #expect(far.status == .ok)
            #expect((far.json["entries"] as? [Any])?.isEmpty == true)
            // closing out of order: 1404/10 then 1404/12 skips 1404/11
            #expect(try await code(.POST, "/api/v1/months/1404/10/close", accountant) == (.ok, nil))
            #expect(try await code(.POST, "/api/v1/months/1404/12/close", accountant) == (.conflict, "month-close-out-of-order"))
            #expect(try await code(.POST, "/api/v1/months/1404/9/close", accountant) == (.conflict, "month-already-closed"))
            #expect(try await code(.POST, "/api/v1/months/1404/11/close", accountant) == (.ok, nil))
            // roles: the head reads but neither approves nor closes; others do not read
            let head = try await app.token("head")
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/1", head).0 == .ok)
            #expect(try await code(.POST, "/api/v1/reports/issued-policies/1405/1/approve", head).0 == .forbidden)
            #expect(try await code(.POST, "/api/v1/months/1405/1/close", head).0 == .forbidden)
            for role in ["issuer", "claims", "agent", "admin"] {
                #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/1", try await app.token(role)).0 == .forbidden, "\(role)")
            }
            #expect(try await code(.GET, "/api/v1/reports/issued-policies/1405/1", "").0 == .unauthorized)
        }
    }

    @Test("R-P-10 reconcile names a corrupted statistics entry")
    func reconcileFindsCorruption() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await flow.issuedPolicy()
            let month = try ReportMonth(year: 1405, month: 1)
            #expect(try await Reconciliation.run(month, on: app.db).isEmpty)
            let entry = try #require(try await StatisticsEntry.query(on: app.db).first())
            entry.amount += 1
            try await entry.save(on: app.db)
            let differences = try await Reconciliation.run(month, on: app.db)
            // the policy's premium is 1,000,000 (1 % of 100,000,000); the store now says 1,000,001
            #expect(differences == [Reconciliation.Difference(document: "بیمه‌نامهٔ 1405/1", inStore: 1_000_001, inSources: 1_000_000)])
        }
    }

    @Test("R-RP-01/03 pages: dashboard with SVG charts, the report page with approve and send, CSV download, month close")
    func pages() async throws {
        let dial = MovableClock(try JalaliDate(parsing: "1405/01/10"))
        try await TestApp.run(adjust: { $0.clock = dial.clock }) { app in
            _ = try await Self.sellMonth(app)
            dial.set(try JalaliDate(parsing: "1405/02/03"))
            var browser = WebPageTests.Browser(app: app)
            try await browser.signIn("accountant")
            let dashboard = try await browser.get("/reports")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("<svg"))
            // drawn on the server: the only script is the pages' form helper
            #expect(dashboard.body.string.components(separatedBy: "<script").count == 2 && dashboard.body.string.contains(WebPath.formsScript))
            let page = try await browser.get("/reports/issued-policies/1405/1?by=agency")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(Self.agencyA))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))
            let approved = try await browser.post("/reports/issued-policies/1405/1/approve", form: ["_csrf": csrf])
            #expect(approved.status == .seeOther)
            let sent = try await browser.post("/reports/issued-policies/1405/1/send", form: ["_csrf": csrf, "recipient": "statistics-reinsurance"])
            #expect(sent.status == .seeOther)
            #expect(try await browser.get("/reports/issued-policies/1405/1").body.string.contains("data-status=\"sent\""))
            let csv = try await browser.get("/reports/issued-policies/1405/1/csv?by=agency")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let months = try await browser.get("/months")
            #expect(months.body.string.contains("/months/1405/1/close"))
            let closed = try await browser.post("/months/1405/1/close", form: ["_csrf": csrf])
            #expect(closed.status == .seeOther)
            let again = try await browser.post("/months/1405/1/close", form: ["_csrf": csrf])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("month-already-closed"))
        }
    }
}
