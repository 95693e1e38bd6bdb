@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Authentication, roles and agency scoping")
struct AuthTests {
    @Test("every demo user of API.md signs in with demo-<username>")
    func demoUsers() async throws {
        try await TestApp.run { app in
            for name in ["admin", "issuer", "claims", "head", "accountant", "agent", "provider"] {
                _ = try await app.token(name)
            }
            let wrong = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "issuer", "password": "nope"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.problemCode == "invalid-credentials")
            let nobody = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "ghost", "password": "demo-ghost"])
            #expect(nobody.status == .unauthorized)
        }
    }

    @Test("passwords are stored as bcrypt hashes, tokens only as SHA-256")
    func storedSecrets() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "issuer").first())
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(try await AuthToken.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
            #expect(try await AuthToken.query(on: app.db).filter(\.$tokenHash == Secrets.sha256(token)).count() == 1)
        }
    }

    @Test("no token, a wrong token, an expired token and a revoked token are all 401")
    func badTokens() async throws {
        try await TestApp.run { app in
            let none = try await app.send(.GET, "/api/v1/customers")
            #expect(none.status == .unauthorized)
            #expect(none.problemCode == "unauthenticated")
            let wrong = try await app.send(.GET, "/api/v1/customers", token: "not-a-token")
            #expect(wrong.status == .unauthorized)
            let huge = try await app.send(.GET, "/api/v1/customers", token: String(repeating: "a", count: 5000))
            #expect(huge.status == .unauthorized)

            // expired: move the token's expiry into the past
            let expiring = try await app.token("issuer")
            let row = try #require(try await AuthToken.query(on: app.db).filter(\.$tokenHash == Secrets.sha256(expiring)).first())
            row.expiresAt = app.bimeh.clock.now().addingTimeInterval(-1)
            try await row.save(on: app.db)
            #expect(try await app.send(.GET, "/api/v1/customers", token: expiring).status == .unauthorized)

            // revoked: sign out, then the same token no longer works
            let revoking = try await app.token("issuer")
            #expect(try await app.send(.GET, "/api/v1/customers", token: revoking).status == .ok)
            #expect(try await app.send(.DELETE, "/api/v1/auth/token", token: revoking).status == .noContent)
            #expect(try await app.send(.GET, "/api/v1/customers", token: revoking).status == .unauthorized)
        }
    }

    @Test("a role calling what it may not is 403")
    func roles() async throws {
        try await TestApp.run { app in
            let provider = try await app.token("provider")
            let res = try await app.send(.POST, "/api/v1/customers", token: provider, json: Bodies.natural("1234567891"))
            #expect(res.status == .forbidden)
            #expect(res.problemCode == "forbidden")
            let claims = try await app.token("claims")
            #expect(try await app.send(.POST, "/api/v1/customers", token: claims, json: Bodies.natural("1234567891")).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/customers", token: claims).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/customers", token: provider).status == .forbidden)
            let agent = try await app.token("agent")
            #expect(try await app.send(.POST, "/api/v1/letters", token: agent, json: ["direction": "incoming", "subject": "x", "correspondent": "y"]).status == .forbidden)
        }
    }

    @Test("an agent sees only its own agency's customers; another agency gets 404")
    func agencyScoping() async throws {
        try await TestApp.run { app in
            // given a second agency with its own agent
            let complex = try #require(try await Complex.query(on: app.db).first())
            let other = Agency(code: "5678", name: "نمایندگی ۵۶۷۸", complexID: try complex.requireID())
            try await other.create(on: app.db)
            let hash = try await Credentials.hash("demo-agent2", cost: 4, on: app)
            try await TestApp.fixture(app, User(username: "agent2", passwordHash: hash, role: .agent, displayName: "agent2", agencyID: other.id))
            let agentA = try await app.token("agent"), agentB = try await app.token("agent2"), issuer = try await app.token("issuer")

            // when agency 1234 registers a customer
            let created = try await app.send(.POST, "/api/v1/customers", token: agentA, json: Bodies.natural("1234567891"))
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)

            // then agency 5678 cannot see it, by id or by search, and staff can
            #expect(try await app.send(.GET, "/api/v1/customers/\(id)", token: agentA).status == .ok)
            let hidden = try await app.send(.GET, "/api/v1/customers/\(id)", token: agentB)
            #expect(hidden.status == .notFound)
            #expect(hidden.problemCode == "not-found")
            #expect(try await app.send(.GET, "/api/v1/customers?q=1234567891", token: agentB).json["total"] as? Int == 0)
            #expect(try await app.send(.GET, "/api/v1/customers/\(id)", token: issuer).status == .ok)
            // a demo customer registered directly is not visible to agency 1234 either
            let direct = try #require(try await Customer.query(on: app.db).filter(\.$nationalCode == "0076229645").first())
            #expect(try await app.send(.GET, "/api/v1/customers/\(try direct.requireID())", token: agentA).status == .notFound)
            // a random id is the same 404
            #expect(try await app.send(.GET, "/api/v1/customers/\(UUID())", token: agentA).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/customers/not-a-uuid", token: agentA).status == .notFound)
        }
    }
}
