import Foundation
import InsuranceKit

/// Cancelling a policy by written notice (R-P-08), from the API or the policy page.
struct CancelPolicy: Sendable {
    struct Input: Sendable {
        var initiatedBy: String?
        var noticeDate: String?
        var reason: String?
    }

    let request: CancellationDesk.Request

    init(_ input: Input) throws {
        var reader = FieldReader()
        let initiator = CancellationInitiator(rawValue: input.initiatedBy ?? "")
        if initiator == nil { reader.add("initiatedBy", "invalid-initiator", "فسخ‌کننده باید «insurer» (بیمه‌گر) یا «insured» (بیمه‌گذار) باشد.") }
        let notice = reader.date(input.noticeDate, "noticeDate")
        let reason = reader.text(input.reason, "reason", max: 500)
        try reader.throwIfAny()
        guard let initiator, let notice, let reason else { throw AppError.malformedJSON }
        request = CancellationDesk.Request(initiatedBy: initiator, noticeDate: notice, reason: reason)
    }

    func run(policyID: UUID, ifMatch: String?, principal: Principal, in work: UnitOfWork) async throws -> (CancellationDesk.Record, PaymentOrder?) {
        try await CancellationDesk.cancel(request, policyID: policyID, ifMatch: ifMatch, principal: principal, in: work)
    }
}
