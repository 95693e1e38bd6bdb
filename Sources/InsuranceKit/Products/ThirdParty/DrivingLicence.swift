/// A driving licence registered at third-party issuance or renewal (R-TP-02), as the licence
/// authority adapter receives it.
public struct DrivingLicence: Sendable, Hashable, Codable {
    /// Normalized: Persian/Arabic digits mapped to ASCII, spaces and dashes removed.
    public let number: String
    public let licenceClass: DrivingLicenceClass
    /// Last day of validity (valid through it).
    public let expiry: JalaliDate

    public init(number: String, licenceClass: DrivingLicenceClass, expiry: JalaliDate) {
        self.number = Normalize.identifier(number)
        self.licenceClass = licenceClass
        self.expiry = expiry
    }

    private enum CodingKeys: String, CodingKey {
        case number
        case licenceClass = "class"
        case expiry
    }

    /// Decoding normalizes the number as the initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(number: try c.decode(String.self, forKey: .number),
                  licenceClass: try c.decode(DrivingLicenceClass.self, forKey: .licenceClass),
                  expiry: try c.decode(JalaliDate.self, forKey: .expiry))
    }

    /// Digits of a licence number. CHOSEN: 10, the length of the smart licence number; the
    /// authority's own check is the real one, this only rejects typos before calling it.
    public static let numberLength = 10

    /// R-TP-02 format and fitness check, in this order: "invalid-licence-number" unless the
    /// number is exactly 10 ASCII digits (after normalization) and not all one digit;
    /// "licence-expired" when `date` is after the expiry; "licence-class-mismatch" when the
    /// class may not drive `vehicleClass` (R-TP-01).
    public static func check(_ licence: DrivingLicence, vehicleClass: ThirdPartyTariff.VehicleClass,
                             on date: JalaliDate) throws {
        let digits = Array(licence.number.utf8)
        guard digits.count == numberLength, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              Set(digits).count > 1 else {
            throw DomainError(code: "invalid-licence-number", message: "شمارهٔ گواهینامه باید ۱۰ رقم باشد.",
                              field: "licence.number")
        }
        guard date <= licence.expiry else {
            throw DomainError(
                code: "licence-expired",
                message: "اعتبار گواهینامه در \(licence.expiry.persianDescription) به پایان رسیده است.",
                field: "licence.expiry")
        }
        guard licence.licenceClass.permits(vehicleClass.requiredLicence) else {
            throw DomainError.licenceClassMismatch(licence.licenceClass, vehicleClass)
        }
    }
}

extension DomainError {
    /// R-TP-01: "licence-class-mismatch" (field "licence.class"), naming the class required.
    static func licenceClassMismatch(_ licenceClass: DrivingLicenceClass,
                                     _ vehicleClass: ThirdPartyTariff.VehicleClass) -> DomainError {
        DomainError(
            code: "licence-class-mismatch",
            message: "گواهینامهٔ \(licenceClass.label) برای «\(vehicleClass.label)» معتبر نیست؛ "
                + "دست‌کم گواهینامهٔ \(vehicleClass.requiredLicence.label) لازم است.",
            field: "licence.class")
    }
}
