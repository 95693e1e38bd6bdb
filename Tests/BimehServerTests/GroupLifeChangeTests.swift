@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// Group life member changes, cancellation and renewal over HTTP (R-GL-09, R-GL-12, R-GL-13).
/// Today is 1405/01/10 (TestApp's clock). The contract runs 1405/01/10 → 1406/01/10, 365 days,
/// 1,000,000,000 per person, class 2, both covers: 7,200,000 + 1,080,000 = 8,280,000 a person a
/// year; quoted for 100 members, 828,000,000, paid in cash; three members listed.
@Suite("Group life member changes, cancellation and renewal (R-GL-09, 12, 13)")
struct GroupLifeChangeTests {
    static let annualPerPerson = 7_200_000 + 1_080_000

    /// The issued contract with members 1…3 (born 1365/01/01, 1355/01/01, 1365/01/01).
    static func issuedContract(_ app: Application, _ flow: PolicyFlow) async throws -> String {
        let id = try await GroupLifeContractTests.registered(app, flow)
        #expect(try await GroupLifeContractTests.contract(app, flow, id).status == .created)
        #expect(try await GroupLifeContractTests.members(app, flow, id, GroupLifeContractTests.list(3)).status == .created)
        let payment = try await flow.cheque(id, amount: 828_000_000)
        #expect(try await flow.collect(try #require(payment.json["id"] as? String, "\(payment.body.string)")).status == .ok)
        let issued = try await flow.issue(id)
        #expect(issued.status == .ok, "\(issued.body.string)")
        return id
    }

