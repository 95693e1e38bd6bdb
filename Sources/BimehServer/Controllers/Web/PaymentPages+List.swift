import Fluent
import InsuranceKit
import Vapor

/// The received payments list (cheques and bank slips of every state): one search box, filters,
/// server-side paging and sorting, and the same filtered list as CSV. Payment orders (money the
/// insurer pays out) are not here: they are the accountant's own queue on the cheques page.
extension PaymentPages {
    static let listReaders: Set<Role> = [.accountant, .head, .admin, .issuer]

    struct ListRow: Encodable {
        var href: String
        var policyNumber: String
        var policyHref: String
        var customer: String
        var customerCode: String
        var product: String
        var agency: String
        var method: String
        var number: String
        var receiptNumber: String
        var paidOn: String
        var dueDate: String
        var amount: Int64
        var status: String
    }

    struct ListContext: Encodable {
        var chrome: PageChrome
        var action: String
        var q: String
        var from: String
        var to: String
        var statuses: [ListOption]
        var methods: [ListOption]
        var products: [ListOption]
        var agencies: [ListOption]
        var dateFields: [ListOption]
        var sorts: [ListOption]
        var rows: [ListRow]
        var nav: ListNav
        var chequesHref: String
    }

    static let csvHeaders = ["شمارهٔ بیمه‌نامه", "بیمه‌گذار", "کد ملی / شناسه", "نوع بیمه", "نمایندگی", "روش", "شمارهٔ چک / فیش",
                             "شمارهٔ رسید", "تاریخ دریافت", "سررسید", "مبلغ (ریال)", "وضعیت"]

    @Sendable func list(req: Request) async throws -> Response {
        let values = (try? req.query.decode([String: String].self)) ?? [:]
        let products = req.bimeh.products
        var filter = PaymentFilter(values: values, products: Set(products.catalog.lines.map(\.code)))
        let agencies = try await Agency.query(on: req.db).sort(\.$code).all()
        func rows(_ payments: [Payment]) throws -> [ListRow] {
            try payments.map { p in
                let policy = try p.joined(Policy.self), customer = try p.joined(Customer.self)
                let agency = policy.$agency.id.flatMap { id in agencies.first { $0.id == id } }
                let id = try p.requireID()
                return ListRow(href: p.method == .cheque ? WebPath.receipt(id) : WebPath.bankSlip(id),
                               policyNumber: policy.printedNumber ?? "در انتظار صدور", policyHref: WebPath.policy(try policy.requireID()),
                               customer: customer.displayName, customerCode: customer.identifier,
                               product: (try? products.line(policy.product).title) ?? policy.product.rawValue,
                               agency: agency.map { "\($0.name) (\($0.code))" } ?? "",
                               method: p.method == .cheque ? "چک" : "فیش بانکی", number: p.chequeNumber ?? p.slipID ?? "",
                               receiptNumber: p.receiptNumber ?? "", paidOn: p.paidOn, dueDate: p.chequeDueDate ?? "",
                               amount: p.amount, status: PolicyPages.paymentStatusTitle(p.status))
            }
        }
        if values["format"] == "csv" {
            let found = try await PaymentSearch.sorted(PaymentSearch.query(filter, on: req.db), by: filter.sort).limit(CSVDownload.limit).all()
            return CSVDownload.response(header: Self.csvHeaders, rows: try rows(found).map { r in
                [r.policyNumber, r.customer, r.customerCode, r.product, r.agency, r.method, r.number, r.receiptNumber,
                 r.paidOn, r.dueDate, String(r.amount), r.status]
            }, filename: "payments.csv")
        }
        let total = try await PaymentSearch.query(filter, on: req.db).count()
        let page = ListPage(total: total, requested: filter.page, per: PaymentFilter.perPage, notes: &filter.notes)
        filter.page = page.page
        let found = try await PaymentSearch.sorted(PaymentSearch.query(filter, on: req.db), by: filter.sort).range(page.range).all()
        let list = WebPath.payments
        let context = ListContext(
            chrome: PageChrome(req, title: "پرداخت‌های دریافتی"), action: list, q: filter.q,
            from: filter.from?.description ?? "", to: filter.to?.description ?? "",
            statuses: PaymentFilter.statuses.map { ListOption(value: $0.rawValue, label: PolicyPages.paymentStatusTitle($0), selected: filter.status == $0) },
            methods: PaymentFilter.methods.map { ListOption(value: $0.0.rawValue, label: $0.1, selected: filter.method == $0.0) },
            products: products.catalog.lines.map { ListOption(value: $0.code.rawValue, label: $0.title, selected: filter.product == $0.code) },
            agencies: agencies.compactMap { a in
                a.id.map { ListOption(value: $0.uuidString, label: "\(a.name) (\(Normalize.persianDigits(a.code)))", selected: filter.agency == $0) }
            },
            dateFields: PaymentFilter.DateField.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.dateField == $0) },
            sorts: PaymentFilter.Sort.allCases.map { ListOption(value: $0.rawValue, label: $0.title, selected: filter.sort == $0) },
            rows: try rows(found),
            nav: ListNav(path: list, noun: "پرداخت", page: page, notes: filter.notes) { filter.queryString(page: $0, format: $1) },
            chequesHref: WebPath.cheques)
        return try await req.page("payments/list", context)
    }
}
