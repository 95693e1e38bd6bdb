import Fluent
import Foundation
import InsuranceKit

/// The policies list's question, read from the query string: free text (`q`), filters, sort and
/// page. A value that cannot be read is dropped with a Persian note, never a 500: the list still shows.
struct PolicyFilter: Sendable {
    enum DateField: String, Sendable, CaseIterable {
        case start, issue, end

        var column: FieldKey {
            switch self {
            case .start: "start_date"
            case .issue: "issue_date"
            case .end: "end_date"
            }
        }

        var title: String {
            switch self {
            case .start: "تاریخ شروع"
            case .issue: "تاریخ صدور"
            case .end: "تاریخ پایان"
            }
        }
    }

    enum Sort: String, Sendable, CaseIterable {
        case newest = ""
        case number, numberDesc = "-number", date, dateDesc = "-date", premium, premiumDesc = "-premium"

        var title: String {
            switch self {
            case .newest: "تازه‌ترین ثبت"
            case .number: "شماره (صعودی)"
            case .numberDesc: "شماره (نزولی)"
            case .date: "تاریخ شروع (قدیم به جدید)"
            case .dateDesc: "تاریخ شروع (جدید به قدیم)"
            case .premium: "حق بیمه (کم به زیاد)"
            case .premiumDesc: "حق بیمه (زیاد به کم)"
            }
        }
    }

    static let perPage = 50
    /// The CSV holds the whole filtered list, up to this many rows.
    static let exportLimit = 20_000

    var q = ""
    var status: PolicyStanding?
    var product: ProductCode?
    var agency: UUID?
    var dateField: DateField = .start
    var from: JalaliDate?
    var to: JalaliDate?
    var sort: Sort = .newest
    /// R-P-06: only registered policies whose down payment (or whole premium) is collected.
    var ready = false
    /// R-P-07: only policies with an endorsement whose additional premium is still unpaid.
    var endorsementUnpaid = false
    var page = 1
    /// What the products read `q` as (ProductBook.searchKeys), matched against the policies' search terms.
    var termKeys: [String] = []
    /// What was dropped, in Persian, for the page to show.
    var notes: [String] = []

    init() {}

    /// Reads the query string's values; `products` are the codes the catalog knows.
    init(values: [String: String], products: Set<ProductCode>) {
        q = ListQuery.text(values["q"])
        if let raw = Self.present(values["status"]) {
            if let standing = PolicyStanding(rawValue: raw) { status = standing } else { notes.append("وضعیت «\(raw)» شناخته نیست و در نظر گرفته نشد.") }
        }
        if let raw = Self.present(values["product"]) {
            if products.contains(ProductCode(raw)) { product = ProductCode(raw) } else { notes.append("نوع بیمهٔ «\(raw)» شناخته نیست و در نظر گرفته نشد.") }
        }
        if let raw = Self.present(values["agency"]) {
            if let id = UUID(uuidString: raw) { agency = id } else { notes.append("نمایندگی انتخاب‌شده شناخته نیست و در نظر گرفته نشد.") }
        }
        if let raw = Self.present(values["by"]) {
            if let field = DateField(rawValue: raw) { dateField = field } else { notes.append("نوع تاریخ «\(raw)» شناخته نیست؛ تاریخ شروع به کار رفت.") }
        }
        from = Self.date(values["from"], label: "از تاریخ", notes: &notes)
        to = Self.date(values["to"], label: "تا تاریخ", notes: &notes)
        if let raw = Self.present(values["sort"]) {
            if let sorted = Sort(rawValue: raw) { sort = sorted } else { notes.append("ترتیب «\(raw)» شناخته نیست؛ تازه‌ترین‌ها اول آمده‌اند.") }
        }
        ready = Self.present(values["ready"]) == "1"
        endorsementUnpaid = Self.present(values["endorsement"]) == "unpaid"
        page = ListQuery.page(values["page"], notes: &notes)
    }

    private static func present(_ value: String?) -> String? { ListQuery.present(value) }

    private static func date(_ value: String?, label: String, notes: inout [String]) -> JalaliDate? {
        ListQuery.date(value, label: label, notes: &notes)
    }

    /// The query string of this filter (empty values left out), for the pager, the sort links and the CSV.
    func queryString(page: Int? = nil, format: String? = nil) -> String {
        var items: [(String, String)] = []
        if !q.isEmpty { items.append(("q", q)) }
        if let status { items.append(("status", status.rawValue)) }
        if let product { items.append(("product", product.rawValue)) }
        if let agency { items.append(("agency", agency.uuidString)) }
        if dateField != .start, from != nil || to != nil { items.append(("by", dateField.rawValue)) }
        if let from { items.append(("from", from.description)) }
        if let to { items.append(("to", to.description)) }
        if ready { items.append(("ready", "1")) }
        if endorsementUnpaid { items.append(("endorsement", "unpaid")) }
        if sort != .newest { items.append(("sort", sort.rawValue)) }
        if let page, page > 1 { items.append(("page", String(page))) }
        if let format { items.append(("format", format)) }
        return ListQuery.encode(items)
    }
}

