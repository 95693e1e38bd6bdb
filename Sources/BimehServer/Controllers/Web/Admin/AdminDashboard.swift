import Fluent
import Vapor

/// The admin's part of the dashboard: links to the admin pages and the latest audit records,
/// in Persian (action names, Tehran Jalali times, display names).
enum AdminDashboard {
    static let cards: [DashboardPages.Card] = [
        .init(title: "کاربران و نقش‌ها", text: "افزودن کاربر، تغییر نقش و غیرفعال‌کردن", href: SiteURL.admin(.users).path, action: "کاربران"),
        .init(title: "ساختار سازمان", text: "مجتمع‌ها، ادارات، نمایندگی‌ها و کارگزاران با اعتبار مجوز", href: SiteURL.admin(.organization).path, action: "سازمان"),
        .init(title: "تعرفه‌ها", text: "سال‌های تعرفه و بارگذاری فایل تازه پس از دیدن تغییرات", href: SiteURL.admin(.tariffs).path, action: "تعرفه‌ها"),
        .init(title: "رویدادهای سامانه", text: "ردپای همهٔ تغییرها با جستجو بر پایهٔ کاربر، رویداد، رکورد و تاریخ", href: SiteURL.admin(.audit).path, action: "رویدادها"),
    ]

    static func recentAudit(_ req: Request) async throws -> [DashboardPages.AuditRow] {
        let names = ActionNames.table(req.bimeh.products)
        let users = Dictionary(uniqueKeysWithValues: try await User.query(on: req.db).all().compactMap { u in u.id.map { ($0, u.displayName) } })
        // the seals of bound rows (RowSeals) are bookkeeping, not activity
        return try await AuditRecord.query(on: req.db).filter(\.$action != RowSeals.action).sort(\.$id, .descending).limit(15).all().map {
            DashboardPages.AuditRow(seq: $0.id ?? 0, at: TehranTime.stamp(iso: $0.at), actor: $0.actorID.flatMap { users[$0] } ?? AdminAuditPages.systemActor($0.actorName),
                                    action: names[$0.action] ?? ActionNames.derived($0.action) ?? "رویداد ثبت‌شده")
        }
    }
}
