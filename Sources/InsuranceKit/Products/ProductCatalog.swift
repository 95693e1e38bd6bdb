/// Every product the system sells, looked up by the API's `product` value. A new line is one new
/// file conforming to ProductLine plus one entry here.
public enum ProductCatalog: Sendable {
    public static let all: [any ProductLine] = [
        ComputerInsurance(),
        EmployersLiability(), ContractorsAllRisk(),
        ThirdPartyInsurance(),
    ]

    /// Throws "unknown-product" (field "product") for a code no product has.
    public static func product(_ code: String) throws -> any ProductLine {
        guard let product = all.first(where: { $0.code == code }) else {
            throw DomainError.unknownProduct
        }
        return product
    }
}

extension DomainError {
    public static let unknownProduct = DomainError(
        code: "unknown-product", message: "نوع بیمه‌نامهٔ درخواستی شناخته نیست.", field: "product")
}
