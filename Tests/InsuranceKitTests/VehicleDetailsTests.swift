import Foundation
import Testing
@testable import InsuranceKit

/// What a third-party policy insures (R-TP-01, R-TP-12, R-TP-13): plate, VIN or chassis, engine
/// number, make, model and year, checked by hand-worked examples.
@Suite("R-TP-12/13 vehicle details: plate, VIN, engine and chassis numbers, model year")
struct VehicleDetailsTests {
    // MARK: plate

    @Test("R-TP-12 plates as typed: Persian, Arabic-Indic and Latin digits, spaces, dashes, «ایران», either reading order", arguments: [
        ("۱۲ ب ۳۴۵ - ۶۶", "12ب345-66"),
        ("12ب345-66", "12ب345-66"),
        ("۱۲ب۳۴۵ ایران ۶۶", "12ب345-66"),
        ("١٢ ب ٣٤٥ ٦٦", "12ب345-66"),           // Arabic-Indic digits
        ("ایران ۶۶ | ۱۲ ب ۳۴۵", "12ب345-66"),   // the region first, as read from the right of the plate
        ("۲۲ ي ۷۸۹ ایران ۲۰", "22ی789-20"),      // Arabic ye → ی
        ("۴۵ الف ۶۷۸ ایران ۱۱", "45الف678-11"),   // government: «الف» is one letter
        ("۳۳ ت ۱۲۴ ایران ۵۵", "33ت124-55"),       // taxi
        ("۱۲۳-۴۵۶۷۸", "123-45678"),               // motorcycle: city code and number
        ("ایران ۱۲۳ ۴۵۶۷۸", "123-45678"),
    ])
    func plates(_ typed: String, _ canonical: String) throws {
        let plate = try IranianPlate(parsing: typed)
        #expect(plate.canonical == canonical)
        // the canonical form reads back as itself
        #expect(try IranianPlate(parsing: canonical) == plate)
    }

    @Test("R-TP-12 plate display and kinds")
    func display() throws {
        let car = try IranianPlate(parsing: "12ب345-66")
        #expect(car.kind == .car)
        #expect(car.display == "۱۲ ب ۳۴۵ ایران ۶۶")
        #expect(try IranianPlate(parsing: "45الف678-11").display == "۴۵ الف ۶۷۸ ایران ۱۱")
        let motorcycle = try IranianPlate(parsing: "123-45678")
        #expect(motorcycle.kind == .motorcycle)
        #expect(motorcycle.display == "۱۲۳-۴۵۶۷۸")
    }

    @Test("R-TP-12 bad plates are refused with invalid-plate", arguments: [
        "",
        "۱۲ ب ۳۴ ۶۶",          // two digits after the letter
        "۱ ب ۳۴۵ ۶۶",          // one digit before it
        "۱۲ ب ۳۴۵",            // no region
        "۱۲ ب ۳۴۵ ۰۶",         // region codes run from 10
        "۱۲ ب ۳۴۵ ۶۶ ۷",       // a digit too many
        "12 B 345 66",         // a Latin letter
        "۱۲ بب ۳۴۵ ۶۶",        // two letters
        "۱۲۳۴۵۶۷",             // seven digits: neither a car nor a motorcycle plate
        "ایران",
    ])
    func badPlates(_ typed: String) {
        #expect { try IranianPlate(parsing: typed) } throws: { ($0 as? DomainError)?.code == "invalid-plate" }
    }

