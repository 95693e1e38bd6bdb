/// Error codes of the eligibility inquiry (section E). Codes are API: never rename them.
extension DomainError {
    // R-EL-01: one input box takes either identifier, so the message names both.
    public static let invalidPersonIdentifier = DomainError(
        code: "invalid-person-id",
        message: "کد ملی ۱۰ رقمی یا شناسه اتباع خارجی ۱۲ رقمی لازم است.",
        field: "nationalCode")

    public static let invalidRelation = DomainError(
        code: "invalid-relation",
        message: "نسبت باید یکی از «اصلی»، «همسر»، «فرزند»، «پدر/مادر» یا «سایر» باشد.",
        field: "relation")

    // R-EL-02
    public static let invalidCreditCode = DomainError(
        code: "invalid-credit-code",
        message: "کد اعتباری باید ۱۰ رقم باشد و با صفر شروع نشود.",
        field: "creditCode")

    // R-EL-05
    public static let invalidHealthID = DomainError(
        code: "invalid-hid",
        message: "کد رهگیری (HID) باید ۱۶ نویسه از حروف و ارقام لاتین باشد.",
        field: "hid")

    public static let invalidEntitlementHeader = DomainError(
        code: "invalid-csv-header",
        message: "سطر اول فایل باید دقیقاً nationalCode,insuranceNumber,validTo,relation,plan باشد.",
        field: "header")
}
