import Fluent
import Foundation
import InsuranceKit

/// The health centers on the admin's organization page (R-SH-05): code, name, whether the
/// center is contracted (a direct claim is only for a contracted one) and its provider users.
extension HealthHooks: OrganizationSectionHooks {
    func organizationSection(today: JalaliDate, on db: any Database) async throws -> OrganizationSection {
        let centers = try await HealthCenter.query(on: db).sort(\.$code).all()
        let staff = try await HealthCenterStaff.query(on: db).all()
        var users: [UUID: Int] = [:]
        for s in staff { users[s.$center.id, default: 0] += 1 }
        return OrganizationSection(
            title: "مراکز درمانی بیمهٔ تکمیلی درمان", columns: ["کد مرکز", "نام", "قرارداد", "کاربران مرکز"],
            rows: centers.map { c in
                OrganizationSection.Row(cells: [c.code, c.name, c.contracted ? "طرف قرارداد" : "بدون قرارداد",
                                                String(c.id.flatMap { users[$0] } ?? 0)],
                                        lapsed: !c.contracted)
            },
            empty: "مرکز درمانی ثبت نشده است.",
            note: "خسارت مستقیم فقط در مرکز طرف قرارداد پذیرفته می‌شود؛ در مرکز بدون قرارداد، بیمه‌شده هزینه را می‌پردازد و بازپرداخت می‌گیرد.")
    }
}
