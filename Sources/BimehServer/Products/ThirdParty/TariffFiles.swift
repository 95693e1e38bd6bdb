import Crypto
import Fluent
import Foundation
import InsuranceKit
import Vapor

/// Next year's third-party tariff as a file (T-TP): checked, compared with the tariff it replaces,
/// stored, and installed for pricing; stored files are installed again at every start.
enum TariffFiles {
    static let product = ThirdPartyDesk.product

    struct Loaded: Sendable {
        var year: Int
        /// What changed against the tariff in force for that year (or, for a new year, the
        /// year before); empty when nothing did.
        var changes: [String]
        var comparedWith: Int?
    }

    static func load(_ data: Data, on app: Application, actor: AuditActor) async throws -> Loaded {
        let tariff = try ThirdPartyTariffBook.read(data)
        let previous = (try? ThirdPartyTariff.forYear(tariff.year)) ?? (try? ThirdPartyTariff.forYear(tariff.year - 1))
        let changes = previous.map { ThirdPartyTariffDiff.changes(from: $0, to: tariff) } ?? ["+ a first tariff: \(tariff.vehicleClasses.count) classes"]
        let body = String(decoding: try ThirdPartyTariffBook.export(tariff), as: UTF8.self)
        let sha = Secrets.hex(SHA256.hash(data: Data(body.utf8)))
        try await app.bimeh.store.write(on: app.db, actor: actor, requestID: nil) { work in
            let row = try await TariffFile.query(on: work.db).filter(\.$product == product).filter(\.$year == tariff.year).first() ?? TariffFile()
            let before = row.id == nil ? nil : row.sha256
            row.product = product
            row.year = tariff.year
            row.body = body
            row.sha256 = sha
            row.loadedAt = work.now
            try await row.save(on: work.db)
            try await work.audit("tariff.loaded", entity: "tariff", id: "\(product)/\(tariff.year)",
                                 before: before.map { ["sha256": $0] }, after: ["sha256": sha, "changes": String(changes.count)])
        }
        try ThirdPartyTariffBook.install(tariff)
        return Loaded(year: tariff.year, changes: changes, comparedWith: previous?.year)
    }

    /// At start-up: every stored file over the built-in data. A file that no longer validates
    /// (e.g. after a rule change in a release) is reported and skipped, never half-installed.
    static func installStored(on app: Application) async throws {
        for row in try await TariffFile.query(on: app.db).filter(\.$product == product).all() {
            do { try ThirdPartyTariffBook.install(try ThirdPartyTariffBook.read(Data(row.body.utf8))) } catch {
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
