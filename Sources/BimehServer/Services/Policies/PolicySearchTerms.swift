import Fluent
import Foundation
import InsuranceKit

/// Keeps the words a product yields for a policy (PolicySearchTerm) in step with its inputs, so
/// the policies list finds e.g. a plate without knowing which product stores one.
enum PolicySearchTerms {
    /// Rewrites the policy's terms from its inputs, in the caller's transaction.
    static func record(_ policy: Policy, in work: UnitOfWork) async throws {
        let id = try policy.requireID()
        let terms = Array(Set(work.products.hooks(policy.product).searchTerms(policy).map(Normalize.identifier).filter { !$0.isEmpty })).sorted()
        let stored = try await PolicySearchTerm.query(on: work.db).filter(\.$policy.$id == id).all()
        guard stored.map(\.term).sorted() != terms else { return }
        try await PolicySearchTerm.query(on: work.db).filter(\.$policy.$id == id).delete()
        for term in terms { try await PolicySearchTerm(policyID: id, term: term).create(on: work.db) }
    }

    /// The policies one of `keys` names.
    static func policies(matching keys: [String], on db: any Database) async throws -> [UUID] {
        guard !keys.isEmpty else { return [] }
        return try await PolicySearchTerm.query(on: db).filter(\.$term ~~ keys).limit(CSVDownload.limit).all().map(\.$policy.id)
    }
}
