import Testing
@testable import InsuranceKit

@Suite("R-CL-13 claim actions per role")
struct ClaimActionsTests {
    private typealias Table = [ClaimState: [ClaimAction]]

    /// The claims expert's row, by hand from the experts' routes and the desks' guards.
    private static let expert: Table = [
        .notified: [.decideLateNotice, .requestDocuments, .uploadDocument, .scheduleInspection, .recordMinutes, .reject, .closeUnpaid],
        .documentsPending: [.requestDocuments, .uploadDocument, .scheduleInspection, .recordMinutes, .assess, .reject, .closeUnpaid],
        .inspection: [.requestDocuments, .uploadDocument, .scheduleInspection, .recordMinutes, .assess, .reject, .closeUnpaid],
        .assessed: [.requestDocuments, .uploadDocument, .scheduleInspection, .recordMinutes, .assess, .offer, .reject, .closeUnpaid],
        .offered: [.uploadDocument, .recordMinutes, .accept, .dispute, .reject, .closeUnpaid],
        .agreed: [.uploadDocument, .recordMinutes, .closeUnpaid],
        .disputed: [.requestDocuments, .uploadDocument, .scheduleInspection, .recordMinutes, .assess, .dispute, .holdMeeting,
                    .agree, .reject, .closeUnpaid],
        // R-CL-10: the payment is the accountant's, not the expert's
        .paymentOrdered: [.uploadDocument, .recordMinutes],
        .paid: [.uploadDocument, .recordMinutes, .setExpertFee, .close],
        .closed: [.recordMinutes, .setExpertFee],
        .rejected: [.decideLateNotice, .recordMinutes],
        .closedUnpaid: [.decideLateNotice, .recordMinutes],
    ]

    /// The head's row: approvals and the payment order, and the decision on a late notice where
    /// the product leaves it to the head (R-SH-08; the desk holds a file to its product's decider).
    private static let head: Table = [
        .notified: [.decideLateNotice],
        .documentsPending: [.approveInspection],
        .inspection: [.approveInspection],
        .assessed: [.approveInspection],
        .offered: [.approveInspection],
        .agreed: [.approveInspection, .orderPayment],
        .disputed: [.approveInspection],
        .paymentOrdered: [.approveInspection],
        .paid: [.approveInspection, .approveExpertFee],
        .closed: [.approveInspection, .approveExpertFee],
        .rejected: [.decideLateNotice, .approveInspection],
        .closedUnpaid: [.decideLateNotice, .approveInspection],
    ]

    /// The accountant's row: the payment of the ordered file only (R-CL-10).
    private static let accountant: Table = Dictionary(uniqueKeysWithValues: ClaimState.allCases.map {
        ($0, $0 == .paymentOrdered ? [ClaimAction.recordPayment] : [])
    })

    /// The code a step (not an event) is refused with outside its states.
    private static let stepCodes: [ClaimAction: String] = [
        .decideLateNotice: "no-late-decision-pending", .uploadDocument: "claim-closed",
        .approveInspection: "no-inspection-scheduled", .holdMeeting: "not-disputed",
        .setExpertFee: "claim-not-paid", .approveExpertFee: "no-expert-fee",
    ]

    private static let headActions: Set<ClaimAction> = [.approveInspection, .orderPayment, .approveExpertFee]

    private func refusal(_ action: ClaimAction, _ state: ClaimState, _ role: Role) -> DomainError? {
        do {
            try ClaimStateMachine.check(action, from: state, role: role)
            return nil
        } catch {
            return error as? DomainError
        }
    }

    @Test("R-CL-13 the expert's and the head's actions per state, in a stable order")
    func tables() {
        for state in ClaimState.allCases {
            // given the hand-written rows; when asked; then the same lists in the same order
            #expect(ClaimStateMachine.actions(from: state, role: .claims) == Self.expert[state], "expert in \(state)")
            #expect(ClaimStateMachine.actions(from: state, role: .head) == Self.head[state], "head in \(state)")
        }
    }

    @Test("R-CL-10 the accountant marks the ordered payment paid, and nothing else; the expert and the head may not")
    func accountantPays() throws {
        for state in ClaimState.allCases {
            // given each state; when the accountant asks; then only `payment-ordered` offers the payment
            #expect(ClaimStateMachine.actions(from: state, role: .accountant) == Self.accountant[state], "\(state)")
        }
        #expect(throws: DomainError.forbidden) { try ClaimStateMachine.check(.recordPayment, from: .paymentOrdered, role: .claims) }
        #expect(throws: DomainError.forbidden) { try ClaimStateMachine.check(.recordPayment, from: .paymentOrdered, role: .head) }
        #expect(refusal(.recordPayment, .agreed, .accountant)?.code == "invalid-claim-transition")
    }

    @Test("R-G-09 nobody else acts on a claim file, the admin included", arguments: [Role.admin, .issuer, .agent, .provider, .customer])
    func othersNone(_ role: Role) {
        for state in ClaimState.allCases {
            #expect(ClaimStateMachine.actions(from: state, role: role).isEmpty)
        }
    }

