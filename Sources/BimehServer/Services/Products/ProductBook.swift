import Foundation
import InsuranceKit

/// The products this server sells: their rules (InsuranceKit's catalog) and their server hooks,
/// built once at start-up and handed to the desks (`UnitOfWork.products`, `BimehServices.products`).
struct ProductBook: Sendable {
    /// A product's proposal form on the web, offered to sellers in the navigation.
    struct Proposal: Sendable {
        var label: String
        var path: String
    }

    let catalog: ProductCatalog
    private let hooksByCode: [ProductCode: any ProductHooks]
    let proposals: [Proposal]
    /// A product's pages for providers (health centers), offered to them in the navigation.
    let providerPages: [Proposal]
    /// The products whose yearly tariff travels as a file (`bimeh tariffs`), the first being the
    /// default for a file that names no product.
    let tariffFiles: [TariffFileFormat]

    init(catalog: ProductCatalog, hooks: [any ProductHooks], proposals: [Proposal] = [], providerPages: [Proposal] = [],
         tariffFiles: [TariffFileFormat] = []) {
        self.catalog = catalog
        hooksByCode = Dictionary(hooks.map { ($0.product, $0) }, uniquingKeysWith: { first, _ in first })
        self.proposals = proposals
        self.providerPages = providerPages
        self.tariffFiles = tariffFiles
    }

    /// The product's rules; "unknown-product" (field "product") for a code no product has.
    func line(_ code: String) throws -> any ProductLine { try catalog.product(code) }

    /// The product's hooks; the generic ones for a product that adds nothing.
    func hooks(_ code: String) -> any ProductHooks {
        hooksByCode[ProductCode(code)] ?? GenericHooks(product: ProductCode(code))
    }

    /// What a typed query means to every product (e.g. a plate made canonical), besides itself.
    func searchKeys(_ query: String) -> [String] {
        let own = Normalize.identifier(query)
        var keys = own.isEmpty ? [] : [own]
        for hooks in hooksByCode.values.sorted(by: { $0.product.rawValue < $1.product.rawValue }) {
            keys += hooks.searchKeys(query).map(Normalize.identifier).filter { !$0.isEmpty && !keys.contains($0) }
        }
        return keys
    }

    /// This book with more products (tests, or a product sold by one installation only).
    func adding(_ lines: [any ProductLine], hooks more: [any ProductHooks] = []) -> ProductBook {
        ProductBook(catalog: catalog.adding(lines), hooks: Array(hooksByCode.values) + more, proposals: proposals, providerPages: providerPages,
                    tariffFiles: tariffFiles)
    }

    func line(_ code: ProductCode) throws -> any ProductLine { try catalog.product(code) }
    func hooks(_ code: ProductCode) -> any ProductHooks { hooks(code.rawValue) }

    func claimRules(_ code: ProductCode) throws -> ClaimRules { try line(code).claimRules }

    /// Every product's notice questions, each name once, in catalog order.
    var noticeQuestions: [NoticeQuestion] {
        var seen = Set<String>()
        return catalog.lines.flatMap { hooks($0.code).noticeQuestions }.filter { seen.insert($0.name).inserted }
    }

    func checklist(_ code: ProductCode, case claimCase: ClaimCase) throws -> [RequiredDocument] {
        try line(code).checklist(for: claimCase)
    }
}
