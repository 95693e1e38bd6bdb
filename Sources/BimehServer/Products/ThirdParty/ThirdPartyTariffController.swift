import InsuranceKit
import Vapor

/// Published tariffs (API.md): the third-party classes, usages and amnesty windows of a year.
struct ThirdPartyTariffController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(Set(Role.allCases))).get(.thirdPartyTariff(.key), use: thirdParty)
    }

    @Sendable func thirdParty(req: Request) async throws -> Response {
        guard let year = req.parameters.get("year", as: Int.self) else { throw AppError.notFound("تعرفه") }
        do {
            let document = ThirdPartyTariffDocument(try ThirdPartyTariff.forYear(year))
            let response = Response(status: .ok)
            try response.content.encode(document, using: JSONCoding.encoder)
            return response
        } catch is DomainError {
            throw AppError(.notFound, code: "no-tariff-for-year", detail: "تعرفهٔ بیمهٔ شخص ثالث برای سال \(Normalize.persianDigits(String(year))) ثبت نشده است.")
        }
    }
}
