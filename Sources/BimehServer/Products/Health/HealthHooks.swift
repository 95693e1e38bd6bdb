import Fluent
import Foundation
import InsuranceKit

/// Supplementary health on the server: who may buy which kind of plan, the persons and their
/// cover windows, and the eligibility feed (R-SH-02, R-SH-09, R-SH-10).
struct HealthHooks: ProductHooks {
    let product = SupplementaryHealth().code

    /// R-SH-10: a group plan is the employer's (a legal customer); individual and family plans a
    /// natural person's.
    func checkRegistration(inputs: String, customer: Customer) throws {
        let health: HealthInputs = try StoredJSON.decode(HealthInputs.self, from: inputs, what: "quote.inputs")
        if health.kind == .group, customer.kind != .legal {
            throw AppError.validation([FieldError(field: "customerId", code: "group-needs-legal-customer",
                                                  message: "قرارداد گروهی درمان با شخص حقوقی (کارفرما) بسته می‌شود.")])
        }
        if health.kind != .group, customer.kind != .natural {
            throw AppError.validation([FieldError(field: "customerId", code: "natural-customer-required",
                                                  message: "طرح انفرادی یا خانوادگی را شخص حقیقی می‌خرد؛ برای کارکنان یک سازمان، قرارداد گروهی ببندید.")])
        }
    }

    func prepareIssue(_ policy: Policy, today: JalaliDate, in work: UnitOfWork) async throws {
        try await HealthPersonsDesk.checkNotInsuredElsewhere(policy, on: work.db)
    }

    /// R-SH-09/11: the persons' cover and eligibility, and the unique code of the public
    /// authenticity inquiry (the same inquiry as third party's answers it).
    func issued(_ policy: Policy, in work: UnitOfWork) async throws {
        try await HealthPersonsDesk.issued(policy, in: work)
        policy.uniqueCode = PolicyUniqueCode.make()
        try await policy.save(on: work.db)
    }

    func endorsementTookEffect(_ policy: Policy, effective: JalaliDate, in work: UnitOfWork) async throws {
        try await HealthPersonsDesk.changed(policy, effective: effective, in: work)
    }

    func cancelled(_ policy: Policy, in work: UnitOfWork) async throws {
        guard let record = try StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation") else { return }
        try await HealthPersonsDesk.cancelled(policy, effective: record.outcome.effectiveDate, in: work)
    }

    /// API.md: `insuredPersons` — the persons listed now, each covered to the end or the cancellation.
    func policyFacts(_ policy: Policy) -> PolicyFacts {
        guard let inputs = try? HealthPersonsDesk.inputs(of: policy) else { return PolicyFacts() }
        var to = policy.endDate
        if let record = try? StoredJSON.decode(CancellationDesk.Record.self, from: policy.cancellation, what: "policy.cancellation") {
            to = min(to, record.outcome.effectiveDate.description)
        }
        return PolicyFacts(insuredPersons: inputs.persons.map {
            InsuredPersonView(nationalCode: $0.nationalCode, relation: $0.relation.rawValue, coverTo: to,
                              name: $0.displayName.isEmpty ? nil : $0.displayName, relationTitle: $0.relation.title)
        })
    }
}
