@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The customers, claims and received payments lists (search box, filters, paging, sorting,
/// CSV), the policies list's search by plate, and the cheque list's customer column.
@Suite("Web: customers, claims and payments lists; search by plate")
struct WebListsTests {
    typealias Browser = WebPageTests.Browser

    static func q(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The links of a list page's rows that go to `prefix` (e.g. "/claims/").
    static func links(_ html: String, _ prefix: String) -> [String] {
        html.components(separatedBy: "<tr><td><a href=\"\(prefix)").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func csvLines(_ res: TestingHTTPResponse) -> [String] {
        String(decoding: res.body.readableBytesView, as: UTF8.self).dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// A third-party policy for plate «۲۲ ج ۴۵۶ ایران ۱۰», registered through the pages.
    static func thirdPartyPolicy(_ app: Application, _ issuer: inout Browser) async throws -> String {
        let form = try await issuer.get("/quotes/third-party")
        let csrf = try #require(Browser.hidden("_csrf", in: form.body.string))
        let quote = try await issuer.post("/quotes/third-party", form: [
            "_csrf": csrf, "nationalCode": "0076229645", "vehicleClass": "car-4-cyl", "usage": "private", "previousPolicyEndDate": "1404/12/19",
            "claimFreeYears": "0", "financialClaims": "0", "bodilyClaims": "0", "vehicleAgeYears": "3", "negativePoints": "0",
            "extraTrailers": "0", "financialCover": "0",
            "plate": "۲۲ ج ۴۵۶ ایران ۱۰", "vin": "1M8GDM9AXKP042788", "engineNumber": "124K0123456", "make": "ایران خودرو",
            "model": "پژو ۲۰۶", "modelYear": "۱۳۹۸"])
        #expect(quote.status == .seeOther)
        let quotePath = try #require(quote.headers.first(name: .location))
        let register = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/10", "endDate": "1406/01/10", "plan": "cash"])
        #expect(register.status == .seeOther)
        let policyPath = try #require(register.headers.first(name: .location))
        return String(policyPath.split(separator: "/").last ?? "")
    }

    @Test("policies: the search box finds a third-party policy by its plate typed any way, and by its VIN; no product name in the search")
    func plateSearch() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let computer = try await flow.issuedPolicy()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let motor = try await Self.thirdPartyPolicy(app, &issuer)
            // the product's hook stored the canonical plate 22ج456-10, separators dropped
            let terms = try await PolicySearchTerm.query(on: app.db).all().map(\.term).sorted()
            #expect(terms == ["1M8GDM9AXKP042788", "22ج45610"])
            for typed in ["۲۲ ج ۴۵۶ ایران ۱۰", "22ج456-10", "ایران ۱۰ ۲۲ج۴۵۶", "1M8GDM9AXKP042788"] {
                let page = try await issuer.get("/policies?q=" + Self.q(typed)).body.string
                #expect(WebPolicyListTests.rowLinks(page) == [motor], "\(typed)")
            }
            #expect(WebPolicyListTests.rowLinks(try await issuer.get("/policies?q=" + Self.q("۲۲ ج ۴۵۷ ایران ۱۰")).body.string).isEmpty)
            // the customer's code still finds both of مریم احمدی's policies
            #expect(WebPolicyListTests.rowLinks(try await issuer.get("/policies?q=0076229645").body.string).sorted() == [computer, motor].sorted())
        }
    }

    @Test("customers: search by code, name and mobile; kind filter; sort by name; paging 25 a page; CSV; a bad value is a Persian note")
    func customers() async throws {
        try await TestApp.run { app in
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let all = try await Customer.query(on: app.db).count()
            let page = try await issuer.get("/customers").body.string
            #expect(page.contains("\(Normalize.persianDigits(String(all))) مشتری"))
            #expect(Self.links(page, "/customers/").count == min(all, 25))
            #expect(Self.links(try await issuer.get("/customers?q=0076229645").body.string, "/customers/").count == 1)
            // «علی رضایی»: both words
            let ali = try await issuer.get("/customers?q=" + Self.q("علی رضایی")).body.string
            #expect(Self.links(ali, "/customers/").count == 1 && ali.contains("علی رضایی"))
            let legal = try await Customer.query(on: app.db).filter(\.$kind == .legal).count()
            #expect(Self.links(try await issuer.get("/customers?kind=legal").body.string, "/customers/").count == min(legal, 25))
            // 30 more customers: 2 pages of 25 (R-G-05 valid codes: 10 digits with the check digit)
            for i in 0..<30 {
                let code = Self.nationalCode(String(format: "%09d", 500_000_100 + i))
                let csrf = try #require(Browser.hidden("_csrf", in: try await issuer.get("/customers/new").body.string))
                let res = try await issuer.post("/customers", form: ["_csrf": csrf, "kind": "natural", "nationalCode": code, "firstName": "آزمون", "lastName": "ردیف"])
                #expect(res.status == .seeOther, "\(code)")
            }
            let total = all + 30
            let pages = (total + 24) / 25
            let last = try await issuer.get("/customers?page=\(pages)").body.string
            #expect(Self.links(last, "/customers/").count == total - (pages - 1) * 25)
            #expect(last.contains("صفحهٔ \(Normalize.persianDigits(String(pages))) از \(Normalize.persianDigits(String(pages)))"))
            #expect(try await issuer.get("/customers?page=99").body.string.contains("صفحهٔ ۹۹ وجود ندارد"))
            #expect(try await issuer.get("/customers?kind=robot").body.string.contains("نوع مشتری «robot» شناخته نیست"))
            #expect(try await issuer.get("/customers?sort=bogus").body.string.contains("ترتیب «bogus» شناخته نیست"))
            let csv = try await issuer.get("/customers?format=csv&q=" + Self.q("ردیف"))
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = Self.csvLines(csv)
            #expect(lines.first == "نام,نوع,کد ملی / شناسه,همراه,تاریخ تولد")
            #expect(lines.count == 31, "header and the 30 customers")
            // sorted by name: every آزمون ردیف comes after مریم احمدی («ا» < «ر»)
            let byName = Self.csvLines(try await issuer.get("/customers?format=csv&sort=name"))
            let maryam = try #require(byName.firstIndex { $0.contains("0076229645") })
            let tested = try #require(byName.firstIndex { $0.contains("آزمون ردیف") })
            #expect(maryam < tested)
        }
    }

    /// R-G-05: nine digits and the check digit (the sum of digit × (10 − position) mod 11).
    static func nationalCode(_ nine: String) -> String {
        let digits = nine.compactMap(\.wholeNumberValue)
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        let r = sum % 11
        return nine + String(r < 2 ? r : 11 - r)
    }

    @Test("claims: search by file number, policy number, national code and name; state, product and date filters; sort; CSV")
    func claims() async throws {
        try await TestApp.run { app in
            let flow = try await ClaimFlow.start(app)
            let policy = try await flow.policy()
            let first = try #require(try await flow.notice(policy, loss: "1405/01/05", notice: "1405/01/06").json["id"] as? String)
            let second = try #require(try await flow.notice(policy, loss: "1405/01/08", notice: "1405/01/09").json["id"] as? String)
            let firstClaim = try #require(try await Claim.find(UUID(uuidString: first), on: app.db))
            let secondClaim = try #require(try await Claim.find(UUID(uuidString: second), on: app.db))
            let number = try #require(try await Policy.find(UUID(uuidString: policy), on: app.db)?.printedNumber)
            var claims = Browser(app: app)
            try await claims.signIn("claims")
            #expect(Self.links(try await claims.get("/claims").body.string, "/claims/").sorted() == [first, second].sorted())
            // file 1405/2 is the second file; the policy is 1405/1 (so 1405/1 finds both, by the policy)
            #expect(secondClaim.printedFileNumber == "1405/2" && number == "1405/1")
            #expect(Self.links(try await claims.get("/claims?q=" + Self.q("۱۴۰۵/۲")).body.string, "/claims/") == [second])
            #expect(Self.links(try await claims.get("/claims?q=" + Self.q(number)).body.string, "/claims/").sorted() == [first, second].sorted())
            #expect(Self.links(try await claims.get("/claims?q=0076229645").body.string, "/claims/").count == 2)
            #expect(Self.links(try await claims.get("/claims?q=9999999999").body.string, "/claims/").isEmpty)
            // loss days 1405/01/05 and 1405/01/08
            #expect(Self.links(try await claims.get("/claims?from=1405/01/07").body.string, "/claims/") == [second])
            #expect(Self.links(try await claims.get("/claims?by=notice&to=1405/01/06").body.string, "/claims/") == [first])
            #expect(Self.links(try await claims.get("/claims?sort=loss").body.string, "/claims/") == [first, second])
            #expect(Self.links(try await claims.get("/claims?sort=-loss").body.string, "/claims/") == [second, first])
            #expect(Self.links(try await claims.get("/claims?status=\(firstClaim.status.rawValue)").body.string, "/claims/").count == 2)
            #expect(Self.links(try await claims.get("/claims?status=paid").body.string, "/claims/").isEmpty)
            #expect(Self.links(try await claims.get("/claims?product=third-party").body.string, "/claims/").isEmpty)
            #expect(try await claims.get("/claims?status=lost").body.string.contains("وضعیت «lost» شناخته نیست"))
            let csv = Self.csvLines(try await claims.get("/claims?format=csv&sort=number"))
            #expect(csv.count == 3)
            #expect(csv[0].hasPrefix("شمارهٔ پرونده,شمارهٔ بیمه‌نامه,بیمه‌گذار"))
            #expect(csv[1].hasPrefix("\(firstClaim.printedFileNumber),\(number),مریم احمدی,0076229645,"))
            #expect(csv[2].hasPrefix("\(secondClaim.printedFileNumber),"))
        }
    }

    @Test("received payments: search by cheque and policy number and name; state and method filters; CSV; the cheque list names the customer")
    func payments() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let issued = try await flow.issuedPolicy()
            let ali = try await WebPolicyListTests.registeredForAli(flow)
            let premium = try #require(try await flow.get(ali).json["premium"] as? Int)
            let held = try #require(try await flow.cheque(ali, amount: Int64(premium)).json["id"] as? String)
            let heldCheque = try #require(try await Payment.find(UUID(uuidString: held), on: app.db))
            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let all = try await accountant.get("/payments")
            #expect(all.status == .ok)
            #expect(all.body.string.contains("۲ پرداخت"))
            #expect(Self.links(try await accountant.get("/payments?q=" + Self.q(try #require(heldCheque.chequeNumber))).body.string, "/policies/") == [ali])
            #expect(Self.links(try await accountant.get("/payments?q=" + Self.q("علی رضایی")).body.string, "/policies/") == [ali])
            #expect(Self.links(try await accountant.get("/payments?q=1405/1").body.string, "/policies/") == [issued])
            #expect(Self.links(try await accountant.get("/payments?status=held").body.string, "/policies/") == [ali])
            #expect(Self.links(try await accountant.get("/payments?status=collected").body.string, "/policies/") == [issued])
            #expect(Self.links(try await accountant.get("/payments?method=bank-slip").body.string, "/policies/").isEmpty)
            #expect(try await accountant.get("/payments?method=gold").body.string.contains("روش پرداخت «gold» شناخته نیست"))
            let csv = Self.csvLines(try await accountant.get("/payments?format=csv&status=held"))
            #expect(csv.count == 2)
            #expect(csv[0].hasPrefix("شمارهٔ بیمه‌نامه,بیمه‌گذار,کد ملی / شناسه"))
            #expect(csv[1].contains(",علی رضایی,1583250689,"))
            #expect(csv[1].contains(",\(premium),چک نزد صدور"))
            // the cheque list names the customer, linked to their file
            let cheques = try await accountant.get("/accounting/cheques").body.string
            let aliID = try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "1583250689").first()?.requireID())
            #expect(cheques.contains("<a href=\"/customers/\(aliID)\">علی رضایی</a>"))
            // the issuer may read the list; an agent may not
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            #expect(try await issuer.get("/payments").status == .ok)
        }
    }
}
