/// R-SH-09: the source under which this insurer's own policies (health) write their persons in
/// the eligibility store. No imported list may take its name: an import replaces a whole source.
enum OwnEntitlements {
    static let source = "بیمهٔ تکمیلی درمان همین بیمه‌گر"

    static func checkImportable(_ source: String) throws {
        guard source != Self.source else {
            throw AppError.conflict("source-reserved", "نام «\(source)» برای بیمه‌نامه‌های همین بیمه‌گر است و فهرست دیگری با آن وارد نمی‌شود.")
        }
    }
}
