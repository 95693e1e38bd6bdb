@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The public authenticity page (R-TP-13 unique code, R-P-08 cancellation): a cancelled policy
/// was issued, so the page says so and from when it is cancelled — no more than that.
@Suite("Web: authenticity of a cancelled policy")
struct AuthenticityCancelledTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-P-08: the demo's third-party policy, cancelled, is «issued and cancelled» from its effective date, without the vehicle")
    func cancelledPolicy() async throws {
        try await TestApp.run(seedDemo: false) { app in
            // given: the demo's third-party policy (cover from 1405/01/10), issued with its unique code
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("third-party")).first())
            let code = try #require(policy.uniqueCode)
            var visitor = Browser(app: app)
            #expect(try await visitor.get("/authenticity?code=\(code)").body.string.contains("این بیمه‌نامه معتبر است"))

            // when: the insurer cancels it on notice today
            let issuer = try await app.token("issuer")
            let cancelled = try await app.send(.POST, "/api/v1/policies/\(try policy.requireID())/cancellation", token: issuer,
                                               json: ["initiatedBy": "insured", "noticeDate": "1405/01/10", "reason": "فروش خودرو"])
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            let effective = try #require(cancelled.json["effectiveDate"] as? String)
            // R-P-08: notice 1405/01/10 + 20 days' notice (third party) = 1405/01/30 (Farvardin has 31 days)
            #expect(effective == "1405/01/30")

            // then
            let page = try await visitor.get("/authenticity?code=\(code)").body.string
            #expect(page.contains("صادر شده و ابطال‌شده است"))
            #expect(!page.contains("صادر نشده است"))
            #expect(!page.contains("این بیمه‌نامه معتبر است"))
            #expect(page.contains("شمارهٔ \(Normalize.persianDigits(try #require(policy.printedNumber)))"))
            #expect(page.contains("از ساعت ۲۴ روز \(Normalize.persianDigits(effective)) با ابطال"))
            // nothing personal: no plate, no vehicle, no persons
            #expect(!page.contains("پلاک") && !page.contains("<dl class=\"details\">"))
            // an unknown code still is «not issued»
            #expect(try await visitor.get("/authenticity?code=ABCDEFGHJKLMNPQR").body.string.contains("صادر نشده است"))
        }
    }
}
