@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The customer file's letters (R-G-06): the secretariat numbers of the customer's proposals,
/// claim letters and the letters addressed to them, and nobody else's.
@Suite("Web: the customer file's letters")
struct CustomerLettersTests {
    typealias Browser = WebPageTests.Browser

    /// The letters section of a customer page.
    static func lettersSection(_ html: String) -> String {
        guard let start = html.range(of: "id=\"customer-letters\"") else { return "" }
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test("R-G-06: a customer with a policy and a claim shows their proposal, notice and outgoing letters; another customer's letter is absent")
    func lettersOfTheCustomer() async throws {
        try await TestApp.run { app in
            // given: the demo seeds no letters, so the secretariat of 1405 starts at 1 (R-G-06):
            // Maryam's proposal 1405/1, her claim's notice letter 1405/2, the document request 1405/3
            let flow = try await ClaimFlow.start(app)
            let policy = try await flow.policy()
            let opened = try await flow.notice(policy, loss: "1405/01/05", notice: "1405/01/10")
            #expect(opened.status == .created)
            let claimID = try #require(opened.json["id"] as? String)
            #expect(try await flow.post(claimID, "document-request").status == .ok)
            let claim = try #require(try await Claim.find(UUID(uuidString: claimID), on: app.db))
            #expect(claim.noticeLetter == "1405/2")
            // then 1405/4 to Ali (another customer) and 1405/5 from Maryam by name
            for (correspondent, subject) in [("علی رضایی", "درخواست الحاقیه"), ("مریم احمدی", "درخواست نسخهٔ دوم بیمه‌نامه")] {
                let letter = try await app.send(.POST, "/api/v1/letters", token: flow.policies.issuer,
                                                json: ["direction": "incoming", "subject": subject, "correspondent": correspondent])
                #expect(letter.status == .created)
            }

            // when
            var claims = Browser(app: app)
            try await claims.signIn("claims")
            let page = try await claims.get("/customers/\(flow.policies.customerID)")

            // then
            #expect(page.status == .ok)
            let letters = Self.lettersSection(page.body.string)
            for number in ["۱۴۰۵/۱", "۱۴۰۵/۲", "۱۴۰۵/۳", "۱۴۰۵/۵"] {
                #expect(letters.contains("<td>\(number)</td>"), "\(number)")
            }
            #expect(!letters.contains("<td>۱۴۰۵/۴</td>"), "Ali's letter")
            #expect(!letters.contains("درخواست الحاقیه"))
            #expect(letters.contains("وارده") && letters.contains("صادره"))
            #expect(letters.contains("<td>۱۴۰۵/۰۱/۱۰</td>"))
            // newest first
            let five = try #require(letters.range(of: "<td>۱۴۰۵/۵</td>")), one = try #require(letters.range(of: "<td>۱۴۰۵/۱</td>"))
            #expect(five.lowerBound < one.lowerBound)

            // Ali's own file shows his letter and none of Maryam's
            let ali = try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "1583250689").first())
            let aliLetters = Self.lettersSection(try await claims.get("/customers/\(try ali.requireID())").body.string)
            #expect(aliLetters.contains("<td>۱۴۰۵/۴</td>"))
            #expect(!aliLetters.contains("<td>۱۴۰۵/۲</td>"))
        }
    }
}
