import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-G-09 (seed 000): contracts sold through an online broker whose Central Insurance licence is
/// missing or expired are listed for cancellation with the full premium due, and the list is
/// reported to Central Insurance.
enum BrokerContracts {
    static let readers: Set<Role> = [.admin, .head, .issuer, .accountant]

    struct Row: Content, Equatable {
        var policyId: UUID
        var policyNumber: String?
        var status: String
        var customer: String
        var broker: String
        var licenceNumber: String
        var licenceExpiry: String
        /// The premium charged (with issued endorsements), what was collected, and the rest due.
        var premium: Int64
        var paid: Int64
        var due: Int64
    }

    /// Not cancelled, sold through an online broker whose licence is not valid on `day`.
    static func unlicensed(on day: JalaliDate, db: any Database) async throws -> [Row] {
        let online = try await Broker.query(on: db).filter(\.$online == true).all()
        let lapsed = online.filter { broker in
            (try? OnlineBrokerRule.checkSale(licenceNumber: broker.licenceNumber, licenceExpiry: try? JalaliDate(parsing: broker.licenceExpiry),
                                             saleDate: day)) == nil
        }
        guard !lapsed.isEmpty else { return [] }
        let byID = Dictionary(lapsed.compactMap { b in b.id.map { ($0, b) } }, uniquingKeysWith: { a, _ in a })
        let policies = try await Policy.query(on: db).filter(\.$channel == .broker).filter(\.$brokerID ~~ Array(byID.keys))
            .filter(\.$status != .cancelled).with(\.$customer).sort(\.$createdAt).all()
        var rows: [Row] = []
        for policy in policies {
            guard let brokerID = policy.brokerID, let broker = byID[brokerID] else { continue }
            let ledger = try await PolicyLedger.load(policy, on: db)
            rows.append(Row(policyId: try policy.requireID(), policyNumber: policy.printedNumber, status: policy.status.rawValue,
                            customer: policy.customer.displayName, broker: broker.name, licenceNumber: broker.licenceNumber,
                            licenceExpiry: broker.licenceExpiry, premium: ledger.charged.amount, paid: try ledger.account.netPaid().amount,
                            due: max(.zero, try ledger.account.owed()).amount))
        }
        return rows
    }
}
