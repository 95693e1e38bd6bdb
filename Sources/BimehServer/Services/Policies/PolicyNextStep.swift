import Foundation
import InsuranceKit

/// What happens next to a registered policy and who does it, said on its page so that whoever
/// registered it (an agent above all, who may not issue) knows it is not at a dead end (R-P-06).
enum PolicyNextStep {
    /// `prerequisitePending`: the product still needs something recorded before issue (e.g. a
    /// licence); `waitingPayments`: cheques or slips received but not yet confirmed.
    static func text(status: Policy.Status, ledger: PolicyLedger, prerequisitePending: Bool, waitingPayments: Bool,
                     role: Role) -> String? {
        guard status == .registered else { return nil }
        if ledger.collected < ledger.dueBeforeIssue {
            if waitingPayments {
                return "گام بعد: وصول چک یا تأیید فیش بانکی توسط حسابداری؛ سپس صدور توسط کارشناس صدور."
            }
            return "گام بعد: پرداخت حق بیمه (یا پیش‌پرداخت آن) و ثبت چک یا فیش در همین صفحه؛ سپس صدور توسط کارشناس صدور."
        }
        if prerequisitePending {
            return "گام بعد: ثبت مدرک لازم برای صدور در همین صفحه؛ سپس صدور توسط کارشناس صدور."
        }
        return role == .issuer ? "حق بیمهٔ لازم وصول شده است؛ بیمه‌نامه آمادهٔ صدور است."
            : "در انتظار صدور توسط کارشناس صدور (حق بیمهٔ لازم وصول شده است)."
    }
}
