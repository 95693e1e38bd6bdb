import Vapor
import InsuranceKit

/// R-G-09: the contracts of online brokers without a valid licence, for cancellation and the
/// report to Central Insurance.
struct BrokerPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(BrokerContracts.readers, web: true)).get(.brokersUnlicensed, use: list)
    }

    struct Row: Encodable {
        var href: String
        var number: String
        var customer: String
        var broker: String
        var licence: String
        var premium: Int64
        var paid: Int64
        var due: Int64
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var day: String
        var rows: [Row]
        var totalDue: Int64
    }

    @Sendable func list(req: Request) async throws -> Response {
        let day = req.bimeh.clock.today()
        let rows = try await BrokerContracts.unlicensed(on: day, db: req.db).map {
            Row(href: WebPath.policy($0.policyId), number: $0.policyNumber ?? "صادرنشده", customer: $0.customer, broker: $0.broker,
                licence: "\($0.licenceNumber) — تا \($0.licenceExpiry)", premium: $0.premium, paid: $0.paid, due: $0.due)
        }
        let total = try Rial.sum(rows.map { Rial(amount: $0.due) }).amount
        return try await req.page("brokers/unlicensed", Context(chrome: PageChrome(req, title: "قراردادهای کارگزاران برخط بدون مجوز"),
                                                                day: day.description, rows: rows, totalDue: total))
    }
}
