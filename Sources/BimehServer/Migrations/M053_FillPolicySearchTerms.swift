import Fluent
import Foundation
import InsuranceKit

/// Policies registered before M048 have no search terms, so the list cannot find them by what
/// their product yields (a plate, a VIN): fill them through the same product hook that fills
/// them at registration. Only policies with no term at all are touched; derived data, not sealed.
struct M053_FillPolicySearchTerms: AsyncMigration {
    var name: String { "053_FillPolicySearchTerms" }
    var products: ProductBook = .standard

    func prepare(on database: any Database) async throws {
        _ = try await Self.fill(products: products, on: database)
    }

    /// Nothing to undo: the terms are dropped with M048's table, and rewritten on any change.
    func revert(on database: any Database) async throws {}

    /// The migration's body: the terms of every policy that has none; returns how many policies got some.
    static func fill(products: ProductBook, on database: any Database, pageSize: Int = 500) async throws -> Int {
        let indexed = Set(try await PolicySearchTerm.query(on: database).all().map { $0.$policy.id })
        var filled = 0, offset = 0
        while true {
            let page = try await Policy.query(on: database).sort(\.$id).range(offset..<(offset + pageSize)).all()
            offset += page.count
            let terms = page.compactMap { policy -> (UUID, [String])? in
                guard let id = policy.id, !indexed.contains(id) else { return nil }
                let words = Set(products.hooks(policy.product).searchTerms(policy).map(Normalize.identifier).filter { !$0.isEmpty })
                return words.isEmpty ? nil : (id, words.sorted())
            }
            if !terms.isEmpty {
                try await database.transaction { db in
                    for (id, words) in terms {
                        for word in words { try await PolicySearchTerm(policyID: id, term: word).create(on: db) }
                    }
                }
                filled += terms.count
            }
            if page.count < pageSize { return filled }
        }
    }
}
