import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-GL-03, R-GL-07/08 on the web: the initial contract (printable), the signed contract's
/// return (its number, the API's command), and the final premium letter with the button that
/// makes it the contract's premium (the API's command).
struct GroupLifeContractPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = routes.grouped(RequireRole(PolicyAccess.readers, web: true))
        readers.get(.groupLifeContract(.key), use: contract)
        readers.get(.groupLifeFinalPremium(.key), use: finalLetter)
        let issuers = routes.grouped(RequireRole([.issuer], web: true))
        issuers.post(.groupLifeContractNumber(.key), use: number)
        issuers.post(.groupLifeFinalPremium(.key), use: settle)
    }

    struct CoverRow: Encodable {
        var title: String
        var sumInsured: Int64
        var perPerson: Int64
    }

    struct ContractContext: Encodable {
        var chrome: PageChrome
        var heading: GroupLifePages.Heading
        var members: Int
        var covers: [CoverRow]
        var perPerson: Int64
        var perils: [String]
        var conditions: [String]
    }

    static func premium(of policy: Policy) throws -> (GroupLifeInputs, GroupLifePremium) {
        let inputs = try StoredJSON.decode(GroupLifeInputs.self, from: policy.inputs, what: "policy.inputs")
        let tariff = try LifeTariff.forYear(try JalaliDate(parsing: policy.startDate).year)
        guard let klass = tariff.groupClass(inputs.occupationalClass) else { throw AppError.notFound("طبقهٔ شغلی قرارداد") }
        return (inputs, GroupLifePremium(sumInsured: inputs.sumInsured, occupationalClass: klass, covers: inputs.covers))
    }

    /// R-GL-03: general conditions, the policyholder's title and address, the annual premium per person.
    @Sendable func contract(req: Request) async throws -> Response {
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: try req.principal, on: req.db)
        let (inputs, premium) = try Self.premium(of: policy)
        let product = GroupLife()
        let context = ContractContext(
            chrome: PageChrome(req, title: "قرارداد بیمهٔ عمر زمانی گروهی"), heading: try await GroupLifePages.heading(policy, on: req.db),
            members: inputs.members,
            covers: try premium.covers.map { CoverRow(title: $0.title, sumInsured: inputs.sumInsured.amount, perPerson: try premium.perPerson($0).amount) },
            perPerson: try premium.annualPerPerson().amount, perils: product.coveredPerils, conditions: product.generalConditions)
        return try await req.page("life/contract", context)
    }

    /// R-GL-03: the signed contract came back: its number (`POST /api/v1/policies/{id}/contract`).
    @Sendable func number(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        return try await PolicyPages().act(req, done: "contract") { principal, work in
            _ = try await GroupLifeDesk.numberContract(policyID: id, principal: principal, in: work)
        }
    }

    /// R-GL-07/08: the final-premium endorsement (`POST /api/v1/policies/{id}/final-premium`).
    @Sendable func settle(req: Request) async throws -> Response {
        let id = req.parameters.get("id", as: UUID.self)
        return try await PolicyPages().act(req, done: "final-premium") { principal, work in
            _ = try await GroupLifeFinalPremiumDesk.settle(policyID: id, principal: principal, in: work)
        }
    }

    struct ExtraRow: Encodable {
        var row: Int
        var name: String
        var percent: String
        var amount: Int64
    }

    struct LineRow: Encodable {
        var label: String
        var amount: Int64
    }

    struct FinalContext: Encodable {
        var chrome: PageChrome
        var heading: GroupLifePages.Heading
        var lines: [LineRow]
        var total: Int64
        var admitted: Int
        var pending: Int
        var declined: Int
        var perPerson: Int64
        var extras: [ExtraRow]
        /// Once the endorsement was issued: its number and day.
        var endorsementNumber: Int?
        var settledOn: String?
    }

    /// R-GL-07: the final premium letter: the admitted members' premium, each extra separately.
    @Sendable func finalLetter(req: Request) async throws -> Response {
        let principal = try req.principal
        let policy = try await GroupLifeDesk.policy(req.parameters.get("id", as: UUID.self), for: principal, on: req.db)
        let id = try policy.requireID()
        let (_, premium) = try Self.premium(of: policy)
        var lines: [QuoteLine], admitted: Int, pending: Int, declined: Int
        var endorsementNumber: Int?, settledOn: String?
        if let record = try await GroupLifeFinalPremiumDesk.record(of: id, on: req.db) {
            lines = try StoredJSON.decode([QuoteLine].self, from: record.lines, what: "group_life_final_premiums.lines")
            (admitted, pending, declined) = (record.admitted, record.pending, record.declined)
            endorsementNumber = try await record.$endorsement.get(on: req.db).number
            settledOn = record.settledOn
        } else {
            let live = try await GroupLifeUnderwritingDesk.finalPremium(policyID: id, principal: principal, on: req.db)
            lines = live.lines
            (admitted, pending, declined) = (live.admitted, live.pending, live.declined)
        }
        let withExtra = try await GroupLifeMemberRecord.query(on: req.db).filter(\.$policy.$id == id)
            .filter(\.$status == MemberStanding.admitted.rawValue).filter(\.$extraPercent != nil).sort(\.$row).all()
        let extras = try withExtra.map { m in
            let percent = try Percent(parsing: m.extraPercent ?? "0")
            return ExtraRow(row: m.row, name: "\(m.firstName) \(m.lastName)", percent: percent.description, amount: try premium.medicalExtra(percent).amount)
        }
        let context = FinalContext(
            chrome: PageChrome(req, title: "نامهٔ حق بیمهٔ قطعی"), heading: try await GroupLifePages.heading(policy, on: req.db),
            lines: lines.map { LineRow(label: $0.label, amount: $0.amount.amount) }, total: try Rial.sum(lines.map(\.amount)).amount,
            admitted: admitted, pending: pending, declined: declined, perPerson: try premium.annualPerPerson().amount, extras: extras,
            endorsementNumber: endorsementNumber, settledOn: settledOn)
        return try await req.page("life/final-premium", context)
    }
}
