@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The organization page's product sections: supplementary health contributes its centers
/// (R-SH-05) through the product hook; the page itself names no product.
@Suite("Admin: the products' sections of the organization page")
struct OrganizationCentersTests {
    typealias Browser = WebPageTests.Browser

    @Test("R-SH-05: the seeded contracted center and a non-contracted one are listed for the admin; the agent gets 403")
    func centersOnTheOrganizationPage() async throws {
        try await TestApp.run(seedDemo: false) { app in
            // given: the demo's pharmacy PH-100 (contracted, one provider user) and a clinic without a contract
            #expect(try await DemoData.seed(app) > 0)
            try await TestApp.fixture(app, HealthCenter(code: "CL-205", name: "درمانگاه آزمایشی", contracted: false))

            // when
            var admin = Browser(app: app)
            try await admin.signIn("admin")
            let page = try await admin.get(SiteURL.admin(.organization).path)

            // then
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("مراکز درمانی بیمهٔ تکمیلی درمان"))
            #expect(html.contains("<tr><td>PH-۱۰۰</td><td>داروخانهٔ نمونه</td><td>طرف قرارداد</td><td>۱</td></tr>"))
            #expect(html.contains("<tr class=\"expired\"><td>CL-۲۰۵</td><td>درمانگاه آزمایشی</td><td>بدون قرارداد</td><td>۰</td></tr>"))
            // the brokers section stays first: the product's section comes after the generic ones
            let brokers = try #require(html.range(of: "کارگزاران")), centers = try #require(html.range(of: "مراکز درمانی بیمهٔ تکمیلی درمان"))
            #expect(brokers.lowerBound < centers.lowerBound)

            var agent = Browser(app: app)
            try await agent.signIn("agent")
            #expect(try await agent.get(SiteURL.admin(.organization).path).status == .forbidden)
        }
    }
}
