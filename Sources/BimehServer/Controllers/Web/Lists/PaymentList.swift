import Fluent
import Foundation
import InsuranceKit

/// The received payments list's question: the search box (policy, cheque, slip or receipt
/// number, national code, name), state, method, product, agency, a date range (day paid or
/// cheque due), sort and page.
struct PaymentFilter: Sendable {
    enum DateField: String, Sendable, CaseIterable {
        case paid, due
        var column: FieldKey { self == .paid ? "paid_on" : "cheque_due_date" }
        var title: String { self == .paid ? "تاریخ دریافت" : "سررسید چک" }
    }

    enum Sort: String, Sendable, CaseIterable {
        case newest = ""
        case paid, paidDesc = "-paid", amount, amountDesc = "-amount"

        var title: String {
            switch self {
            case .newest: "تازه‌ترین ثبت"
            case .paid: "تاریخ دریافت (قدیم به جدید)"
            case .paidDesc: "تاریخ دریافت (جدید به قدیم)"
            case .amount: "مبلغ (کم به زیاد)"
            case .amountDesc: "مبلغ (زیاد به کم)"
            }
        }
    }

    static let perPage = 50
    static let methods: [(Payment.Method, String)] = [(.cheque, "چک"), (.bankSlip, "فیش بانکی")]
    static let statuses: [Payment.Status] = [.held, .pending, .collected, .bounced]

    var q = ""
    var status: Payment.Status?
    var method: Payment.Method?
    var product: ProductCode?
    var agency: UUID?
    var dateField: DateField = .paid
    var from: JalaliDate?
    var to: JalaliDate?
    var sort: Sort = .newest
    var page = 1
    var notes: [String] = []

    init() {}

    init(values: [String: String], products: Set<ProductCode>) {
        q = ListQuery.text(values["q"])
        status = ListQuery.choice(values["status"], Payment.Status.init(rawValue:), notes: &notes) { "وضعیت «\($0)» شناخته نیست و در نظر گرفته نشد." }
        method = ListQuery.choice(values["method"], Payment.Method.init(rawValue:), notes: &notes) { "روش پرداخت «\($0)» شناخته نیست و در نظر گرفته نشد." }
        product = ListQuery.choice(values["product"], { products.contains(ProductCode($0)) ? ProductCode($0) : nil }, notes: &notes) {
            "نوع بیمهٔ «\($0)» شناخته نیست و در نظر گرفته نشد."
        }
        agency = ListQuery.choice(values["agency"], UUID.init(uuidString:), notes: &notes) { _ in "نمایندگی انتخاب‌شده شناخته نیست و در نظر گرفته نشد." }
        dateField = ListQuery.choice(values["by"], DateField.init(rawValue:), notes: &notes) { "نوع تاریخ «\($0)» شناخته نیست؛ تاریخ دریافت به کار رفت." } ?? .paid
        from = ListQuery.date(values["from"], label: "از تاریخ", notes: &notes)
        to = ListQuery.date(values["to"], label: "تا تاریخ", notes: &notes)
        sort = ListQuery.choice(values["sort"], Sort.init(rawValue:), notes: &notes) { "ترتیب «\($0)» شناخته نیست؛ تازه‌ترین‌ها اول آمده‌اند." } ?? .newest
        page = ListQuery.page(values["page"], notes: &notes)
    }

    func queryString(page: Int? = nil, format: String? = nil) -> String {
        var items: [(String, String)] = [("q", q), ("status", status?.rawValue ?? ""), ("method", method?.rawValue ?? ""),
                                         ("product", product?.rawValue ?? ""), ("agency", agency?.uuidString ?? "")]
        if dateField != .paid, from != nil || to != nil { items.append(("by", dateField.rawValue)) }
        items += [("from", from?.description ?? ""), ("to", to?.description ?? ""), ("sort", sort.rawValue)]
        if let page, page > 1 { items.append(("page", String(page))) }
        items.append(("format", format ?? ""))
        return ListQuery.encode(items)
    }
}

/// The received payments (cheques and bank slips) that answer a filter.
enum PaymentSearch {
    static func query(_ filter: PaymentFilter, on db: any Database) -> QueryBuilder<Payment> {
        let query = Payment.query(on: db)
            .join(Policy.self, on: \Payment.$policy.$id == \Policy.$id)
            .join(Customer.self, on: \Policy.$customer.$id == \Customer.$id)
        if !filter.q.isEmpty {
            let digits = Normalize.identifier(filter.q)
            query.group(.or) { or in
                if let n = TextMatch.number(filter.q) {
                    if let year = n.year {
                        or.group(.and) { $0.filter(Policy.self, \.$numberYear == year).filter(Policy.self, \.$number == n.number) }
                    } else {
                        or.filter(Policy.self, \.$number == n.number)
                    }
                }
                or.filter(\.$chequeNumber == digits)
                or.filter(\.$slipID == digits)
                or.filter(\.$receiptNumber == digits)
                TextMatch.customer(filter.q, on: or)
            }
        }
        if let status = filter.status { query.filter(\.$status == status) }
        if let method = filter.method { query.filter(\.$method == method) }
        if let product = filter.product { query.filter(Policy.self, \.$product == product) }
        if let agency = filter.agency { query.filter(Policy.self, \.$agency.$id == agency) }
        if let from = filter.from { query.filter(.path([filter.dateField.column], schema: Payment.schema), .greaterThanOrEqual, .bind(from.description)) }
        if let to = filter.to { query.filter(.path([filter.dateField.column], schema: Payment.schema), .lessThanOrEqual, .bind(to.description)) }
        return query
    }

    static func sorted(_ query: QueryBuilder<Payment>, by sort: PaymentFilter.Sort) -> QueryBuilder<Payment> {
        switch sort {
        case .newest: query.sort(\.$createdAt, .descending)
        case .paid: query.sort(\.$paidOn, .ascending).sort(\.$createdAt, .ascending)
        case .paidDesc: query.sort(\.$paidOn, .descending).sort(\.$createdAt, .descending)
        case .amount: query.sort(\.$amount, .ascending).sort(\.$createdAt, .ascending)
        case .amountDesc: query.sort(\.$amount, .descending).sort(\.$createdAt, .descending)
        }
    }
}
