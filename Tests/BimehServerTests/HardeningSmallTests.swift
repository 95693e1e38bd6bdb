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

@Suite("Texts with a NUL character")
struct NULCharacterTests {
    @Test("a NUL inside a JSON text is refused with its field (it was stored and read back cut short)")
    func refused() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let res = try await app.send(.POST, "/api/v1/customers", token: token,
                                         json: ["kind": "natural", "nationalCode": "0499370899", "firstName": "ab\u{0}cd", "lastName": "x", "birthDate": "1360/01/01"])
            #expect(res.fieldCodes == ["firstName": "invalid-character"])
            let nested = try await app.send(.POST, "/api/v1/quotes", token: token, json: [
                "product": "computer", "date": "1405/01/10", "inputs": ["items": [["description": "a\u{0}", "value": 1_000_000]]]])
            #expect(nested.fieldCodes == ["inputs.items[0].description": "invalid-character"])
        }
    }
}

@Suite("Nulls in a JSON body")
struct NullValueTests {
    /// A null was read as "absent" though the document types every field (the fuzzer's ST201).
    @Test("a null anywhere in a typed body is 422 invalid-type with its path; nothing is stored")
    func refused() async throws {
        try await TestApp.run { app in
            let token = try await app.token("issuer")
            let letters = try await Letter.query(on: app.db).count()
            let res = try await app.send(.POST, "/api/v1/letters", token: token,
                                         raw: #"{"direction":"incoming","subject":null,"correspondent":"شرکت آزمون"}"#)
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes == ["subject": "invalid-type"])
            let ussd = try await app.send(.POST, "/api/v1/ussd", raw: #"{"phoneNumber":"0912","serviceCode":"*1*1420*4#","text":null}"#)
            #expect(ussd.fieldCodes == ["text": "invalid-type"])
            #expect(try await Letter.query(on: app.db).count() == letters)
        }
    }
}

@Suite("Request log lines")
struct RequestLogTests {
    @Test("a path's newline is written escaped, never as a new log line; the encoded form is kept")
    func forgedLine() {
        #expect(RequestLogMiddleware.printable("/policies%0A[ INFO ] forged") == "/policies%0A[ INFO ] forged")
        #expect(RequestLogMiddleware.printable("/a\n[ INFO ] forged\r") == "/a\\u{A}[ INFO ] forged\\u{D}")
        #expect(RequestLogMiddleware.printable("/a\\b") == "/a\\\\b")
        #expect(RequestLogMiddleware.printable("/" + String(repeating: "x", count: 600)).count == 500)
    }
}

@Suite("The sign-in form's CSRF cookie")
struct LoginCookieTests {
    @Test("the login CSRF cookie is expired on the path it was set with (/login), not on /")
    func expiredOnItsPath() async throws {
        try await TestApp.run { app in
            var browser = WebPageTests.Browser(app: app)
            let form = try await browser.get("/login")
            let set = try #require(form.headers[.setCookie].first { $0.hasPrefix(LoginPages.loginCSRFCookie + "=") })
            #expect(set.contains("Path=/login"))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: form.body.string))
            let signedIn = try await browser.post("/login", form: ["_csrf": csrf, "username": "issuer", "password": "demo-issuer"])
            #expect(signedIn.status == .seeOther)
            let expired = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix(LoginPages.loginCSRFCookie + "=") })
            #expect(expired.contains("Path=/login"))
            #expect(expired.contains("Max-Age=0"))
        }
    }
}

@Suite("Money numbers a typed body cannot hold, and methods a path does not serve")
struct NumberAndMethodTests {
    /// Payments were 400 malformed-json for these while quotes answered 422 with the field.
    @Test("1.5 and 2^63 rials in a payment are 422 with the field's code, as in a quote")
    func paymentNumbers() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let quote = try await flow.quote([60_000_000])
            let policy = try await flow.register(quoteID: try #require(quote.json["id"] as? String))
            let id = try #require(policy.json["id"] as? String)
            for (raw, code) in [("1.5", "non-integer-amount"), ("9223372036854775808", "amount-overflow")] {
                let body = #"{"method":"cheque","amount":\#(raw),"paidOn":"1405/01/10","cheque":{"number":"CHQ-N","bank":"ملی","dueDate":"1405/01/10"}}"#
                let res = try await app.send(.POST, "/api/v1/policies/\(id)/payments", token: flow.issuer, raw: body)
                #expect(res.status == .unprocessableEntity, "\(raw)")
                #expect(res.fieldCodes == ["amount": code], "\(raw)")
                let quoted = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer,
                                                raw: #"{"product":"computer","date":"1405/01/10","inputs":{"items":[{"description":"x","value":\#(raw)}]}}"#)
                #expect(quoted.status == .unprocessableEntity)
                #expect(quoted.fieldCodes["inputs.items[0].value"] == code)
            }
            let list = try await app.send(.GET, "/api/v1/policies/\(id)", token: flow.issuer)
            #expect((list.json["payments"] as? [Any])?.isEmpty ?? true)
        }
    }

    @Test("TRACE, or DELETE on a path served for GET, is 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() async throws {
        try await TestApp.run(seedDemo: false) { app in
            let trace = try await app.testing().sendRequest(.TRACE, "/api/v1/health")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "GET, HEAD")
            #expect(trace.problemCode == "method-not-allowed")
            let delete = try await app.testing().sendRequest(.DELETE, "/api/v1/policies/\(UUID().uuidString)")
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers.first(name: "Allow")?.contains("GET") == true)
            // "preview" is a constant beside quotes/{id}: the router never takes it for an id
            let options = try await app.testing().sendRequest(.OPTIONS, "/api/v1/quotes/preview")
            #expect(options.headers.first(name: "Allow") == "POST")
            let unknown = try await app.send(.GET, "/api/v1/nothing-here")
            #expect(unknown.status == .notFound)
            let unknownTrace = try await app.testing().sendRequest(.TRACE, "/api/v1/nothing-here")
            #expect(unknownTrace.status == .notFound)
        }
    }
}
