import Foundation

/// Loss ratio of a period: claims paid ÷ premium written, in basis points rounded half away from
/// zero (R-G-02); nil when no premium was written.
public enum LossRatio {
    public static func basisPoints(claims: Rial, premium: Rial) -> Int? {
        guard premium.amount != 0 else { return nil }
        // .plain rounds half away from zero, as R-G-02 asks
        var ratio = Decimal(claims.amount) * 10_000 / Decimal(premium.amount)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &ratio, 0, .plain)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// «۶۲٫۵٪» from basis points.
    public static func persian(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, fraction = abs(basisPoints % 100)
        let text = fraction == 0 ? "\(whole)" : "\(whole)٫" + (fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)"))
        return Normalize.persianDigits(text) + "٪"
    }
}

extension ProductFamily {
    /// R-RP-01: the department (اداره) a family's figures are reported under.
    public var reportsDepartment: String {
        switch self {
        case .engineering: "ادارهٔ بیمه‌های مهندسی"
        case .liability: "ادارهٔ بیمه‌های مسئولیت"
        case .motor: "ادارهٔ بیمه‌های خودرو"
        case .health: "ادارهٔ بیمه‌های درمان"
        case .life: "ادارهٔ بیمه‌های زندگی"
        }
    }
}
