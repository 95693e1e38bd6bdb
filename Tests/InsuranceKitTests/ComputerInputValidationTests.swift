import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-CP-01 computer insurance inputs")
struct ComputerInputValidationTests {
    @Test("R-CP-01 unknown fields are refused with their path", arguments: [
        (#"{"items":[{"description":"PC","value":1}],"discount":5}"#, "inputs.discount"),
        (#"{"items":[{"description":"PC","value":1,"price":2}]}"#, "inputs.items[0].price"),
    ])
    func unknownField(_ inputs: String, _ field: String) {
        let error = computerError(inputs)
        #expect(error?.code == "unknown-field")
        #expect(error?.field == field)
    }

    @Test("R-G-01 item values must be whole rials above zero", arguments: [
        ("-1", "negative-amount"),
        ("0", "zero-amount"),
        ("1.5", "non-integer-amount"),
        ("1e-200", "non-integer-amount"),
        (#""100""#, "invalid-type"),
        ("true", "invalid-type"),
        ("null", "required"),
        ("9223372036854775808", "amount-overflow"),   // Int64.max + 1
        ("1e400", "amount-overflow"),
    ])
    func badValue(_ value: String, _ code: String) {
        let error = computerError(#"{"items":[{"description":"PC","value":\#(value)}]}"#)
        #expect(error?.code == code)
        #expect(error?.field == "inputs.items[0].value")
    }

    @Test("R-G-01 a number written with an exponent or .0 is still a whole number of rials")
    func integralForms() throws {
        // 1e8 = 100,000,000 and 100000000.0 = 100,000,000: base 1,000,000 each
        #expect(try quoteComputer(#"{"items":[{"description":"PC","value":1e8}]}"#).total == Rial(1_000_000))
        #expect(try quoteComputer(#"{"items":[{"description":"PC","value":100000000.0}]}"#).total == Rial(1_000_000))
    }

    @Test("R-G-01 the sum of the values must fit: amount-overflow on inputs.items")
    func sumOverflow() {
        // Int64.max + 1 does not fit
        let error = computerError(
            #"{"items":[{"description":"A","value":9223372036854775807},{"description":"B","value":1}]}"#)
        #expect(error?.code == "amount-overflow")
        #expect(error?.field == "inputs.items")
    }

    @Test("R-CP-01 between 1 and 10,000 items", arguments: [
        (#"{"items":[]}"#, "no-items"),
        (#"{}"#, "required"),
        (#"{"items":{}}"#, "invalid-type"),
        (#"{"items":\#(itemsJSON(count: 10_001, value: 1))}"#, "too-many-items"),
    ])
    func itemCount(_ inputs: String, _ code: String) {
        let error = computerError(inputs)
        #expect(error?.code == code)
        #expect(error?.field == "inputs.items")
    }

    @Test("R-CP-01 description is required, normalized and at most 200 characters")
    func description() throws {
        #expect(computerError(#"{"items":[{"value":1}]}"#)?.code == "required")
        #expect(computerError(#"{"items":[{"description":"  \u200c ","value":1}]}"#)?.field == "inputs.items[0].description")
        let long = String(repeating: "ب", count: 201)
        let error = computerError(#"{"items":[{"description":"\#(long)","value":1}]}"#)
        #expect(error?.code == "too-long")
        #expect(error?.field == "inputs.items[0].description")
        #expect(error?.message == "شرح رایانه حداکثر ۲۰۰ نویسه است.")
        // exactly 200 is fine; Arabic ي/ك and Persian digits are normalized (R-G-03)
        _ = try quoteComputer(#"{"items":[{"description":"\#(String(repeating: "ب", count: 200))","value":1}]}"#)
        let quote = try quoteComputer(#"{"items":[{"description":"  كامپيوتر ۱۲  ","value":1}]}"#)
        let stored = try JSONDecoder().decode(ComputerInsuranceInputs.self, from: quote.normalizedInputs)
        #expect(stored.items.first?.description == "کامپیوتر 12")
    }

    @Test("R-CP-01 serial is optional (absent, null or blank) and at most 100 characters")
    func serial() throws {
        _ = try quoteComputer(#"{"items":[{"description":"PC","serial":null,"value":1}]}"#)
        _ = try quoteComputer(#"{"items":[{"description":"PC","serial":"  ","value":1}]}"#)
        let error = computerError(#"{"items":[{"description":"PC","serial":"\#(String(repeating: "9", count: 101))","value":1}]}"#)
        #expect(error?.code == "too-long")
        #expect(error?.field == "inputs.items[0].serial")
        #expect(computerError(#"{"items":[{"description":"PC","serial":42,"value":1}]}"#)?.code == "invalid-type")
    }

    @Test("R-CP-01 inputs must be a JSON object")
    func notAnObject() {
        #expect(computerError("[]")?.code == "invalid-type")
        #expect(computerError("[]")?.field == "inputs")
        #expect(computerError("{")?.code == "invalid-json")
        #expect(computerError(#"{"items":[7]}"#)?.field == "inputs.items[0]")
    }

    @Test("R-CP-01 absurdly nested JSON is refused, never crashes", arguments: [600, 100_000])
    func deepNesting(_ depth: Int) {
        let nested = #"{"items":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(computerError(nested)?.code == "invalid-json")
    }

    @Test("R-CP-01 several wrong inputs are reported together, in input order")
    func collectsErrors() throws {
        let inputs = #"{"items":[{"description":"A","value":-5},{"value":"x"}],"franchisePercent":50,"extra":1}"#
        let failure = try #require(throws: ValidationFailure.self) { try quoteComputer(inputs) }
        #expect(failure.errors.map(\.field) == [
            "inputs.extra",
            "inputs.items[0].value",
            "inputs.items[1].description",
            "inputs.items[1].value",
            "inputs.franchisePercent",
        ])
        #expect(failure.errors.map(\.code) == [
            "unknown-field", "negative-amount", "required", "invalid-type", "invalid-franchise",
        ])
    }

    @Test("R-CP-01 10,000 wrong items report at most 100 errors")
    func errorCap() throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try quoteComputer(#"{"items":\#(itemsJSON(count: 10_000, value: -1))}"#)
        }
        #expect(failure.errors.count == 100)
        #expect(failure.errors.last?.field == "inputs.items[99].value")
    }

    @Test("T tariff years 1403…1406 only: no-tariff-for-year", arguments: ["1402/12/29", "1407/01/01"])
    func noTariff(_ date: String) {
        let error = computerError(#"{"items":[{"description":"PC","value":1}]}"#, on: date)
        #expect(error?.code == "no-tariff-for-year")
        #expect(error?.field == "date")
    }
}
