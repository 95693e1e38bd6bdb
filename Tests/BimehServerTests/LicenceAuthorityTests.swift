@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// R-TP-02 with the licence authority's service configured (`BIMEH_LICENCE_URL`): a fake service
/// answers by licence number, and the licence is registered through the API as the issuer does.
@Suite("Licence authority over HTTP (R-TP-02)")
struct LicenceAuthorityTests {
    /// The fake authority: what it was asked, and an answer chosen by licence number.
    actor Authority {
        var queries: [[String: String]] = []

        func answer(_ query: [String: Any]) async -> Response {
            queries.append(query.compactMapValues { $0 as? String })
            switch query["number"] as? String {
            case "1234567890": return Self.json(#"{"valid": true}"#)
            case "2345678901": return Self.json(#"{"valid": false, "reason": "گواهینامه به حکم دادگاه توقیف است."}"#)
            case "3456789012": return Response(status: .internalServerError)
            case "4567890123": return Self.json("<html>maintenance</html>")
            case "5678901234":
                try? await Task.sleep(for: .seconds(2))
                return Self.json(#"{"valid": true}"#)
            default: return Self.json(#"{"answer": "yes"}"#)
            }
        }

        private static func json(_ body: String) -> Response {
            Response(status: .ok, headers: ["content-type": "application/json"], body: .init(string: body))
        }
    }

    static func licence(_ number: String, class licenceClass: String = "third") -> [String: Any] {
        ["number": number, "class": licenceClass, "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
    }

    @Test("R-TP-02 the authority's answer: valid registers; refused (with its reason), 500, garbage, silence or a local failure store nothing")
    func answers() async throws {
        let authority = Authority()
        try await FakeService.with({ service in
            service.post("licences") { req async -> Response in await authority.answer(FakeService.json(req)) }
        }) { service in
            try await TestApp.run(adjust: {
                $0.licenceURL = service.url("licences")
                $0.licenceTimeout = 0.5
            }) { app in
                let flow = try await PolicyFlow.start(app)
                let policyID = try await ThirdPartyTests.registeredThirdParty(app, flow)
                let path = "/api/v1/policies/\(policyID)/licence"
                func stored() async throws -> Int { try await PolicyLicence.query(on: app.db).count() }

                // the local checks come first: a licence refused here is never sent
                let local = try await app.send(.POST, path, token: flow.issuer, json: Self.licence("1234567890", class: "motorcycle"))
                #expect(local.fieldCodes["licence.class"] == "licence-class-mismatch")
                #expect(await authority.queries.isEmpty)

                let refused = try await app.send(.POST, path, token: flow.issuer, json: Self.licence("2345678901"))
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.problemCode == "licence-rejected")
                #expect((refused.json["detail"] as? String)?.contains("گواهینامه به حکم دادگاه توقیف است.") == true)
                #expect(try await stored() == 0)

                for (number, what) in [("3456789012", "500"), ("4567890123", "not JSON"), ("9876543210", "no `valid`"), ("5678901234", "too slow")] {
                    let res = try await app.send(.POST, path, token: flow.issuer, json: Self.licence(number))
                    #expect(res.status == .serviceUnavailable, "\(what)")
                    #expect(res.problemCode == "licence-authority-unavailable", "\(what)")
                    #expect((res.json["detail"] as? String)?.contains("گواهینامه") == true)
                }
                #expect(try await stored() == 0)
                #expect(try await flow.issue(policyID).problemCode == "licence-required", "issue stays blocked")

                let accepted = try await app.send(.POST, path, token: flow.issuer, json: Self.licence("1234567890"))
                #expect(accepted.status == .created)
                #expect(try await stored() == 1)
                #expect(await authority.queries.last == ["number": "1234567890", "class": "third", "expiry": "1410/01/01",
                                                         "holderNationalCode": "1583250689"])
                #expect(await authority.queries.count == 6)
                #expect(try await flow.issue(policyID).status == .ok)
            }
        }
    }

    @Test("R-TP-02 on the policy page: the authority's refusal and its silence are shown in Persian, nothing stored")
    func page() async throws {
        let authority = Authority()
        try await FakeService.with({ service in
            service.post("licences") { req async -> Response in await authority.answer(FakeService.json(req)) }
        }) { service in
            try await TestApp.run(adjust: { $0.licenceURL = service.url("licences") }) { app in
                let policyID = try await ThirdPartyTests.registeredThirdParty(app, try await PolicyFlow.start(app))
                var issuer = WebPageTests.Browser(app: app)
                try await issuer.signIn("issuer")
                let path = "/policies/\(policyID)"
                let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: try await issuer.get(path).body.string))
                func form(_ number: String) -> [String: String] {
                    ["_csrf": csrf, "number": number, "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
                }
                let refused = try await issuer.post(path + "/licence", form: form("2345678901"))
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains("گواهینامه به حکم دادگاه توقیف است."))
                let silent = try await issuer.post(path + "/licence", form: form("3456789012"))
                #expect(silent.status == .serviceUnavailable)
                #expect(silent.body.string.contains("استعلام گواهینامه از مرجع صدور ممکن نشد"))
                #expect(try await PolicyLicence.query(on: app.db).count() == 0)
                #expect(try await issuer.post(path + "/licence", form: form("1234567890")).status == .seeOther)
                #expect(try await PolicyLicence.query(on: app.db).count() == 1)
            }
        }
    }

    @Test("BIMEH_LICENCE_URL must be an http(s) URL; unset keeps the local checks only")
    func configuration() throws {
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["BIMEH_LICENCE_URL": "licence.local"], demo: false) }
        let config = try AppConfig.fromEnvironment(["BIMEH_LICENCE_URL": "https://licence.example/verify"], demo: false)
        #expect(config.licenceURL == "https://licence.example/verify")
        #expect(config.licenceAuthority is HTTPLicenceAuthority)
        #expect(try AppConfig.fromEnvironment([:], demo: false).licenceAuthority is LocalLicenceChecks)
    }
}
