@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The policies list: search, filters, paging, sorting and CSV; the customer file; the dashboard's
/// work queues. An agent sees its agency's policies only, on the page and in the CSV (R-G-09).
@Suite("Web: policies list, customer file and work queues")
struct WebPolicyListTests {
    typealias Browser = WebPageTests.Browser

    /// The policy links of a list page's rows.
    static func rowLinks(_ html: String) -> [String] {
        html.components(separatedBy: "<tr><td><a href=\"/policies/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// A second customer of the demo, علی رضایی, 1583250689, and a policy registered for him.
    static func registeredForAli(_ flow: PolicyFlow) async throws -> String {
        let ali = try #require(try await Customer.query(on: flow.app.db).filter(\.$nationalCode == "1583250689").first())
        let aliFlow = PolicyFlow(app: flow.app, issuer: flow.issuer, accountant: flow.accountant, customerID: try ali.requireID().uuidString)
        let quote = try await aliFlow.quote([20_000_000])
        let registered = try await aliFlow.register(quoteID: try #require(quote.json["id"] as? String))
        #expect(registered.status == .created)
        return try #require(registered.json["id"] as? String)
    }

    @Test("search by policy number, national code (Persian digits) and name; filters by status, product and dates")
    func searchAndFilters() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // مریم احمدی's policy is issued first: 1405/1 (R-G-06)
            let maryam = try await flow.issuedPolicy()
            let ali = try await Self.registeredForAli(flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")

            #expect(Self.rowLinks(try await issuer.get("/policies").body.string).sorted() == [maryam, ali].sorted())
            #expect(Self.rowLinks(try await issuer.get("/policies?q=1405/1").body.string) == [maryam])
            #expect(Self.rowLinks(try await issuer.get("/policies?q=%DB%B1%DB%B4%DB%B0%DB%B5/%DB%B1").body.string) == [maryam], "۱۴۰۵/۱")
            #expect(Self.rowLinks(try await issuer.get("/policies?q=0076229645").body.string) == [maryam])
            // ۱۵۸۳۲۵۰۶۸۹ typed with Persian digits
            #expect(Self.rowLinks(try await issuer.get("/policies?q=%DB%B1%DB%B5%DB%B8%DB%B3%DB%B2%DB%B5%DB%B0%DB%B6%DB%B8%DB%B9").body.string) == [ali])
            // «علی رضایی»: both words, in the first and the last name
            #expect(Self.rowLinks(try await issuer.get("/policies?q=%D8%B9%D9%84%DB%8C%20%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C").body.string) == [ali])
            // «احمدی»
            #expect(Self.rowLinks(try await issuer.get("/policies?q=%D8%A7%D8%AD%D9%85%D8%AF%DB%8C").body.string) == [maryam])
            #expect(Self.rowLinks(try await issuer.get("/policies?q=9999999999").body.string).isEmpty)

            #expect(Self.rowLinks(try await issuer.get("/policies?status=registered").body.string) == [ali])
            #expect(Self.rowLinks(try await issuer.get("/policies?status=issued").body.string) == [maryam])
            #expect(Self.rowLinks(try await issuer.get("/policies?status=cancelled").body.string).isEmpty)
            #expect(Self.rowLinks(try await issuer.get("/policies?product=computer").body.string).count == 2)
            // both start on 1405/01/15
            #expect(Self.rowLinks(try await issuer.get("/policies?from=1405/01/15&to=1405/01/15").body.string).count == 2)
            #expect(Self.rowLinks(try await issuer.get("/policies?from=1405/01/16").body.string).isEmpty)
            // only the issued one has an issue date (today, 1405/01/10)
            #expect(Self.rowLinks(try await issuer.get("/policies?by=issue&from=1405/01/01").body.string) == [maryam])
            let page = try await issuer.get("/policies?status=issued")
            #expect(page.body.string.contains("بیمه رایانه"), "the product column")
            #expect(page.body.string.contains("href=\"/policies?status=issued&amp;format=csv\"") || page.body.string.contains("href=\"/policies?status=issued&format=csv\""))
        }
    }

    @Test("CSV: UTF-8 with BOM, Persian headers, amounts in rials, the same filter")
    func csv() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await flow.issuedPolicy()
            _ = try await Self.registeredForAli(flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let res = try await issuer.get("/policies?format=csv&status=issued")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "csv")
            #expect(Array(res.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: res.body.readableBytesView, as: UTF8.self).dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2, "header and the one issued policy")
            #expect(lines[0].hasPrefix("شمارهٔ بیمه‌نامه,نوع بیمه,بیمه‌گذار,کد ملی / شناسه"))
            #expect(lines[0].contains("حق بیمه (ریال)"))
            // 60,000,000 + 40,000,000 insured at 1% (R-CP-02) = 1,000,000 rials, digits as a number
            #expect(lines[1].hasPrefix("1405/1,"))
            #expect(lines[1].contains(",مریم احمدی,0076229645,,1405/01/15,1406/01/15,1405/01/10,"))
            #expect(lines[1].contains(",1000000,"))
        }
    }

