import Vapor

/// The OpenAPI 3.1 description of every `/api/v1` route, served at `/api/v1/openapi.json`.
/// A test compares it with the registered routes, so a new route cannot ship undocumented.
enum APIDocument {
    struct Operation: Sendable {
        var method: HTTPMethod
        /// OpenAPI form: `/api/v1/customers/{id}`.
        var path: String
        var summary: String
        var roles: [Role]?
        var tag: String
        var request: JSONValue?
        var responses: [(Int, String, JSONValue?)]
        /// How the request body is sent: JSON, or a file upload.
        var requestMedia = "application/json"
    }

    static let operations: [Operation] = coreOperations + policyOperations + claimOperations + eligibilityOperations + auditOperations + productOperations + reportOperations

    static let coreOperations: [Operation] = [
        Operation(method: .GET, path: "/api/v1/health", summary: "Liveness", roles: nil, tag: "system", request: nil,
                  responses: [(200, "Running", Schemas.object(["status": Schemas.string], required: ["status"]))]),
        Operation(method: .GET, path: "/api/v1/openapi.json", summary: "This document", roles: nil, tag: "system", request: nil,
                  responses: [(200, "OpenAPI 3.1 document", ["type": "object"])]),
        Operation(method: .POST, path: "/api/v1/auth/token", summary: "Sign in: a bearer token for a username and password", roles: nil, tag: "auth",
                  request: Schemas.object(["username": Schemas.string, "password": Schemas.string], required: ["username", "password"]),
                  responses: [(200, "Token", Schemas.object(["token": Schemas.string, "expiresAt": Schemas.instant], required: ["token", "expiresAt"])),
                              (401, "Wrong username or password", nil),
                              (429, "sign-in-throttled, account-locked or sign-in-locked after repeated failures (Retry-After)", nil)]),
        Operation(method: .DELETE, path: "/api/v1/auth/token", summary: "Sign out: revoke the presented token", roles: Role.allCases, tag: "auth",
                  request: nil, responses: [(204, "Revoked", nil)]),
        Operation(method: .POST, path: "/api/v1/customers", summary: "Register a customer once (R-G-08); an existing code returns it with 200",
                  roles: [.issuer, .agent], tag: "customers", request: Schemas.customerInput,
                  responses: [(201, "Registered", Schemas.customer), (200, "Already registered", Schemas.customer),
                              (409, "customer-registered-elsewhere: an agent sent a code another channel registered, without its names and birth date", nil)]),
        Operation(method: .GET, path: "/api/v1/customers", summary: "Search customers by code, name or mobile (`q`), paginated",
                  roles: [.admin, .issuer, .agent, .claims, .head, .accountant], tag: "customers", request: nil,
                  responses: [(200, "A page of customers", Schemas.page(Schemas.customer))]),
        Operation(method: .GET, path: "/api/v1/customers/{id}", summary: "One customer (agents: their agency's only)",
                  roles: [.admin, .issuer, .agent, .claims, .head, .accountant], tag: "customers", request: nil,
                  responses: [(200, "The customer", Schemas.customer)]),
        Operation(method: .PATCH, path: "/api/v1/customers/{id}", summary: "Edit a customer's details (audited); a field left out stays, an empty one is cleared",
                  roles: [.issuer, .agent], tag: "customers", request: Schemas.customerEdit,
                  responses: [(200, "The edited customer", Schemas.customer),
                              (422, "invalid-iban, invalid-postal-code, invalid-economic-code, invalid-sex, invalid-mobile, not-for-kind (per field)", nil)]),
        Operation(method: .POST, path: "/api/v1/letters", summary: "Register a letter in the secretariat register (R-G-06)",
                  roles: [.admin, .issuer, .claims, .head, .accountant], tag: "secretariat",
                  request: Schemas.object(["direction": Schemas.enumeration(["incoming", "outgoing", "internal"]), "subject": Schemas.string, "correspondent": Schemas.string],
                                          required: ["direction", "subject", "correspondent"]),
                  responses: [(201, "Registered with its number", Schemas.letter)]),
        Operation(method: .GET, path: "/api/v1/letters/{id}", summary: "One registered letter",
                  roles: [.admin, .issuer, .claims, .head, .accountant], tag: "secretariat", request: nil,
                  responses: [(200, "The letter", Schemas.letter)]),
    ]

