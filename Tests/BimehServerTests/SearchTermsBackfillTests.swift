@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// M053: a database from before M048 gets its policies' search terms through the product hook
/// that fills them at registration, so the list finds them by plate again.
@Suite("Migration M053: search terms of older policies")
struct SearchTermsBackfillTests {
    typealias Browser = WebPageTests.Browser

    @Test("a policy whose terms are gone is found by its plate after the migration's body; a second run changes nothing")
    func backfill() async throws {
        try await TestApp.run(seedDemo: false) { app in
            // given: the demo's third-party policy, plate «۲۲ ج ۴۵۶ ایران ۱۰», its terms deleted as before M048
            #expect(try await DemoData.seed(app) > 0)
            let policy = try #require(try await Policy.query(on: app.db).filter(\.$product == ProductCode("third-party")).first())
            let id = try policy.requireID()
            let before = try await PolicySearchTerm.query(on: app.db).filter(\.$policy.$id == id).all().map(\.term).sorted()
            #expect(!before.isEmpty)
            try await PolicySearchTerm.query(on: app.db).filter(\.$policy.$id == id).delete()
            var issuer = Browser(app: app)
            try await issuer.signIn("issuer")
            let plate = "/policies?q=" + WebListsTests.q("۲۲ ج ۴۵۶ ایران ۱۰")
            #expect(WebPolicyListTests.rowLinks(try await issuer.get(plate).body.string).isEmpty)

            // when
            let filled = try await M053_FillPolicySearchTerms.fill(products: app.bimeh.products, on: app.db, pageSize: 2)

            // then: only that policy had none (the others kept theirs or yield none); its plate 22ج456-10 finds it
            #expect(filled == 1)
            #expect(try await PolicySearchTerm.query(on: app.db).filter(\.$policy.$id == id).all().map(\.term).sorted() == before)
            #expect(before.contains("22ج45610"))
            #expect(WebPolicyListTests.rowLinks(try await issuer.get(plate).body.string) == [id.uuidString])
            #expect(try await M053_FillPolicySearchTerms.fill(products: app.bimeh.products, on: app.db) == 0)
        }
    }
}
