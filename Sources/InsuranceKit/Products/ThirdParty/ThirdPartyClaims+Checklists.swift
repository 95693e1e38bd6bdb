/// Which third-party checklist applies (R-TP-12, section D).
public enum ThirdPartyClaimCase: String, Sendable, Hashable, Codable, CaseIterable {
    /// D-TP-BODILY: injury or death of a third party.
    case bodily
    /// D-TP-FINANCIAL: damage to a third party's property.
    case financial
    /// D-TP-OCCUPANT: occupants of the insured vehicle.
    case occupant
}

extension ThirdPartyClaims {
    /// R-TP-12, R-CL-06: the documents of a case, in seed 003's order.
    public static func checklist(_ claimCase: ThirdPartyClaimCase) -> [RequiredDocument] {
        switch claimCase {
        case .bodily: bodily
        case .financial: financial
        case .occupant: occupant
        }
    }

    /// D-TP-BODILY (seed 003, eleven items). CHOSEN: the death-only items (body examination,
    /// burial permit and death record, inheritance certificate) need a death, the hospital
    /// invoices a claim for treatment costs.
    static let bodily = [
        RequiredDocument(code: "police-first-minutes", title: "صورت‌جلسهٔ اولیهٔ پاسگاه انتظامی", required: true),
        RequiredDocument(code: "officer-sketch", title: "کروکی افسر کاردان فنی یا نظریهٔ کارشناس رسمی دادگستری",
                         required: true),
        RequiredDocument(code: "police-report-to-court", title: "گزارش پاسگاه انتظامی به دادگاه و برگ‌های بازجویی",
                         required: true),
        RequiredDocument(code: "forensic-opinions", title: "نظریه‌های پزشکی قانونی دربارهٔ مجروحان و مصدومان",
                         required: true),
        RequiredDocument(code: "body-examination-report", title: "گزارش معاینهٔ جسد (در صورت فوت)", condition: .death),
        RequiredDocument(code: "burial-permit-death-record",
                         title: "جواز کفن و دفن و خلاصهٔ رونوشت فوت (در صورت فوت)", condition: .death),
        RequiredDocument(code: "hospital-invoices", title: "صورتحساب هزینه‌های بیمارستانی مجروحان و مصدومان",
                         condition: .treatmentCosts),
        RequiredDocument(code: "court-ruling",
                         title: "حکم دادگاه بدوی، یا در صورت اعتراض حکم تجدیدنظر یا آخرین حکم مرجع رسیدگی",
                         required: true),
        RequiredDocument(code: "at-fault-licence", title: "تصویر و اصل گواهینامهٔ مقصر حادثه", required: true),
        RequiredDocument(code: "at-fault-policy-slip", title: "برش بیمه‌نامهٔ شخص ثالث مقصر حادثه", required: true),
        RequiredDocument(code: "inheritance-certificate",
                         title: "گواهی انحصار وراثت برای پرداخت سهم هر یک از بازماندگان (در صورت فوت)",
                         condition: .death),
    ]

    /// D-TP-FINANCIAL (seed 003) with the R-TP-12 conditions that are documents. CHOSEN: the
    /// certified court documents only when the case went to court; the attorney's power, the
    /// owner organization's letter and the plate-change endorsement only in their cases.
    static let financial = [
        RequiredDocument(code: "driver-owner-vehicle-documents",
                         title: "اصل و تصویر مدارک راننده، مالک و خودرو (مقصر و زیان‌دیده): گواهینامه، کارت خودرو و بیمه‌نامه",
                         required: true),
        RequiredDocument(code: "certified-court-documents", title: "مدارک دادگاهی برابر اصل‌شده (در صورت رسیدگی در دادگاه)",
                         condition: .courtCase),
        RequiredDocument(code: "attorney-power", title: "وکالت‌نامهٔ نمایندهٔ قانونی مالک (اگر مالک خود حاضر نباشد)",
                         condition: .ownerAbsent),
        RequiredDocument(code: "owner-organization-letter",
                         title: "معرفی‌نامهٔ رسمی واگذارنده برای خودروی رهنی، استیجاری یا دولتی (معرفی‌نامهٔ نمایشگاه پذیرفته نیست)",
                         condition: .institutionalVehicle),
        RequiredDocument(code: "plate-change-endorsement", title: "الحاقیهٔ تعویض پلاک (در صورت تعویض پلاک انتظامی)",
                         condition: .plateChanged),
    ]

    /// D-TP-OCCUPANT (seed 003, five items); the inheritance certificate and guardianship only
    /// after a death (seed 003 makes them one item; its title asks for guardianship when there
    /// are minors).
    static let occupant = [
        RequiredDocument(code: "police-minutes-sketch",
                         title: "صورت‌جلسهٔ اولیهٔ پاسگاه پلیس، کروکی افسر کاردان فنی و نظریهٔ کارشناس رسمی دادگستری",
                         required: true),
        RequiredDocument(code: "driver-licence-at-accident", title: "اصل و تصویر گواهینامهٔ راننده در حین حادثه",
                         required: true),
        RequiredDocument(code: "ownership-documents", title: "تصویر اسناد مالکیت خودرو", required: true),
        RequiredDocument(code: "at-fault-policy-slip", title: "برش بیمه‌نامهٔ شخص ثالث مقصر حادثه", required: true),
        RequiredDocument(code: "inheritance-guardianship",
                         title: "گواهی انحصار وراثت و قیم‌نامه در صورت داشتن صغیر (در صورت فوت)", condition: .death),
    ]
}

/// The conditions of the D-TP-FINANCIAL documents (R-TP-12).
extension DocumentCondition {
    public static let courtCase = DocumentCondition(code: "court-case", question: "آیا پرونده در دادگاه رسیدگی شده است؟")
    public static let ownerAbsent = DocumentCondition(
        code: "owner-absent", question: "آیا مالک خود حاضر نیست و نمایندهٔ قانونی او مراجعه کرده است؟")
    public static let institutionalVehicle = DocumentCondition(
        code: "pledged-leased-government", question: "آیا خودرو رهنی، استیجاری یا دولتی است؟")
    public static let plateChanged = DocumentCondition(
        code: "plate-changed", question: "آیا پلاک انتظامی خودرو تعویض شده است؟")
}
