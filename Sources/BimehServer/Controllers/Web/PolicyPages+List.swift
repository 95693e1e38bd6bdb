import Fluent
import InsuranceKit
import Vapor

/// The policies list: one search box, filters, server-side paging and sorting, and the same
/// filtered list as CSV (`?format=csv`).
extension PolicyPages {
    struct Row: Encodable {
        var href: String
        var number: String
        var product: String
        var customer: String
        var customerCode: String
        var agency: String
        var startDate: String
        var endDate: String
        var issueDate: String
        var premium: Int64
        var status: String
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct IndexContext: Encodable {
        var chrome: PageChrome
        var action: String
        var q: String
        var from: String
        var to: String
        var ready: Bool
        var endorsementUnpaid: Bool
        var statuses: [Option]
        var products: [Option]
        var agencies: [Option]
        var dateFields: [Option]
        var sorts: [Option]
        var rows: [Row]
        var total: Int
        var page: Int
        var pages: Int
        var prevHref: String?
        var nextHref: String?
        var csvHref: String
        var notes: [String]
        var filtered: Bool
        var canSell: Bool
        var newQuoteHref: String
    }

    static func filter(_ req: Request) -> PolicyFilter {
        let values = (try? req.query.decode([String: String].self)) ?? [:]
        var filter = PolicyFilter(values: values, products: Set(req.bimeh.products.catalog.lines.map(\.code)))
        filter.termKeys = req.bimeh.products.searchKeys(filter.q)
        return filter
    }

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal
        var filter = Self.filter(req)
        let today = req.bimeh.clock.today()
        let agencies = try await Agency.query(on: req.db).sort(\.$code).all()
        if req.query[String.self, at: "format"] == "csv" {
            let rows = try await PolicySearch.sorted(await PolicySearch.query(filter, for: principal, today: today, on: req.db), by: filter.sort)
                .with(\.$customer).limit(PolicyFilter.exportLimit).all()
            return try PolicyListCSV.response(rows.map { try Self.row($0, today: today, products: req.bimeh.products, agencies: agencies) })
        }
        let total = try await PolicySearch.query(filter, for: principal, today: today, on: req.db).count()
        let per = PolicyFilter.perPage
        let pages = max(1, (total + per - 1) / per)
        if filter.page > pages {
            filter.notes.append("صفحهٔ \(Normalize.persianDigits(String(filter.page))) وجود ندارد؛ صفحهٔ آخر نشان داده شد.")
            filter.page = pages
        }
        let page = filter.page
        let found = try await PolicySearch.sorted(await PolicySearch.query(filter, for: principal, today: today, on: req.db), by: filter.sort)
            .with(\.$customer).range((page - 1) * per ..< page * per).all()
        let products = req.bimeh.products
        let list = WebPath.policies
        let context = IndexContext(
            chrome: PageChrome(req, title: "بیمه‌نامه‌ها"), action: list, q: filter.q,
            from: filter.from?.description ?? "", to: filter.to?.description ?? "", ready: filter.ready,
            endorsementUnpaid: filter.endorsementUnpaid,
            statuses: [PolicyStanding.registered, .issued, .expired, .cancelled].map {
                Option(value: $0.rawValue, label: $0.title, selected: filter.status == $0)
            },
            products: products.catalog.lines.map { Option(value: $0.code.rawValue, label: $0.title, selected: filter.product == $0.code) },
            agencies: principal.role == .agent ? [] : agencies.compactMap { a in
                a.id.map { Option(value: $0.uuidString, label: "\(a.name) (\(Normalize.persianDigits(a.code)))", selected: filter.agency == $0) }
            },
            dateFields: PolicyFilter.DateField.allCases.map { Option(value: $0.rawValue, label: $0.title, selected: filter.dateField == $0) },
            sorts: PolicyFilter.Sort.allCases.map { Option(value: $0.rawValue, label: $0.title, selected: filter.sort == $0) },
            rows: try found.map { try Self.row($0, today: today, products: products, agencies: agencies) },
            total: total, page: page, pages: pages,
            prevHref: page > 1 ? list + filter.queryString(page: page - 1) : nil,
            nextHref: page < pages ? list + filter.queryString(page: page + 1) : nil,
            csvHref: list + filter.queryString(format: "csv"), notes: filter.notes,
            filtered: filter.queryString() != "",
            canSell: QuotePages.sellers.contains(principal.role), newQuoteHref: WebPath.newQuote)
        return try await req.page("policies/index", context)
    }

    static func row(_ p: Policy, today: JalaliDate, products: ProductBook, agencies: [Agency]) throws -> Row {
        let agency = p.$agency.id.flatMap { id in agencies.first { $0.id == id } }
        return Row(href: WebPath.policy(try p.requireID()), number: p.printedNumber ?? "—",
                   product: (try? products.line(p.product).title) ?? p.product.rawValue,
                   customer: p.customer.displayName, customerCode: p.customer.identifier,
                   agency: agency.map { "\($0.name) (\($0.code))" } ?? "",
                   startDate: p.startDate, endDate: p.endDate, issueDate: p.issueDate ?? "", premium: p.premium,
                   status: PolicyAccess.standing(of: p, on: today).title)
    }
}