    @Test("R-CL-09/10 events are the actions that move the file")
    func eventsOnly() {
        // given a disputed file; when the expert asks for moves; then no steps among them
        #expect(ClaimStateMachine.events(from: .disputed, role: .claims)
                == [.requestDocuments, .scheduleInspection, .assess, .dispute, .agree, .reject, .closeUnpaid])
        #expect(ClaimStateMachine.events(from: .agreed, role: .head) == [.orderPayment])
        #expect(ClaimStateMachine.events(from: .paid, role: .head) == [])
        #expect(ClaimStateMachine.events(from: .closed, role: .claims) == [])
    }

    @Test("every (state, role, action): allows equals membership in actions; events map to their kind")
    func allowsMatchesActions() {
        var allowed = 0
        for state in ClaimState.allCases {
            for role in Role.allCases {
                let listed = ClaimStateMachine.actions(from: state, role: role)
                for action in ClaimAction.allCases {
                    #expect(ClaimStateMachine.allows(action: action, from: state, role: role) == listed.contains(action))
                    if listed.contains(action) { allowed += 1 }
                }
            }
        }
        // expert 7+7+7+8+6+3+10+2+4+2+2+2 = 60, head 14 + 3 late-notice decisions (notified, rejected,
        // closed unpaid; R-SH-08), accountant 1 (payment-ordered: record-payment)
        #expect(allowed == 78)
        // the payload does not matter to who may do it
        #expect(ClaimEvent.reject(reason: "خارج از مهلت").action == .reject)
        #expect(ClaimEvent.closeUnpaid(reason: "").action == .closeUnpaid)
        #expect(ClaimStateMachine.allows(.reject(reason: "x"), from: .offered, role: .claims))
        #expect(!ClaimStateMachine.allows(.reject(reason: "x"), from: .offered, role: .head))
        #expect(ClaimStateMachine.allows(.orderPayment, from: .agreed, role: .head))
        #expect(!ClaimStateMachine.allows(.orderPayment, from: .agreed, role: .claims))
    }

    @Test("R-CL-13 each event's target, none for the steps")
    func targets() {
        let targets: [ClaimAction: ClaimState] = [
            .requestDocuments: .documentsPending, .scheduleInspection: .inspection, .assess: .assessed, .offer: .offered,
            .accept: .agreed, .dispute: .disputed, .agree: .agreed, .orderPayment: .paymentOrdered, .recordPayment: .paid,
            .close: .closed, .reject: .rejected, .closeUnpaid: .closedUnpaid,
        ]
        for action in ClaimAction.allCases {
            #expect(action.target == targets[action], "\(action)")
        }
    }

    @Test("R-CL-03/05/09/11 check throws the desks' codes; forbidden for the other role")
    func checkCodes() {
        for action in ClaimAction.allCases {
            let owner: Role = Self.headActions.contains(action) ? .head : action == .recordPayment ? .accountant : .claims
            let row = owner == .head ? Self.head : owner == .accountant ? Self.accountant : Self.expert
            for state in ClaimState.allCases {
                let error = refusal(action, state, owner)
                if row[state]!.contains(action) {
                    #expect(error == nil, "\(action) in \(state)")
                } else {
                    #expect(error?.code == (action.target == nil ? Self.stepCodes[action] : "invalid-claim-transition"),
                            "\(action) in \(state)")
                }
                // R-SH-08: the head, too, decides a late notice (where the product says so)
                for role in Role.allCases where role != owner && !(action == .decideLateNotice && role == .head) {
                    #expect(refusal(action, state, role)?.code == "forbidden")
                }
            }
        }
    }

    @Test("R-CL-13 an event's refusal is word for word the state machine's own")
    func sameMessageAsTransition() {
        let events: [ClaimEvent] = [.requestDocuments, .scheduleInspection, .assess, .offer, .accept, .dispute, .agree,
                                    .orderPayment, .recordPayment, .close, .reject(reason: "x"), .closeUnpaid(reason: "x")]
        for event in events {
            for state in ClaimState.allCases where !ClaimStateMachine.allows(event, from: state) {
                let role: Role = event == .orderPayment ? .head : event == .recordPayment ? .accountant : .claims
                let moved = #expect(throws: DomainError.self) { try ClaimStateMachine.transition(from: state, on: event) }
                #expect(refusal(event.action, state, role) == moved)
            }
        }
    }

    @Test("R-CL-06/09/11 the steps' Persian messages")
    func messages() {
        #expect(refusal(.uploadDocument, .closed, .claims)?.message == "پرونده مختومه است.")
        #expect(refusal(.holdMeeting, .offered, .claims)?.message == "جلسهٔ رسیدگی فقط برای پروندهٔ مورد اعتراض ثبت می‌شود.")
        #expect(refusal(.setExpertFee, .paymentOrdered, .claims)?.message == "حق‌الزحمهٔ کارشناس پس از پرداخت خسارت تعیین می‌شود.")
        #expect(refusal(.approveExpertFee, .agreed, .head)?.message == "حق‌الزحمهٔ کارشناس هنوز تعیین نشده است.")
        #expect(refusal(.approveInspection, .notified, .head)?.message == "برای این پرونده بازدیدی برنامه‌ریزی نشده است.")
        #expect(refusal(.decideLateNotice, .assessed, .claims)?.message == "این پرونده تصمیم دیرکرد اعلام لازم ندارد یا پیش‌تر تصمیم گرفته شده است.")
        #expect(refusal(.orderPayment, .agreed, .claims)?.message == "نقش کاربری شما اجازهٔ این کار را ندارد.")
        #expect(Set(ClaimAction.allCases.map(\.title)).count == ClaimAction.allCases.count)
    }
}
