import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-TP-04…R-TP-09 third-party input validation")
struct ThirdPartyInputValidationTests {
    @Test("unknown vehicle class and usage", arguments: [
        ("vehicleClass", #""car-3-wheels""#, "unknown-vehicle-class"),
        ("usage", #""taxi""#, "unknown-usage"),
    ])
    func unknownCodes(_ field: String, _ value: String, _ code: String) {
        let errors = tpErrors(tpInputs([field: value]))
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.field == "inputs.\(field)")
    }

    @Test("negative numbers are refused", arguments: [
        ("claimFreeYears", "out-of-range"), ("financialClaims", "out-of-range"), ("bodilyClaims", "out-of-range"),
        ("vehicleAgeYears", "out-of-range"), ("negativePoints", "out-of-range"), ("extraTrailers", "out-of-range"),
        ("policyMonths", "out-of-range"), ("financialCover", "negative-amount"),
    ])
    func negatives(_ field: String, _ code: String) {
        let errors = tpErrors(tpInputs([field: "-1"]))
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.field == "inputs.\(field)")
    }

    /// 1404 bounds [533,250,000, 10,665,000,000]: one rial below or above is refused; 0 is the minimum.
    @Test("R-TP-09 financial cover outside [minimum, maximum]", arguments: [
        "1", "533249999", "10665000001", "99999999999999",
    ])
    func coverOutOfBounds(_ cover: String) {
        let errors = tpErrors(tpInputs(["financialCover": cover]))
        #expect(errors.map(\.code) == ["invalid-financial-cover"])
        #expect(errors.first?.field == "inputs.financialCover")
        #expect(errors.first?.message.contains("۵۳۳٬۲۵۰٬۰۰۰") == true)
    }

    @Test("unknown fields are refused, one error each")
    func unknownFields() {
        let errors = tpErrors(tpInputs(["discount": "50", "Usage": #""private""#]))
        #expect(errors.map(\.code) == ["unknown-field", "unknown-field"])
        #expect(errors.map(\.field) == ["inputs.Usage", "inputs.discount"])
    }

    @Test("every API field but previousPolicyEndDate is required")
    func required() {
        for field in ThirdPartyInputs.fieldNames.subtracting(["previousPolicyEndDate", "policyMonths", "publicTransport", "plate", "vehicle"]) {
            let errors = tpErrors(tpInputs(removing: [field]))
            #expect(errors.map(\.code) == ["required"], "\(field)")
            #expect(errors.first?.field == "inputs.\(field)")
        }
    }

    @Test("wrong JSON types", arguments: [
        ("firstRegistration", "1", "invalid-type"), ("driverAccident", #""true""#, "invalid-type"),
        ("claimFreeYears", #""5""#, "invalid-type"), ("claimFreeYears", "2.5", "non-integer"),
        ("financialCover", "1.5", "non-integer-amount"), ("financialCover", #""0""#, "invalid-type"),
        ("issueDate", "14040301", "invalid-type"), ("issueDate", #""1404/12/30""#, "invalid-date"),
        ("previousPolicyEndDate", #""yesterday""#, "invalid-date"), ("vehicleClass", "7", "invalid-type"),
        ("extraTrailers", "11", "out-of-range"), ("policyMonths", "13", "out-of-range"),
    ])
    func wrongTypes(_ field: String, _ value: String, _ code: String) {
        let errors = tpErrors(tpInputs([field: value]))
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.field == "inputs.\(field)")
    }

    @Test("several problems are reported together")
    func several() {
        let errors = tpErrors(tpInputs(["vehicleClass": #""tank""#, "usage": #""war""#, "bodilyClaims": "-2",
                                        "financialCover": "5"]))
        #expect(Set(errors.map(\.code)) == ["out-of-range"])   // shape errors stop tariff checks
        let tariffErrors = tpErrors(tpInputs(["vehicleClass": #""tank""#, "usage": #""war""#, "financialCover": "5"]))
        #expect(tariffErrors.map(\.code) == ["unknown-vehicle-class", "unknown-usage", "invalid-financial-cover"])
    }

    // Corrected (R-TP-08 revised): 1402 now has tariff data, so the year before the table is 1399.
    @Test("no tariff for the issue year", arguments: ["1399/12/29", "1407/01/01"])
    func noTariff(_ date: String) {
        let errors = tpErrors(tpInputs(["issueDate": #""\#(date)""#]))
        #expect(errors.map(\.code) == ["no-tariff-for-year"])
        #expect(errors.first?.field == "inputs.issueDate")
    }

    @Test("R-TP-05 the public-transport discount is for buses only")
    func publicTransportCar() {
        let errors = tpErrors(tpInputs(["publicTransport": "true"]))
        #expect(errors.map(\.code) == ["public-transport-not-eligible"])
        #expect(errors.first?.field == "inputs.publicTransport")
    }

    @Test("a previous policy cannot end more than a year after the issue date")
    func previousEndTooLate() {
        // issue 1404/03/01 + 1 year = 1405/03/01: that day is accepted, the next refused
        #expect((try? tpQuote(tpInputs(["previousPolicyEndDate": #""1405/03/01""#]))) != nil)
        let errors = tpErrors(tpInputs(["previousPolicyEndDate": #""1405/03/02""#]))
        #expect(errors.map(\.code) == ["invalid-previous-policy-end"])
    }

    @Test("not JSON, not an object", arguments: ["", "[]", "null", "{", "\"x\""])
    func malformed(_ text: String) {
        let errors = tpErrors(text)
        #expect(errors.count == 1)
        #expect(["invalid-json", "invalid-type", "required"].contains(errors.first?.code ?? ""))
    }

    @Test("R-G-03 Persian digits in dates; a null previous end date means none")
    func normalization() throws {
        let quote = try tpQuote(tpInputs(["issueDate": #""۱۴۰۴/۰۳/۰۱""#, "previousPolicyEndDate": "null"]))
        #expect(quote.total == 78_748_000)
    }

    /// Random values, valid or not, in every field: the quote returns or throws a domain error,
    /// never traps, and a returned total is the sum of its lines.
    @Test("never traps on random inputs")
    func randomInputs() {
        var rng = LCG(seed: 1404)
        let numbers = ["-1", "0", "1", "15", "26", "40", "101", "1e3", "2.5", "9223372036854775808", "-9223372036854775809",
                       "533250000", "10665000000", "true", #""x""#, "null", "[]", "{}"]
        let dates = [#""1404/03/01""#, #""1403/01/01""#, #""1404/06/10""#, #""1404/12/30""#, #""3001/01/01""#, "null", "0"]
        let codes = [#""car-4-cyl""#, #""bus-under-27-seats""#, #""private""#, #""taxi-urban""#, #""nope""#, "null", "1"]
        for _ in 0..<300 {
            var changes: [String: String] = [:]
            for field in ThirdPartyInputs.fieldNames where rng.int(in: 0...2) == 0 {
                let pool = field.hasSuffix("Date") ? dates : (field == "vehicleClass" || field == "usage") ? codes : numbers
                changes[field] = pool[rng.int(in: 0...(pool.count - 1))]
            }
            do {
                let quote = try tpQuote(tpInputs(changes))
                #expect(quote.total == (try Rial.sum(quote.lines.map(\.amount))))
            } catch is DomainError {
            } catch is ValidationFailure {
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
