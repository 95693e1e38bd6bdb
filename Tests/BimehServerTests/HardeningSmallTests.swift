@testable import BimehServer
import Foundation
import Testing
import VaporTesting

/// #17's smaller findings, each checked the way an attacker would try it.
@Suite("Small hardening: the login's next address, headers on error answers")
struct HardeningSmallTests {
    @Test("the login's next accepts only a plain path: a tab, a newline or a scheme-relative address goes home")
    func safeNext() {
        #expect(LoginPages.safeNext("/policies?x=1") == "/policies?x=1")
        #expect(LoginPages.safeNext("/\t/evil.example") == "/")
        #expect(LoginPages.safeNext("/\n/evil.example") == "/")
        #expect(LoginPages.safeNext("//evil.example") == "/")
        #expect(LoginPages.safeNext("/\\evil.example") == "/")
        #expect(LoginPages.safeNext("https://evil.example") == "/")
        #expect(LoginPages.safeNext("/ spaced") == "/")
    }

    @Test("error answers carry the security headers: a 404 page, a 401 problem, a 422 problem")
    func headersOnErrors() async throws {
        try await TestApp.run { app in
            let page = try await app.testing().sendRequest(.GET, "/no-such-page", headers: ["accept": "text/html"])
            #expect(page.status == .notFound)
            let problem = try await app.send(.GET, "/api/v1/policies/\(UUID().uuidString)")
            #expect(problem.status == .unauthorized)
            let invalid = try await app.send(.POST, "/api/v1/quotes", token: try await app.token("issuer"), json: ["product": "none"])
            #expect(invalid.status == .unprocessableEntity)
            for res in [page, problem, invalid] {
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
            }
        }
    }
}
