import InsuranceKit

/// Contractors' all risk's proposal form (seed 003): the project and the contract amount.
extension FlatRateProposalPages {
    static let contractorsAllRisk = FlatRateProposalPages(
        product: ContractorsAllRisk().code, title: "پیشنهاد بیمهٔ تمام خطر پیمانکاران", slug: "contractors-all-risk",
        descriptionLabel: "شرح کارهای موضوع بیمه",
        fields: [Field(name: "projectName", label: "نام پروژه", kind: .text), Field(name: "contractAmount", label: "مبلغ پیمان (ریال)", kind: .rials)])
}
