@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The seller's drafts (R-P-01, R-G-09): proposals priced and not yet registered, an agent's
/// its agency's only, counted on its dashboard beside the queues of what the insurer still does.
@Suite("Web: the agent's drafts")
struct AgentDraftsTests {
    typealias Browser = WebPageTests.Browser

    /// The quote links of the drafts list.
    static func draftLinks(_ html: String) -> [String] {
        html.components(separatedBy: "<tr><td><a href=\"/quotes/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("R-G-09: agent A sees its draft, agent B's list doesn't; the dashboard's count matches; a registered quote is no draft")
    func draftsOfTheAgency() async throws {
        try await TestApp.run { app in
            // given: agent A (agency 1234) prices a proposal of two computers; agent B is of agency 5678
            _ = try await CustomerElsewhereTests.secondAgency(app)
            let agentToken = try await app.token("agent")
            let quote = try await app.send(.POST, "/api/v1/quotes", token: agentToken,
                                           json: ["product": "computer", "date": "1405/01/10", "inputs": ["items": PolicyFlow.items([20_000_000, 10_000_000])]])
            #expect(quote.status == .created)
            let draft = try #require(quote.json["id"] as? String)
            // the issuer's direct proposal, then registered: not a draft any more
            let flow = try await PolicyFlow.start(app)
            let direct = try #require(try await flow.quote([5_000_000]).json["id"] as? String)
            let pending = try #require(try await flow.quote([7_000_000]).json["id"] as? String)
            #expect(try await flow.register(quoteID: direct).status == .created)

            // when / then: agent A
            var agentA = Browser(app: app)
            try await agentA.signIn("agent")
            let list = try await agentA.get("/quotes")
            #expect(list.status == .ok)
            #expect(Self.draftLinks(list.body.string) == [draft])
            // 30,000,000 × 1% = 300,000 rials (the computer rate of the other tests' worked examples)
            #expect(list.body.string.contains("۳۰۰٬۰۰۰") || list.body.string.contains("۳۰۰,۰۰۰"))
            let dashboard = try await agentA.get("/").body.string
            #expect(dashboard.contains("<a href=\"/quotes\"><span class=\"value\">۱</span> پیشنهادهای نمایندگی که هنوز ثبت نشده‌اند</a>"))
            // the insurer's part stays listed
            #expect(dashboard.contains("ثبت‌های نمایندگی در انتظار پرداخت یا صدور"))

            // agent B: none of agency 1234's
            var agentB = Browser(app: app)
            try await agentB.signIn("agent2")
            #expect(Self.draftLinks(try await agentB.get("/quotes").body.string).isEmpty)
            #expect(try await agentB.get("/").body.string.contains("<a href=\"/quotes\"><span class=\"value\">۰</span>"))

            // the issuer's drafts are the direct sales' not yet registered
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            #expect(Self.draftLinks(try await issuer.get("/quotes").body.string) == [pending])
            // not for other roles
            var claims = Browser(app: app)
            try await claims.signIn("claims")
            #expect(try await claims.get("/quotes").status == .forbidden)
        }
    }
}
