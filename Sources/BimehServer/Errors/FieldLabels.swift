import InsuranceKit

/// Persian names of the fields commands read, for messages: a field keeps its API name (`paidOn`)
/// in the error, and the person reading it sees «تاریخ پرداخت».
enum FieldLabels {
    static let persian: [String: String] = [
        "amount": "مبلغ", "method": "روش پرداخت", "paidOn": "تاریخ پرداخت", "cheque": "مشخصات چک",
        "cheque.number": "شمارهٔ چک", "cheque.bank": "بانک", "cheque.dueDate": "سررسید چک",
        "initiatedBy": "فسخ‌کننده", "noticeDate": "تاریخ اخطار یا اعلام", "reason": "علت",
        "effectiveDate": "تاریخ اجرا", "description": "شرح", "lossDate": "تاریخ وقوع",
        "claimKnownDate": "تاریخ آگاهی از ادعا", "loss": "مبلغ خسارت", "salvage": "بازیافت",
        "diyaPercent": "سهم دیه", "collector": "دریافت‌کننده", "notarizedCertificate": "گواهی محضری",
        "policyId": "بیمه‌نامه", "policyNumber": "شمارهٔ بیمه‌نامه", "payment": "روش پرداخت حق بیمه",
        "startDate": "تاریخ شروع", "endDate": "تاریخ پایان", "date": "تاریخ", "nationalCode": "کد ملی",
        "payment.plan": "روش پرداخت", "payment.downPayment": "پیش‌پرداخت", "payment.count": "تعداد اقساط",
        "brokerId": "کارگزار", "transferReference": "شمارهٔ پیگیری انتقال", "iban": "شمارهٔ شبا",
        "items": "فهرست ردیف‌ها", "items.value": "ارزش", "items.description": "شرح", "items.serial": "شمارهٔ سریال",
        "items.loss": "مبلغ خسارت", "items.declaredValue": "ارزش اعلام‌شده", "items.amount": "مبلغ",
        "sumInsured": "سرمایهٔ بیمه", "franchisePercent": "فرانشیز", "competitiveDiscountPercent": "تخفیف رقابتی",
        "installment": "قسط", "endorsementId": "الحاقیه", "kind": "نوع", "username": "نام کاربری", "password": "گذرواژه",
    ]

    /// The Persian name of a field path: `inputs.` (a product's inputs) is dropped and a row
    /// index is said as a row, `items[0].value` → «ارزش ردیف ۱». An unknown field keeps its name.
    static func label(_ field: String) -> String {
        let path = field.hasPrefix("inputs.") ? String(field.dropFirst("inputs.".count)) : field
        if let known = persian[path] { return known }
        guard let (base, row) = row(of: path), let known = persian[base] else { return field }
        return "\(known) ردیف \(Normalize.persianDigits(String(row)))"
    }

    /// `items[2].value` → ("items.value", 3): the path without its index, and the row (from 1).
    static func row(of path: String) -> (String, Int)? {
        guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]"),
              let index = Int(path[path.index(after: open)..<close]) else { return nil }
        return (String(path[..<open]) + path[path.index(after: close)...], index + 1)
    }

    /// A message about one row says which row, so a list of problems (and the API) can be read
    /// without the path: «ارزش رایانه را وارد کنید (ردیف ۳).»
    static func withRow(_ message: String, field: String) -> String {
        let path = field.hasPrefix("inputs.") ? String(field.dropFirst("inputs.".count)) : field
        guard let (_, row) = row(of: path), !message.contains("ردیف") else { return message }
        let note = "(ردیف \(Normalize.persianDigits(String(row))))"
        if message.hasSuffix(".") { return String(message.dropLast()) + " " + note + "." }
        return message + " " + note
    }
}