    @Test("paging 50 a page with the total, sorting by premium; a bad page, sort or date is a Persian note, never a 500")
    func pagingSortingAndBadInput() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            // 51 registered policies, insured for 10, 11, …, 60 million rials
            for i in 0..<51 {
                let quote = try await flow.quote([Int64(10_000_000 + i * 1_000_000)])
                #expect(try await flow.register(quoteID: try #require(quote.json["id"] as? String)).status == .created)
            }
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let first = try await issuer.get("/policies")
            #expect(Self.rowLinks(first.body.string).count == 50)
            #expect(first.body.string.contains("۵۱ بیمه‌نامه"))
            #expect(first.body.string.contains("صفحهٔ ۱ از ۲"))
            let second = try await issuer.get("/policies?page=2")
            #expect(Self.rowLinks(second.body.string).count == 1)
            #expect(Set(Self.rowLinks(first.body.string)).isDisjoint(with: Self.rowLinks(second.body.string)))

            // sorted by premium: the CSV's premium column rises; the dearest first with -premium
            let csv = String(decoding: try await issuer.get("/policies?format=csv&sort=premium").body.readableBytesView, as: UTF8.self)
            let premiums = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.compactMap { Int64($0.components(separatedBy: ",")[8]) }
            #expect(premiums.count == 51)
            #expect(premiums == premiums.sorted())
            #expect(premiums.first! < premiums.last!)
            let dearest = try #require(try await Policy.query(on: app.db).sort(\.$premium, .descending).first()).requireID()
            #expect(Self.rowLinks(try await issuer.get("/policies?sort=-premium").body.string).first == dearest.uuidString)

