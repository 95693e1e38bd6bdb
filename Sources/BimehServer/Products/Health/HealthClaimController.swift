import Fluent
import InsuranceKit
import Vapor

/// API.md "Health": a center's direct claim (provider) and an introduction letter (claims staff).
struct HealthClaimController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.provider])).post(.apiHealthClaims, use: claim)
        routes.grouped(RequireRole([.claims, .head])).post(.apiHealthIntroductions, use: introduce)
        routes.grouped(RequireRole([.provider, .accountant, .head, .claims])).get(.apiHealthStatement(.key, .key, .key), use: statement)
        let accounting = routes.grouped(RequireRole([.accountant]))
        accounting.post(.apiHealthStatement(.key, .key, .key, "approve"), use: approve)
        accounting.post(.apiHealthStatement(.key, .key, .key, "paid"), use: paid)
    }

    struct ClaimBody: StrictRequestBody {
        static let fields: Set<String> = ["nationalCode", "serviceDate", "cover", "cost", "basePaid", "introduction"]
        var nationalCode: String?
        var serviceDate: String?
        var cover: String?
        var cost: Int64?
        var basePaid: Int64?
        var introduction: String?
    }

    struct ClaimView: Content {
        var id: UUID?
        var covered: Bool
        var payable: Int64
        var insuredShare: Int64
        var remainingCeiling: Int64
        var lines: [QuoteLine]
    }

    @Sendable func claim(req: Request) async throws -> Response {
        let body = try req.decodeStrict(ClaimBody.self)
        let command = try SubmitHealthClaim(.init(nationalCode: body.nationalCode, serviceDate: body.serviceDate, cover: body.cover,
                                                  cost: body.cost, basePaid: body.basePaid, introduction: body.introduction))
        let principal = try req.principal
        let center = try await HealthClaimDesk.centerOf(principal, on: req.db)
        // the answer is stored with the claim in its transaction (Idempotency-Key)
        return try await req.writeAnswer(status: .created) { work in
            let outcome = try await command.run(principal: principal, center: center, in: work)
            return ClaimView(id: outcome.claim.id, covered: true, payable: outcome.settlement.payable.amount,
                             insuredShare: outcome.settlement.insuredShare.amount, remainingCeiling: outcome.settlement.remainingCeiling.amount,
                             lines: outcome.settlement.lines)
        }
    }

    private func month(_ req: Request) async throws -> (HealthCenter, Int, Int) {
        guard let code = req.parameters.get("center"), let year = req.parameters.get("year", as: Int.self),
              let month = req.parameters.get("month", as: Int.self) else { throw AppError.notFound("صورت‌حساب") }
        return (try await HealthStatementDesk.center(code, for: try req.principal, on: req.db), year, month)
    }

    @Sendable func statement(req: Request) async throws -> HealthStatementDesk.View {
        let (center, year, month) = try await month(req)
        return try await HealthStatementDesk.view(center, year: year, month: month, on: req.db)
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let (center, year, month) = try await month(req)
        let principal = try req.principal
        return try await req.writeAnswer { work in try await HealthStatementDesk.approve(center, year: year, month: month, principal: principal, in: work) }
    }

    struct PaidBody: StrictRequestBody {
        static let fields: Set<String> = ["transferReference"]
        var transferReference: String?
    }

    @Sendable func paid(req: Request) async throws -> Response {
        let body = try req.decodeStrict(PaidBody.self)
        let (center, year, month) = try await month(req)
        let principal = try req.principal
        return try await req.writeAnswer { work in
            try await HealthStatementDesk.pay(center, year: year, month: month, reference: body.transferReference ?? "", principal: principal, in: work)
        }
    }

    struct IntroductionBody: StrictRequestBody {
        static let fields: Set<String> = ["nationalCode", "center", "cover"]
        var nationalCode: String?
        var center: String?
        var cover: String?
    }

    struct IntroductionView: Content {
        var number: String
        var validTo: String
    }

    @Sendable func introduce(req: Request) async throws -> Response {
        let body = try req.decodeStrict(IntroductionBody.self)
        var reader = FieldReader()
        var code: String?
        do { code = try NationalCode(body.nationalCode ?? "").value } catch let e as DomainError { reader.add("nationalCode", e.code, e.message) }
        let center = reader.text(body.center, "center", max: 40)
        let cover = reader.text(body.cover, "cover", max: 40)
        try reader.throwIfAny()
        guard let code, let center, let cover else { throw AppError.malformedJSON }
        let principal = try req.principal
        return try await req.writeAnswer(status: .created) { work in
            let letter = try await HealthClaimDesk.introduce(nationalCode: code, centerCode: center, cover: cover, principal: principal, in: work)
            return IntroductionView(number: letter.number, validTo: letter.validTo)
        }
    }
}
extension HealthStatementDesk.View: Content {}
