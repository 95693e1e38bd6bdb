/// Contractors' all risk claims (R-CL-02, R-CL-03, R-CL-10, R-CAR-01, D-CAR).
extension ContractorsAllRisk {
    public var family: ProductFamily { .engineering }

    /// R-CL-03 (seed 003): a late notice is accepted only if the insured subject is unchanged.
    public var claimRules: ClaimRules { .engineering(code, noticeDays: claimNoticeDays) }

    public var claimCases: [CaseChecklist] { [CaseChecklist(.general, Self.documents, title: "خسارت کارهای موضوع پیمان")] }

    /// D-CAR (seed 003), all required.
    static let documents = [
        RequiredDocument(code: "certified-contract", title: "کپی برابر اصل پیمان", required: true),
        RequiredDocument(code: "work-statements", title: "صورت کارکردها", required: true),
        RequiredDocument(code: "site-minutes", title: "صورت‌مجالس کارگاهی", required: true),
        RequiredDocument(code: "site-sketch", title: "کروکی محل", required: true),
        RequiredDocument(code: "site-plan", title: "نقشهٔ محل (site plan)", required: true),
    ]
}
