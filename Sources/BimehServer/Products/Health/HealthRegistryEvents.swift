import Fluent
import Foundation
import InsuranceKit

/// R-SH-11: a supplementary-health policy is reported to the central registry like third party
/// (R-TP-13) — issued with its persons, each person added or removed by endorsement, cancelled —
/// through the same outbox, in the transaction of the change.
enum HealthRegistryEvents {
    struct Person: Encodable {
        var nationalCode: String
        var relation: String
        var insuranceNumber: String
        var coverFrom: String
        var coverTo: String
    }

    struct Payload: Encodable {
        var product: String
        var kind: String
        var policyNumber: String
        var uniqueCode: String
        var coverFrom: String
        var coverTo: String
        var plan: String
        var planKind: String
        var policyholder: String
        /// The day the change takes effect (person added or removed, cancellation).
        var effectiveDate: String?
        /// The persons the event is about: all of them at issue, the one added or removed, those
        /// whose cover a cancellation ended.
        var persons: [Person]
    }

    static func enqueue(_ kind: String, policy: Policy, persons: [HealthPersonRecord], effective: JalaliDate? = nil,
                        in work: UnitOfWork) async throws {
        let inputs = try HealthPersonsDesk.inputs(of: policy)
        let customer = try await policy.$customer.get(on: work.db)
        let payload = Payload(
            product: policy.product.rawValue, kind: kind, policyNumber: policy.printedNumber ?? "", uniqueCode: policy.uniqueCode ?? "",
            coverFrom: policy.startDate, coverTo: policy.endDate, plan: inputs.plan, planKind: inputs.kind.rawValue,
            policyholder: customer.identifier, effectiveDate: effective?.description,
            persons: persons.map { Person(nationalCode: $0.nationalCode, relation: $0.relation, insuranceNumber: $0.insuranceNumber,
                                          coverFrom: $0.coverFrom, coverTo: $0.coverTo) })
        try await RegistryOutbox.enqueue(kind, policy: policy, payload: payload, in: work)
    }
}
