/// R-SH-08 reimbursement files: the D-SH checklist and which of its conditional documents a file
/// needs, the covers a claim may name (organ purchase, R-SH-06) and what the file pays: R-SH-04 on
/// the cover, side costs within the remaining hospitalization ceiling (R-SH-05/06).
public enum HealthReimbursement: Sendable {
    /// R-SH-06, seed 001: organ purchase for a transplant is paid up to the hospitalization cover's
    /// annual ceiling, from a ceiling of its own; every plan has it (T-SH prices no separate cover).
    public static let organPurchase = "organ-purchase"
    /// R-SH-06, seed 003: side costs are paid within the remaining ceiling of this cover.
    public static let sideCostsCover = "hospitalization"

    /// Covers given at a hospital: a cashier receipt and the surgeons' certificates (D-SH).
    static let hospitalCovers: Set<String> = ["hospitalization", "special-surgery", "outpatient-surgery", "maternity", organPurchase]
    /// Covers billed by doctors' orders, pharmacies, labs and radiology (D-SH).
    static let paraclinicCovers: Set<String> = ["paraclinic", "other-diagnostics", "lab-radiology-physio", "visit-drugs"]

    /// D-SH / D-GH (seed 003), in the seed's order; side-cost documents last.
    public static let checklist: [RequiredDocument] = [
        RequiredDocument(code: "birth-certificate", title: "فتوکپی صفحات اول و دوم شناسنامهٔ بیمه‌شده همراه با اصل آن",
                         condition: .maternityOrAdultDaughter),
        RequiredDocument(code: "study-certificate", title: "گواهی اشتغال به تحصیل", condition: .studyingAgeSon),
        RequiredDocument(code: "booklet-copies", title: "کپی دفترچهٔ بیمه‌شدهٔ اصلی (یک برگ) و بیمه‌شده (دو برگ)", required: true),
        RequiredDocument(code: "original-invoices", title: "اصل صورتحساب هزینه‌های پزشکی", required: true),
        RequiredDocument(code: "certified-invoices", title: "فتوکپی برابر اصل صورتحساب هزینه‌ها با فتوکپی چک دریافتی از بیمه‌گر اول",
                         condition: .baseInsurerPaid),
        RequiredDocument(code: "cashier-receipt", title: "قبض رسید صندوق با مهر و امضای حسابداری بیمارستان", condition: .hospitalStay),
        RequiredDocument(code: "surgery-certificates", title: "گواهی پزشک جراح، پزشک بیهوشی، ویزیت بالینی و مشاوره با کپی شرح عمل",
                         condition: .hospitalStay),
        RequiredDocument(code: "paraclinic-orders", title: "گواهی پزشک برای اعمال پاراکلینیکی با نتایج آن و نسخ ریز داروخانه، آزمایشگاه و رادیولوژی",
                         condition: .paraclinicServices),
        RequiredDocument(code: "side-surgery-report", title: "کپی شرح عمل (هزینهٔ جانبی)", condition: .sideCosts),
        RequiredDocument(code: "side-doctor-approval", title: "تأیید پزشک معالج (هزینهٔ جانبی)", condition: .sideCosts),
        RequiredDocument(code: "side-cost-statement", title: "شرح تأییدشدهٔ هزینهٔ انجام‌شده (هزینهٔ جانبی)", condition: .sideCosts),
    ]

    /// The condition codes that hold on a file (R-CL-06): from the cover, the person on the service
    /// day, the base insurer's share and the side costs.
    public static func conditions(cover: String, person: HealthPerson, serviceDate: JalaliDate, basePaid: Rial,
                                  sideCosts: Rial) -> Set<String> {
        var codes = Set<String>()
        let age = person.age(on: serviceDate), child = person.relation == .child
        if cover == "maternity" || (child && person.sex == .female && age >= HealthPersonRules.daughterAge) {
            codes.insert(DocumentCondition.maternityOrAdultDaughter.code)
        }
        if child && person.sex == .male && (18...HealthPersonRules.studyingSonMaxAge).contains(age) {
            codes.insert(DocumentCondition.studyingAgeSon.code)
        }
        if basePaid > .zero { codes.insert(DocumentCondition.baseInsurerPaid.code) }
        if hospitalCovers.contains(cover) { codes.insert(DocumentCondition.hospitalStay.code) }
        if paraclinicCovers.contains(cover) { codes.insert(DocumentCondition.paraclinicServices.code) }
        if sideCosts > .zero { codes.insert(DocumentCondition.sideCosts.code) }
        return codes
    }

    /// R-CL-10: the seeds give no count for health payment orders. CHOSEN: three copies as the
    /// other persons' line (group life, seed 004): two to the insured (one to collect at
    /// accounting with the settlement receipt), one to the file.
    static let paymentOrderCopies = [
        "بیمه‌شده / نمایندهٔ قانونی (نسخهٔ اول)",
        "بیمه‌شده / نمایندهٔ قانونی (نسخهٔ دوم، برای دریافت از حسابداری)",
        "بایگانی در پروندهٔ خسارت",
    ]
}

extension HealthPlan {
    /// The cover a claim under this plan may name: a standard cover, an optional one the policy
    /// bought, or organ purchase (its ceiling the hospitalization ceiling, R-SH-06); nil otherwise.
    public func claimCover(_ code: String, bought optional: [String]) -> HealthCover? {
        if code == HealthReimbursement.organPurchase, let hospital = cover(HealthReimbursement.sideCostsCover) {
            return HealthCover(code: code, title: "هزینهٔ تهیهٔ اعضای طبیعی بدن برای پیوند", ceiling: hospital.ceiling)
        }
        guard let found = cover(code), !found.optional || optional.contains(code) else { return nil }
        return found
    }

    /// Whether some plan could have the cover (else the code is unknown, not merely not bought).
    public static func isKnownCover(_ code: String, in tariff: HealthTariff) -> Bool {
        code == HealthReimbursement.organPurchase || tariff.plans.contains { $0.cover(code) != nil }
    }
}
