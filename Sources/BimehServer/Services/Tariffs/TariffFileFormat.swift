import Foundation
import InsuranceKit

/// How one product's yearly tariff travels as a file: the product registers its `YearlyTariff`
/// type (ProductRegistry), and the generic tariff files, command and routes work through this.
/// An exported file names its product (`"product"`), so `load` knows which tariff it is.
struct TariffFileFormat: Sendable {
    struct Read: Sendable {
        var year: Int
        /// The file as `export` writes it (sorted keys, the product named), as stored.
        var body: Data
        /// The tariff in force it replaces: that year's, or for a new year the year before's.
        var comparedWith: Int?
        var changes: [String]
    }

    let product: ProductCode
    /// The line's Persian name, for messages.
    let title: String
    /// Reads and validates a file; "invalid-tariff" with a Persian message otherwise.
    let read: @Sendable (Data) throws -> Read
    /// The tariff in force for a year as a file; nil when the year has none.
    let export: @Sendable (Int) throws -> Data?
    /// Installs a file that `read` accepted (and validates it again).
    let install: @Sendable (Data) throws -> Void
    /// Drops a loaded tariff (the built-in one applies again); for tests.
    let remove: @Sendable (Int) -> Void

    init<Tariff: YearlyTariff>(_ type: Tariff.Type, product: ProductCode, title: String) {
        self.product = product
        self.title = title
        let book = Tariff.book
        let named = { @Sendable (tariff: Tariff) throws -> Data in try Self.naming(product, in: try book.export(tariff)) }
        read = { data in
            let tariff = try book.read(data)
            let previous = (try? Tariff.forYear(tariff.year)) ?? (try? Tariff.forYear(tariff.year - 1))
            return Read(year: tariff.year, body: try named(tariff), comparedWith: previous?.year,
                        changes: previous.map { Tariff.changes(from: $0, to: tariff) } ?? [tariff.firstTariffSummary])
        }
        export = { year in try (try? Tariff.forYear(year)).map(named) }
        install = { data in try book.install(try book.read(data)) }
        remove = { year in book.remove(year: year) }
    }

    /// The exported JSON with `"product"` added at the top (keys stay sorted).
    static func naming(_ product: ProductCode, in data: Data) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return data }
        object["product"] = product.rawValue
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// The product a file names, if it names one.
    static func product(named data: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["product"] as? String
    }
}
