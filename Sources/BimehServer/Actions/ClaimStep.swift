import Foundation
import InsuranceKit

/// A step of a claim file (R-CL-03, 05, 06, 09, 11, 13) as either door hands it in: the step and
/// its fields, read once with the API's field names, then run in the step's transaction. The
/// payment order is `OrderClaimPayment`; its payment is accounting's (`MarkPaymentOrderPaid`).
struct ClaimStep: Sendable {
    enum Name: String, Sendable, CaseIterable {
        case lateNotice = "late-notice", documentRequest = "document-request", inspection, inspectionApproval = "inspection-approval"
        case minutes, assessment, offer, consent, dispute, meeting, expertFee = "expert-fee"
        case expertFeeApproval = "expert-fee-approval", close, rejection
        /// R-CL-03 with a commission (seed 004): the late-notice form's steps.
        case lateNoticeFigures = "late-notice-figures", lateNoticeCommission = "late-notice-commission"
        case lateNoticeHeadquarters = "late-notice-headquarters"
    }

    struct Input: Sendable {
        var subjectUnchanged: Bool?
        /// R-SH-08: the head's acceptance of a late notice (with `reason`).
        var accept: Bool?
        var visitDate: String?
        var expert: String?
        var independentExpert: String?
        var text: String?
        var reason: String?
        var date: String?
        var notes: String?
        var agreedAmount: Int64?
        var amount: Int64?
        var assessment = AssessClaim.Input()
        /// R-CL-03 late-notice form: issuance's figures, and the commission's or HQ's `approve`.
        var averagePremium: Int64?
        var lastPremiumDate: String?
        var lastPremiumAmount: Int64?
        var averageInsured: Int64?
        var approve: Bool?
    }

    let name: Name
    private let body: @Sendable (Claim, Principal, UnitOfWork) async throws -> Void

    func run(_ claim: Claim, principal: Principal, in work: UnitOfWork) async throws {
        try await body(claim, principal, work)
    }