            for (query, note) in [("page=abc", "شمارهٔ صفحه"), ("page=-3", "شمارهٔ صفحه"), ("page=999", "صفحهٔ ۹۹۹ وجود ندارد"), ("page=%DB%B2", "صفحهٔ ۲ از ۲"),
                                  ("sort=bogus", "ترتیب «bogus» شناخته نیست"), ("from=1405/13/40", "باید تاریخی شمسی"),
                                  ("status=lost", "وضعیت «lost» شناخته نیست"), ("product=yacht", "نوع بیمهٔ «yacht» شناخته نیست"),
                                  ("agency=x", "نمایندگی انتخاب‌شده"), ("by=tomorrow", "نوع تاریخ")] {
                let res = try await issuer.get("/policies?" + query)
                #expect(res.status == .ok, "\(query)")
                #expect(res.body.string.contains(note), "\(query)")
                #expect(!Self.rowLinks(res.body.string).isEmpty, "\(query): the rest of the list still shows")
            }
        }
    }

    @Test("R-G-09 an agent never sees another agency's policy, through the list, the search or the CSV")
    func agentScope() async throws {
        try await TestApp.run { app in
            let other = try await CustomerElsewhereTests.secondAgency(app)
            let flow = try await PolicyFlow.start(app)
            let direct = try await flow.issuedPolicy()
            // agency 1234 registers its own customer and a policy for her
            let agentToken = try await app.token("agent")
            let created = try await app.send(.POST, "/api/v1/customers", token: agentToken, json: Bodies.natural("1234567891", first: "زهرا", last: "کریمی"))
            let agencyFlow = PolicyFlow(app: app, issuer: agentToken, accountant: flow.accountant, customerID: try #require(created.json["id"] as? String))
            let quote = try await agencyFlow.quote([20_000_000])
            let registered = try await agencyFlow.register(quoteID: try #require(quote.json["id"] as? String))
            #expect(registered.status == .created)
            let own = try #require(registered.json["id"] as? String)

            var agent = Browser(app: app)
            try await agent.signIn("agent")
            #expect(Self.rowLinks(try await agent.get("/policies").body.string) == [own])
            #expect(Self.rowLinks(try await agent.get("/policies?q=0076229645").body.string).isEmpty)
            #expect(Self.rowLinks(try await agent.get("/policies?q=1405/1").body.string).isEmpty)
            #expect(Self.rowLinks(try await agent.get("/policies?agency=\(try other.requireID())").body.string) == [own], "the agency filter cannot widen it")
            let csv = String(decoding: try await agent.get("/policies?format=csv").body.readableBytesView, as: UTF8.self)
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
            #expect(csv.contains("1234567891"))
            #expect(!csv.contains("0076229645"))
            #expect(!(try await agent.get("/policies").body.string.contains(direct)))
            var agent2 = Browser(app: app)
            try await agent2.signIn("agent2")
            #expect(Self.rowLinks(try await agent2.get("/policies").body.string).isEmpty)
        }
    }

    @Test("the customer file lists the customer's policies and payments, with links")
    func customerFile() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policy = try await flow.issuedPolicy()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/customers/\(flow.customerID)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("href=\"/policies/\(policy)\""))
            #expect(page.body.string.contains("۱۴۰۵/۱"))
            let payment = try #require(try await Payment.query(on: app.db).first()).requireID()
            #expect(page.body.string.contains("href=\"/payments/\(payment)/receipt\""))
            #expect(page.body.string.contains("وصول‌شده"))
            // claims are for claims staff: the issuer's page has no claims section, the claims expert's has
            #expect(!page.body.string.contains("پرونده‌های خسارت"))
            var claims = Browser(app: app)
            try await claims.signIn("claims")
            #expect(try await claims.get("/customers/\(flow.customerID)").body.string.contains("پرونده‌های خسارت"))
        }
    }

    @Test("work queues: each a count on the dashboard that opens the list it counts")
    func queues() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            _ = try await flow.issuedPolicy()
            let paidUp = try await Self.registeredForAli(flow)
            _ = try await Self.registeredForAli(flow)
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            var dashboard = try await issuer.get("/").body.string
            // two registered (Ali's), awaiting issue; neither paid, so none ready (R-P-06)
            #expect(dashboard.contains("<a href=\"/policies?status=registered\"><span class=\"value\">۲</span> بیمه‌نامه‌های ثبت‌شده در انتظار صدور</a>"))
            #expect(dashboard.contains("<a href=\"/policies?status=registered&amp;ready=1\"><span class=\"value\">۰</span> پرداخت‌شده و آمادهٔ صدور</a>"))
            #expect(Self.rowLinks(try await issuer.get("/policies?status=registered").body.string).count == 2)
            // one is paid in cash: its whole premium, 20,000,000 × 1% = 200,000, collected → ready
            let premium = try #require(try await Policy.find(UUID(uuidString: paidUp), on: app.db)).premium
            #expect(premium == 200_000)
            let cheque = try await flow.cheque(paidUp, amount: premium)
            #expect(try await flow.collect(try #require(cheque.json["id"] as? String)).status == .ok)
            dashboard = try await issuer.get("/").body.string
            #expect(dashboard.contains("<span class=\"value\">۱</span> پرداخت‌شده و آمادهٔ صدور</a>"))
            #expect(Self.rowLinks(try await issuer.get("/policies?status=registered&ready=1").body.string) == [paidUp])
            // renewals: today 1405/01/10, the window to 1405/02/09; the issued policy ends 1406/01/15, so none
            #expect(dashboard.contains("status=issued&amp;by=end&amp;from=1405/01/10&amp;to=1405/02/09") || dashboard.contains("status=issued&by=end&from=1405/01/10&to=1405/02/09"))

            var accountant = Browser(app: app)
            try await accountant.signIn("accountant")
            let accounts = try await accountant.get("/").body.string
            // both cheques (due 1405/01/10) were collected: nothing due
            #expect(accounts.contains("<span class=\"value\">۰</span> چک‌های سررسیدهٔ امروز و گذشته"))
            #expect(accounts.contains("حواله‌های در انتظار پرداخت"))

            var claims = Browser(app: app)
            try await claims.signIn("claims")
            #expect(try await claims.get("/").body.string.contains("href=\"/claims?status=documents-pending\""))
            var head = Browser(app: app)
            try await head.signIn("head")
            #expect(try await head.get("/").body.string.contains("احکام بازدید در انتظار تأیید"))
        }
    }
}
