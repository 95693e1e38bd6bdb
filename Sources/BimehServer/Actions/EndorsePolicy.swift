import Foundation
import InsuranceKit

/// An endorsement (R-P-07): changed product inputs, or a description alone for a non-financial
/// change, from the API or the policy page.
struct EndorsePolicy: Sendable {
    struct Input: Sendable {
        var effectiveDate: String?
        var kind: String?
        var description: String?
        /// The JSON object of the inputs that change; nil or empty for none.
        var changes: Data?
    }

    let request: EndorsementDesk.Request

    init(_ input: Input) throws {
        var reader = FieldReader()
        let effective = reader.date(input.effectiveDate, "effectiveDate")
        var kind: EndorsementKind?
        if let raw = input.kind {
            kind = EndorsementKind(rawValue: raw)
            if kind == nil { reader.add("kind", "invalid-kind", "نوع الحاقیه باید additional، refund یا non-financial باشد.") }
        }
        let description = reader.text(input.description, "description", max: 500, required: false) ?? ""
        var changes = input.changes
        if let data = changes, (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?.isEmpty == true { changes = nil }
        if changes == nil && description.isEmpty {
            reader.add("changes", "required", "تغییر موردنظر را بنویسید: تغییر ورودی‌های بیمه‌نامه (changes) یا شرح تغییر غیرمالی (description).")
        }
        try reader.throwIfAny()
        guard let effective else { throw AppError.malformedJSON }
        request = EndorsementDesk.Request(effectiveDate: effective, kind: kind, inputs: changes, description: description)
    }

    func run(policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> EndorsementDesk.Outcome {
        try await DomainErrorMapping.validating(defaultField: "changes") {
            try await EndorsementDesk.endorse(request, policyID: policyID, ifMatch: ifMatch, principal: principal, in: work)
        }
    }
}