    @Test("R-TP-12 a letter outside the plate series is named in the message")
    func unknownLetter() {
        do {
            _ = try IranianPlate(parsing: "۱۲ ف ۳۴۵ ۶۶")
            Issue.record("ف is not a plate letter")
        } catch let error as DomainError {
            #expect(error.code == "invalid-plate")
            #expect(error.field == "plate")
            #expect(error.message.contains("«ف»"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("R-TP-13 masked plate: letter, region and the last two digits stay")
    func maskedPlate() throws {
        // 12ب345-66: "12" → "**", "345" → "*45"
        #expect(try IranianPlate(parsing: "۱۲ ب ۳۴۵ ایران ۶۶").masked == "**ب*45-66")
        // 123-45678: the city code stays, "45678" → "***78"
        #expect(try IranianPlate(parsing: "۱۲۳-۴۵۶۷۸").masked == "123-***78")
    }

    // MARK: VIN

    /// ISO 3779 weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2; letters A1 B2 C3 D4 E5 F6 G7 H8 J1 K2
    /// L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9.
    @Test("VIN check digit: 1M8GDM9AXKP042788 and 11111111111111111 carry theirs")
    func vinCheckDigit() throws {
        // 1×8 + M4×7 + 8×6 + G7×5 + D4×4 + M4×3 + 9×2 + A1×10 + X×0 + K2×9 + P7×8 + 0×7 + 4×6 + 2×5 + 7×4 + 8×3 + 8×2
        // = 8+28+48+35+16+12+18+10+0+18+56+0+24+10+28+24+16 = 351; 351 mod 11 = 10 → "X", position 9 is "X"
        let vin = try VIN(parsing: "1M8GDM9AXKP042788")
        #expect(vin.expectedCheckDigit == "X")
        #expect(vin.checkDigitMatches)
        // seventeen 1s: the weights sum to 89; 89 mod 11 = 1 → "1", position 9 is "1"
        #expect(try VIN(parsing: "11111111111111111").checkDigitMatches)
    }

    @Test("VIN of a vehicle assembled in Iran whose ninth character is not the check digit: accepted, flagged")
    func vinWithoutCheckDigit() throws {
        // N5×8 + A1×7 + A1×6 + P7×5 + 0×4 + 3×3 + E5×2 + D4×10 + 5×0 + A1×9 + J1×8 + 1×7 + 2×6 + 3×5 + 4×4 + 5×3 + 6×2
        // = 40+7+6+35+0+9+10+40+0+9+8+7+12+15+16+15+12 = 241; 241 mod 11 = 10 → "X", but position 9 is "5"
        let vin = try VIN(parsing: "naap03ed5aj123456")
        #expect(vin.value == "NAAP03ED5AJ123456")
        #expect(vin.expectedCheckDigit == "X")
        #expect(!vin.checkDigitMatches)
    }

    @Test("VIN typed with spaces, dashes and Persian digits is stored upper case")
    func vinNormalized() throws {
        #expect(try VIN(parsing: "1m8-gdm ۹axkp ۰۴۲۷۸۸").value == "1M8GDM9AXKP042788")
    }

    @Test("bad VINs are refused with invalid-vin", arguments: [
        "1M8GDM9AXKP04278",      // 16 characters
        "1M8GDM9AXKP0427888",    // 18
        "1M8GDM9AXKP04278O",     // O is not used
        "IM8GDM9AXKP042788",     // nor I
        "1M8GDM9AXKP04278Q",     // nor Q
        "1M8GDM9AXKP04278ب",
    ])
    func badVINs(_ typed: String) {
        #expect(throws: VIN.invalid) { try VIN(parsing: typed) }
    }

    @Test("R-TP-13 masked VIN: only the last four characters")
    func maskedVIN() throws {
        // 17 characters: 13 stars and "2788"
        #expect(try VIN(parsing: "1M8GDM9AXKP042788").masked == "*************2788")
    }

    // MARK: engine, chassis, year

    @Test("engine and chassis numbers: letters and digits, bounded")
    func numbers() throws {
        #expect(try VehicleNumbers.engineNumber("۱۲۴ k ۰۱۲۳۴۵۶") == "124K0123456")
        #expect(throws: DomainError.self) { try VehicleNumbers.engineNumber("12A") }              // 3 < 4
        #expect(throws: DomainError.self) { try VehicleNumbers.engineNumber(String(repeating: "9", count: 21)) }
        #expect(throws: DomainError.self) { try VehicleNumbers.engineNumber("M13*1234") }         // "*" is not alphanumeric
        #expect(try VehicleNumbers.chassisNumber("ir 1357-2468") == "IR13572468")
        #expect(throws: DomainError.self) { try VehicleNumbers.chassisNumber(String(repeating: "A", count: 31)) }
    }

    /// The purchase day 1404/03/01 is 2025-05-22: Jalali years 1300…1405, Gregorian 1921…2026.
    @Test("model year: Jalali or Gregorian, not after next year", arguments: [
        (1300, ModelYear.Calendar.jalali), (1402, .jalali), (1405, .jalali), (1921, .gregorian), (2026, .gregorian),
    ])
    func modelYears(_ year: Int, _ calendar: ModelYear.Calendar) throws {
        #expect(try ModelYear.calendar(of: year, purchaseDay: jalali("1404/03/01")) == calendar)
    }

    @Test("model year outside both ranges is refused with invalid-model-year", arguments: [1299, 1406, 1600, 1920, 2027, 0])
    func badModelYears(_ year: Int) {
        do {
            _ = try ModelYear.calendar(of: year, purchaseDay: jalali("1404/03/01"))
            Issue.record("\(year) accepted")
        } catch let error as DomainError {
            #expect(error.code == "invalid-model-year")
            #expect(error.message.contains("۱۴۰۵") && error.message.contains("۲۰۲۶"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    // MARK: in the third-party inputs

    static let vehicle = #"{"plate":"۱۲ ب ۳۴۵ ایران ۶۶","vin":"1m8gdm9axkp042788","engineNumber":"124K0123456","#
        + #""make":"ايران خودرو","model":"پژو ۲۰۶","modelYear":1402}"#

    /// Text is normalized as everywhere (R-G-03): ي → ی, Persian digits stored as Latin ones.
    @Test("R-TP-13 a quote with the vehicle: normalized in the inputs, the price unchanged")
    func quoteWithVehicle() throws {
        let with = try tpQuote(tpInputs(["vehicle": Self.vehicle]))
        let without = try tpQuote(tpInputs())
        #expect(with.total == without.total)
        let inputs = try JSONDecoder().decode(ThirdPartyInputs.self, from: with.normalizedInputs)
        #expect(inputs.vehicle == VehicleDetails(plate: try IranianPlate(parsing: "12ب345-66"), vin: try VIN(parsing: "1M8GDM9AXKP042788"),
                                                 engineNumber: "124K0123456", make: "ایران خودرو", model: "پژو 206", modelYear: 1402))
        let json = String(decoding: with.normalizedInputs, as: UTF8.self)
        #expect(json.contains(#""vehicle":{"engineNumber":"124K0123456","make":"ایران خودرو","model":"پژو 206","modelYear":1402,"plate":"12ب345-66","vin":"1M8GDM9AXKP042788"}"#))
    }

    @Test("R-TP-12 a top-level plate replaces the vehicle's (the plate-change endorsement's change)")
    func plateChange() throws {
        let quote = try tpQuote(tpInputs(["vehicle": Self.vehicle, "plate": #""۷۷ ج ۱۱۱ ایران ۲۲""#]))
        let inputs = try JSONDecoder().decode(ThirdPartyInputs.self, from: quote.normalizedInputs)
        #expect(inputs.vehicle?.plate.canonical == "77ج111-22")
        #expect(inputs.plate == nil)
        // without vehicle details the plate is kept on its own, canonical
        let alone = try JSONDecoder().decode(ThirdPartyInputs.self, from: try tpQuote(tpInputs(["plate": #""۷۷ ج ۱۱۱ ۲۲""#])).normalizedInputs)
        #expect(alone.plate == "77ج111-22")
        #expect(alone.vehicle == nil)
    }

    @Test("R-TP-13 every problem of the vehicle is reported with its field")
    func vehicleErrors() {
        let bad = #"{"plate":"۱۲ ب ۳۴","vin":"1M8GDM9AXKP04278O","engineNumber":"1","make":"","model":"پژو","modelYear":1450}"#
        let errors = tpErrors(tpInputs(["vehicle": bad]))
        #expect(errors.map(\.field) == ["inputs.vehicle.plate", "inputs.vehicle.vin", "inputs.vehicle.engineNumber",
                                        "inputs.vehicle.make", "inputs.vehicle.modelYear"])
        #expect(errors.map(\.code) == ["invalid-plate", "invalid-vin", "invalid-engine-number", "required", "invalid-model-year"])
    }

    @Test("R-TP-13 a VIN or, without one, a chassis number")
    func vinOrChassis() throws {
        let none = #"{"plate":"12ب345-66","engineNumber":"124K0123456","make":"سایپا","model":"پراید","modelYear":1385}"#
        let errors = tpErrors(tpInputs(["vehicle": none]))
        #expect(errors.map(\.code) == ["required"])
        #expect(errors.first?.field == "inputs.vehicle.vin")
        let chassis = #"{"plate":"12ب345-66","chassisNumber":"S1412285123456","engineNumber":"M13 1234567","make":"سایپا","model":"پراید","modelYear":1385}"#
        let inputs = try JSONDecoder().decode(ThirdPartyInputs.self, from: try tpQuote(tpInputs(["vehicle": chassis])).normalizedInputs)
        #expect(inputs.vehicle?.chassisNumber == "S1412285123456")
        #expect(inputs.vehicle?.engineNumber == "M131234567")
        #expect(inputs.vehicle?.vin == nil)
    }

    @Test("R-TP-12 a motorcycle plate on a car, or a car plate on a motorcycle, is refused")
    func plateKind() {
        let motorcyclePlate = Self.vehicle.replacingOccurrences(of: "۱۲ ب ۳۴۵ ایران ۶۶", with: "۱۲۳-۴۵۶۷۸")
        #expect(tpErrors(tpInputs(["vehicle": motorcyclePlate])).map(\.code) == ["plate-kind-mismatch"])
        let errors = tpErrors(tpInputs(["vehicle": Self.vehicle, "vehicleClass": #""motorcycle-1-cyl""#]))
        #expect(errors.map(\.code) == ["plate-kind-mismatch"])
        #expect(errors.first?.field == "inputs.vehicle.plate")
    }

    @Test("unknown members of the vehicle are refused")
    func unknownMember() {
        let extra = Self.vehicle.replacingOccurrences(of: "}", with: #","colour":"سفید"}"#)
        let errors = tpErrors(tpInputs(["vehicle": extra]))
        #expect(errors.map(\.code) == ["unknown-field"])
        #expect(errors.first?.field == "inputs.vehicle.colour")
    }

    @Test("R-TP-13 the public view: make, model and year; plate, VIN and chassis masked; no engine number")
    func publicView() throws {
        let vehicle = VehicleDetails(plate: try IranianPlate(parsing: "12ب345-66"), vin: try VIN(parsing: "NAAP03ED5AJ123456"),
                                     chassisNumber: "S1412285123456", engineNumber: "124K0123456", make: "ایران خودرو",
                                     model: "سمند", modelYear: 1398)
        let view = vehicle.masked
        #expect(view.plate == "**ب*45-66")
        #expect(view.vin == "*************3456")
        // 14 characters: 10 stars and "3456"
        #expect(view.chassisNumber == "**********3456")
        #expect(view.make == "ایران خودرو" && view.model == "سمند" && view.modelYear == 1398)
        let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        #expect(!json.contains("124K0123456"))
    }
}
