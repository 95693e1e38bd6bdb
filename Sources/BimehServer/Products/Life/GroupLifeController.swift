import Foundation
import InsuranceKit
import Vapor

/// API.md "Group life": the contract number and the member list of a registered contract.
struct GroupLifeController: RouteCollection {
    /// A member list of 100,000 rows is a few tens of megabytes of JSON.
    static let maxMemberListBody: ByteCount = "32mb"

    func boot(routes: any RoutesBuilder) throws {
        let issuers = routes.grouped(RequireRole([.issuer]))
        issuers.post(.apiGroupLifeContract(.key), use: contract)
        issuers.on(.POST, .apiGroupLifeMembers(.key), body: .collect(maxSize: Self.maxMemberListBody), use: members)
    }

    struct ContractView: Content {
        var number: String
        var contractDate: String
        var memberListDue: String
    }

    struct MembersView: Content {
        struct Row: Content {
            var row: Int
            var underwriting: String
        }
        var members: [Row]
    }

    /// R-GL-03: numbered in the contract register inside the transaction (Idempotency-Key).
    @Sendable func contract(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer(status: .created) { work in
            let record = try await GroupLifeDesk.numberContract(policyID: id, principal: principal, in: work)
            let date = try JalaliDate(parsing: record.contractDate)
            return ContractView(number: record.number, contractDate: record.contractDate,
                                memberListDue: GroupMemberListDeadline.deadline(contractReceived: date).description)
        }
    }

    /// R-GL-04/05: `{members:[…]}` → each row's underwriting; nothing stored on any bad row.
    @Sendable func members(req: Request) async throws -> Response {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw AppError(.badRequest, code: "empty-body", detail: "بدنهٔ درخواست خالی است؛ یک شیء JSON بفرستید.")
        }
        let body = Data(buffer.readableBytesView)
        let id = req.parameters.get("id", as: UUID.self)
        let principal = try req.principal
        return try await req.writeAnswer(status: .created) { work in
            let listed = try await GroupLifeDesk.listMembers(policyID: id, body: body, principal: principal, in: work)
            return MembersView(members: listed.rows.map { MembersView.Row(row: $0.row, underwriting: $0.underwriting.rawValue) })
        }
    }
}
