import InsuranceKit

/// Employer's liability's proposal form (seed 003): the employer's activity and the number of employees.
extension FlatRateProposalPages {
    static let employersLiability = FlatRateProposalPages(
        product: EmployersLiability().code, title: "پیشنهاد بیمهٔ مسئولیت کارفرما در برابر کارکنان", slug: "employers-liability",
        descriptionLabel: "شرح فعالیت کارفرما",
        fields: [Field(name: "employees", label: "تعداد کارکنان", kind: .count)])
}
