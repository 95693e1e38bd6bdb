@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// A group health policy's persons changed by endorsement (R-SH-10, R-P-07), over the API and
/// from the policy page's CSV form. Today is 1405/01/10 (TestApp's clock); the policy runs
/// 1405/01/10 → 1406/01/10, 365 days; a change on 1405/07/15 leaves 174 of them (Mehr 15 +
/// Aban–Bahman 4 × 30 + Esfand 29 + Farvardin 10).
@Suite("Group health changes by endorsement (R-SH-10, R-P-07)")
struct HealthGroupChangeTests {
    static let members = WebHealthGroupTests.codes + ["4455660011"]
    static let spouse = "0036271217"

    static func person(_ code: String, _ birth: String = "1365/05/01", sex: String = "male", relation: String = "main",
                       main: String? = nil, student: Bool? = nil) -> [String: Any] {
        var p: [String: Any] = ["nationalCode": code, "birthDate": birth, "sex": sex, "relation": relation]
        if let main { p["mainNationalCode"] = main }
        if let student { p["student"] = student }
        return p
    }

    /// Eleven members aged 39 and the first one's wife (37), silver: 90,000,000 × 70 % = 63,000,000
    /// each, 12 × 63,000,000 = 756,000,000, cash, paid and issued. The policy id.
    static func issuedGroup(_ app: Application, _ flow: PolicyFlow) async throws -> String {
        let company = try await app.send(.POST, "/api/v1/customers", token: flow.issuer,
                                         json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه"])
        let companyID = try #require(company.json["id"] as? String)
        let persons = members.map { person($0) } + [person(spouse, "1368/02/01", sex: "female", relation: "spouse", main: members[0])]
        let quote = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
            "product": "supplementary-health", "customerId": companyID, "date": "1405/01/10",
            "inputs": ["plan": "silver", "kind": "group", "hasBaseInsurance": true, "persons": persons]])
        #expect(quote.json["total"] as? Int == 756_000_000, "\(quote.body.string)")
        let registered = try await app.send(.POST, "/api/v1/policies", token: flow.issuer, json: [
            "quoteId": try #require(quote.json["id"] as? String), "customerId": companyID,
            "startDate": "1405/01/10", "endDate": "1406/01/10", "payment": ["plan": "cash"]])
        let policyID = try #require(registered.json["id"] as? String, "\(registered.body.string)")
        #expect(try await flow.collect(try #require(try await flow.cheque(policyID, amount: 756_000_000).json["id"] as? String)).status == .ok)
        #expect(try await flow.issue(policyID).status == .ok)
        return policyID
    }

    static func endorse(_ app: Application, _ flow: PolicyFlow, _ policyID: String, _ changes: [String: Any],
                        on date: String = "1405/07/15") async throws -> TestingHTTPResponse {
        try await app.send(.POST, "/api/v1/policies/\(policyID)/endorsements", token: flow.issuer,
                           json: ["effectiveDate": date, "changes": changes])
    }

    static func coverTo(_ app: Application, _ code: String) async throws -> [String] {
        try await HealthPersonRecord.query(on: app.db).filter(\.$nationalCode == code).all().map(\.coverTo)
    }

    @Test("R-SH-10/R-P-07 removing a member on 1405/07/15 removes his wife too and refunds 126,000,000 × 174 / 365 = 60,065,753")
    func removeMemberWithDependant() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedGroup(app, flow)
            // (630,000,000 − 756,000,000) × 174 / 365 = −60,065,753.42… → −60,065,753
            let removed = try await Self.endorse(app, flow, policyID, ["removePersons": [Self.members[0]]])
            #expect(removed.status == .created, "\(removed.body.string)")
            #expect(removed.json["kind"] as? String == "refund")
            #expect(removed.json["premiumDelta"] as? Int == -60_065_753)
            // paid in full in cash: the whole refund is paid out by order
            #expect((removed.json["paymentOrder"] as? [String: Any])?["amount"] as? Int == 60_065_753)
            #expect(try await Self.coverTo(app, Self.members[0]) == ["1405/07/15"])
            #expect(try await Self.coverTo(app, Self.spouse) == ["1405/07/15"])
            #expect(try await Self.coverTo(app, Self.members[1]) == ["1406/01/10"])
            let view = try await flow.get(policyID)
            #expect((view.json["insuredPersons"] as? [[String: Any]])?.count == 10)

            // ten members left: one more would make nine (T-SH: at least 10) — refused, nothing stored
            let tooFew = try await Self.endorse(app, flow, policyID, ["removePersons": [Self.members[1]]], on: "1405/07/20")
            #expect(tooFew.status == .unprocessableEntity)
            #expect(tooFew.fieldCodes == ["changes.removePersons": "group-too-small"])
            // a code not on the policy, and the full list beside a removal
            let stranger = try await Self.endorse(app, flow, policyID, ["removePersons": ["4455660151"]], on: "1405/07/20")
            #expect(stranger.fieldCodes == ["changes.removePersons[0]": "person-not-insured"])
            let both = try await Self.endorse(app, flow, policyID, ["removePersons": [Self.members[1]], "persons": []], on: "1405/07/20")
            #expect(both.fieldCodes["changes.persons"] == "conflicting-changes")
            #expect(try await Endorsement.query(on: app.db).count() == 1)
            #expect(try await Self.coverTo(app, Self.members[1]) == ["1406/01/10"])
        }
    }

    @Test("R-SH-10/D-GH adding a member and his son of 20: refused until the son is studying, then +126,000,000 × 174 / 365 = 60,065,753")
    func addMemberAndStudyingSon() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedGroup(app, flow)
            let newcomer = Self.person("4455660089")
            // born 1385/01/01: 20 on the policy's start 1405/01/10
            var son = Self.person("4455660224", "1385/01/01", relation: "child", main: "4455660089")
            let refused = try await Self.endorse(app, flow, policyID, ["addPersons": [newcomer, son]])
            #expect(refused.fieldCodes == ["changes.addPersons[1].birthDate": "not-a-dependant"], "\(refused.body.string)")
            son["student"] = true
            // two more at 63,000,000: (882,000,000 − 756,000,000) × 174 / 365 = 60,065,753.42… → 60,065,753
            let added = try await Self.endorse(app, flow, policyID, ["addPersons": [newcomer, son]])
            #expect(added.status == .created, "\(added.body.string)")
            #expect(added.json["kind"] as? String == "additional")
            #expect(added.json["premiumDelta"] as? Int == 60_065_753)
            // a cash policy collects the additional premium first; then the persons are covered from the day after
            #expect(try await Self.coverTo(app, "4455660089").isEmpty)
            let endorsementID = try #require(try await Endorsement.query(on: app.db).first()?.requireID().uuidString)
            let payment = try await flow.cheque(policyID, amount: 60_065_753, endorsementID: endorsementID)
            #expect(try await flow.collect(try #require(payment.json["id"] as? String)).status == .ok)
            let rows = try await HealthPersonRecord.query(on: app.db).filter(\.$nationalCode ~~ ["4455660089", "4455660224"]).all()
            #expect(rows.map(\.coverFrom) == ["1405/07/16", "1405/07/16"])
            #expect(Set(rows.map(\.insuranceNumber)).count == 2)
        }
    }

    @Test("R-SH-10 the policy page's CSV: a bad row named by its line stores nothing; a good file adds the person")
    func pageCSV() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await Self.issuedGroup(app, flow)
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)")
            #expect(page.body.string.contains("الحاقیهٔ افزودن و حذف بیمه‌شدگان"))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: page.body.string))
            let header = "nationalCode,firstName,lastName,birthDate,sex,relation,mainNationalCode,student,married"
            func post(_ csv: String?, remove: [String] = [], typed: String = "") async throws -> TestingHTTPResponse {
                let once = WebPageTests.Browser.hidden("_once", in: try await issuer.get("/policies/\(policyID)").body.string) ?? ""
                let boundary = "----bimeh-test-boundary"
                var body = ""
                for (name, value) in [("_csrf", csrf), ("_once", once), ("effectiveDate", "1405/07/15"), ("description", "تغییر اعضا"), ("removeCodes", typed)] + remove.map({ ("remove[]", $0) }) {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                if let csv {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"add.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
                }
                body += "--\(boundary)--\r\n"
                return try await issuer.app.testing().sendRequest(.POST, "/policies/\(policyID)/persons",
                    headers: ["cookie": issuer.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
            }
            // line 3: an impossible date; line 2 is fine but nothing is stored
            let bad = try await post([header, "4455660089,نو,عضو,1365/05/01,male,main,,,", "4455660224,نو,فرزند,1385/13/01,male,child,4455660089,yes,"].joined(separator: "\n"))
            #expect(bad.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(bad) == ["members:invalid-date"])
            #expect(bad.body.string.contains("سطر ۳"))
            // line 3 again: a son of 20 not studying, refused by the group rule and named by his line
            let notStudying = try await post([header, "4455660089,نو,عضو,1365/05/01,male,main,,,", "4455660224,نو,فرزند,1385/01/01,male,child,4455660089,no,"].joined(separator: "\n"))
            #expect(CommandParityTests.pageCodes(notStudying) == ["members:not-a-dependant"])
            #expect(notStudying.body.string.contains("سطر ۳"))
            #expect(try await Endorsement.query(on: app.db).count() == 0)
            // a member added and the first member (with his wife) ticked off: 756,000,000 − 126,000,000 + 63,000,000 = 693,000,000;
            // (693,000,000 − 756,000,000) × 174 / 365 = −30,032,876.71… → −30,032,877
            let good = try await post([header, "4455660089,نو,عضو,1365/05/01,male,main,,,"].joined(separator: "\r\n"), remove: [Self.members[0]])
            #expect(good.status == .seeOther, "\(good.body.string)")
            let endorsement = try #require(try await Endorsement.query(on: app.db).first())
            #expect(endorsement.premiumDelta == -30_032_877)
            #expect(try await Self.coverTo(app, Self.spouse) == ["1405/07/15"])
            #expect(try await Self.coverTo(app, "4455660089") == ["1406/01/10"])
            // a code typed (Persian digits) instead of ticked: 11 members left → 10; 63,000,000 × 174 / 365 = 30,032,876.71… → −30,032,877
            let typed = try await post(nil, typed: "\(Normalize.persianDigits(Self.members[1]))\n")
            #expect(typed.status == .seeOther, "\(typed.body.string)")
            #expect(try await Endorsement.query(on: app.db).sort(\.$number).all().last?.premiumDelta == -30_032_877)
            #expect(try await Self.coverTo(app, Self.members[1]) == ["1405/07/15"])
        }
    }
}
