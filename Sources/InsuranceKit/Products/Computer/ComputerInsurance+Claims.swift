/// Computer insurance claims (R-CL-02, R-CL-03, R-CL-10, seed 002).
extension ComputerInsurance {
    public var family: ProductFamily { .engineering }

    /// R-CL-03 (seed 002): a late notice is accepted only if the insured subject is unchanged.
    public var claimRules: ClaimRules { .engineering(code, noticeDays: claimNoticeDays) }

    public var claimCases: [CaseChecklist] { [CaseChecklist(.general, Self.documents, title: "خسارت رایانه")] }

    /// Computer insurance. Seed 002 names only the claim notice letter (or the engineering claim
    /// form) and says the other documents are listed by letter at or after the visit. From the
    /// seed: the notice and the purchase invoice (the premium and the replacement value rest on it,
    /// R-CL-07). INFERRED: the repair/replacement estimate, the replacement-value components
    /// (customs, transport and installation: imported or installed equipment only) and the
    /// peril reports (police for burglary with forced entry, fire brigade for fire or
    /// explosion), each required when its condition holds on the file.
    static let documents = [
        RequiredDocument(code: "claim-notice", title: "نامهٔ اعلام خسارت یا فرم «اعلام خسارت در بیمه‌های مهندسی و طرح‌های مخصوص»",
                         required: true),
        RequiredDocument(code: "purchase-invoice", title: "فاکتور خرید رایانهٔ آسیب‌دیده", required: true),
        RequiredDocument(code: "repair-estimate", title: "برآورد یا فاکتور تعمیر یا جایگزینی", required: true),
        RequiredDocument(code: "customs-documents", title: "اسناد حقوق و عوارض گمرکی (رایانهٔ وارداتی)",
                         condition: .importedEquipment),
        RequiredDocument(code: "transport-installation-invoices", title: "صورتحساب هزینهٔ حمل تا محل نصب و هزینهٔ نصب",
                         condition: .installedEquipment),
        RequiredDocument(code: "police-report", title: "گزارش مرجع انتظامی (سرقت با شکست حرز)", condition: .burglary),
        RequiredDocument(code: "fire-brigade-report", title: "گزارش آتش‌نشانی (آتش‌سوزی یا انفجار)", condition: .fire),
    ]
}

/// The conditions of the computer claim documents (R-CL-06, R-CL-07).
extension DocumentCondition {
    public static let importedEquipment = DocumentCondition(
        code: "imported-equipment", question: "آیا رایانهٔ آسیب‌دیده وارداتی است؟")
    public static let installedEquipment = DocumentCondition(
        code: "installed-equipment", question: "آیا هزینهٔ حمل تا محل نصب و هزینهٔ نصب در ارزش جایگزینی مطالبه می‌شود؟")
    public static let burglary = DocumentCondition(code: "burglary", question: "آیا خسارت ناشی از سرقت با شکست حرز است؟")
    public static let fire = DocumentCondition(code: "fire", question: "آیا خسارت ناشی از آتش‌سوزی یا انفجار است؟")
}
