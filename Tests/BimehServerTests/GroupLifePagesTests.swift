@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The life issuance expert takes a group contract through the pages, as a browser posts them:
/// request letter → plan letter (refusal voids the file) → registered → initial contract →
/// signed contract returned (number) → member list CSV → underwriting → doctor's papers →
/// final premium letter and endorsement → cheque → receipt. Today is 1405/01/10.
@Suite("Web: group life pages, request letter to receipt (R-GL-01…08)")
struct GroupLifePagesTests {
    typealias Browser = WebPageTests.Browser
    typealias C = GroupLifeContractTests

    static func upload(_ browser: Browser, _ policyID: String, csv: String) async throws -> TestingHTTPResponse {
        var browser = browser
        let page = try await browser.get("/policies/\(policyID)").body.string
        let csrf = try #require(Browser.hidden("_csrf", in: page))
        let once = Browser.hidden("_once", in: page) ?? ""
        let boundary = "----bimeh-life-boundary"
        var body = ""
        for (name, value) in [("_csrf", csrf), ("_once", once)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"members\"; filename=\"members.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await browser.app.testing().sendRequest(.POST, "/policies/\(policyID)/group-life/members",
            headers: ["cookie": browser.cookieHeader, "content-type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
    }

    /// `count` members as CSV: all 40 at the start (born 1365/01/01) but row 2, 50 (1355/01/01).
    static func csv(_ count: Int) -> String {
        ([GroupMemberCSV.header] + (1...count).map { i in "عضو,شمارهٔ \(i),\(i == 2 ? "1355/01/01" : "۱۳۶۵/۰۱/۰۱"),\(1000 + i),تهران,کارشناس," })
            .joined(separator: "\n")
    }

    @Test("R-GL-01/02 the request letter prices the plan letter: 7,200,000 and 1,080,000 per person, 828,000,000 in all; negotiating re-prices; refusing voids once")
    func requestAndPlanLetter() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await LifeQuoteTests.company(app, flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/group-life")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("طبقهٔ شغلی ۷۵٪ اکثریت"))
            let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
            // members 0 is refused on the form, nothing priced
            let zero = try await issuer.post("/quotes/group-life", form: ["_csrf": csrf, "nationalCode": "10380284790", "date": "1405/01/10",
                                                                          "sumInsured": "1,000,000,000", "members": "0", "averageAge": "38", "occupationalClass": "2", "accident": "yes"])
            #expect(zero.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(zero) == ["inputs.members:invalid-members"])
            let priced = try await issuer.post("/quotes/group-life", form: ["_csrf": csrf, "nationalCode": "10380284790", "date": "1405/01/10",
                                                                            "sumInsured": "۱٬۰۰۰٬۰۰۰٬۰۰۰", "members": "100", "averageAge": "38", "occupationalClass": "2", "accident": "yes"])
            #expect(priced.status == .seeOther, "\(priced.body.string)")
            let letterPath = try #require(priced.headers.first(name: .location))
            #expect(letterPath.hasSuffix("/plan-letter"))
            let letter = try await issuer.get(letterPath).body.string
            // 1,000,000,000 × 7.20 / 1000 = 7,200,000; × 1.08 / 1000 = 1,080,000; × 100 members
            for amount: Int64 in [7_200_000, 1_080_000, 8_280_000, 720_000_000, 108_000_000, 828_000_000] {
                #expect(letter.contains(Rial(amount).persianFormatted), "\(amount)")
            }
            #expect(letter.contains("فوت به هر علت") && letter.contains("فوت بر اثر حادثه"))
            #expect(letter.contains("موافقت — ثبت قرارداد") && letter.contains("مذاکره — استعلام دوباره"))
            let quoteID = String(letterPath.split(separator: "/")[1])
            // negotiating: the request letter again with the plan's figures
            let again = try await issuer.get("/quotes/group-life?from=\(quoteID)").body.string
            #expect(again.contains("value=\"100\"") && again.contains("value=\"1000000000\""))
            // the quote page links its plan letter
            #expect(try await issuer.get("/quotes/\(quoteID)").body.string.contains(letterPath))
            // the final refusal voids the file; a second one is refused with its code
            let csrf2 = try #require(Browser.hidden("_csrf", in: letter))
            let voided = try await issuer.post("/quotes/\(quoteID)/refusal", form: ["_csrf": csrf2, "reason": "بودجه تأمین نشد"])
            #expect(voided.status == .seeOther)
            let after = try await issuer.get(letterPath + "?done=voided").body.string
            #expect(after.contains("باطل‌شده (انصراف بیمه‌گذار)") && !after.contains("ابطال پرونده</button>"))
            let twice = try await issuer.post("/quotes/\(quoteID)/refusal", form: ["_csrf": csrf2, "reason": "دوباره"])
            #expect(twice.status == .conflict)
            #expect(CommandParityTests.pageCodes(twice) == [":file-already-voided"])
        }
    }

    @Test("R-GL-03…08 contract printed and numbered, the CSV with bad rows refused by line, members underwritten, papers printed, final premium endorsed, receipt")
    func contractToReceipt() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await C.registered(app, flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(id)").body.string
            #expect(page.contains("قرارداد بیمهٔ عمر زمانی گروهی") && page.contains("ثبت بازگشت و گرفتن شمارهٔ قرارداد"))
            // the initial contract: general conditions, title, annual premium per person 8,280,000
            let contract = try await issuer.get("/policies/\(id)/group-life/contract")
            #expect(contract.status == .ok)
            #expect(contract.body.string.contains("شرایط عمومی") && contract.body.string.contains("عنوان بیمه‌گذار") && contract.body.string.contains(Rial(8_280_000).persianFormatted))
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let numbered = try await issuer.post("/policies/\(id)/group-life/contract-number", form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: page) ?? ""])
            #expect(numbered.status == .seeOther)
            let withNumber = try await issuer.get("/policies/\(id)").body.string
            #expect(withNumber.contains(Normalize.persianDigits("600000/9995/11/1405")))
            #expect(withNumber.contains("پروندهٔ فهرست بیمه‌شدگان"))
            // line 3 born in the future, line 4 listed twice: both named, nothing stored
            let bad = [GroupMemberCSV.header, "عضو,یک,1365/01/01,1001,تهران,کارشناس,", "عضو,دو,1406/01/01,1002,تهران,کارشناس,",
                       "عضو,یک,1365/01/01,1001,تهران,کارشناس,"].joined(separator: "\n")
            let refused = try await Self.upload(issuer, id, csv: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(CommandParityTests.pageCodes(refused)) == ["members:birth-date-in-future", "members:duplicate-member"])
            #expect(refused.body.string.contains("سطر ۳") && refused.body.string.contains("سطر ۴"))
            #expect(try await C.storedMembers(app, id) == 0)
            let wrongHeader = try await Self.upload(issuer, id, csv: "name,family\nعلی,رضایی")
            #expect(CommandParityTests.pageCodes(wrongHeader) == ["members:missing-columns"])
            let listed = try await Self.upload(issuer, id, csv: Self.csv(100))
            #expect(listed.status == .seeOther, "\(listed.body.string)")
            #expect(try await C.storedMembers(app, id) == 100)
            // the members page: row 2 (50) awaits the examination, the others accepted
            let members = try await issuer.get("/policies/\(id)/group-life/members").body.string
            #expect(members.contains("معاینهٔ پزشک معتمد") && members.contains("در انتظار نظر پزشک") && members.contains("پذیرش بدون شرط"))
            #expect(members.contains("/policies/\(id)/group-life/members/2/report-form"))
            let review = try await issuer.get("/policies/\(id)/group-life/medical-review").body.string
            #expect(review.contains("فهرست بیمه‌شدگان نیازمند بررسی پزشکی") && review.contains("شمارهٔ 2"))
            let report = try await issuer.get("/policies/\(id)/group-life/members/2/report-form").body.string
            #expect(report.contains("فرم گزارش پزشک معاینه‌کننده") && report.contains(Normalize.persianDigits("1355/01/01")) && report.contains("کارشناس"))
            // the doctor: more tests → the hospital letter; then the consulting doctor's 50 % extra
            let once = Browser.hidden("_once", in: members) ?? ""
            let membersCSRF = try #require(Browser.hidden("_csrf", in: members))
            #expect(try await issuer.get("/policies/\(id)/group-life/members/2/hospital-letter").status == .conflict)
            let referred = try await issuer.post("/policies/\(id)/group-life/members/2/underwriting", form: ["_csrf": membersCSRF, "_once": once, "outcome": "more-tests"])
            #expect(referred.status == .seeOther)
            let letter = try await issuer.get("/policies/\(id)/group-life/members/2/hospital-letter")
            #expect(letter.status == .ok && letter.body.string.contains("معرفی‌نامه به بیمارستان"))
            let fresh = try await issuer.get("/policies/\(id)/group-life/members").body.string
            let overLimit = try await issuer.post("/policies/\(id)/group-life/members/2/underwriting",
                                                  form: ["_csrf": membersCSRF, "_once": Browser.hidden("_once", in: fresh) ?? "", "outcome": "extra", "extraPercent": "301"])
            #expect(overLimit.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(overLimit) == ["extraPercent:extra-out-of-range"])
            let extra = try await issuer.post("/policies/\(id)/group-life/members/2/underwriting",
                                              form: ["_csrf": membersCSRF, "_once": Browser.hidden("_once", in: fresh) ?? "", "outcome": "extra", "extraPercent": "۵۰"])
            #expect(extra.status == .seeOther)
            // the final premium letter: 720,000,000 + 108,000,000 + 3,600,000 (50 % × 7,200,000) = 831,600,000
            let draft = try await issuer.get("/policies/\(id)/group-life/final-premium").body.string
            #expect(draft.contains(Rial(831_600_000).persianFormatted) && draft.contains(Rial(3_600_000).persianFormatted) && draft.contains("پیش‌نویس"))
            let beforeSettle = try await issuer.get("/policies/\(id)").body.string
            let settled = try await issuer.post("/policies/\(id)/group-life/final-premium",
                                                form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: beforeSettle) ?? ""])
            #expect(settled.status == .seeOther)
            let policy = try await issuer.get("/policies/\(id)?done=final-premium").body.string
            #expect(policy.contains("الحاقیهٔ حق بیمهٔ قطعی صادر شد"))
            #expect(policy.contains(Rial(831_600_000).persianFormatted))
            #expect(!policy.contains("صدور الحاقیهٔ حق بیمهٔ قطعی</button>"))
            let final = try await issuer.get("/policies/\(id)/group-life/final-premium").body.string
            #expect(final.contains("الحاقیهٔ شمارهٔ ۱") && !final.contains("پیش‌نویس"))
            // the second press of the button is refused with its code
            let again = try await issuer.post("/policies/\(id)/group-life/final-premium", form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: policy) ?? ""])
            #expect(again.status == .conflict)
            #expect(CommandParityTests.pageCodes(again) == [":final-premium-already-settled"])
            // the page as the expert sees it before the cheque (a snapshot, reviewed on change)
            let beforeCheque = try await issuer.get("/policies/\(id)").body.string
            try PageSnapshotTests().check("policy-group-life", beforeCheque)
            // the cheque through the page, its receipt
            let paid = try await issuer.post("/policies/\(id)/payments", form: [
                "_csrf": csrf, "_once": Browser.hidden("_once", in: beforeCheque) ?? "", "method": "cheque", "amount": "831600000", "paidOn": "1405/01/10",
                "chequeNumber": "778899", "chequeBank": "ملی", "chequeDueDate": "1405/01/10"])
            #expect(paid.status == .seeOther, "\(paid.body.string)")
            let payment = try #require(try await Payment.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: id)!).first())
            let receipt = try await issuer.get("/payments/\(try payment.requireID().uuidString)/receipt").body.string
            #expect(receipt.components(separatedBy: "<section class=\"copy\">").count - 1 == 3)   // sold directly: no agency copy
        }
    }
}