    /// Every problem of the input at once (422); the state is the desk's to refuse.
    init(_ name: Name, _ input: Input) throws {
        self.name = name
        var reader = FieldReader()
        switch name {
        case .lateNotice:
            // the expert attests `subjectUnchanged`; the head answers `accept` with a reason (R-SH-08)
            let answer = input.subjectUnchanged ?? input.accept ?? reader.missing(input.reason == nil ? "subjectUnchanged" : "accept")
            try reader.throwIfAny()
            let approved = answer ?? false, reason = input.reason
            body = { claim, principal, work in
                try await ClaimWorkflow.decideLateNotice(claim, subjectUnchanged: approved, reason: reason, principal: principal, in: work)
            }
        case .documentRequest:
            body = { claim, principal, work in _ = try await ClaimWorkflow.requestDocuments(claim, principal: principal, in: work) }
        case .inspection:
            let date = reader.date(input.visitDate, "visitDate"), expert = reader.text(input.expert, "expert", max: 200)
            let independent = reader.text(input.independentExpert, "independentExpert", max: 200, required: false)
            try reader.throwIfAny()
            guard let date, let expert else { throw AppError.malformedJSON }
            let second = independent?.isEmpty == false ? independent : nil
            body = { claim, principal, work in
                try await ClaimWorkflow.scheduleInspection(claim, visitDate: date, expert: expert, independentExpert: second, principal: principal, in: work)
            }
        case .inspectionApproval:
            body = { claim, principal, work in try await ClaimWorkflow.approveInspection(claim, principal: principal, in: work) }
        case .minutes:
            let text = reader.text(input.text, "text", max: 4000)
            try reader.throwIfAny()
            guard let text else { throw AppError.malformedJSON }
            body = { claim, principal, work in try await ClaimWorkflow.recordMinutes(claim, text: text, principal: principal, in: work) }
        case .assessment:
            let command = try AssessClaim(input.assessment)
            body = { claim, principal, work in try await command.run(claim, principal: principal, in: work) }
        case .offer:
            body = { claim, principal, work in _ = try await ClaimWorkflow.offer(claim, principal: principal, in: work) }
        case .consent:
            body = { claim, principal, work in try await ClaimWorkflow.consent(claim, principal: principal, in: work) }
        case .dispute:
            let reason = reader.text(input.reason, "reason", max: 1000)
            try reader.throwIfAny()
            guard let reason else { throw AppError.malformedJSON }
            body = { claim, principal, work in try await ClaimWorkflow.dispute(claim, reason: reason, principal: principal, in: work) }
        case .meeting:
            let date = reader.date(input.date, "date"), notes = reader.text(input.notes, "notes", max: 4000)
            let agreed = input.agreedAmount.flatMap { reader.rial($0, "agreedAmount") }
            try reader.throwIfAny()
            guard let date, let notes else { throw AppError.malformedJSON }
            body = { claim, principal, work in
                try await ClaimWorkflow.meeting(claim, date: date, notes: notes, agreedAmount: agreed, principal: principal, in: work)
            }
        case .expertFee:
            let amount = reader.rial(input.amount, "amount"), expert = reader.text(input.expert, "expert", max: 200)
            try reader.throwIfAny()
            guard let amount, let expert else { throw AppError.malformedJSON }
            body = { claim, principal, work in try await SettlementDesk.setExpertFee(claim, amount: amount, expert: expert, principal: principal, in: work) }
        case .expertFeeApproval:
            body = { claim, principal, work in _ = try await SettlementDesk.approveExpertFee(claim, principal: principal, in: work) }
        case .close:
            body = { claim, _, work in try await ClaimAccess.move(claim, .close, in: work) }
        case .lateNoticeFigures:
            let average = Self.amount(input.averagePremium, "averagePremium", &reader), last = Self.amount(input.lastPremiumAmount, "lastPremiumAmount", &reader)
            let date = reader.date(input.lastPremiumDate, "lastPremiumDate")
            var insured: Int?
            if let raw = input.averageInsured {
                if raw < 0 || raw > 10_000_000 { reader.add("averageInsured", "invalid-count", "میانگین تعداد بیمه‌شدگان باید عددی صفر یا مثبت باشد.") } else { insured = Int(raw) }
            } else {
                let _: Int? = reader.missing("averageInsured")
            }
            try reader.throwIfAny()
            guard let average, let last, let date, let insured else { throw AppError.malformedJSON }
            let figures = LateNoticeCommission.Figures(averagePremium: average, lastPremiumDate: date, lastPremiumAmount: last, averageInsured: insured)
            body = { claim, principal, work in try await LateNoticeCommission.addFigures(claim, figures, principal: principal, in: work) }
        case .lateNoticeCommission, .lateNoticeHeadquarters:
            let approve = input.approve ?? reader.missing("approve")
            let reason = reader.text(input.reason, "reason", max: 1000)
            // an approval names the agreed amount; the review refuses an approval without one
            let agreed = input.agreedAmount.flatMap { reader.rial($0, "agreedAmount") }
            if name == .lateNoticeHeadquarters, input.agreedAmount != nil {
                reader.add("agreedAmount", "not-applicable", "مبلغ مورد توافق را کمیسیون تعیین می‌کند، نه ستاد.")
            }
            try reader.throwIfAny()
            guard let approve, let reason else { throw AppError.malformedJSON }
            let commission = name == .lateNoticeCommission
            body = { claim, principal, work in
                if commission {
                    try await LateNoticeCommission.commission(claim, approve: approve, agreedAmount: agreed, reason: reason, principal: principal, in: work)
                } else {
                    try await LateNoticeCommission.headquarters(claim, approve: approve, reason: reason, principal: principal, in: work)
                }
            }
        case .rejection:
            let reason = reader.text(input.reason, "reason", max: 1000)
            try reader.throwIfAny()
            guard let reason else { throw AppError.malformedJSON }
            body = { claim, principal, work in
                try await ClaimWorkflow.endWithLetter(claim, event: .reject(reason: reason), customer: try await ClaimWorkflow.customerName(claim, on: work.db),
                                                      principal: principal, in: work)
            }
        }
    }

    /// Rials that may be zero (a figure), not negative.
    private static func amount(_ raw: Int64?, _ field: String, _ reader: inout FieldReader) -> Rial? {
        guard let raw else { return reader.missing(field) }
        guard raw >= 0 else {
            reader.add(field, "negative-amount", "مبلغ نمی‌تواند منفی باشد.")
            return nil
        }
        return Rial(amount: raw)
    }
}