    static func document() -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for path in orderedPaths() {
            let ops = operations.filter { $0.path == path }
            paths.append((path, .object(ops.map { (($0.method.rawValue.lowercased()), operationObject($0)) })))
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Bimeh API",
                "version": "1",
                "description": "Insurer core system: policies, premiums, claims, eligibility. Money in integer rials, dates Jalali YYYY/MM/DD, errors as application/problem+json with Persian detail and a stable code.",
            ],
            "servers": [["url": "/"]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": ["Problem": Schemas.problem],
            ],
            "paths": .object(paths),
        ]
    }

    private static func orderedPaths() -> [String] {
        var seen = Set<String>(), result: [String] = []
        for op in operations where seen.insert(op.path).inserted { result.append(op.path) }
        return result
    }

    private static func operationObject(_ op: Operation) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("summary", .string(op.summary)),
            ("tags", [.string(op.tag)]),
            ("operationId", .string(operationID(op))),
        ]
        let parameters = pathParameters(op.path)
        if !parameters.isEmpty {
            fields.append(("parameters", .array(parameters.map {
                ["name": .string($0), "in": "path", "required": true, "schema": Schemas.string]
            })))
        }
        if let roles = op.roles {
            fields.append(("security", [["bearer": []]]))
            fields.append(("x-roles", .array(roles.map { .string($0.rawValue) })))
        }
        if let request = op.request {
            fields.append(("requestBody", ["required": true, "content": .object([(op.requestMedia, .object([("schema", StrictRequestSchema.apply(request))]))])]))
        }
        var responses: [(String, JSONValue)] = op.responses.map { status, description, schema in
            var response: [(String, JSONValue)] = [("description", .string(description))]
            if let schema { response.append(("content", ["application/json": ["schema": schema]])) }
            return (String(status), .object(response))
        }
        let listed = Set(op.responses.map(\.0))
        for (status, description) in errorResponses(op) where !listed.contains(status) {
            responses.append((String(status), ["description": .string(description),
                                               "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]))
        }
        fields.append(("responses", .object(responses)))
        return .object(fields)
    }

    /// The problem answers an operation can give, each named (no `default`), from what the
    /// server's middleware and decoders do for an operation of its shape.
    static func errorResponses(_ op: Operation) -> [(Int, String)] {
        let writes = op.method != .GET && op.method != .HEAD
        var result: [(Int, String)] = [(400, "malformed-json, empty-body or request-incomplete")]
        if op.roles != nil {
            result += [(401, "unauthenticated: no or an expired bearer token"), (403, "forbidden: the role may not do this")]
        }
        if !pathParameters(op.path).isEmpty { result.append((404, "not-found: nothing with this id")) }
        if writes {
            result += [(409, "a conflict with the stored state, or idempotency-in-progress (Retry-After)"),
                       (413, "body-too-large")]
        }
        if op.request != nil { result.append((415, "unsupported-media-type: send JSON")) }
        result.append((422, "validation: every field's problem with its code"))
        if op.roles == nil || op.path.hasSuffix("/auth/token") { result.append((429, "rate-limited or sign-in throttled (Retry-After)")) }
        if writes { result.append((503, "database-busy or an outside service unavailable (Retry-After)")) }
        return result
    }

    private static func operationID(_ op: Operation) -> String {
        let words = op.path.split(separator: "/").dropFirst(2).map { $0.replacingOccurrences(of: "{", with: "by-").replacingOccurrences(of: "}", with: "") }
        return ([op.method.rawValue.lowercased()] + words).joined(separator: "-")
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }
}
