import Fluent
import InsuranceKit
import Vapor

/// The audit trail (R-G-07) as the admin reads it: Persian action names, Tehran Jalali times,
/// users by their display names; filtered by user, action, record and dates, 50 a page.
struct AdminAuditPages: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireRole(AdminUserPages.admins, web: true)).get(.admin(.audit), use: list)
    }

    struct Filter: Content {
        var user: String?
        var action: String?
        var entity: String?
        var record: String?
        var from: String?
        var to: String?
        var page: Int?
    }

    struct Row: Encodable {
        var seq: Int
        var at: String
        var actor: String
        var action: String
        var code: String
        var entity: String
        var record: String
    }

    struct Option: Encodable { var value: String; var title: String }

    struct Context: Encodable {
        var chrome: PageChrome
        var rows: [Row]
        var filter: Filter
        var users: [Option]
        var actions: [Option]
        var entities: [Option]
        var action = SiteURL.admin(.audit).path
        var errors: [String: String] = [:]
        var total: Int
        var page: Int
        var previous: String?
        var next: String?
    }

    static let entityTitles: [String: String] = [
        "policy": "بیمه‌نامه", "claim": "پروندهٔ خسارت", "customer": "مشتری", "user": "کاربر", "payment": "پرداخت",
        "payment-order": "حوالهٔ پرداخت", "endorsement": "الحاقیه", "quote": "پیشنهاد", "letter": "نامه", "tariff": "تعرفه",
        "report": "گزارش", "month": "ماه مالی", "agency": "نمایندگی", "broker": "کارگزار", "complex": "مجتمع",
        "department": "اداره", "sent-message": "پیامک", "credit-code": "کد اعتباری", "visit": "مراجعه",
    ]

    static func entityTitle(_ entity: String) -> String { entityTitles[entity] ?? "رکورد" }

    /// The system's own actors (CLI, migrations, scheduled runs) by a Persian name.
    static func systemActor(_ name: String) -> String {
        switch name {
        case "anonymous": "کاربر واردنشده"
        case "cli", "migration", "system": "سامانه"
        case "sms": "سامانهٔ پیامک"
        case "notify-due": "یادآوری روزانهٔ اقساط"
        case "seed-demo": "سامانه (دادهٔ نمایشی)"
        case "test-fixture": "سامانه (دادهٔ آزمون)"
        default: "سامانه (\(name))"
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        var filter = (try? req.query.decode(Filter.self)) ?? Filter()
        var errors: [String: String] = [:]
        let names = ActionNames.table(req.bimeh.products)
        let users = try await User.query(on: req.db).sort(\.$displayName).all()
        let byID = Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, u.displayName) } })
        var query = AuditRecord.query(on: req.db)
        if let action = filter.action.flatMap({ $0.isEmpty ? nil : $0 }) {
            query = query.filter(\.$action == action)
        } else {
            // row seals are bookkeeping, not activity
            query = query.filter(\.$action != RowSeals.action)
        }
        if let user = filter.user.flatMap({ $0.isEmpty ? nil : $0 }) {
            if let id = UUID(uuidString: user) { query = query.filter(\.$actorID == id) } else { query = query.filter(\.$actorName == user) }
        }
        if let entity = filter.entity.flatMap({ $0.isEmpty ? nil : $0 }) { query = query.filter(\.$entity == entity) }
        if let record = filter.record.map({ Normalize.identifier($0) }).flatMap({ $0.isEmpty ? nil : $0 }) {
            query = query.filter(\.$entityID == record)
        }
        for (field, raw) in [("from", filter.from), ("to", filter.to)] {
            guard let raw, !raw.isEmpty else { continue }
            guard let day = try? JalaliDate(parsing: raw) else {
                errors[field] = "تاریخ را به صورت ۱۴۰۵/۰۱/۱۰ وارد کنید."
                continue
            }
            // `at` is UTC ISO 8601 of one fixed format, so text order is time order
            if field == "from" { query = query.filter(\.$at >= AuditTrail.timestamp(day.startOfDay())) }
            else { query = query.filter(\.$at < AuditTrail.timestamp(day.endOfDay())) }
        }
        let page = max(1, min(filter.page ?? 1, 100_000))
        filter.page = page
        let total = errors.isEmpty ? try await query.count() : 0
        let records = errors.isEmpty ? try await query.sort(\.$id, .descending).range(((page - 1) * Self.perPage)..<(page * Self.perPage)).all() : []
        let rows = records.map { r in
            Row(seq: r.id ?? 0, at: TehranTime.stamp(iso: r.at), actor: r.actorID.flatMap { byID[$0] } ?? Self.systemActor(r.actorName),
                action: names[r.action] ?? ActionNames.derived(r.action) ?? "رویداد ثبت‌شده", code: r.action,
                entity: Self.entityTitle(r.entity), record: r.entityID)
        }
        let actions = names.filter { $0.key != RowSeals.action }.map { Option(value: $0.key, title: $0.value) }.sorted { $0.title < $1.title }
        var context = Context(chrome: PageChrome(req, title: "رویدادهای سامانه"), rows: rows, filter: filter,
                              users: users.compactMap { u in u.id.map { Option(value: $0.uuidString, title: u.displayName) } },
                              actions: actions, entities: Self.entityTitles.map { Option(value: $0.key, title: $0.value) }.sorted { $0.title < $1.title },
                              errors: errors, total: total, page: page)
        if page > 1 { context.previous = Self.link(filter, page: page - 1) }
        if page * Self.perPage < total { context.next = Self.link(filter, page: page + 1) }
        return try await req.page("admin/audit", context, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func link(_ f: Filter, page: Int) -> String {
        var parts: [String] = []
        for (k, v) in [("user", f.user), ("action", f.action), ("entity", f.entity), ("record", f.record), ("from", f.from), ("to", f.to)] {
            if let v, !v.isEmpty { parts.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        }
        parts.append("page=\(page)")
        return SiteURL.admin(.audit).path + "?" + parts.joined(separator: "&")
    }
}
