/// R-TP-01: the at-fault driver's own bodily injury (the optional driver-accident cover).
extension ThirdPartyClaims {
    /// A driver-accident claim is refused, in this order: "driver-cover-not-bought" (field "case")
    /// when the policy's inputs did not buy the cover; "driver-unlicensed" (field "licence") when
    /// the driver had no licence (nil); "licence-class-mismatch" (field "licence.class") when the
    /// class may not drive `vehicleClass`, the tariff row of the policy's vehicle.
    public static func checkDriverAccident(inputs: ThirdPartyInputs, licenceClass: DrivingLicenceClass?,
                                           vehicleClass: ThirdPartyTariff.VehicleClass) throws {
        try checkDriverCover(inputs)
        guard let licenceClass else { throw DomainError.driverUnlicensed }
        guard licenceClass.permits(vehicleClass.requiredLicence) else {
            throw DomainError.licenceClassMismatch(licenceClass, vehicleClass)
        }
    }

    /// The same with the driver's licence itself, which must also be fit on the accident day:
    /// after the cover and a licence, `DrivingLicence.check` ("invalid-licence-number",
    /// "licence-expired", "licence-class-mismatch").
    public static func checkDriverAccident(inputs: ThirdPartyInputs, licence: DrivingLicence?,
                                           vehicleClass: ThirdPartyTariff.VehicleClass,
                                           accidentDate: JalaliDate) throws {
        try checkDriverCover(inputs)
        guard let licence else { throw DomainError.driverUnlicensed }
        try DrivingLicence.check(licence, vehicleClass: vehicleClass, on: accidentDate)
    }

    private static func checkDriverCover(_ inputs: ThirdPartyInputs) throws {
        guard inputs.driverAccident else {
            throw DomainError(code: "driver-cover-not-bought",
                              message: "پوشش حوادث راننده در این بیمه‌نامه خریداری نشده است؛ خسارت بدنی راننده پرداخت نمی‌شود.",
                              field: "case")
        }
    }
}

extension DomainError {
    /// R-TP-01: the driver held no licence on the accident day.
    public static let driverUnlicensed = DomainError(
        code: "driver-unlicensed",
        message: "راننده گواهینامهٔ رانندگی نداشته است؛ پوشش حوادث راننده فقط با گواهینامهٔ معتبر و متناسب با وسیلهٔ نقلیه است.",
        field: "licence")
}
