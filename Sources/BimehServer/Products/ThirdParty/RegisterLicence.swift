import Foundation
import InsuranceKit

/// The driving licence of a user of the vehicle, before issue (R-TP-02): one reading for the API
/// and the policy page.
struct RegisterLicence: Sendable {
    struct Input: Sendable {
        var number: String?
        var licenceClass: String?
        var expiry: String?
        var holderName: String?
        var holderNationalCode: String?
    }

    let request: ThirdPartyDesk.LicenceRequest

    init(_ input: Input) throws {
        var reader = FieldReader()
        let number = Normalize.identifier(input.number ?? "")
        if number.isEmpty { reader.add("number", "required", "شمارهٔ گواهینامه را وارد کنید.") }
        let licenceClass = DrivingLicenceClass(rawValue: input.licenceClass ?? "")
        if licenceClass == nil {
            reader.add("class", "invalid-licence-class", "پایهٔ گواهینامه باید یکی از " + DrivingLicenceClass.allCases.map(\.rawValue).joined(separator: "، ") + " باشد.")
        }
        let expiry = reader.date(input.expiry, "expiry")
        let holder = reader.text(input.holderName, "holderName", max: 200)
        var code: NationalCode?
        do { code = try NationalCode(input.holderNationalCode ?? "") } catch let e as DomainError {
            reader.add("holderNationalCode", e.code, e.message)
        }
        try reader.throwIfAny()
        guard let licenceClass, let expiry, let holder, let code else { throw AppError.malformedJSON }
        request = ThirdPartyDesk.LicenceRequest(licence: DrivingLicence(number: number, licenceClass: licenceClass, expiry: expiry),
                                                holderName: holder, holderNationalCode: code)
    }
}
