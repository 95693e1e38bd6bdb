@testable import BimehServer
import Foundation
import NIOCore
import Testing
import VaporTesting

/// The USSD gateway callback (R-EL-03, R-EL-06).
@Suite("USSD channel (R-EL-03, R-EL-06)")
struct USSDTests {
    static func dial(_ app: Application, service: String, text: String, phone: String = "+989121234567",
                     key: String? = nil) async throws -> TestingHTTPResponse {
        let form = ["sessionId": "ATUid_1", "phoneNumber": phone, "serviceCode": service, "text": text]
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var headers: HTTPHeaders = ["content-type": "application/x-www-form-urlencoded"]
        if let key { headers.add(name: "X-Gateway-Key", value: key) }
        return try await app.testing().sendRequest(.POST, "/api/v1/ussd", headers: headers, body: ByteBuffer(string: form))
    }

    @Test("R-EL-03 *1*1420*4#: asks for the code, then answers covered / not covered and ends")
    func inquiry() async throws {
        try await TestApp.run { app in
            let first = try await Self.dial(app, service: "*1*1420*4#", text: "")
            #expect(first.status == .ok)
            #expect(first.body.string.hasPrefix("CON "))
            #expect(first.headers.contentType?.subType == "plain")
            let covered = try await Self.dial(app, service: "*1*1420*4#", text: "0076229645")
            #expect(covered.body.string == "END از حمایت‌های درمانی برخوردار می‌باشید")
            let expired = try await Self.dial(app, service: "*1*1420*4#", text: "1583250689")
            #expect(expired.body.string == "END از حمایت‌های درمانی برخوردار نمی‌باشید")
            let inline = try await Self.dial(app, service: "*1*1420*4*100200300400#", text: "")
            #expect(inline.body.string == "END از حمایت‌های درمانی برخوردار می‌باشید")
            let bad = try await Self.dial(app, service: "*1*1420*4#", text: "123")
            #expect(bad.body.string.hasPrefix("END "))
            let unknown = try await Self.dial(app, service: "*2*2#", text: "")
            #expect(unknown.body.string.hasPrefix("END "))
        }
    }

    @Test("R-EL-02 *99*1420*4#: a credit code for the calling phone, usable on the public inquiry")
    func creditCode() async throws {
        try await TestApp.run { app in
            let res = try await Self.dial(app, service: "*99*1420*4#", text: "")
            #expect(res.body.string.hasPrefix("END "))
            let code = try #require(res.body.string.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).first { $0.count == 10 }.map(String.init))
            let answer = try await app.send(.POST, "/api/v1/public/eligibility", json: ["creditCode": code, "nationalCode": "0076229645"])
            #expect(answer.json["remainingQuota"] as? Int == 19)
            #expect(answer.json["mobile"] as? String == "0912•••4567")
            let landline = try await Self.dial(app, service: "*99*1420*4#", text: "", phone: "02188888888")
            #expect(landline.body.string.hasPrefix("END ") && !landline.body.string.contains(where: { $0.isASCII && $0.isNumber }))
        }
    }

    @Test("with BIMEH_USSD_KEY set, only the gateway that knows it is answered")
    func gatewayKey() async throws {
        try await TestApp.run(adjust: { $0.ussdGatewayKey = "s3cret" }) { app in
            let none = try await Self.dial(app, service: "*1*1420*4#", text: "")
            let wrong = try await Self.dial(app, service: "*1*1420*4#", text: "", key: "wrong")
            let right = try await Self.dial(app, service: "*1*1420*4#", text: "", key: "s3cret")
            #expect(none.status == .forbidden && wrong.status == .forbidden)
            #expect(right.status == .ok)
        }
    }

    /// The callback accepted bodies outside its documented schema (missing phone, unknown fields,
    /// texts cut to fit); now they are refused with the field and code.
    @Test("a callback outside its schema is 422 with the field: no phone, an unknown JSON field, a wrong type, an overlong text")
    func schemaViolations() async throws {
        try await TestApp.run { app in
            let noPhone = try await app.testing().sendRequest(.POST, "/api/v1/ussd", headers: ["content-type": "application/x-www-form-urlencoded"],
                                                              body: ByteBuffer(string: "sessionId=1&serviceCode=%2A1%2A1420%2A4%23&text="))
            #expect(noPhone.status == .unprocessableEntity)
            #expect(noPhone.fieldCodes == ["phoneNumber": "required"])
            let unknown = try await app.send(.POST, "/api/v1/ussd", json: ["phoneNumber": "+989121234567", "serviceCode": "*1*1420*4#", "extra": 1])
            #expect(unknown.fieldCodes == ["extra": "unknown-field"])
            let wrongType = try await app.send(.POST, "/api/v1/ussd", json: ["phoneNumber": 989121234567, "serviceCode": "*1*1420*4#"])
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.fieldCodes == ["phoneNumber": "invalid-type"])
            let long = try await Self.dial(app, service: "*1*1420*4#", text: String(repeating: "1", count: 300))
            #expect(long.fieldCodes == ["text": "too-long"])
            let fine = try await app.send(.POST, "/api/v1/ussd", json: ["phoneNumber": "+989121234567", "serviceCode": "*1*1420*4#", "text": "0076229645"])
            #expect(fine.body.string == "END از حمایت‌های درمانی برخوردار می‌باشید")
        }
    }
}
