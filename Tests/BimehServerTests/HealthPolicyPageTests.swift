@testable import BimehServer
import Fluent
import Foundation
import InsuranceKit
import Testing
import VaporTesting

/// The health policy page (R-SH-06, R-SH-07): each person with what is left of each cover after
/// paid claims, and the introduction letters, printable.
@Suite("The health policy page: remaining ceilings and introduction letters (R-SH-06, R-SH-07)")
struct HealthPolicyPageTests {
    typealias D = HealthDirectClaimTests

    @Test("R-SH-06 after a hospitalization claim paying 70,000,000 the page shows 930,000,000 left of 1,000,000,000; the letter prints")
    func remainingCeilings() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await D.backdatedFamily(app, flow)
            let center = try await D.center(app)
            let letter = try await app.send(.POST, "/api/v1/health/introductions", token: try await app.token("claims"),
                                            json: ["nationalCode": HealthTests.main, "center": center, "cover": "hospitalization"])
            let number = try #require(letter.json["number"] as? String)
            // franchise 20 % × 100,000,000 = 20,000,000 ≤ the base insurer's 30,000,000: pays 100,000,000 − 30,000,000 = 70,000,000
            let paid = try await D.claim(app, try await app.token("provider"), cover: "hospitalization", cost: 100_000_000, basePaid: 30_000_000, introduction: number)
            #expect(paid.json["payable"] as? Int == 70_000_000)

            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let page = try await issuer.get("/policies/\(policyID)").body.string
            // silver hospitalization 1,000,000,000 − 70,000,000 = 930,000,000 for the main insured; the spouse's untouched
            #expect(page.contains("بستری و جراحی: \(Rial(930_000_000).persianFormatted) از \(Rial(1_000_000_000).persianFormatted) (مصرف‌شده \(Rial(70_000_000).persianFormatted))"))
            #expect(page.contains("بستری و جراحی: \(Rial(1_000_000_000).persianFormatted) از \(Rial(1_000_000_000).persianFormatted)</li>"))
            // visit and drugs is an optional cover this family did not buy; a family plan has no CSV form
            #expect(!page.contains("ویزیت و دارو:"))
            #expect(!page.contains("الحاقیهٔ افزودن و حذف بیمه‌شدگان"))

            let letterID = try #require(try await HealthIntroduction.query(on: app.db).first()?.requireID())
            #expect(page.contains("/health/introductions/\(letterID.uuidString)/print"))
            let print = try await issuer.get("/health/introductions/\(letterID.uuidString)/print")
            #expect(print.status == .ok)
            let sheet = print.body.string
            #expect(sheet.contains("معرفی‌نامهٔ درمان") && sheet.contains(Normalize.persianDigits(number)) && sheet.contains("بیمارستان نمونه"))
            #expect(sheet.contains("بستری و جراحی") && sheet.contains(Normalize.persianDigits("1405/02/09")) && sheet.contains("(به کار رفته است)"))
            var provider = WebPageTests.Browser(app: app)
            try await provider.signIn("provider")
            #expect(try await provider.get("/health/introductions/\(letterID.uuidString)/print").status != .ok)
        }
    }
}
