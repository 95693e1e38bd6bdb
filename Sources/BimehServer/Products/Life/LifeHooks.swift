import InsuranceKit

/// Group term life on the server (R-GL-01…03): the contract is the employer's, a legal person.
struct GroupLifeHooks: ProductHooks {
    let product = GroupLife().code

    func checkRegistration(inputs: String, customer: Customer) throws {
        guard customer.kind == .legal else {
            throw AppError.validation([FieldError(field: "customerId", code: "group-needs-legal-customer",
                                                  message: "قرارداد بیمهٔ عمر گروهی با شخص حقوقی (کارفرما یا سازمان) بسته می‌شود.")])
        }
    }
}

/// Individual term life on the server (R-IL-01/02): the insured is the buyer, a natural person.
struct TermLifeHooks: ProductHooks {
    let product = TermLife().code

    func checkRegistration(inputs: String, customer: Customer) throws {
        guard customer.kind == .natural else {
            throw AppError.validation([FieldError(field: "customerId", code: "natural-customer-required",
                                                  message: "بیمهٔ عمر انفرادی را شخص حقیقی (خود بیمه‌شده) می‌خرد؛ برای کارکنان یک سازمان، قرارداد عمر گروهی ببندید.")])
        }
    }
}
