import Fluent
import InsuranceKit
import Vapor

/// The claims list (the claims staff's desk): one search box, filters, server-side paging and
/// sorting, tabs of the states with their counts, and the same filtered list as CSV.
extension ClaimPages {
    struct Row: Encodable {
        var href: String
        var fileNumber: String
        var policyNumber: String
        var customer: String
        var customerCode: String
        var product: String
        var agency: String
        var lossDate: String
        var noticeDate: String
        var status: String
        var late: Bool
    }

    struct StateFilter: Encodable {
        var title: String
        var href: String
        var active: Bool
        var count: Int
    }

    struct QueueContext: Encodable {
        var chrome: PageChrome
        var action: String
        var q: String
        var from: String
        var to: String
        var statuses: [ListOption]
        var products: [ListOption]
        var agencies: [ListOption]
        var dateFields: [ListOption]
        var sorts: [ListOption]
        var rows: [Row]
        var nav: ListNav
        var states: [StateFilter]
        var canOpen: Bool
        var newHref: String
    }

    static let csvHeaders = ["شمارهٔ پرونده", "شمارهٔ بیمه‌نامه", "بیمه‌گذار", "کد ملی / شناسه", "نوع بیمه", "نمایندگی",
                             "تاریخ وقوع", "تاریخ اعلام", "وضعیت", "اعلام دیرهنگام"]

    @Sendable func queue(req: Request) async throws -> Response {
        let principal = try req.principal
        let values = (try? req.query.decode([String: String].self)) ?? [:]
        let products = req.bimeh.products
        var filter = ClaimFilter(values: values, products: Set(products.catalog.lines.map(\.code)))
        let agencies = try await Agency.query(on: req.db).sort(\.$code).all()
        func rows(_ claims: [Claim]) throws -> [Row] {
            try claims.map { c in
                let policy = try c.joined(Policy.self), customer = try c.joined(Customer.self)
                let agency = policy.$agency.id.flatMap { id in agencies.first { $0.id == id } }
                return Row(href: WebPath.claim(try c.requireID()), fileNumber: c.printedFileNumber, policyNumber: policy.printedNumber ?? "",
                           customer: customer.displayName, customerCode: customer.identifier,
                           product: (try? products.line(c.product).title) ?? c.product.rawValue,
                           agency: agency.map { "\($0.name) (\($0.code))" } ?? "", lossDate: c.lossDate, noticeDate: c.noticeDate,
                           status: ClaimAccess.state(of: c).title, late: c.noticeLate)
            }
        }
        if values["format"] == "csv" {
            let found = try await ClaimSearch.sorted(ClaimSearch.query(filter, on: req.db), by: filter.sort).limit(CSVDownload.limit).all()
            return CSVDownload.response(header: Self.csvHeaders, rows: try rows(found).map { r in
                [r.fileNumber, r.policyNumber, r.customer, r.customerCode, r.product, r.agency, r.lossDate, r.noticeDate, r.status, r.late ? "بله" : "خیر"]
            }, filename: "claims.csv")
        }
        let total = try await ClaimSearch.query(filter, on: req.db).count()
        let page = ListPage(total: total, requested: filter.page, per: ClaimFilter.perPage, notes: &filter.notes)
        filter.page = page.page
        let found = try await ClaimSearch.sorted(ClaimSearch.query(filter, on: req.db), by: filter.sort).range(page.range).all()
        // the tabs count every file of each state, whatever else the filter says
        var counts: [ClaimState: Int] = [:]
        for state in ClaimState.allCases {
            let n = try await Claim.query(on: req.db).filter(\.$status == state).count()
            if n > 0 { counts[state] = n }
        }
        let list = WebPath.claims
        let states = ClaimState.allCases.filter { counts[$0] != nil }.map { state in
            var only = ClaimFilter()
            only.status = state
            return StateFilter(title: state.title, href: list + only.queryString(), active: state == filter.status, count: counts[state] ?? 0)
        }
        let context = QueueContext(
            chrome: PageChrome(req, title: "کارتابل خسارت"), action: list, q: filter.q,
            from: filter.from?.description ?? "", to: filter.to?.description ?? "",
            statuses: ClaimState.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.status == $0) },
            products: products.catalog.lines.map { ListOption(value: $0.code.rawValue, label: $0.title, selected: filter.product == $0.code) },
            agencies: agencies.compactMap { a in
                a.id.map { ListOption(value: $0.uuidString, label: "\(a.name) (\(Normalize.persianDigits(a.code)))", selected: filter.agency == $0) }
            },
            dateFields: ClaimFilter.DateField.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.dateField == $0) },
            sorts: ClaimFilter.Sort.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.sort == $0) },
            rows: try rows(found),
            nav: ListNav(path: list, noun: "پرونده", page: page, notes: filter.notes) { filter.queryString(page: $0, format: $1) },
            states: states, canOpen: principal.role == .claims, newHref: WebPath.newClaim)
        return try await req.page("claims/index", context)
    }
}
