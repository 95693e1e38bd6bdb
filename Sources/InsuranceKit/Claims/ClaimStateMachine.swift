/// R-CL-13: the claim file's allowed moves. Permissive while the work is being done (documents
/// and inspection in either order and repeatedly, a new assessment after a dispute or a second
/// visit), strict at the end: one payment order, nothing after `paid` except `close`, nothing
/// after `closed`, `rejected` or `closed-unpaid`.
public enum ClaimStateMachine: Sendable {
    public static let maxReasonLength = 1000

    /// The new state, or "invalid-claim-transition" naming both states; a reject/closeUnpaid
    /// reason must be non-blank ("reason-required") and at most 1000 characters ("too-long"),
    /// both with field "reason".
    public static func transition(from state: ClaimState, on event: ClaimEvent) throws -> ClaimState {
        let target = event.target
        guard sources(of: event).contains(state) else {
            throw DomainError(
                code: "invalid-claim-transition",
                message: "پروندهٔ خسارت از وضعیت «\(state.title)» به وضعیت «\(target.title)» نمی‌رود.",
                field: nil)
        }
        switch event {
        case .reject(let reason), .closeUnpaid(let reason):
            try checkReason(reason)
        default:
            break
        }
        return target
    }

    /// Whether `event` is allowed in `state` (reasons are not checked).
    public static func allows(_ event: ClaimEvent, from state: ClaimState) -> Bool {
        sources(of: event).contains(state)
    }

    /// States from which each event may be taken.
    static func sources(of event: ClaimEvent) -> Set<ClaimState> {
        switch event {
        case .requestDocuments:
            // R-CL-06: documents are asked for at or after the visit, and again when the
            // assessment or a dispute shows something is missing.
            [.notified, .documentsPending, .inspection, .assessed, .disputed]
        case .scheduleInspection:
            // R-CL-05: a visit before or after the documents, or a second visit.
            [.notified, .documentsPending, .inspection, .assessed, .disputed]
        case .assess:
            // R-CL-07: after documents or a visit; again after a second look or a dispute.
            [.documentsPending, .inspection, .assessed, .disputed]
        case .offer:
            [.assessed]
        case .accept:
            [.offered]
        case .dispute:
            // R-CL-09: meetings may be held several times.
            [.offered, .disputed]
        case .agree:
            [.disputed]
        case .orderPayment:
            // R-CL-10, R-CL-12: one payment order per file.
            [.agreed]
        case .recordPayment:
            [.paymentOrdered]
        case .close:
            [.paid]
        case .reject:
            // Refusing cover is decided before anything is agreed.
            [.notified, .documentsPending, .inspection, .assessed, .offered, .disputed]
        case .closeUnpaid:
            // R-CL-04 (not payable), R-CL-12 (already paid), withdrawal: any time before the
            // payment order.
            [.notified, .documentsPending, .inspection, .assessed, .offered, .disputed, .agreed]
        }
    }

    private static func checkReason(_ reason: String) throws {
        let text = Normalize.text(reason)
        guard !text.isEmpty else {
            throw DomainError(code: "reason-required", message: "دلیل را برای نامهٔ بیمه‌گذار بنویسید.", field: "reason")
        }
        guard text.count <= maxReasonLength else {
            throw DomainError(code: "too-long",
                              message: "دلیل حداکثر \(Normalize.persianDigits(String(maxReasonLength))) نویسه است.",
                              field: "reason")
        }
    }
}
