import Foundation

/// Loss ratio of a period: claims paid ÷ premium written, in basis points rounded half away from
/// zero (R-G-02); nil when the period wrote no premium (none, or cancellations outweighing it: a
/// ratio over a negative premium means nothing) or the ratio does not fit.
public enum LossRatio {
    public static func basisPoints(claims: Rial, premium: Rial) -> Int? {
        guard premium.amount > 0 else { return nil }
        // 128-bit exact: a tiny net premium cannot overflow the intermediate product
        return WideArithmetic.roundedQuotient(claims.amount, times: 10_000, over: premium.amount).flatMap { Int(exactly: $0) }
    }

    /// «۶۲٫۵٪» from basis points.
    public static func persian(_ basisPoints: Int) -> String { Percent(basisPoints: Int64(basisPoints)).persianFormatted }
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
