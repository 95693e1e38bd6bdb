@testable import BimehServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// What a third-party policy insures (R-TP-13): the vehicle in the quote, required before
/// issue, in the registry's events, masked in the public inquiry. Today is 1405/01/10; the car is
/// ThirdPartyTests.vehicle: plate «۲۲ ج ۴۵۶ ایران ۱۰» = 22ج456-10, VIN 1M8GDM9AXKP042788.
@Suite("Third-party vehicle details (R-TP-13)")
struct ThirdPartyVehicleTests {
    static var licence: [String: Any] {
        ["number": "1234567890", "class": "third", "expiry": "1410/01/01", "holderName": "علی رضایی", "holderNationalCode": "1583250689"]
    }

    @Test("R-TP-13 a quote with the vehicle: priced as without it, the vehicle normalized in the stored inputs")
    func quoteWithVehicle() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            func quote(_ vehicle: [String: Any]?) async throws -> TestingHTTPResponse {
                try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
                    "product": "third-party", "customerId": flow.customerID, "date": "1405/01/10",
                    "inputs": ThirdPartyTests.inputs(vehicle: vehicle)])
            }
            let with = try await quote(ThirdPartyTests.vehicle)
            #expect(with.status == .created)
            // never a pricing factor: the four-cylinder car's 98,435,000 either way
            #expect(with.json["total"] as? Int == 98_435_000)
            #expect(try await quote(nil).json["total"] as? Int == 98_435_000)
            let quoteID = try #require(with.json["id"] as? String)
            let stored = try #require(try await Quote.find(UUID(uuidString: quoteID), on: app.db))
            #expect(stored.inputs.contains(#""plate":"22ج456-10""#))
            #expect(stored.inputs.contains(#""model":"پژو 206""#))
        }
    }

    @Test("R-TP-13 a bad vehicle is refused field by field")
    func badVehicle() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            var vehicle = ThirdPartyTests.vehicle
            vehicle["plate"] = "۲۲ ج ۴۵۶"          // no region code
            vehicle["vin"] = "1M8GDM9AXKP04278O"    // O is not used in a VIN
            vehicle["engineNumber"] = "12"          // fewer than 4 characters
            vehicle["modelYear"] = 1407             // after next year (1406)
            let res = try await app.send(.POST, "/api/v1/quotes", token: flow.issuer, json: [
                "product": "third-party", "customerId": flow.customerID, "date": "1405/01/10", "inputs": ThirdPartyTests.inputs(vehicle: vehicle)])
            #expect(res.status == .unprocessableEntity)
            #expect(res.fieldCodes == ["inputs.vehicle.plate": "invalid-plate", "inputs.vehicle.vin": "invalid-vin",
                                       "inputs.vehicle.engineNumber": "invalid-engine-number", "inputs.vehicle.modelYear": "invalid-model-year"])
        }
    }

    @Test("R-TP-13 issue without the vehicle's details is refused (409 vehicle-details-required)")
    func issueNeedsVehicle() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await ThirdPartyTests.registeredThirdParty(app, flow, vehicle: nil)
            #expect(try await app.send(.POST, "/api/v1/policies/\(policyID)/licence", token: flow.issuer, json: Self.licence).status == .created)
            let refused = try await flow.issue(policyID)
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "vehicle-details-required")
            let policy = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db))
            #expect(policy.status == .registered)
            #expect(try await RegistryEvent.query(on: app.db).count() == 0)
        }
    }

    @Test("R-TP-13 the registry's issue event carries the vehicle in full")
    func registryEvent() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await ThirdPartyTests.issuedThirdParty(app, flow)
            let event = try #require(try await RegistryEvent.query(on: app.db).filter(\.$policy.$id == UUID(uuidString: policyID)!).first())
            #expect(event.kind == "issued")
            let data = try #require(try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any])
            #expect(data["plate"] as? String == "22ج456-10")
            #expect(data["vehicleClass"] as? String == "car-4-cyl")
            let vehicle = try #require(data["vehicle"] as? [String: Any])
            #expect(vehicle["plate"] as? String == "22ج456-10")
            #expect(vehicle["vin"] as? String == "1M8GDM9AXKP042788")
            #expect(vehicle["engineNumber"] as? String == "124K0123456")
            #expect(vehicle["make"] as? String == "ایران خودرو")
            #expect(vehicle["model"] as? String == "پژو 206")
            #expect(vehicle["modelYear"] as? Int == 1398)
        }
    }

    @Test("R-TP-13 the public inquiry shows the vehicle masked: plate **ج*56-10, VIN by its last four, no engine number")
    func publicInquiry() async throws {
        try await TestApp.run { app in
            let flow = try await PolicyFlow.start(app)
            let policyID = try await ThirdPartyTests.issuedThirdParty(app, flow)
            let code = try #require(try await Policy.find(UUID(uuidString: policyID), on: app.db)?.uniqueCode)
            let res = try await app.send(.GET, "/api/v1/public/third-party/\(code)")
            #expect(res.json["authentic"] as? Bool == true)
            let vehicle = try #require(res.json["vehicle"] as? [String: Any])
            // 22ج456-10: "22" → "**", "456" → "*56"; region 10 and the letter stay
            #expect(vehicle["plate"] as? String == "**ج*56-10")
            // 1M8GDM9AXKP042788: 13 stars, then "2788"
            #expect(vehicle["vin"] as? String == "*************2788")
            #expect(vehicle["make"] as? String == "ایران خودرو")
            #expect(vehicle["modelYear"] as? Int == 1398)
            #expect(vehicle["vehicleClass"] as? String == "car-4-cyl")
            #expect(vehicle["engineNumber"] == nil)
            #expect(!res.body.string.contains("124K0123456"))
            #expect(!res.body.string.contains("1M8GDM9AXKP042788"))
            #expect(!res.body.string.contains("22ج456"))
            // the page says the same, masked
            var visitor = WebPageTests.Browser(app: app)
            let page = try await visitor.get("/authenticity?code=\(code)").body.string
            #expect(page.contains("**ج*۵۶-۱۰"))
            #expect(!page.contains("124K0123456"))
        }
    }

    @Test("R-TP-13 the web proposal: vehicle errors under their fields with data-code/data-field; then sold, printed with the vehicle")
    func webForm() async throws {
        try await TestApp.run { app in
            var issuer = WebPageTests.Browser(app: app)
            try await issuer.signIn("issuer")
            let form = try await issuer.get("/quotes/third-party")
            #expect(form.body.string.contains(#"name="plate""#))
            let csrf = try #require(WebPageTests.Browser.hidden("_csrf", in: form.body.string))
            var fields = ["_csrf": csrf, "nationalCode": "0076229645", "vehicleClass": "car-4-cyl", "usage": "private",
                          "claimFreeYears": "0", "financialClaims": "0", "bodilyClaims": "0", "vehicleAgeYears": "3", "negativePoints": "0",
                          "extraTrailers": "0", "financialCover": "0",
                          "plate": "۲۲ ج ۴۵۶", "vin": "", "chassisNumber": "", "engineNumber": "124K0123456", "make": "ایران خودرو",
                          "model": "پژو ۲۰۶", "modelYear": "۱۳۹۸"]
            let refused = try await issuer.post("/quotes/third-party", form: fields)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(#"data-code="invalid-plate" data-field="inputs.vehicle.plate" id="plate-error""#))
            #expect(html.contains(#"data-code="required" data-field="inputs.vehicle.vin" id="vin-error""#))
            // what was typed stays in the form
            #expect(html.contains(#"value="۲۲ ج ۴۵۶""#))
            fields["plate"] = "۲۲ ج ۴۵۶ ایران ۱۰"
            fields["modelYear"] = "سال"
            let badYear = try await issuer.post("/quotes/third-party", form: fields)
            #expect(badYear.body.string.contains(#"data-code="invalid-model-year" data-field="inputs.vehicle.modelYear""#))
            fields["modelYear"] = "۱۳۹۸"
            fields["vin"] = "1M8GDM9AXKP042788"
            let quote = try await issuer.post("/quotes/third-party", form: fields)
            #expect(quote.status == .seeOther)
            let quotePath = try #require(quote.headers.first(name: .location))
            let stored = try #require(try await Quote.query(on: app.db).first())
            #expect(stored.inputs.contains(#""plate":"22ج456-10""#))
            #expect(stored.inputs.contains(#""modelYear":1398"#))

            // sold and printed: the vehicle on the policy
            let register = try await issuer.post(quotePath + "/policy", form: ["_csrf": csrf, "startDate": "1405/01/10", "endDate": "1406/01/10", "plan": "cash"])
            let policyPath = try #require(register.headers.first(name: .location))
            let policy = try #require(try await Policy.query(on: app.db).first())
            let flow = try await PolicyFlow.start(app)
            _ = try await flow.collect(try #require(try await flow.cheque(try policy.requireID().uuidString, amount: policy.premium).json["id"] as? String))
            #expect(try await app.send(.POST, "/api/v1/policies/\(try policy.requireID())/licence", token: flow.issuer, json: Self.licence).status == .created)
            #expect(try await issuer.post(policyPath + "/issue", form: ["_csrf": csrf]).status == .seeOther)
            let print = try await issuer.get(policyPath + "/print").body.string
            #expect(print.contains("۲۲ ج ۴۵۶ ایران ۱۰"))
            #expect(print.contains("1M8GDM9AXKP042788"))
            #expect(print.contains("124K0123456"))
            #expect(print.contains("پژو ۲۰۶"))
            #expect(print.contains("۱۳۹۸"))
        }
    }
}
