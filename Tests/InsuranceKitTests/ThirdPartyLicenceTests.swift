import Foundation
import Testing
@testable import InsuranceKit

@Suite("R-TP-02 driving licence check")
struct ThirdPartyLicenceTests {
    func vehicle(_ code: String) throws -> ThirdPartyTariff.VehicleClass {
        try ThirdPartyTariff.forYear(1404).vehicleClass(code)
    }

    func licence(_ number: String = "1234567890", _ cls: DrivingLicenceClass = .third,
                 expiry: String = "1408/01/01") throws -> DrivingLicence {
        DrivingLicence(number: number, licenceClass: cls, expiry: try jalali(expiry))
    }

    @Test("R-TP-02 a valid licence passes; Persian digits and separators are normalized", arguments: [
        "1234567890", "۱۲۳۴۵۶۷۸۹۰", "123-456-7890", " 1234567890 ",
    ])
    func valid(_ number: String) throws {
        try DrivingLicence.check(licence(number), vehicleClass: vehicle("car-4-cyl"), on: jalali("1404/03/01"))
        #expect(try licence(number).number == "1234567890")
    }

    @Test("R-TP-02 the number must be 10 digits", arguments: ["123456789", "12345678901", "12345abcde", "", "1111111111"])
    func badNumber(_ number: String) throws {
        let error = #expect(throws: DomainError.self) {
            try DrivingLicence.check(licence(number), vehicleClass: vehicle("car-4-cyl"), on: jalali("1404/03/01"))
        }
        #expect(error?.code == "invalid-licence-number")
        #expect(error?.field == "licence.number")
    }

    @Test("R-TP-02 valid through the expiry day, expired after it")
    func expiry() throws {
        let l = try licence(expiry: "1404/03/01")
        try DrivingLicence.check(l, vehicleClass: vehicle("car-4-cyl"), on: jalali("1404/03/01"))
        let error = #expect(throws: DomainError.self) {
            try DrivingLicence.check(l, vehicleClass: vehicle("car-4-cyl"), on: jalali("1404/03/02"))
        }
        #expect(error?.code == "licence-expired")
    }

    @Test("R-TP-01 the class must match the vehicle", arguments: [
        (DrivingLicenceClass.third, "car-4-cyl", true),
        (.first, "car-4-cyl", true),
        (.third, "truck-under-3t", true),
        (.third, "truck-3-to-10t", false),
        (.second, "truck-3-to-10t", true),
        (.second, "truck-over-20t", false),
        (.second, "bus-under-27-seats", true),
        (.second, "bus-27-to-40-seats", false),
        (.first, "bus-over-40-seats", true),
        (.special, "truck-over-20t", true),
        (.motorcycle, "car-4-cyl", false),
        (.first, "motorcycle-1-cyl", false),
        (.motorcycle, "motorcycle-over-2-cyl", true),
    ])
    func classMatch(_ cls: DrivingLicenceClass, _ vehicleCode: String, _ ok: Bool) throws {
        let check = { try DrivingLicence.check(self.licence("1234567890", cls), vehicleClass: self.vehicle(vehicleCode),
                                               on: jalali("1404/03/01")) }
        if ok {
            try check()
        } else {
            let error = #expect(throws: DomainError.self) { try check() }
            #expect(error?.code == "licence-class-mismatch")
            #expect(error?.field == "licence.class")
        }
    }

    @Test("R-TP-02 classes have Persian labels and stable codes")
    func classes() throws {
        #expect(DrivingLicenceClass.allCases.map(\.label) == ["پایه سوم", "پایه دوم", "پایه یکم", "پایه یکم ویژه", "موتورسیکلت"])
        #expect(try DrivingLicenceClass(code: "second") == .second)
        let error = #expect(throws: DomainError.self) { try DrivingLicenceClass(code: "B") }
        #expect(error?.code == "unknown-licence-class")
    }

    @Test("R-TP-02 JSON uses the field name class; decoding normalizes the number")
    func codable() throws {
        let json = #"{"number":"۱۲۳۴۵۶۷۸۹۰","class":"first","expiry":"1405/06/31"}"#
        let decoded = try JSONDecoder().decode(DrivingLicence.self, from: Data(json.utf8))
        #expect(decoded == (try licence("1234567890", .first, expiry: "1405/06/31")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self)
            == #"{"class":"first","expiry":"1405/06/31","number":"1234567890"}"#)
    }
}
