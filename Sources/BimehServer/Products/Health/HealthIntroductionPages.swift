import Fluent
import Foundation
import InsuranceKit
import Vapor

/// R-SH-05/07: the introduction letter (معرفی‌نامه) printed for the insured to take to the center:
/// its secretariat number and date, the center, the person and their policy, the cover, valid 30
/// days and good for one service.
struct HealthIntroductionPages: RouteCollection {
    static func print(_ id: Parameter<UUID>) -> SiteURL { .product(["health", "introductions", id.segment("id"), "print"]) }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole([.claims, .head, .issuer], web: true)).get(Self.print(.key), use: show)
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var number: String
        var issuedOn: String
        var validTo: String
        var centerName: String
        var centerCode: String
        var nationalCode: String
        var personName: String
        var insuranceNumber: String
        var policyNumber: String
        var coverTitle: String
        var used: Bool
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let letter = try await HealthIntroduction.find(id, on: req.db) else {
            throw AppError.notFound("معرفی‌نامه")
        }
        let center = try await letter.$center.get(on: req.db)
        let rows = try await HealthPersonRecord.query(on: req.db).filter(\.$nationalCode == letter.nationalCode)
            .filter(\.$coverFrom <= letter.issuedOn).filter(\.$coverTo >= letter.issuedOn).with(\.$policy).all()
        let row = rows.first { $0.policy.status != .registered }
        let cover = row.flatMap { row in
            (try? HealthPersonsDesk.inputs(of: row.policy)).flatMap { inputs in
                (try? HealthTariff.forYear(try JalaliDate(parsing: row.policy.startDate).year))?.plan(inputs.plan)?.cover(letter.cover)
            }
        }
        let context = Context(
            chrome: PageChrome(req, title: "معرفی‌نامهٔ \(letter.number)"), number: letter.number, issuedOn: letter.issuedOn,
            validTo: letter.validTo, centerName: center.name, centerCode: center.code, nationalCode: letter.nationalCode,
            personName: row.map { [$0.firstName, $0.lastName].compactMap { $0 }.joined(separator: " ") } ?? "",
            insuranceNumber: row?.insuranceNumber ?? "", policyNumber: row?.policy.printedNumber ?? "",
            coverTitle: cover?.title ?? letter.cover, used: letter.usedByClaim != nil)
        return try await req.page("health/introduction", context)
    }
}
