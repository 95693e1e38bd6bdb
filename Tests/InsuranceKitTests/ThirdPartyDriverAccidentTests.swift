import Testing
@testable import InsuranceKit

/// Policies issued 1404/03/01 (T-TP 1404 sample rows): car-4-cyl needs پایه سوم (third),
/// truck-3-to-10t پایه دوم (second), motorcycle-1-cyl a motorcycle licence.
@Suite("R-TP-01 driver-accident claims")
struct ThirdPartyDriverAccidentTests {
    func policy(_ vehicle: String, driverCover: Bool) throws -> ThirdPartyInputs {
        ThirdPartyInputs(vehicleClass: vehicle, usage: "private", issueDate: try jalali("1404/03/01"),
                         driverAccident: driverCover)
    }

    func vehicle(_ code: String) throws -> ThirdPartyTariff.VehicleClass {
        try ThirdPartyTariff.forYear(1404).vehicleClass(code)
    }

    func refusal(_ inputs: ThirdPartyInputs, _ licenceClass: DrivingLicenceClass?, _ vehicleCode: String) throws -> DomainError? {
        let vehicle = try vehicle(vehicleCode)
        return #expect(throws: DomainError.self) {
            try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licenceClass: licenceClass, vehicleClass: vehicle)
        }
    }

    @Test("R-TP-01 cover bought and a matching class: the claim goes on", arguments: [
        ("car-4-cyl", DrivingLicenceClass.third),        // third ≥ third
        ("car-4-cyl", .first),                           // first ≥ third
        ("truck-3-to-10t", .second),                     // second ≥ second
        ("motorcycle-1-cyl", .motorcycle),               // motorcycle for a motorcycle
    ])
    func accepted(_ vehicleCode: String, _ licenceClass: DrivingLicenceClass) throws {
        // given a policy that bought the driver-accident cover
        let inputs = try policy(vehicleCode, driverCover: true)
        // when / then the check passes
        try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licenceClass: licenceClass,
                                                 vehicleClass: vehicle(vehicleCode))
    }

    @Test("R-TP-01 no driver-accident cover bought: refused, before the licence is looked at")
    func coverNotBought() throws {
        // given a car policy without the cover, driven with a matching third-class licence
        let error = try refusal(policy("car-4-cyl", driverCover: false), .third, "car-4-cyl")
        // then the cover is the reason
        #expect(error?.code == "driver-cover-not-bought")
        #expect(error?.field == "case")
        #expect(error?.message.contains("حوادث راننده") == true)
        // and it stays the reason when the class would not match either (motorcycle licence on a car)
        #expect(try refusal(policy("car-4-cyl", driverCover: false), .motorcycle, "car-4-cyl")?.code
            == "driver-cover-not-bought")
    }

    @Test("R-TP-01 the licence class does not match the vehicle: refused", arguments: [
        ("truck-3-to-10t", DrivingLicenceClass.third),   // third < second
        ("car-4-cyl", .motorcycle),                      // a motorcycle licence drives nothing else
        ("motorcycle-1-cyl", .special),                  // nor does a car licence drive a motorcycle
    ])
    func classMismatch(_ vehicleCode: String, _ licenceClass: DrivingLicenceClass) throws {
        let error = try refusal(policy(vehicleCode, driverCover: true), licenceClass, vehicleCode)
        #expect(error?.code == "licence-class-mismatch")
        #expect(error?.field == "licence.class")
        #expect(error?.message.contains(try vehicle(vehicleCode).requiredLicence.label) == true)
    }

    @Test("R-TP-01 a driver without a licence is refused")
    func unlicensed() throws {
        let error = try refusal(policy("car-4-cyl", driverCover: true), nil, "car-4-cyl")
        #expect(error?.code == "driver-unlicensed")
        #expect(error?.field == "licence")
    }

    @Test("R-TP-01 with the licence itself it must be valid on the accident day")
    func licenceValidAtTheAccident() throws {
        // given a third-class licence valid through 1404/05/31 on a car policy with the cover
        let inputs = try policy("car-4-cyl", driverCover: true)
        let licence = DrivingLicence(number: "1234567890", licenceClass: .third, expiry: try jalali("1404/05/31"))
        let car = try vehicle("car-4-cyl")
        // when the accident is on the expiry day, the claim goes on
        try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licence: licence, vehicleClass: car,
                                                 accidentDate: jalali("1404/05/31"))
        // when it is the day after, the licence had expired
        let expired = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licence: licence, vehicleClass: car,
                                                     accidentDate: jalali("1404/06/01"))
        }
        #expect(expired?.code == "licence-expired")
        // without the cover the cover is still the first reason
        let noCover = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.checkDriverAccident(inputs: try self.policy("car-4-cyl", driverCover: false),
                                                     licence: licence, vehicleClass: car, accidentDate: jalali("1404/06/01"))
        }
        #expect(noCover?.code == "driver-cover-not-bought")
        let none = #expect(throws: DomainError.self) {
            try ThirdPartyClaims.checkDriverAccident(inputs: inputs, licence: nil, vehicleClass: car,
                                                     accidentDate: jalali("1404/05/31"))
        }
        #expect(none?.code == "driver-unlicensed")
    }
}
