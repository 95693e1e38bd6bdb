@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Every API route × every role, generated from the route table and the one role table (the
/// OpenAPI operations' `roles`, which the document publishes): a role outside an operation's list
/// is refused by the role check (403 `forbidden`) before anything else happens, a role inside it
/// is never refused by that check, and a caller without a token is 401 on every guarded route.
@Suite("Authorization matrix: route × role")
struct AuthorizationMatrixTests {
    @Test("each documented operation answers each role as its role list says, and 401 without a token")
    func matrix() async throws {
        try await TestApp.run { app in
            // the one role without a demo user
            let hash = try await Credentials.hash("demo-customer", cost: app.bimeh.config.bcryptCost, on: app)
            try await TestApp.fixture(app, User(username: "customer", passwordHash: hash, role: .customer, displayName: "بیمه‌گذار"))
            var tokens: [Role: String] = [:]
            for role in Role.allCases { tokens[role] = try await app.token(role == .admin ? "admin" : role.rawValue) }

            var checked = 0
            var wrong: [String] = []
            let routes = Set(app.routes.all.map { "\($0.method.rawValue) \(Self.openAPIPath($0.path))" })
            for operation in APIDocument.operations {
                let key = "\(operation.method.rawValue) \(operation.path)"
                #expect(routes.contains(key), "\(key) is documented but not routed")
                guard let allowed = operation.roles.map(Set.init) else { continue }
                let path = Self.concrete(operation.path)
                // signing out revokes the token it is sent with: checked last, below
                if key == "DELETE /api/v1/auth/token" { continue }
                let anonymous = try await Self.send(app, operation.method, path, token: nil)
                if anonymous.status != .unauthorized { wrong.append("\(key) without a token: \(anonymous.status.code) \(anonymous.problemCode ?? "")") }
                for role in Role.allCases {
                    let res = try await Self.send(app, operation.method, path, token: tokens[role])
                    let refusedByRole = res.status == .forbidden && res.problemCode == "forbidden"
                    if allowed.contains(role) {
                        if refusedByRole || res.status == .unauthorized { wrong.append("\(key) as \(role): refused (\(res.status.code)) but the table allows it") }
                    } else if !refusedByRole {
                        wrong.append("\(key) as \(role): \(res.status.code) \(res.problemCode ?? "") but the table refuses it")
                    }
                    checked += 1
                }
            }
            #expect(wrong.isEmpty, "\(wrong.count) of \(checked):\n\(wrong.joined(separator: "\n"))")
            #expect(checked > 300, "\(checked) route × role pairs")
            for role in Role.allCases {
                let out = try await Self.send(app, .DELETE, "/api/v1/auth/token", token: tokens[role])
                #expect(out.status == .noContent, "sign-out as \(role)")
            }
        }
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["content-type": "application/json"]
        if let token { headers.add(name: "authorization", value: "Bearer \(token)") }
        let body = [.POST, .PUT, .PATCH].contains(method) ? ByteBuffer(string: "{}") : nil
        return try await app.testing().sendRequest(method, path, headers: headers, body: body)
    }

    /// `{id}` and the like filled with values of the right shape that name nothing stored.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix("{") else { return String(segment) }
            switch segment {
            case "{year}": return "1405"
            case "{month}": return "1"
            case "{nationalCode}", "{code}": return "0499370899"
            case "{row}": return "1"
            default: return UUID().uuidString
            }
        }.joined(separator: "/")
    }

    static func openAPIPath(_ components: [PathComponent]) -> String {
        "/" + components.map { component -> String in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
    }
}
