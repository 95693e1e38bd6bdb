import Crypto
import Fluent
import Foundation
import InsuranceKit
import Vapor

/// Next year's tariff of a product as a file: checked, compared with the tariff it replaces,
/// stored, and installed for pricing; stored files are installed again at every start. A file
/// refused for any reason changes nothing: neither the stored row nor the tariff in force.
enum TariffFiles {
    struct Loaded: Sendable {
        var product: ProductCode
        var title: String
        var year: Int
        /// What changed against the tariff in force for that year (or, for a new year, the
        /// year before); empty when nothing did.
        var changes: [String]
        var comparedWith: Int?
    }

    /// The format of a product's files; the file's own `"product"` wins, then `product`, then
    /// the first product registered with tariff files (files exported before they named one).
    static func format(for data: Data?, product: String?, in book: ProductBook) throws -> TariffFileFormat {
        let named = data.flatMap(TariffFileFormat.product(named:))
        if let named, let product, named != product {
            throw DomainError(code: "tariff-product-mismatch",
                              message: "این فایل تعرفهٔ «\(named)» است، نه «\(product)».", field: "product")
        }
        let code = named ?? product
        let found = code == nil ? book.tariffFiles.first : book.tariffFiles.first { $0.product.rawValue == code }
        guard let format = found else {
            throw DomainError(code: "no-tariff-files",
                              message: "رشتهٔ «\(code ?? "")» تعرفهٔ سالانه به صورت فایل ندارد.", field: "product")
        }
        return format
    }

    static func load(_ data: Data, product: String? = nil, on app: Application, actor: AuditActor) async throws -> Loaded {
        let format = try format(for: data, product: product, in: app.bimeh.products)
        let read = try format.read(data)
        let body = String(decoding: read.body, as: UTF8.self)
        let sha = Secrets.hex(SHA256.hash(data: Data(body.utf8)))
        let code = format.product.rawValue
        try await app.bimeh.store.write(on: app.db, actor: actor, requestID: nil) { work in
            let row = try await TariffFile.query(on: work.db).filter(\.$product == code).filter(\.$year == read.year).first() ?? TariffFile()
            let before = row.id == nil ? nil : row.sha256
            row.product = code
            row.year = read.year
            row.body = body
            row.sha256 = sha
            row.loadedAt = work.now
            try await row.save(on: work.db)
            try await work.audit("tariff.loaded", entity: "tariff", id: "\(code)/\(read.year)",
                                 before: before.map { ["sha256": $0] }, after: ["sha256": sha, "changes": String(read.changes.count)])
        }
        try format.install(read.body)
        return Loaded(product: format.product, title: format.title, year: read.year, changes: read.changes, comparedWith: read.comparedWith)
    }

    /// At start-up: every stored file over the built-in data. A file that no longer validates
    /// (e.g. after a rule change in a release) is reported and skipped, never half-installed.
    static func installStored(on app: Application) async throws {
        let formats = app.bimeh.products.tariffFiles
        for row in try await TariffFile.query(on: app.db).all() {
            do {
                guard let format = formats.first(where: { $0.product.rawValue == row.product }) else { continue }
                try format.install(Data(row.body.utf8))
            } catch {
                app.logger.error("tariff file \(row.product)/\(row.year) not installed: \(error)")
            }
        }
    }
}

/// Installs the stored tariff files when the server boots.
struct TariffFilesLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        try await TariffFiles.installStored(on: app)
    }
}
