import InsuranceKit

/// The one place the server lists its products: InsuranceKit's standard catalog and the hooks
/// of the products that add something on the server.
extension ProductBook {
    static let standard = ProductBook(catalog: .standard, hooks: [
        ComputerHooks(),
        ThirdPartyHooks(),
    ])
}

/// The products' own API operations, in the document after the generic ones.
extension APIDocument {
    static let productOperations: [Operation] = thirdPartyOperations
}
