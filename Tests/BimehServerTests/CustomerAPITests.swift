@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// Valid national codes used below, each checked by hand (R-G-05: r = Σ dᵢ·(10−i) mod 11,
/// check = r if r < 2 else 11 − r):
/// - 1234567891: 1·10+2·9+3·8+4·7+5·6+6·5+7·4+8·3+9·2 = 210; 210 mod 11 = 1 → check 1.
/// - 0499370899: 0·10+4·9+9·8+9·7+3·6+7·5+0·4+8·3+9·2 = 266; 266 mod 11 = 2 → check 9.
/// - 0011537027 (SPEC vector, also typed as 11537027): 0+0+1·8+1·7+5·6+3·5+7·4+0·3+2·2 = 92; 92 mod 11 = 4 → check 7.
@Suite("Customers API (R-G-05, R-G-08)")
struct CustomerAPITests {
    @Test("R-G-08 a new customer is registered once: 201, then 200 with the same record")
    func registerOnce() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            // when
            let first = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891"))
            let second = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891", first: "دیگر"))
            // then
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(first.json["id"] as? String == second.json["id"] as? String)
            #expect(second.json["firstName"] as? String == "مریم", "the existing record is returned unchanged")
            #expect(try await Customer.query(on: app.db).filter(\.$nationalCode == "1234567891").count() == 1)
        }
    }

    @Test("R-G-05 / R-G-03 Persian digits and 8–9 digit input are normalized and padded")
    func normalization() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let persian = try await app.send(.POST, "/api/v1/customers", token: token,
                                             json: Bodies.natural("۰۴۹۹۳۷۰۸۹۹", first: " علي ", last: "كريمي", birth: "۱۳۶۰/۰۲/۰۳", mobile: "+98 912 000 1122"))
            #expect(persian.status == .created)
            #expect(persian.json["nationalCode"] as? String == "0499370899")
            #expect(persian.json["firstName"] as? String == "علی", "Arabic ي becomes Persian ی, spaces trimmed")
            #expect(persian.json["lastName"] as? String == "کریمی", "Arabic ك becomes Persian ک")
            #expect(persian.json["birthDate"] as? String == "1360/02/03")
            #expect(persian.json["mobile"] as? String == "09120001122")
            // 8 digits "11537027" → padded to 0011537027; 9 digits "011537027" → the same person (200).
            let eight = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("11537027"))
            #expect(eight.status == .created)
            #expect(eight.json["nationalCode"] as? String == "0011537027")
            let nine = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("011537027"))
            #expect(nine.status == .ok)
            #expect(nine.json["id"] as? String == eight.json["id"] as? String)
        }
    }

    @Test("R-G-05 invalid, all-same-digit and wrong-length national codes are 422 invalid-national-code", arguments: [
        "0076229646", // check digit should be 5
        "1111111111", "0000000000", // all the same digit
        "12345", "12345678901", "abcdefghij", "12345678a1",
    ])
    func invalidNationalCodes(code: String) async throws {
        try await TestApp.run { app in
            let res = try await app.send(.POST, "/api/v1/customers", token: try await app.token("issuer"), json: Bodies.natural(code))
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes["nationalCode"] == "invalid-national-code")
            #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await Customer.query(on: app.db).count() == 2, "only the two demo customers exist")
        }
    }

    @Test("R-G-05 legal persons: 10380284790 valid, a wrong check digit is invalid-legal-id")
    func legalPersons() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let ok = try await app.send(.POST, "/api/v1/customers", token: token, json: ["kind": "legal", "legalId": "10380284790", "name": "شرکت نمونه"])
            #expect(ok.status == .created)
            #expect(ok.json["legalId"] as? String == "10380284790")
            let bad = try await app.send(.POST, "/api/v1/customers", token: token, json: ["kind": "legal", "legalId": "10380284791", "name": "شرکت نمونه"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.fieldCodes["legalId"] == "invalid-legal-id")
        }
    }

    @Test("R-G-05 foreign nationals register by a 12-digit ID")
    func foreignID() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let ok = try await app.send(.POST, "/api/v1/customers", token: token,
                                        json: ["kind": "natural", "foreignId": "123456789012", "firstName": "Ahmad", "lastName": "Karimi"])
            #expect(ok.status == .created)
            let bad = try await app.send(.POST, "/api/v1/customers", token: token,
                                         json: ["kind": "natural", "foreignId": "12345", "firstName": "Ahmad", "lastName": "Karimi"])
            #expect(bad.fieldCodes["foreignId"] == "invalid-foreign-id")
        }
    }

    @Test("R-G-03 impossible Jalali dates are 422 invalid-date", arguments: ["1404/12/30", "1403/13/01", "1403/07/31", "1403/00/10", "31/02/1403", "yesterday"])
    func impossibleDates(date: String) async throws {
        try await TestApp.run { app in
            let res = try await app.send(.POST, "/api/v1/customers", token: try await app.token("issuer"), json: Bodies.natural("1234567891", birth: date))
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes["birthDate"] == "invalid-date")
        }
    }

    @Test("bad bodies: empty and malformed are 400, unknown fields and wrong types 422, never 500")
    func badBodies() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let empty = try await app.send(.POST, "/api/v1/customers", token: token, raw: "")
            #expect(empty.status == .badRequest)
            #expect(empty.problemCode == "empty-body")
            let malformed = try await app.send(.POST, "/api/v1/customers", token: token, raw: "{\"kind\": \"natural\", ")
            #expect(malformed.status == .badRequest)
            #expect(malformed.problemCode == "malformed-json")
            let array = try await app.send(.POST, "/api/v1/customers", token: token, raw: "[1,2,3]")
            #expect(array.status == .badRequest)
            var extra = Bodies.natural("1234567891")
            extra["isAdmin"] = true
            let unknown = try await app.send(.POST, "/api/v1/customers", token: token, json: extra)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.fieldCodes["isAdmin"] == "unknown-field")
            let wrongType = try await app.send(.POST, "/api/v1/customers", token: token, raw: #"{"kind":"natural","nationalCode":1234567891,"firstName":"a","lastName":"b"}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.fieldCodes["nationalCode"] == "invalid-type")
            let badKind = try await app.send(.POST, "/api/v1/customers", token: token, json: ["kind": "robot"])
            #expect(badKind.fieldCodes["kind"] == "invalid-kind")
            let tooLong = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891", first: String(repeating: "ا", count: 101)))
            #expect(tooLong.fieldCodes["firstName"] == "too-long")
            #expect(try await Customer.query(on: app.db).count() == 2)
        }
    }

    @Test("a huge body is refused with 413 body-too-large over real HTTP")
    func hugeBody() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let huge = "{\"kind\":\"natural\",\"firstName\":\"" + String(repeating: "x", count: 2_000_000) + "\"}"
            let res = try await app.testing(method: .running(port: 0)).sendRequest(
                .POST, "/api/v1/customers", headers: ["content-type": "application/json", "authorization": "Bearer \(token)"],
                body: ByteBuffer(string: huge))
            #expect(res.status == .payloadTooLarge)
            #expect(res.problemCode == "body-too-large")
        }
    }

    @Test("SQL and HTML injection strings are stored verbatim")
    func injectionStoredVerbatim() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let sql = "Robert'); DROP TABLE customers;--"
            let html = "<img src=x onerror=alert(1)>"
            let res = try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891", first: sql, last: html))
            #expect(res.status == .created)
            let id = try #require(res.json["id"] as? String)
            let stored = try await app.send(.GET, "/api/v1/customers/\(id)", token: token)
            #expect(stored.json["firstName"] as? String == sql)
            #expect(stored.json["lastName"] as? String == html)
            #expect(try await Customer.query(on: app.db).count() == 3, "the table is still there")
        }
    }

    @Test("R-G-08 two concurrent creations of the same customer: one 201, one 200, one record")
    func concurrentCreation() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await app.send(.POST, "/api/v1/customers", token: token, json: Bodies.natural("1234567891")).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.sorted() == [200, 201])
            #expect(try await Customer.query(on: app.db).filter(\.$nationalCode == "1234567891").count() == 1)
        }
    }

    @Test("search finds by code, name and mobile, paginated")
    func search() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let byCode = try await app.send(.GET, "/api/v1/customers?q=0076229645", token: token)
            #expect(byCode.json["total"] as? Int == 1)
            let byName = try await app.send(.GET, "/api/v1/customers?q=%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C", token: token) // رضایی
            #expect(byName.json["total"] as? Int == 1)
            let all = try await app.send(.GET, "/api/v1/customers?per=1&page=2", token: token)
            #expect(all.json["total"] as? Int == 2)
            #expect((all.json["items"] as? [Any])?.count == 1)
            let badPage = try await app.send(.GET, "/api/v1/customers?per=100000", token: token)
            #expect(badPage.status == .unprocessableEntity)
        }
    }
}
