@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// R-G-04: cover is never sold backwards. Today is 1405/01/10.
@Suite("Cover dates (R-G-04)")
struct CoverDateTests {
    @Test("R-G-04 a policy starting yesterday is refused with start-in-past, from the API and the quote page; today is accepted")
    func startInPast() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quoteID = try #require(try await flow.quote([60_000_000]).json["id"] as? String)
            let api = try await flow.register(quoteID: quoteID, start: "1405/01/09", end: "1406/01/09")
            #expect(api.status == .unprocessableEntity)
            #expect(api.fieldCodes == ["startDate": "start-in-past"])
            #expect(api.body.string.contains("۱۰ فروردین ۱۴۰۵"))
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: try await issuer.get("/quotes/\(quoteID)").body.string))
            let web = try await issuer.post("/quotes/\(quoteID)/policy", form: ["_csrf": csrf, "startDate": "1405/01/09", "endDate": "1406/01/09", "plan": "cash"])
            #expect(CommandParityTests.pageCodes(web) == ["startDate:start-in-past"])
            #expect(try await Policy.query(on: app.db).count() == 0)
            // the registration day itself is the earliest start
            #expect(try await flow.register(quoteID: quoteID, start: "1405/01/10", end: "1406/01/10").status == .created)
        }
    }
}
