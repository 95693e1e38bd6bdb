@testable import BimehServer
import Foundation
import NIOCore
import Testing
import VaporTesting

/// Small helpers so that tests read as requests and expectations.
extension Application {
    /// Signs in through the API and returns the bearer token.
    func token(_ username: String, password: String? = nil) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password ?? "demo-\(username)"])
        let res = try await testing().sendRequest(.POST, "/api/v1/auth/token", headers: ["content-type": "application/json"], body: ByteBuffer(data: body))
        #expect(res.status == .ok, "sign-in of \(username) failed: \(res.body.string)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
        return try #require(json["token"] as? String)
    }

    /// Sends a JSON request (a dictionary, or a raw string for malformed bodies).
    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = [:]
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        var body: ByteBuffer?
        if let json {
            headers.add(name: .contentType, value: "application/json")
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers.add(name: .contentType, value: "application/json")
            body = ByteBuffer(string: raw)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// The `code` of a problem+json body, and of its field errors.
    var problemCode: String? { json["code"] as? String }
    var fieldCodes: [String: String] {
        var result: [String: String] = [:]
        for error in (json["errors"] as? [[String: Any]]) ?? [] {
            if let field = error["field"] as? String, let code = error["code"] as? String { result[field] = code }
        }
        return result
    }
}

/// Customer request bodies used across tests.
enum Bodies {
    static func natural(_ code: String = "0076229645", first: String = "مریم", last: String = "احمدی",
                        birth: String = "1365/04/12", mobile: String = "09121234567") -> [String: Any] {
        ["kind": "natural", "nationalCode": code, "firstName": first, "lastName": last, "birthDate": birth, "mobile": mobile]
    }
}