    static func endorse(_ app: Application, _ flow: PolicyFlow, _ id: String, _ changes: [String: Any],
                        on date: String = "1405/07/15") async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(id)/endorsements", token: flow.issuer, json: ["effectiveDate": date, "changes": changes])
    }

    static func rows(_ app: Application, _ id: String) async throws -> [GroupLifeMemberRecord] {
        try await GroupLifeMemberRecord.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).sort(\.$row).all()
    }

    static func orders(_ app: Application, _ id: String) async throws -> Int {
        try await PaymentOrder.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count()
    }

    @Test("R-GL-09 two members added from 1405/07/15: 174 days left → ceil(174 × 12 / 365) = 6 months, 2 × 8,280,000 × 6 / 12 = 8,280,000; rows 4 and 5 once paid")
    func addTwoMembers() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)
            let added = try await Self.endorse(app, flow, id, ["addMembers": [GroupLifeContractTests.member(4, born: "1370/03/01"),
                                                                                GroupLifeContractTests.member(5, born: "1350/03/01")]])
            #expect(added.status == .created, "\(added.body.string)")
            #expect(added.json["kind"] as? String == "additional")
            // 174 × 12 = 2088; 2088 / 365 = 5.72… → 6 months
            #expect(added.json["premiumDelta"] as? Int == 2 * Self.annualPerPerson * 6 / 12)
            #expect(added.json["premiumDelta"] as? Int == 8_280_000)
            #expect(added.json["status"] as? String == "awaiting-payment")
            // not on the list until the additional premium is collected
            #expect(try await Self.rows(app, id).count == 3)
            let endorsementID = try #require(added.json["id"] as? String)
            let paid = try await flow.cheque(id, amount: 8_280_000, endorsementID: endorsementID)
            #expect(try await flow.collect(try #require(paid.json["id"] as? String, "\(paid.body.string)")).status == .ok)
            let rows = try await Self.rows(app, id)
            #expect(rows.map(\.row) == [1, 2, 3, 4, 5])
            #expect(rows[3].addedBy == 1)
            #expect(rows[3].addedOn == "1405/07/15")
            // T-GL-EXAM at 1,000,000,000 in a group of 5: 35 at 1405/07/15 → questionnaire; 55 → examination
            #expect(rows[3].underwriting == "questionnaire")
            #expect(rows[4].underwriting == "examination")
            let policy = try #require(try await Policy.find(UUID(uuidString: id), on: app.db))
            #expect(policy.annualPremium == 828_000_000 + 2 * 8_280_000)
            #expect(try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "inputs").members == 5)
        }
    }

    @Test("R-GL-09/R-GL-13 removing row 2 on 1405/12/20 (19 days left → ceil(228 / 365) = 1 month) refunds 8,280,000 / 12 = 690,000, to accounting without a payment order")
    func removeInLastMonth() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)
            // 1405/12/20 → 1405/12/29 is 9 days (Esfand 1405 has 29), + 10 of Farvardin = 19
            let removed = try await Self.endorse(app, flow, id, ["removeRows": [2]], on: "1405/12/20")
            #expect(removed.status == .created, "\(removed.body.string)")
            #expect(removed.json["kind"] as? String == "refund")
            #expect(removed.json["premiumDelta"] as? Int == -(Self.annualPerPerson * 1 / 12))
            #expect(removed.json["premiumDelta"] as? Int == -690_000)
            #expect(removed.json["status"] as? String == "issued")
            #expect(removed.json["paymentOrder"] == nil)
            #expect(try await Self.orders(app, id) == 0)
            let rows = try await Self.rows(app, id)
            // never deleted: the row stays, marked with the endorsement and the day
            #expect(rows.count == 3)
            #expect(rows[1].removedOn == "1405/12/20")
            #expect(rows[1].removedBy == 1)
            #expect(rows[0].removedOn == nil)
            // the printed endorsement says where the 690,000 goes
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let printed = try await issuer.get("/endorsements/\(try #require(removed.json["id"] as? String))/print").body.string
            #expect(printed.contains("برگشت حق بیمه ۶۹۰٬۰۰۰ ریال"))
            #expect(printed.contains("حوالهٔ پرداخت صادر نمی‌شود"))
            #expect(printed.contains("تفاوت حق بیمه (به نسبت ماه‌های باقی‌مانده)"))
            // and the contract's page shows the account's credit, not a negative balance
            let page = try await issuer.get("/policies/\(id)").body.string
            #expect(page.contains("بستانکار ۶۹۰٬۰۰۰"))
        }
    }

    @Test("R-GL-09 refusals, nothing stored: a row not on the list, a row twice, a row removed before, a member listed twice, every member removed")
    func refusals() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)
            let unknown = try await Self.endorse(app, flow, id, ["removeRows": [9]])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.fieldCodes == ["changes.removeRows[0]": "unknown-member-row"])
            let twice = try await Self.endorse(app, flow, id, ["removeRows": [1, 1]])
            #expect(twice.fieldCodes == ["changes.removeRows[1]": "duplicate-row"])
            let everyone = try await Self.endorse(app, flow, id, ["removeRows": [1, 2, 3]])
            #expect(everyone.fieldCodes == ["changes.removeRows": "group-empty"])
            // the same person twice in one request, and a person already on the list (row 1)
            let newcomer = GroupLifeContractTests.member(7, born: "1370/03/01")
            let doubled = try await Self.endorse(app, flow, id, ["addMembers": [newcomer, newcomer]])
            #expect(doubled.fieldCodes == ["changes.addMembers[1]": "duplicate-member"])
            let listed = try await Self.endorse(app, flow, id, ["addMembers": [GroupLifeContractTests.member(1, born: "1365/01/01")]])
            #expect(listed.fieldCodes == ["changes.addMembers[0]": "duplicate-member"])
            let both = try await Self.endorse(app, flow, id, ["addMembers": [newcomer], "removeRows": [1]])
            #expect(both.fieldCodes == ["changes": "member-change-required"])
            #expect(try await Endorsement.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count() == 0)
            // removed once; the second time it is member-already-removed and nothing more is stored
            #expect(try await Self.endorse(app, flow, id, ["removeRows": [3]]).status == .created)
            let again = try await Self.endorse(app, flow, id, ["removeRows": [3]], on: "1405/08/01")
            #expect(again.fieldCodes == ["changes.removeRows[0]": "member-already-removed"])
            #expect(try await Endorsement.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count() == 1)
            #expect(try await Self.rows(app, id).filter { $0.removedOn != nil }.map(\.row) == [3])
        }
    }

    @Test("R-GL-09/R-GL-13 cancelling on notice 1405/06/26 (effective 1405/07/15, 6 months left) refunds 828,000,000 × 6 / 12 = 414,000,000 without an order; no endorsement after")
    func cancellation() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(id)/cancellation", token: flow.issuer,
                                               json: ["initiatedBy": "insured", "noticeDate": "1405/06/26", "reason": "پایان همکاری"])
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            // notice 1405/06/26 + 20 days (Shahrivar has 31) = 1405/07/15; 174 days left → 6 months, whoever asks (not T-SP)
            #expect(cancelled.json["effectiveDate"] as? String == "1405/07/15")
            #expect(cancelled.json["method"] as? String == "months")
            #expect(cancelled.json["retained"] as? Int == 828_000_000 - 828_000_000 * 6 / 12)
            #expect(cancelled.json["refund"] as? Int == 414_000_000)
            #expect(cancelled.json["paymentOrder"] == nil)
            #expect(try await Self.orders(app, id) == 0)
            let after = try await Self.endorse(app, flow, id, ["removeRows": [1]], on: "1405/08/01")
            #expect(after.status == .conflict)
            #expect(after.json["code"] as? String == "policy-cancelled")
            #expect(try await Endorsement.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).count() == 0)
        }
    }

    @Test("R-GL-12 the renewal is a new contract numbered in the register (600001/…/1405) carrying the two active members, not the removed one")
    func renewal() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)   // contract 600000/9995/11/1405
            #expect(try await Self.endorse(app, flow, id, ["removeRows": [2]], on: "1405/01/20").status == .created)
            // moved back a year so that it ends on 1405/01/25, inside the renewal window
            let old = try #require(try await Policy.find(UUID(uuidString: id), on: app.db))
            old.startDate = "1404/01/25"
            old.endDate = "1405/01/25"
            try await old.save(on: app.db)
            try await TestApp.reseal(app, "policy", try old.requireID())
            let renewed = try await app.send(.POST, "/api/v1/policies/\(id)/renewal", token: flow.issuer,
                                             json: ["payment": ["plan": "cash"]])
            #expect(renewed.status == .created, "\(renewed.body.string)")
            let newID = try #require(renewed.json["id"] as? String)
            // two members of 8,280,000
            #expect(renewed.json["premium"] as? Int == 2 * 8_280_000)
            let contract = try #require(try await GroupLifeDesk.contract(of: UUID(uuidString: newID)!, on: app.db))
            #expect(contract.number == "600001/9995/11/1405")
            let rows = try await Self.rows(app, newID)
            #expect(rows.map(\.row) == [1, 2])
            let oldRows = try await Self.rows(app, id)
            #expect(rows.map(\.lastName) == [oldRows[0].lastName, oldRows[2].lastName])
            #expect(rows.map(\.underwriting) == [oldRows[0].underwriting, oldRows[2].underwriting])
        }
    }

    @Test("R-GL-09 the member page: a CSV line with a bad date is named by its line and nothing stored; ticking row 1 removes it; two members from the file add 8,280,000")
    func memberPage() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await Self.issuedContract(app, flow)
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let policyPage = try await issuer.get("/policies/\(id)").body.string
            #expect(policyPage.contains("/policies/\(id)/member-changes"))
            let page = try await issuer.get("/policies/\(id)/member-changes")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("name=\"remove[]\" value=\"3\""))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))
            let header = GroupMemberCSV.header
            func post(_ csv: String?, remove: [String] = [], on date: String = "1405/07/15") async throws -> TestingHTTPResponse {
                let once = WebPageTests.Browser.hidden("_once", in: try await issuer.get("/policies/\(id)/member-changes").body.string) ?? ""
                let boundary = "----bimeh-test-boundary"
                var body = ""
                for (name, value) in [("_csrf", csrf), ("_once", once), ("effectiveDate", date), ("description", "تغییر اعضا")] + remove.map({ ("remove[]", $0) }) {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                if let csv {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"add.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
                }
                body += "--\(boundary)--\r\n"
                return try await issuer.app.testing().sendRequest(.POST, "/policies/\(id)/member-changes",
                    headers: ["cookie": issuer.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
            }
            let bad = try await post([header, "علی,نو,1370/03/01,501,تهران,کارشناس,", "رضا,نو,1370/13/01,502,تهران,کارشناس,"].joined(separator: "\n"))
            #expect(bad.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(bad) == ["members:invalid-date"])
            #expect(bad.body.string.contains("سطر ۳"))
            #expect(try await Endorsement.query(on: app.db).count() == 0)
            let removed = try await post(nil, remove: ["1"], on: "1405/12/20")
            #expect(removed.status == .seeOther, "\(removed.body.string)")
            #expect(try await Self.rows(app, id).first?.removedOn == "1405/12/20")
            // two from the file on 1405/12/20: 19 days → 1 month, 2 × 8,280,000 × 1 / 12 = 1,380,000
            let added = try await post([header, "علی,نو,1370/03/01,501,تهران,کارشناس,", "رضا,نو,1371/03/01,502,تهران,کارشناس,"].joined(separator: "\r\n"),
                                       on: "1405/12/20")
            #expect(added.status == .seeOther, "\(added.body.string)")
            let last = try #require(try await Endorsement.query(on: app.db).sort(\.$number, .descending).first())
            #expect(last.premiumDelta == 2 * 8_280_000 * 1 / 12)
            #expect(last.status == .awaitingPayment)
        }
    }
}
