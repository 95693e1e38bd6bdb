import InsuranceKit
import Vapor

/// The published health tariff of a year (T-SH), as third party's: plans with their prices (and
/// the group price), franchise, covers with per-person annual ceilings, optional covers and the
/// "needs introduction" flags, age factors and the surcharges; the loaded file's when there is one.
struct HealthTariffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(Set(Role.allCases))).get(.healthTariff(.key), use: show)
    }

    struct Document: Content {
        struct Cover: Content {
            var code: String
            var title: String
            var ceiling: Int64
            var needsIntroduction: Bool
            var optional: Bool
        }

        struct Plan: Content {
            var code: String
            var title: String
            var price: Int64
            var groupPrice: Int64
            var franchisePercent: Percent
            var allowsWithoutBaseInsurance: Bool
            var covers: [Cover]
        }

        struct AgeBand: Content {
            var from: Int
            var to: Int
            var factorPercent: Percent
            var parentsOnly: Bool
        }

        var year: Int
        var isSample: Bool
        var plans: [Plan]
        var ageBands: [AgeBand]
        var groupSharePercent: Percent
        var noBaseInsuranceSurchargePercent: Percent
        var optionalCoverSharePercent: Percent
        var minimumGroupMembers: Int

        init(_ tariff: HealthTariff) throws {
            year = tariff.year
            isSample = tariff.isSample
            plans = try tariff.plans.map { plan in
                Plan(code: plan.code, title: plan.title, price: plan.price.amount, groupPrice: try plan.price.percent(tariff.groupShare).amount,
                     franchisePercent: plan.franchise, allowsWithoutBaseInsurance: plan.allowsWithoutBaseInsurance,
                     covers: plan.covers.map { Cover(code: $0.code, title: $0.title, ceiling: $0.ceiling.amount, needsIntroduction: $0.needsIntroduction, optional: $0.optional) })
            }
            ageBands = tariff.ageBands.map { AgeBand(from: $0.ages.lowerBound, to: $0.ages.upperBound, factorPercent: $0.factor, parentsOnly: $0.parentsOnly) }
            groupSharePercent = tariff.groupShare
            noBaseInsuranceSurchargePercent = tariff.noBaseInsuranceSurcharge
            optionalCoverSharePercent = tariff.optionalCoverShare
            minimumGroupMembers = tariff.minimumGroupMembers
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let year = req.parameters.get("year", as: Int.self) else { throw AppError.notFound("تعرفه") }
        let tariff: HealthTariff
        do { tariff = try HealthTariff.forYear(year) } catch is DomainError {
            throw AppError(.notFound, code: "no-tariff-for-year", detail: "تعرفهٔ بیمهٔ تکمیلی درمان برای سال \(Normalize.persianDigits(String(year))) ثبت نشده است.")
        }
        let response = Response(status: .ok)
        try response.content.encode(try Document(tariff), using: JSONCoding.encoder)
        return response
    }
}
