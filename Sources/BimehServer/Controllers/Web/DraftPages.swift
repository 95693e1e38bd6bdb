import Fluent
import InsuranceKit
import Vapor

/// The seller's drafts (`GET /quotes`): its proposals not yet registered, newest first, each
/// linking to the quote page where it is registered.
struct DraftPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(QuotePages.sellers, web: true)).get(.quotes, use: index)
    }

    struct Row: Encodable {
        var href: String
        var number: String
        var product: String
        var customer: String
        var date: String
        var total: Int64
    }

    struct Context: Encodable {
        var chrome: PageChrome
        var rows: [Row]
        var agency: Bool
    }

    /// The list is short (drafts are soon registered or dropped), so it is shown whole up to this many.
    static let limit = 200

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal
        let quotes = try await QuoteDrafts.query(for: principal, on: req.db).sort(\.$createdAt, .descending).limit(Self.limit).all()
        let customerIDs = Array(Set(quotes.compactMap { $0.$customer.id }))
        let customers = customerIDs.isEmpty ? [] : try await Customer.query(on: req.db).filter(\.$id ~~ customerIDs).all()
        let names = Dictionary(customers.compactMap { c in c.id.map { ($0, c.displayName) } }, uniquingKeysWith: { a, _ in a })
        let rows = try quotes.map { q in
            Row(href: WebPath.quote(try q.requireID()), number: q.proposalNumber,
                product: (try? req.bimeh.products.line(q.product).title) ?? q.product.rawValue,
                customer: q.$customer.id.flatMap { names[$0] } ?? "—", date: q.quoteDate, total: q.total)
        }
        return try await req.page("drafts", Context(chrome: PageChrome(req, title: "پیشنهادهای ثبت‌نشده"), rows: rows,
                                                    agency: principal.role == .agent))
    }
}
