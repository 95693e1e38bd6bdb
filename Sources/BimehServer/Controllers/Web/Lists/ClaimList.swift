import Fluent
import Foundation
import InsuranceKit

/// The claims list's question: the search box (file number, policy number, national code,
/// name), state, product, agency, a date range (loss or notice day), sort and page.
struct ClaimFilter: Sendable {
    enum DateField: String, Sendable, CaseIterable {
        case loss, notice
        var column: FieldKey { self == .loss ? "loss_date" : "notice_date" }
        var title: String { self == .loss ? "تاریخ وقوع" : "تاریخ اعلام" }
    }

    enum Sort: String, Sendable, CaseIterable {
        case newest = ""
        case number, numberDesc = "-number", loss, lossDesc = "-loss"

        var title: String {
            switch self {
            case .newest: "تازه‌ترین اعلام"
            case .number: "شمارهٔ پرونده (صعودی)"
            case .numberDesc: "شمارهٔ پرونده (نزولی)"
            case .loss: "تاریخ وقوع (قدیم به جدید)"
            case .lossDesc: "تاریخ وقوع (جدید به قدیم)"
            }
        }
    }

    static let perPage = 50

    var q = ""
    var status: ClaimState?
    var product: ProductCode?
    var agency: UUID?
    var dateField: DateField = .loss
    var from: JalaliDate?
    var to: JalaliDate?
    var sort: Sort = .newest
    var page = 1
    var notes: [String] = []

    init() {}

    init(values: [String: String], products: Set<ProductCode>) {
        q = ListQuery.text(values["q"])
        status = ListQuery.choice(values["status"], ClaimState.init(rawValue:), notes: &notes) { "وضعیت «\($0)» شناخته نیست و در نظر گرفته نشد." }
        product = ListQuery.choice(values["product"], { products.contains(ProductCode($0)) ? ProductCode($0) : nil }, notes: &notes) {
            "نوع بیمهٔ «\($0)» شناخته نیست و در نظر گرفته نشد."
        }
        agency = ListQuery.choice(values["agency"], UUID.init(uuidString:), notes: &notes) { _ in "نمایندگی انتخاب‌شده شناخته نیست و در نظر گرفته نشد." }
        dateField = ListQuery.choice(values["by"], DateField.init(rawValue:), notes: &notes) { "نوع تاریخ «\($0)» شناخته نیست؛ تاریخ وقوع به کار رفت." } ?? .loss
        from = ListQuery.date(values["from"], label: "از تاریخ", notes: &notes)
        to = ListQuery.date(values["to"], label: "تا تاریخ", notes: &notes)
        sort = ListQuery.choice(values["sort"], Sort.init(rawValue:), notes: &notes) { "ترتیب «\($0)» شناخته نیست؛ تازه‌ترین‌ها اول آمده‌اند." } ?? .newest
        page = ListQuery.page(values["page"], notes: &notes)
    }

    func queryString(page: Int? = nil, format: String? = nil) -> String {
        var items: [(String, String)] = [("q", q), ("status", status?.rawValue ?? ""), ("product", product?.rawValue ?? ""),
                                         ("agency", agency?.uuidString ?? "")]
        if dateField != .loss, from != nil || to != nil { items.append(("by", dateField.rawValue)) }
        items += [("from", from?.description ?? ""), ("to", to?.description ?? ""), ("sort", sort.rawValue)]
        if let page, page > 1 { items.append(("page", String(page))) }
        items.append(("format", format ?? ""))
        return ListQuery.encode(items)
    }
}

/// The claim files that answer a filter (claims staff see every file).
enum ClaimSearch {
    static func query(_ filter: ClaimFilter, on db: any Database) -> QueryBuilder<Claim> {
        let query = Claim.query(on: db)
            .join(Policy.self, on: \Claim.$policy.$id == \Policy.$id)
            .join(Customer.self, on: \Policy.$customer.$id == \Customer.$id)
        if !filter.q.isEmpty {
            query.group(.or) { or in
                if let n = TextMatch.number(filter.q) {
                    if let year = n.year {
                        or.group(.and) { $0.filter(\.$fileYear == year).filter(\.$fileNumber == n.number) }
                        or.group(.and) { $0.filter(Policy.self, \.$numberYear == year).filter(Policy.self, \.$number == n.number) }
                    } else {
                        or.filter(\.$fileNumber == n.number)
                        or.filter(Policy.self, \.$number == n.number)
                    }
                }
                TextMatch.customer(filter.q, on: or)
            }
        }
        if let status = filter.status { query.filter(\.$status == status) }
        if let product = filter.product { query.filter(\.$product == product) }
        if let agency = filter.agency { query.filter(Policy.self, \.$agency.$id == agency) }
        // Jalali `YYYY/MM/DD` with zero padding: text order is date order
        if let from = filter.from { query.filter(.path([filter.dateField.column], schema: Claim.schema), .greaterThanOrEqual, .bind(from.description)) }
        if let to = filter.to { query.filter(.path([filter.dateField.column], schema: Claim.schema), .lessThanOrEqual, .bind(to.description)) }
        return query
    }

    static func sorted(_ query: QueryBuilder<Claim>, by sort: ClaimFilter.Sort) -> QueryBuilder<Claim> {
        switch sort {
        case .newest: query.sort(\.$createdAt, .descending)
        case .number: query.sort(\.$fileYear, .ascending).sort(\.$fileNumber, .ascending)
        case .numberDesc: query.sort(\.$fileYear, .descending).sort(\.$fileNumber, .descending)
        case .loss: query.sort(\.$lossDate, .ascending).sort(\.$createdAt, .ascending)
        case .lossDesc: query.sort(\.$lossDate, .descending).sort(\.$createdAt, .descending)
        }
    }
}
