import Fluent
import Foundation
import InsuranceKit
import Vapor

/// A contracted center's page for its providers (R-SH-05…07): take a direct claim — the answer
/// at once, as the API gives it (one command) — and see this month's statement.
struct HealthCenterPages: RouteCollection {
    static let url = SiteURL.product(["health", "center"])

    func boot(routes: any RoutesBuilder) throws {
        let providers = routes.grouped(RequireRole([.provider], web: true))
        providers.get(Self.url, use: show)
        providers.post(Self.url, use: claim)
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var action: String
        var centerName: String
        var values: [String: String]
        var covers: [Option]
        var errors: [PageError]
        var answer: HealthClaimSettlement?
        var statement: HealthStatementDesk.View
    }

    private func render(_ req: Request, values: [String: String], errors: [PageError], answer: HealthClaimSettlement?,
                        status: HTTPResponseStatus) async throws -> Response {
        let center = try await HealthClaimDesk.centerOf(try req.principal, on: req.db)
        let today = req.bimeh.clock.today()
        let tariff = try HealthTariff.forYear(today.year)
        var seen = Set<String>()
        let covers = tariff.plans.flatMap(\.covers).filter { seen.insert($0.code).inserted }
            .map { Option(value: $0.code, label: $0.title + ($0.needsIntroduction ? " (با معرفی‌نامه)" : ""), selected: values["cover"] == $0.code) }
        var shown = values
        if shown["serviceDate"] == nil { shown["serviceDate"] = today.description }
        var statement = try await HealthStatementDesk.view(center, year: today.year, month: today.month, on: req.db)
        // the page names each cover by its title; the API keeps the code
        let titles = Dictionary(tariff.plans.flatMap(\.covers).map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        statement.claims = statement.claims.map { line in var line = line; line.cover = titles[line.cover] ?? line.cover; return line }
        let context = Context(chrome: PageChrome(req, title: "خسارت مستقیم — \(center.name)"), action: Self.url.path, centerName: center.name,
                              values: shown, covers: covers, errors: errors, answer: answer, statement: statement)
        return try await req.page("health/center", context, status: status)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, values: [:], errors: [], answer: nil, status: .ok)
    }

    @Sendable func claim(req: Request) async throws -> Response {
        let values = ((try? req.content.decode([String: String].self)) ?? [:]).mapValues { Normalize.text($0) }
        let principal = try req.principal
        do {
            let command = try SubmitHealthClaim(.init(nationalCode: values["nationalCode"], serviceDate: values["serviceDate"], cover: values["cover"],
                                                      cost: FormInput.integer(values["cost"]), basePaid: FormInput.integer(values["basePaid"]) ?? 0,
                                                      introduction: values["introduction"]))
            let center = try await HealthClaimDesk.centerOf(principal, on: req.db)
            let outcome = try await req.write { work in try await command.run(principal: principal, center: center, in: work) }
            return try await render(req, values: [:], errors: [], answer: outcome.settlement, status: .ok)
        } catch let error as AppError where error.status.code < 500 {
            return try await render(req, values: values, errors: PageError.list(error), answer: nil, status: error.status)
        }
    }
}
