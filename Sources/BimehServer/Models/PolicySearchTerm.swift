import Fluent
import Foundation

/// A word the policies list's search box finds a policy by, beyond its number and customer: what
/// the product's hook yields from the inputs (e.g. a vehicle's plate). Derived data, rewritten
/// whenever the inputs change; not sealed.
final class PolicySearchTerm: Model, @unchecked Sendable {
    static let schema = "policy_search_terms"

    @ID(key: .id) var id: UUID?
    @Field(key: "term") var term: String
    @Parent(key: "policy_id") var policy: Policy

    init() {}
    init(policyID: UUID, term: String) {
        self.$policy.id = policyID
        self.term = term
    }
}