/// The policies a principal may see that answer a filter: an agent only its agency's (R-G-09).
enum PolicySearch {
    static func query(_ filter: PolicyFilter, for principal: Principal, today: JalaliDate, on db: any Database) async throws -> QueryBuilder<Policy> {
        let query = Policy.query(on: db).join(Customer.self, on: \Policy.$customer.$id == \Customer.$id)
        try scope(query, filter, for: principal)
        if filter.ready { query.filter(\.$id ~~ (try await readyToIssue(filter, for: principal, on: db))) }
        if filter.endorsementUnpaid {
            let unpaid = try await Endorsement.query(on: db).filter(\.$status == .awaitingPayment).limit(PolicyFilter.exportLimit).all().map(\.$policy.id)
            query.filter(\.$id ~~ unpaid)
        }
        if !filter.q.isEmpty { text(filter.q, terms: try await PolicySearchTerms.policies(matching: filter.termKeys, on: db), on: query) }
        if let status = filter.status { self.status(status, today: today, on: query) }
        if let product = filter.product { query.filter(\.$product == product) }
        // Jalali `YYYY/MM/DD` with zero padding: text order is date order
        if let from = filter.from { query.filter(.path([filter.dateField.column], schema: Policy.schema), .greaterThanOrEqual, .bind(from.description)) }
        if let to = filter.to { query.filter(.path([filter.dateField.column], schema: Policy.schema), .lessThanOrEqual, .bind(to.description)) }
        return query
    }

    /// An agent sees its agency's only, whatever `agency=` says; staff may narrow to one agency.
    private static func scope(_ query: QueryBuilder<Policy>, _ filter: PolicyFilter, for principal: Principal) throws {
        switch principal.role {
        case .agent:
            guard let agencyID = principal.agencyID else { throw AppError.forbidden }
            query.filter(\.$agency.$id == agencyID)
        default:
            guard PolicyAccess.readers.contains(principal.role) else { throw AppError.forbidden }
            if let agency = filter.agency { query.filter(\.$agency.$id == agency) }
        }
    }

    /// R-P-06: the visible registered policies whose account has what issue needs collected (the
    /// same test as `IssueDesk`). Registered policies are few, so each one's account is read.
    private static func readyToIssue(_ filter: PolicyFilter, for principal: Principal, on db: any Database) async throws -> [UUID] {
        let registered = Policy.query(on: db).filter(\.$status == .registered)
        try scope(registered, filter, for: principal)
        var ids: [UUID] = []
        for policy in try await registered.limit(PolicyFilter.exportLimit).all() {
            let ledger = try await PolicyLedger.load(policy, on: db)
            if ledger.collected >= ledger.dueBeforeIssue, let id = policy.id { ids.append(id) }
        }
        return ids
    }

    /// A policy number (`1405/12` or just `12`), the customer's code (exact), words of the name, or
    /// a term the product stored for the policy (`terms`: the policies one matched).
    private static func text(_ q: String, terms: [UUID], on query: QueryBuilder<Policy>) {
        query.group(.or) { or in
            if let n = TextMatch.number(q) {
                if let year = n.year {
                    or.group(.and) { $0.filter(\.$numberYear == year).filter(\.$number == n.number) }
                } else {
                    or.filter(\.$number == n.number)
                }
            }
            if !terms.isEmpty { or.filter(\.$id ~~ terms) }
            TextMatch.customer(q, on: or)
        }
    }

    /// The standing as the list shows it (R-P-01, R-P-08): issued and expired differ by the end date.
    private static func status(_ standing: PolicyStanding, today: JalaliDate, on query: QueryBuilder<Policy>) {
        switch standing {
        case .registered: query.filter(\.$status == .registered)
        case .issued: query.filter(\.$status == .issued).filter(\.$endDate >= today.description)
        case .expired: query.filter(\.$status == .issued).filter(\.$endDate < today.description)
        case .cancelled, .pendingCancellation: query.filter(\.$status == .cancelled)
        }
    }

    static func sorted(_ query: QueryBuilder<Policy>, by sort: PolicyFilter.Sort) -> QueryBuilder<Policy> {
        switch sort {
        case .newest: query.sort(\.$createdAt, .descending)
        case .number: query.sort(\.$numberYear, .ascending).sort(\.$number, .ascending).sort(\.$createdAt, .ascending)
        case .numberDesc: query.sort(\.$numberYear, .descending).sort(\.$number, .descending).sort(\.$createdAt, .descending)
        case .date: query.sort(\.$startDate, .ascending).sort(\.$createdAt, .ascending)
        case .dateDesc: query.sort(\.$startDate, .descending).sort(\.$createdAt, .descending)
        case .premium: query.sort(\.$premium, .ascending).sort(\.$createdAt, .ascending)
        case .premiumDesc: query.sort(\.$premium, .descending).sort(\.$createdAt, .descending)
        }
    }
}
