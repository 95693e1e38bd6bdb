/// The products the system sells, looked up by the API's `product` value. The standard catalog
/// is the one place that lists them: a new line is its own folder plus one entry here (and its
/// server hooks beside the server's catalog).
public struct ProductCatalog: Sendable {
    public let lines: [any ProductLine]

    /// Refuses two lines with one code: a lookup must have one answer.
    public init(_ lines: [any ProductLine]) {
        var seen = Set<ProductCode>()
        self.lines = lines.filter { seen.insert($0.code).inserted }
    }

    public static let standard = ProductCatalog([
        ComputerInsurance(),
        EmployersLiability(), ContractorsAllRisk(),
        ThirdPartyInsurance(),
        SupplementaryHealth(),
        TermLife(), GroupLife(),
    ])

    /// Throws "unknown-product" (field "product") for a code no product has.
    public func product(_ code: String) throws -> any ProductLine {
        guard let product = lines.first(where: { $0.code.rawValue == code }) else {
            throw DomainError.unknownProduct
        }
        return product
    }

    public func product(_ code: ProductCode) throws -> any ProductLine { try product(code.rawValue) }

    /// The same catalog with more lines after these (a code already present is ignored).
    public func adding(_ more: [any ProductLine]) -> ProductCatalog { ProductCatalog(lines + more) }

    /// Every claim case some line knows, in catalog order: what the API's `kind` may be.
    public var claimCases: [ClaimCase] {
        var seen = Set<ClaimCase>()
        return lines.flatMap { $0.claimCases.map(\.claimCase) }.filter { seen.insert($0).inserted }
    }

    // The standard catalog, for callers that have no catalog handed to them (rules tests, tools).
    public static var all: [any ProductLine] { standard.lines }
    public static func product(_ code: String) throws -> any ProductLine { try standard.product(code) }
}

extension DomainError {
    public static let unknownProduct = DomainError(
        code: "unknown-product", message: "نوع بیمه‌نامهٔ درخواستی شناخته نیست.", field: "product")
}
