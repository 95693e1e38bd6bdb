import Fluent
import InsuranceKit
import Vapor

/// The customers list: one search box, filters, server-side paging and sorting, and CSV.
extension CustomerPages {
    struct IndexContext: Encodable {
        var chrome: PageChrome
        var action: String
        var q: String
        var kinds: [ListOption]
        var agencies: [ListOption]
        var sorts: [ListOption]
        var rows: [Row]
        var nav: ListNav
        var canCreate: Bool
        var newHref: String
    }

    static let csvHeaders = ["نام", "نوع", "کد ملی / شناسه", "همراه", "تاریخ تولد"]

    @Sendable func index(req: Request) async throws -> Response {
        let principal = try req.principal
        let values = (try? req.query.decode([String: String].self)) ?? [:]
        var filter = CustomerFilter(values: values)
        if values["format"] == "csv" {
            let found = try await CustomerSearch.sorted(CustomerSearch.query(filter, for: principal, on: req.db), by: filter.sort)
                .limit(CSVDownload.limit).all()
            return CSVDownload.response(header: Self.csvHeaders, rows: found.map(Self.row).map { r in
                [r.name, r.kind, r.identifier, r.mobile, r.birthDate]
            }, filename: "customers.csv")
        }
        let total = try await CustomerSearch.query(filter, for: principal, on: req.db).count()
        let page = ListPage(total: total, requested: filter.page, per: CustomerFilter.perPage, notes: &filter.notes)
        filter.page = page.page
        let found = try await CustomerSearch.sorted(CustomerSearch.query(filter, for: principal, on: req.db), by: filter.sort).range(page.range).all()
        let agencies = principal.role == .agent ? [] : try await Agency.query(on: req.db).sort(\.$code).all()
        let list = WebPath.customers
        let context = IndexContext(
            chrome: PageChrome(req, title: "مشتریان"), action: list, q: filter.q,
            kinds: [(Customer.Kind.natural, "حقیقی"), (.legal, "حقوقی")].map { ListOption(value: $0.0.rawValue, label: $0.1, selected: filter.kind == $0.0) },
            agencies: agencies.compactMap { a in
                a.id.map { ListOption(value: $0.uuidString, label: "\(a.name) (\(Normalize.persianDigits(a.code)))", selected: filter.agency == $0) }
            },
            sorts: CustomerFilter.Sort.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.sort == $0) },
            rows: found.map(Self.row),
            nav: ListNav(path: list, noun: "مشتری", page: page, notes: filter.notes) { filter.queryString(page: $0, format: $1) },
            canCreate: Self.writers.contains(principal.role), newHref: WebPath.newCustomer)
        return try await req.page("customers/index", context)
    }
}
