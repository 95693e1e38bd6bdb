/// R-G-09 (seed 000): from 1400/04/01 no policy may be sold through an online broker without a
/// valid Central Insurance licence. The licence is valid through its expiry day.
public enum OnlineBrokerRule {
    public static let licenceRequiredFrom = try! JalaliDate(year: 1400, month: 4, day: 1)

    public static func checkSale(licenceNumber: String?, licenceExpiry: JalaliDate?, saleDate: JalaliDate) throws {
        guard saleDate >= licenceRequiredFrom else { return }
        let number = Normalize.text(licenceNumber ?? "")
        guard !number.isEmpty, let licenceExpiry, saleDate <= licenceExpiry else {
            throw DomainError.brokerLicenceInvalid
        }
    }
}

extension DomainError {
    public static let brokerLicenceInvalid = DomainError(
        code: "broker-unlicensed",
        message: "فروش از طریق کارگزار برخط بدون مجوز معتبر بیمهٔ مرکزی ممکن نیست.",
        field: "broker")
}
