/// R-CL-06: the document checklist per product and case (section D); the file cannot be settled
/// while a required document is missing.
public enum DocumentChecklists: Sendable {
    /// The checklist; "unknown-product" (field "product") for a code no product has,
    /// "unsupported-claim-case" (field "case") for a case the product has no list for
    /// (computer and contractors' all risk: `general`; employer's liability: `injury`, `death`).
    public static func checklist(product: String, case claimCase: ClaimCase) throws -> [RequiredDocument] {
        _ = try ProductCatalog.product(product)
        switch (product, claimCase) {
        case ("computer", .general): return computer
        case ("contractors-all-risk", .general): return contractorsAllRisk
        case ("employers-liability", .injury): return employerInjury
        case ("employers-liability", .death): return employerDeath
        case ("third-party", .financial): return ThirdPartyClaims.checklist(.financial)
        case ("third-party", .bodily): return ThirdPartyClaims.checklist(.bodily)
        // CHOSEN: the driver-accident cover has no list of its own in section D; its documents
        // are the occupant's (police minutes and sketch, the driver's licence, ownership, policy).
        case ("third-party", .occupant), ("third-party", .driverAccident): return ThirdPartyClaims.checklist(.occupant)
        default:
            throw DomainError(code: "unsupported-claim-case",
                              message: "برای این نوع بیمه‌نامه فهرست مدارکی با این نوع خسارت تعریف نشده است.",
                              field: "case")
        }
    }

    /// The required documents whose code is not in `received`, in checklist order; conditional
    /// ones (`required == false`) are never reported missing.
    public static func missing(required checklist: [RequiredDocument], received: Set<String>) -> [RequiredDocument] {
        checklist.filter { $0.required && !received.contains($0.code) }
    }

    // MARK: Lists

    /// D-EMP-INJURY (seed 003). CHOSEN: the surgery report is conditional (only when there was
    /// surgery), as is the social-security list (civil projects only, per the seed).
    static let employerInjury = [
        RequiredDocument(code: "hospital-invoice", title: "صورتحساب بیمارستان", required: true),
        RequiredDocument(code: "paid-receipts", title: "قبوض پرداختی", required: true),
        RequiredDocument(code: "surgery-report", title: "شرح عمل جراحی (در صورت انجام جراحی)", required: false),
        RequiredDocument(code: "hospital-file-summary", title: "خلاصهٔ پروندهٔ بیمارستان", required: true),
        RequiredDocument(code: "birth-certificate", title: "شناسنامه و کپی شناسنامهٔ مصدوم", required: true),
        RequiredDocument(code: "national-card", title: "کارت ملی و کپی کارت ملی مصدوم", required: true),
        RequiredDocument(code: "treating-doctor-certificate", title: "فرم تکمیل‌شدهٔ «گواهی پزشک معالج»", required: true),
        socialSecurityList,
    ]

    /// D-EMP-DEATH (seed 003): certified copies (کپی برابر اصل).
    static let employerDeath = [
        RequiredDocument(code: "death-certificate", title: "کپی برابر اصل گواهی فوت", required: true),
        RequiredDocument(code: "cancelled-birth-certificate", title: "کپی برابر اصل شناسنامهٔ باطل‌شده", required: true),
        RequiredDocument(code: "police-report", title: "کپی برابر اصل گزارش نیروی انتظامی", required: true),
        RequiredDocument(code: "labour-inspector-report", title: "کپی برابر اصل گزارش بازرس کار و امور اجتماعی",
                         required: true),
        RequiredDocument(code: "forensic-report", title: "کپی برابر اصل گزارش پزشکی قانونی (معاینهٔ جسد)",
                         required: true),
        RequiredDocument(code: "inheritance-certificate", title: "کپی برابر اصل گواهی حصر وراثت", required: true),
        socialSecurityList,
    ]

    static let socialSecurityList = RequiredDocument(
        code: "social-security-list", title: "کپی برابر اصل لیست تأمین اجتماعی (فقط برای پروژه‌های عمرانی)",
        required: false)

    /// D-CAR (seed 003), all required.
    static let contractorsAllRisk = [
        RequiredDocument(code: "certified-contract", title: "کپی برابر اصل پیمان", required: true),
        RequiredDocument(code: "work-statements", title: "صورت کارکردها", required: true),
        RequiredDocument(code: "site-minutes", title: "صورت‌مجالس کارگاهی", required: true),
        RequiredDocument(code: "site-sketch", title: "کروکی محل", required: true),
        RequiredDocument(code: "site-plan", title: "نقشهٔ محل (site plan)", required: true),
    ]

    /// Computer insurance. Seed 002 names only the claim notice letter (or the engineering claim
    /// form) and says the other documents are listed by letter at or after the visit. From the
    /// seed: the notice and the purchase invoice (the premium and the replacement value rest on it,
    /// R-CL-07). INFERRED: the repair/replacement estimate, the replacement-value components
    /// (customs, transport and installation: imported or installed equipment only) and the
    /// peril reports (police for burglary with forced entry, fire brigade for fire or
    /// explosion), each conditional.
    static let computer = [
        RequiredDocument(code: "claim-notice", title: "نامهٔ اعلام خسارت یا فرم «اعلام خسارت در بیمه‌های مهندسی و طرح‌های مخصوص»",
                         required: true),
        RequiredDocument(code: "purchase-invoice", title: "فاکتور خرید رایانهٔ آسیب‌دیده", required: true),
        RequiredDocument(code: "repair-estimate", title: "برآورد یا فاکتور تعمیر یا جایگزینی", required: true),
        RequiredDocument(code: "customs-documents", title: "اسناد حقوق و عوارض گمرکی (رایانهٔ وارداتی)", required: false),
        RequiredDocument(code: "transport-installation-invoices", title: "صورتحساب هزینهٔ حمل تا محل نصب و هزینهٔ نصب",
                         required: false),
        RequiredDocument(code: "police-report", title: "گزارش مرجع انتظامی (سرقت با شکست حرز)", required: false),
        RequiredDocument(code: "fire-brigade-report", title: "گزارش آتش‌نشانی (آتش‌سوزی یا انفجار)", required: false),
    ]
}
