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
        issuers.upload(.apiGroupLifeMembers(.key), limit: Self.maxMemberListBody, use: members)
        issuers.post(.apiGroupLifeUnderwriting(.key, .key), use: underwriting)
        issuers.get(.apiGroupLifeFinalPremium(.key), use: finalPremium)
    }

    struct OutcomeBody: StrictRequestBody {
        static let fields: Set<String> = ["outcome", "extraPercent"]
        var outcome: String?
        var extraPercent: Percent?
    }

    struct MemberView: Content {
        var row: Int
        var firstName: String
        var lastName: String
        var birthDate: String
        var jobTitle: String
        var underwriting: String
        var status: String
        var extraPercent: String?
    }

    struct FinalPremiumView: Content {
        var lines: [QuoteLine]
        var total: Int64
        var admitted: Int
        var pending: Int
        var declined: Int
    }

    /// R-GL-06: the doctor's outcome for one member.
    @Sendable func underwriting(req: Request) async throws -> Response {
        let body = try req.decodeStrict(OutcomeBody.self)
        let id = req.parameters.get("id", as: UUID.self)
        let row = req.parameters.get("row", as: Int.self)
        let principal = try req.principal
        return try await req.writeAnswer { work in
            let m = try await GroupLifeUnderwritingDesk.record(.init(outcome: body.outcome, extraPercent: body.extraPercent),
                                                               policyID: id, row: row, principal: principal, in: work)
            return MemberView(row: m.row, firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate, jobTitle: m.jobTitle,
                              underwriting: m.underwriting, status: m.status, extraPercent: m.extraPercent)
        }
    }

    /// R-GL-07: the final premium over the admitted members.
    @Sendable func finalPremium(req: Request) async throws -> FinalPremiumView {
        let result = try await GroupLifeUnderwritingDesk.finalPremium(policyID: req.parameters.get("id", as: UUID.self),
                                                                      principal: try req.principal, on: req.db)
        return FinalPremiumView(lines: result.lines, total: result.total.amount, admitted: result.admitted, pending: result.pending,
                                declined: result.declined)
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
