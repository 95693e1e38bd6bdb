import Fluent
import Foundation
import InsuranceKit
import Vapor

/// The plan letter's refusal and the final-premium endorsement over the API; the pages call the
/// same commands.
struct GroupLifeFlowController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let issuers = routes.grouped(RequireRole([.issuer]))
        issuers.post(.apiGroupLifeRefusal(.key), use: refuse)
        issuers.post(.apiGroupLifeSettleFinalPremium(.key), use: settle)
    }

    struct RefusalBody: StrictRequestBody {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    struct RefusalView: Content {
        var id: UUID
        var status: String
    }

    /// R-GL-02: the file is voided.
    @Sendable func refuse(req: Request) async throws -> Response {
        let body = try req.decodeStrict(RefusalBody.self)
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer { work in
            let quote = try await GroupLifePlanDesk.refuse(quoteID: id, reason: body.reason, principal: principal, in: work)
            return RefusalView(id: try quote.requireID(), status: quote.status.rawValue)
        }
    }

    struct SettledView: Content {
        var total: Int64
        var registered: Int64
        var premiumDelta: Int64
        var endorsementNumber: Int
        var admitted: Int
        var pending: Int
        var declined: Int
        var lines: [QuoteLine]
    }

    /// R-GL-07/08: the final-premium endorsement.
    @Sendable func settle(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer(status: .created) { work in
            let record = try await GroupLifeFinalPremiumDesk.settle(policyID: id, principal: principal, in: work)
            return try await Self.view(record, on: work.db)
        }
    }

    static func view(_ record: GroupLifeFinalPremiumRecord, on db: any Database) async throws -> SettledView {
        let endorsement = try await record.$endorsement.get(on: db)
        return SettledView(total: record.total, registered: record.registered, premiumDelta: endorsement.premiumDelta, endorsementNumber: endorsement.number,
                           admitted: record.admitted, pending: record.pending, declined: record.declined,
                           lines: try StoredJSON.decode([QuoteLine].self, from: record.lines, what: "group_life_final_premiums.lines"))
    }
}
