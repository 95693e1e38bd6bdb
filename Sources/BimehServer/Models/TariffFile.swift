import Fluent
import Foundation

/// A tariff loaded from a file; installed over the built-in tariff of its year at start-up.
final class TariffFile: Model, @unchecked Sendable {
    static let schema = "tariff_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "product") var product: String
    @Field(key: "year") var year: Int
    @Field(key: "body") var body: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "loaded_at") var loadedAt: Date

    init() {}
}
