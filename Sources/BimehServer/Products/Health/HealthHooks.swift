import Fluent
import Foundation
import InsuranceKit

/// Supplementary health on the server: who may buy which kind of plan, the persons and their
/// cover windows, the eligibility feed and the central registry's events (R-SH-02, R-SH-09…11).
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
        // the code first: the registry's event carries it
        policy.uniqueCode = PolicyUniqueCode.make()
        try await policy.save(on: work.db)
        try await HealthPersonsDesk.issued(policy, in: work)
    }

    /// R-SH-10: `{addPersons}` / `{removePersons}` (a removed member's dependants with them);
    /// an added person's problem is named at `changes.addPersons[i]`.
    func endorsedInputs(current: Data, changes: Data) throws -> EndorsedInputs? {
        guard let outcome = try HealthPersonChanges.apply(current: current, changes: changes) else { return nil }
        return EndorsedInputs(inputs: outcome.inputs, field: { outcome.field($0) })
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

    /// R-SH-11: how many persons the policy insures now and, for an individual or family plan, each
    /// of them with the national code masked to its last four digits, no names. A group's members are
    /// not listed: the public would learn an employer's staff list from one code.
    func publicPersons(_ policy: Policy) -> PublicPersons? {
        guard let inputs = try? HealthPersonsDesk.inputs(of: policy) else { return nil }
        let persons = policyFacts(policy).insuredPersons ?? []
        return PublicPersons(count: persons.count, listed: inputs.kind == .group ? [] : persons.map {
            PublicPerson(nationalCode: PublicPerson.mask($0.nationalCode), relation: $0.relation, relationTitle: $0.relationTitle, coverTo: $0.coverTo)
        })
    }

    /// R-SH-06/10: the persons with what is left of each cover, and a group's change form.
    func policyPanel(_ policy: Policy, on db: any Database) async throws -> PolicyPanel {
        PolicyPanel(persons: try await HealthPolicyPanel.panel(policy, on: db))
    }
}
