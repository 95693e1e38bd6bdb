import Foundation
import InsuranceKit

/// The licence authority that confirms a driving licence (R-TP-02). A side effect that leaves
/// the process, so it sits behind a protocol: the shipped implementation checks what can be
/// checked locally (format, expiry, class against the vehicle); an HTTP implementation for the
/// authority's service is the next step.
protocol LicenceAuthority: Sendable {
    func verify(_ licence: DrivingLicence, vehicleClass: ThirdPartyTariff.VehicleClass, on date: JalaliDate) async throws
}

struct LocalLicenceChecks: LicenceAuthority {
    func verify(_ licence: DrivingLicence, vehicleClass: ThirdPartyTariff.VehicleClass, on date: JalaliDate) async throws {
        try DrivingLicence.check(licence, vehicleClass: vehicleClass, on: date)
    }
}
