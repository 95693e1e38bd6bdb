import Fluent
import Foundation
import InsuranceKit

/// The customers list's question: the search box (national code or company ID, name, mobile),
/// the kind, the agency they came through (staff only), sort and page.
struct CustomerFilter: Sendable {
    enum Sort: String, Sendable, CaseIterable {
        case newest = ""
        case name, oldest

        var title: String {
            switch self {
            case .newest: "تازه‌ترین ثبت"
            case .name: "نام خانوادگی / نام شرکت"
            case .oldest: "قدیمی‌ترین ثبت"
            }
        }
    }

    static let perPage = 25

    var q = ""
    var kind: Customer.Kind?
    var agency: UUID?
    var sort: Sort = .newest
    var page = 1
    var notes: [String] = []

    init() {}

    init(values: [String: String]) {
        q = ListQuery.text(values["q"])
        kind = ListQuery.choice(values["kind"], Customer.Kind.init(rawValue:), notes: &notes) { "نوع مشتری «\($0)» شناخته نیست و در نظر گرفته نشد." }
        agency = ListQuery.choice(values["agency"], UUID.init(uuidString:), notes: &notes) { _ in "نمایندگی انتخاب‌شده شناخته نیست و در نظر گرفته نشد." }
        sort = ListQuery.choice(values["sort"], Sort.init(rawValue:), notes: &notes) { "ترتیب «\($0)» شناخته نیست؛ تازه‌ترین‌ها اول آمده‌اند." } ?? .newest
        page = ListQuery.page(values["page"], notes: &notes)
    }

    func queryString(page: Int? = nil, format: String? = nil) -> String {
        var items: [(String, String)] = [("q", q), ("kind", kind?.rawValue ?? ""), ("agency", agency?.uuidString ?? ""), ("sort", sort.rawValue)]
        if let page, page > 1 { items.append(("page", String(page))) }
        items.append(("format", format ?? ""))
        return ListQuery.encode(items)
    }
}

/// The customers a principal may see that answer a filter: an agent only its agency's (R-G-09).
enum CustomerSearch {
    static func query(_ filter: CustomerFilter, for principal: Principal, on db: any Database) throws -> QueryBuilder<Customer> {
        let query = try CustomerRegistry.visible(to: principal, on: db)
        if principal.role != .agent, let agency = filter.agency {
            query.join(CustomerAgency.self, on: \Customer.$id == \CustomerAgency.$customer.$id)
                .filter(CustomerAgency.self, \.$agency.$id == agency)
        }
        if !filter.q.isEmpty {
            query.group(.or) { or in
                TextMatch.customer(filter.q, on: or)
                or.filter(\.$mobile, .contains(inverse: false, .anywhere), Normalize.identifier(filter.q))
            }
        }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        return query
    }

    static func sorted(_ query: QueryBuilder<Customer>, by sort: CustomerFilter.Sort) -> QueryBuilder<Customer> {
        switch sort {
        case .newest: query.sort(\.$createdAt, .descending)
        case .oldest: query.sort(\.$createdAt, .ascending)
        case .name: query.sort(\.$lastName, .ascending).sort(\.$name, .ascending).sort(\.$firstName, .ascending).sort(\.$createdAt, .ascending)
        }
    }
}
