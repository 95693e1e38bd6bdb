@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Issue #16: a refused form comes back with each message beside its own input (same container,
/// `aria-describedby`/`aria-invalid` on the input) and every typed value still in its input.
@Suite("Form errors beside their fields")
struct WebFormErrorsTests {
    typealias Browser = WebPageTests.Browser

    /// The markup from the input named `name` to the end of its container (`</div>`, `</td>`,
    /// `</tr>` or `</label>`, whichever closes first): where its message must stand.
    static func container(of name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\"") else { return nil }
        let rest = html[start.lowerBound...]
        let ends = ["</div>", "</td>", "</tr>", "</fieldset>"].compactMap { rest.range(of: $0)?.lowerBound }
        guard let end = ends.min() else { return nil }
        return String(rest[..<end])
    }

    /// The input `name` holds `value`, is marked invalid, and the error for `field` stands beside it.
    static func expectBeside(_ html: String, input name: String, field: String, value: String? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let box = container(of: name, in: html) else {
            Issue.record("no input \(name)", sourceLocation: sourceLocation); return
        }
        #expect(box.contains("class=\"error\" role=\"alert\"") && box.contains("data-field=\"\(field)\""),
                "error \(field) beside \(name): \(box.prefix(600))", sourceLocation: sourceLocation)
        let id = FieldErrorTag.elementID(field.hasPrefix("inputs.") ? String(field.dropFirst(7)) : field)
        #expect(box.contains("aria-invalid=\"true\" aria-describedby=\"\(id)\""), "\(name) marked: \(box.prefix(400))",
                sourceLocation: sourceLocation)
        if let value {
            #expect(box.contains("value=\"\(value)\""), "\(name) keeps \(value): \(box.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    static func multipart(_ fields: [(String, String)], file: (name: String, filename: String, type: String, data: Data)?) -> (String, Data) {
        let boundary = "----bimeh-forms-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    static func upload(_ browser: Browser, _ path: String, fields: [(String, String)], file: (name: String, filename: String, type: String, data: Data)?) async throws -> TestingHTTPResponse {
        let (type, body) = multipart(fields, file: file)
        return try await browser.app.testing().sendRequest(.POST, path, headers: ["cookie": browser.cookieHeader, "content-type": type],
                                                           body: ByteBuffer(data: body))
    }

    @Test("third-party proposal: an impossible previous-policy date is marked beside its input; every typed value and box kept")
    func thirdParty() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/third-party").body.string))
            let res = try await issuer.post("/quotes/third-party", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "vehicleClass": "B", "usage": "private", "previousPolicyEndDate": "1404/13/40",
                "claimFreeYears": "3", "financialClaims": "0", "bodilyClaims": "0", "vehicleAgeYears": "5", "negativePoints": "0",
                "extraTrailers": "0", "financialCover": "0", "driverAccident": "1"])
            let html = res.body.string
            #expect(res.status == .unprocessableEntity)
            Self.expectBeside(html, input: "previousPolicyEndDate", field: "inputs.previousPolicyEndDate", value: "1404/13/40")
            #expect(html.contains("name=\"claimFreeYears\" value=\"3\""))
            #expect(html.contains("name=\"vehicleAgeYears\" value=\"5\""))
            #expect(html.contains("name=\"driverAccident\" value=\"1\" checked"))
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }

    @Test("supplementary health: an impossible birth date is marked in its cell; the row's names kept; a bad group code beside the group's input")
    func health() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/supplementary-health").body.string))
            let res = try await issuer.post("/quotes/supplementary-health", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "plan": "silver", "kind": "family", "hasBaseInsurance": "yes",
                "persons[0][nationalCode]": "0076229645", "persons[0][firstName]": "مریم", "persons[0][lastName]": "احمدی",
                "persons[0][birthDate]": "1365/13/01", "persons[0][sex]": "female", "persons[0][relation]": "main"])
            let html = res.body.string
            #expect(res.status == .unprocessableEntity)
            Self.expectBeside(html, input: "persons[0][birthDate]", field: "inputs.persons[0].birthDate", value: "1365/13/01")
            #expect(html.contains("name=\"persons[0][firstName]\" value=\"مریم\""))
            // the group form: an unknown employer code beside the group's own input, not the individual form's
            let group = try await Self.upload(issuer, "/quotes/supplementary-health/group", fields: [
                ("_csrf", csrf), ("nationalCode", "10101010101"), ("date", "1405/01/10"), ("plan", "silver"), ("hasBaseInsurance", "yes")], file: nil)
            #expect(group.status == .unprocessableEntity)
            Self.expectBeside(group.body.string, input: "nationalCode\" value=\"10101010101", field: "group.nationalCode")
            Self.expectBeside(group.body.string, input: "members", field: "members")
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }

    @Test("term life: a sum insured beyond Int64 and an unanswered question each beside their input; typed values kept")
    func termLife() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/term-life").body.string))
            let res = try await issuer.post("/quotes/term-life", form: [
                "_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "birthDate": "1365/05/01",
                "sumInsured": "99999999999999999999", "termYears": "10"])
            let html = res.body.string
            #expect(res.status == .unprocessableEntity)
            // unanswered questions come first (the form refuses before pricing)
            #expect(html.contains("data-field=\"inputs.healthAnswers."))
            #expect(html.contains("name=\"sumInsured\" value=\"99999999999999999999\""))
            #expect(html.contains("name=\"termYears\" value=\"10\""))
            let answers = Dictionary(uniqueKeysWithValues: TermLifeQuestionnaire.questions.map { ("q-" + $0.code, "no") })
            let priced = try await issuer.post("/quotes/term-life", form: answers.merging([
                "_csrf": csrf, "nationalCode": "0076229645", "date": "1405/01/10", "birthDate": "1365/05/01",
                "sumInsured": "99999999999999999999", "termYears": "10"]) { a, _ in a })
            #expect(priced.status == .unprocessableEntity)
            Self.expectBeside(priced.body.string, input: "sumInsured", field: "inputs.sumInsured", value: "99999999999999999999")
            #expect(priced.body.string.contains("value=\"no\" checked"))
            #expect(try await Quote.query(on: app.db).count() == 0)
        }
    }

    @Test("R-CL-06 a 6 MB claim document (limit 5 MB): 413 file-too-large, the message «حجم فایل بیش از ۵ مگابایت است» beside the file input on the claim page")
    func oversizeClaimDocument() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10").json["id"] as? String)
            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/\(claimID)").body.string))
            let big = ClaimFlow.pdf + Data(repeating: 0x20, count: 6 * 1024 * 1024)
            let page = try await Self.upload(expert, "/claims/\(claimID)/documents", fields: [("_csrf", csrf), ("code", "invoice")],
                                             file: ("file", "scan.pdf", "application/pdf", big))
            #expect(page.status == .payloadTooLarge)
            let html = page.body.string
            Self.expectBeside(html, input: "file", field: "file")
            #expect(html.contains("حجم فایل بیش از ۵ مگابایت است"))
            #expect(html.contains("name=\"code\""), "the claim page itself, not a bare error page")
        }
    }

    @Test("a 6 MB group-life member list passes the web form's body collection and is judged by its route (32 MB): a content error, not file-too-large")
    func groupLifeSixMegabytes() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await GroupLifeContractTests.registered(app, flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(id)").body.string
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            _ = try await issuer.post("/policies/\(id)/group-life/contract-number", form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: page) ?? ""])
            let numbered = try await issuer.get("/policies/\(id)").body.string
            // 6 MB of a file without the list's columns: over the old 5 MB cap, far under 32 MB
            let csv = "name,family\n" + String(repeating: "x", count: 6 * 1024 * 1024)
            let res = try await Self.upload(issuer, "/policies/\(id)/group-life/members", fields: [
                ("_csrf", csrf), ("_once", Browser.hidden("_once", in: numbered) ?? "")], file: ("members", "members.csv", "text/csv", Data(csv.utf8)))
            #expect(res.status == .unprocessableEntity)
            #expect(CommandParityTests.pageCodes(res) == ["members:missing-columns"])
            Self.expectBeside(res.body.string, input: "members", field: "members")
            #expect(UploadLimit.ceiling(app) == 32 * 1024 * 1024, "the largest route limit, the group-life list's")
        }
    }

    @Test("a 5 MB supplementary-health group list (limit 4 MB): the message beside the list's input, the employer's code kept")
    func oversizeHealthGroupList() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/supplementary-health").body.string))
            let res = try await Self.upload(issuer, "/quotes/supplementary-health/group", fields: [
                ("_csrf", csrf), ("nationalCode", "10101010101"), ("date", "1405/01/10"), ("plan", "silver"), ("hasBaseInsurance", "yes")],
                file: ("members", "members.csv", "text/csv", Data(repeating: 0x41, count: 5 * 1024 * 1024)))
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            Self.expectBeside(html, input: "members", field: "members")
            #expect(html.contains("حجم فایل بیش از ۴ مگابایت است"))
            #expect(html.contains("value=\"10101010101\""))
        }
    }

    @Test("the policy page's payment form: an impossible cheque due date is marked beside it; amount, date, method and every cheque field kept as typed")
    func paymentForm() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000, 40_000_000]).json["id"] as? String)
            let policyID = try #require(try await flow.register(quoteID: quoteID).json["id"] as? String)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let res = try await issuer.post("/policies/\(policyID)/payments", form: [
                "_csrf": csrf, "_once": Browser.hidden("_once", in: page) ?? "", "method": "cheque", "amount": "۷۰۰٬۰۰۰",
                "paidOn": "1405/01/10", "chequeNumber": "778899", "chequeBank": "ملت", "chequeDueDate": "1405/02/32", "chequeAccount": "0101-22"])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            Self.expectBeside(html, input: "chequeDueDate", field: "cheque.dueDate", value: "1405/02/32")
            for (name, value) in [("amount", "۷۰۰٬۰۰۰"), ("paidOn", "1405/01/10"), ("chequeNumber", "778899"), ("chequeBank", "ملت"), ("chequeAccount", "0101-22")] {
                #expect(Self.container(of: name, in: html)?.contains("value=\"\(value)\"") == true, "\(name) keeps \(value)")
            }
            #expect(html.contains("value=\"cheque\" checked"))
            #expect(try await Payment.query(on: app.db).count() == 0)
            // a bank slip with a mistyped amount: the method and the amount kept
            let slip = try await issuer.post("/policies/\(policyID)/payments", form: [
                "_csrf": csrf, "_once": Browser.hidden("_once", in: html) ?? "", "method": "bank-slip", "amount": "12abc", "paidOn": "1405/01/10"])
            #expect(slip.status == .unprocessableEntity)
            Self.expectBeside(slip.body.string, input: "amount", field: "amount", value: "12abc")
            #expect(slip.body.string.contains("value=\"bank-slip\" checked"))
        }
    }

    @Test("the claim page's step forms: an impossible visit date and a mistyped loss each beside their input in their own form, typed values kept")
    func claimSteps() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policyID = try await flow.policy()
            let claimID = try #require(try await flow.notice(policyID, loss: "1405/01/08", notice: "1405/01/10").json["id"] as? String)
            try await flow.uploadRequired(claimID)
            var expert = Browser(app: app)
            try await expert.signIn("claims")
            let csrf = try #require(Browser.hidden("_csrf", in: try await expert.get("/claims/\(claimID)").body.string))
            let visit = try await expert.post("/claims/\(claimID)/steps/inspection", form: [
                "_csrf": csrf, "visitDate": "1405/01/32", "expert": "مهندس کارشناس", "independentExpert": "دفتر فنی"])
            #expect(visit.status == .unprocessableEntity)
            Self.expectBeside(visit.body.string, input: "visitDate", field: "visitDate", value: "1405/01/32")
            #expect(visit.body.string.contains("name=\"expert\" value=\"مهندس کارشناس\""))
            #expect(visit.body.string.contains("name=\"independentExpert\" value=\"دفتر فنی\""))
            #expect(try await expert.post("/claims/\(claimID)/steps/inspection", form: ["_csrf": csrf, "visitDate": "1405/01/10", "expert": "مهندس کارشناس"]).status == .seeOther)
            let assessed = try await expert.post("/claims/\(claimID)/steps/assessment", form: ["_csrf": csrf, "loss": "99999999999999999999", "salvage": "2000000"])
            #expect(assessed.status == .unprocessableEntity)
            Self.expectBeside(assessed.body.string, input: "loss", field: "loss", value: "99999999999999999999")
            #expect(assessed.body.string.contains("name=\"salvage\" dir=\"ltr\" inputmode=\"numeric\" value=\"2000000\""))
            // the dispute form shares «reason» with others: only the refused form is marked
            #expect(!assessed.body.string.contains("id=\"reason-error\""))
        }
    }

    @Test("group-life request letter: zero members marked beside the count, the sum insured and age kept")
    func groupLifeRequest() async throws {
        try await TestApp.run { app in
            _ = try await LifeQuoteTests.company(app, try await PolicyFlow.start(app))
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/quotes/group-life").body.string))
            let res = try await issuer.post("/quotes/group-life", form: ["_csrf": csrf, "nationalCode": "10380284790", "date": "1405/01/10",
                                                                         "sumInsured": "1,000,000,000", "members": "0", "averageAge": "38", "occupationalClass": "2", "accident": "yes"])
            #expect(res.status == .unprocessableEntity)
            Self.expectBeside(res.body.string, input: "members", field: "inputs.members", value: "0")
            #expect(res.body.string.contains("value=\"1,000,000,000\""))
            #expect(res.body.string.contains("name=\"averageAge\" value=\"38\""))
        }
    }

    @Test("R-SH-07 the centre's claim form: an impossible service date marked beside it, the typed cost kept")
    func healthCenter() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await HealthDirectClaimTests.backdatedFamily(app, flow)
            _ = try await HealthDirectClaimTests.center(app)
            var provider = Browser(app: app)
            try await provider.signIn("provider")
            let csrf = try #require(Browser.hidden("_csrf", in: try await provider.get("/health/center").body.string))
            let res = try await provider.post("/health/center", form: ["_csrf": csrf, "nationalCode": HealthTests.main, "serviceDate": "1405/01/32",
                                                                       "cover": "paraclinic", "cost": "10000000", "basePaid": "0"])
            #expect(res.status == .unprocessableEntity)
            Self.expectBeside(res.body.string, input: "serviceDate", field: "serviceDate", value: "1405/01/32")
            #expect(res.body.string.contains("name=\"cost\" value=\"10000000\""))
        }
    }

    @Test("R-GL-05 a member's outcome over the extra-rate limit: the message beside that row's input, «301» and «extra» kept, no other row marked")
    func groupLifeOutcome() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let id = try await GroupLifeContractTests.registered(app, flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(id)").body.string
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            _ = try await issuer.post("/policies/\(id)/group-life/contract-number", form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: page) ?? ""])
            #expect(try await GroupLifePagesTests.upload(issuer, id, csv: GroupLifePagesTests.csv(100)).status == .seeOther)
            let members = try await issuer.get("/policies/\(id)/group-life/members").body.string
            let res = try await issuer.post("/policies/\(id)/group-life/members/2/underwriting",
                                            form: ["_csrf": csrf, "_once": Browser.hidden("_once", in: members) ?? "", "outcome": "extra", "extraPercent": "301"])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            Self.expectBeside(html, input: "extraPercent", field: "extraPercent", value: "301")
            #expect(html.contains("value=\"extra\" selected"))
            #expect(html.components(separatedBy: "id=\"extraPercent-error\"").count == 2, "only the refused row is marked")
        }
    }
}
