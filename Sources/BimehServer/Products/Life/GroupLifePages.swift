import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The group life pages for the life issuance expert, from the request letter to the final
/// premium; the cheque and its receipt (4 copies) are the generic payment pages.
struct GroupLifePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: GroupLifeRequestPages())
        try routes.register(collection: GroupLifeContractPages())
        try routes.register(collection: GroupLifeMemberPages())
    }

    /// The contract and its policyholder, for the printed papers.
    struct Heading: Encodable {
        var contractNumber: String?
        var customerName: String
        var customerCode: String
        var startDate: String
        var endDate: String
        var policyHref: String
    }

    static func heading(_ policy: Policy, on db: any Database) async throws -> Heading {
        let id = try policy.requireID()
        let customer = try await policy.$customer.get(on: db)
        return Heading(contractNumber: try await GroupLifeDesk.contract(of: id, on: db)?.number, customerName: customer.displayName,
                       customerCode: customer.identifier, startDate: policy.startDate, endDate: policy.endDate, policyHref: WebPath.policy(id))
    }

    static func standingTitle(_ status: String) -> String {
        switch MemberStanding(rawValue: status) {
        case .admitted: "پذیرفته"
        case .pending: "در انتظار نظر پزشک"
        case .referred: "ارجاع به بیمارستان (آزمایش‌های بیشتر)"
        case .declined, nil: "ردشده"
        }
    }
}
