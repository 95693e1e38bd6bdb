import Fluent
import Foundation
import InsuranceKit

/// A seller's drafts: the proposals priced (R-P-01, R-P-02) and not yet registered as a policy,
/// so not yet on the way to issue. An agent's are its agency's only (R-G-09); the issuance
/// expert's are the direct sales' (no agency).
enum QuoteDrafts {
    static func query(for principal: Principal, on db: any Database) -> QueryBuilder<Quote> {
        let query = Quote.query(on: db).filter(\.$status == .quoted)
        if principal.role == .agent {
            // an agent without an agency has no drafts to see
            if let agency = principal.agencyID { query.filter(\.$agency.$id == agency) } else { query.filter(\.$id == UUID()) }
        } else {
            query.filter(\.$agency.$id == nil)
        }
        return query
    }
}
