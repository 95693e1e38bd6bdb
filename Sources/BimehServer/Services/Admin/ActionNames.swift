import Foundation
import InsuranceKit

/// The Persian name of every audit action code the server writes (`auth.web-token-issued` →
/// «ورود به سامانه»), for the audit trail and the admin's dashboard. Products add the names of
/// their own actions through their hooks (`actionNames`); a test scans the sources and fails on a
/// code without a name.
enum ActionNames {
    static let generic: [String: String] = [
        "auth.web-token-issued": "ورود به سامانه",
        "auth.api-token-issued": "دریافت کلید دسترسی برنامه‌ها",
        "auth.token-revoked": "خروج از سامانه / ابطال نشست",
        "auth.sign-in-failed": "ورود ناموفق",
        "auth.sign-in-locked": "قفل موقت ورود پس از تلاش‌های ناموفق",
        "user.created": "ایجاد کاربر",
        "user.role-changed": "تغییر نقش کاربر",
        "user.disabled": "غیرفعال‌کردن کاربر",
        "complex.created": "ایجاد مجتمع",
        "department.created": "ایجاد اداره",
        "agency.created": "ایجاد نمایندگی",
        "broker.created": "ایجاد کارگزار",
        "customer.registered": "ثبت مشتری",
        "customer.updated": "ویرایش مشخصات مشتری",
        "customer.linked-to-agency": "پیوند مشتری به نمایندگی",
        "letter.registered": "ثبت نامه در دبیرخانه",
        "quote.created": "صدور پیشنهاد و محاسبهٔ حق بیمه",
        "policy.registered": "ثبت بیمه‌نامه",
        "policy.issued": "صدور بیمه‌نامه",
        "policy.cancelled": "فسخ بیمه‌نامه",
        "policy.renewed": "تمدید بیمه‌نامه",
        "policy.licence-registered": "ثبت گواهینامهٔ راننده",
        "policy.schedule-charged": "افزایش جدول پرداخت",
        "policy.schedule-credited": "کاهش جدول پرداخت",
        "payment.received": "دریافت پرداخت",
        "payment.collected": "وصول پرداخت",
        "payment.bounced": "برگشت چک",
        "endorsement.created": "ثبت الحاقیه",
        "endorsement.issued": "صدور الحاقیه",
        "payment-order.created": "صدور حوالهٔ پرداخت",
        "payment-order.paid": "پرداخت حواله",
        "claim.opened": "تشکیل پروندهٔ خسارت",
        "claim.document-received": "دریافت مدرک خسارت",
        "claim.late-notice-accepted": "پذیرش اعلام دیرهنگام",
        "claim.late-notice.referred": "ارجاع اعلام دیرهنگام به فرم اعلام تأخیر",
        "claim.late-notice.figures": "ثبت ارقام فرم اعلام تأخیر",
        "claim.late-notice.commission": "تصمیم کمیسیون دربارهٔ اعلام دیرهنگام",
        "claim.late-notice.headquarters": "پاسخ ستاد دربارهٔ اعلام دیرهنگام",
        "tariff.loaded": "بارگذاری تعرفه",
        "report.approved": "تأیید گزارش ماهانه",
        "report.sent": "ارسال گزارش ماهانه",
        "month.closed": "بستن ماه",
        "credit-code.issued": "صدور کد اعتباری استعلام",
        "credit-code.spent": "مصرف کد اعتباری استعلام",
        "entitlements.replaced": "جایگزینی فهرست مشمولان",
        "visit.hid-issued": "صدور شناسهٔ مراجعه",
        "visit.hid-verified": "تأیید شناسهٔ مراجعه",
        "sms.queued": "ثبت پیامک بیمه‌گذار",
        "sms.sent": "ارسال پیامک بیمه‌گذار",
        "sms.failed": "ناکامی ارسال پیامک",
        "idempotency.lease-taken-over": "ادامهٔ درخواست تکراری ناتمام",
        "bench.change": "تغییر آزمایشی سنجش کارایی",
        RowSeals.action: "مهر ردیف‌های ثبت‌شده",
    ]

    /// Codes built from a value: a claim's new state, a file's entry kind.
    static func derived(_ code: String) -> String? {
        if code.hasPrefix("claim.entry."), let kind = ClaimEntry.Kind(rawValue: String(code.dropFirst("claim.entry.".count))) {
            return "ثبت در پرونده: " + entryTitle(kind)
        }
        if code.hasPrefix("claim."), let state = ClaimState(rawValue: String(code.dropFirst("claim.".count))) {
            return "تغییر وضعیت پرونده به «\(state.title)»"
        }
        return nil
    }

    static func entryTitle(_ kind: ClaimEntry.Kind) -> String {
        switch kind {
        case .inspectionScheduled: "تعیین وقت بازدید"
        case .inspectionApproved: "تأیید وقت بازدید"
        case .visitMinutes: "صورت‌جلسهٔ بازدید"
        case .meeting: "جلسهٔ رسیدگی به اعتراض"
        case .letter: "نامه"
        case .expertFee: "حق‌الزحمهٔ کارشناس"
        case .lateNotice: "فرم اعلام تأخیر"
        }
    }

    /// Every name: generic, then each product's.
    static func table(_ products: ProductBook) -> [String: String] {
        var all = generic
        for line in products.catalog.lines { all.merge(products.hooks(line.code).actionNames) { a, _ in a } }
        return all
    }

    /// The Persian name, or nil for a code nobody named (the test's finding).
    static func name(_ code: String, products: ProductBook) -> String? {
        table(products)[code] ?? derived(code)
    }

    /// For pages: never the bare code, but a generic phrase when one is missing.
    static func title(_ code: String, products: ProductBook) -> String {
        name(code, products: products) ?? "رویداد ثبت‌شده"
    }
}
