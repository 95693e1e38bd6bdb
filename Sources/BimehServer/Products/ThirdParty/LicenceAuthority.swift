import Foundation
import InsuranceKit
import Vapor

/// The licence authority that confirms a driving licence (R-TP-02). A side effect that leaves
/// the process, so it sits behind a protocol: `LocalLicenceChecks` checks what can be checked
/// here (format, expiry, class against the vehicle); `HTTPLicenceAuthority` then asks the
/// authority's service. The client is the caller's, so that nothing holds on to the application.
protocol LicenceAuthority: Sendable {
    func verify(_ licence: DrivingLicence, holder: NationalCode, vehicleClass: ThirdPartyTariff.VehicleClass,
                on date: JalaliDate, client: any Client) async throws
}

struct LocalLicenceChecks: LicenceAuthority {
    func verify(_ licence: DrivingLicence, holder: NationalCode, vehicleClass: ThirdPartyTariff.VehicleClass,
                on date: JalaliDate, client: any Client) async throws {
        try DrivingLicence.check(licence, vehicleClass: vehicleClass, on: date)
    }
}

extension AppConfig {
    /// The authority the configuration asks for: the service when `BIMEH_LICENCE_URL` is set.
    var licenceAuthority: any LicenceAuthority {
        guard let licenceURL else { return LocalLicenceChecks() }
        return HTTPLicenceAuthority(endpoint: licenceURL, timeout: licenceTimeout)
    }
}
