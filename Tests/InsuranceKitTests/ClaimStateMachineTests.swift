import Testing
@testable import InsuranceKit

@Suite("R-CL-13 claim state machine")
struct ClaimStateMachineTests {
    /// Applies the events in order from `state`.
    private func run(_ events: [ClaimEvent], from state: ClaimState = .notified) throws -> ClaimState {
        try events.reduce(state) { try ClaimStateMachine.transition(from: $0, on: $1) }
    }

    private func refused(_ event: ClaimEvent, from state: ClaimState,
                         sourceLocation: SourceLocation = #_sourceLocation) -> DomainError? {
        #expect(throws: DomainError.self, sourceLocation: sourceLocation) {
            try ClaimStateMachine.transition(from: state, on: event)
        }
    }

    private static let allEvents: [ClaimEvent] = [
        .requestDocuments, .scheduleInspection, .assess, .offer, .accept, .dispute, .agree, .orderPayment,
        .recordPayment, .close, .reject(reason: "x"), .closeUnpaid(reason: "x"),
    ]

    @Test("R-CL-13 happy path: notified → … → closed (seed 002 steps 1–18)")
    func happyPath() throws {
        var state = ClaimState.notified
        let steps: [(ClaimEvent, ClaimState)] = [
            (.requestDocuments, .documentsPending), (.scheduleInspection, .inspection), (.assess, .assessed),
            (.offer, .offered), (.accept, .agreed), (.orderPayment, .paymentOrdered), (.recordPayment, .paid),
            (.close, .closed),
        ]
        for (event, expected) in steps {
            state = try ClaimStateMachine.transition(from: state, on: event)
            #expect(state == expected)
        }
        #expect(state.isTerminal)
    }

    @Test("R-CL-09 dispute, repeated meetings, a new assessment, then agreement")
    func disputePath() throws {
        let state = try run([.scheduleInspection, .requestDocuments, .assess, .offer, .dispute, .dispute, .assess,
                             .offer, .dispute, .agree, .orderPayment])
        #expect(state == .paymentOrdered)
    }

    @Test("R-CL-05/06 documents and inspection in either order and repeatedly")
    func permissiveWork() throws {
        #expect(try run([.requestDocuments, .requestDocuments, .scheduleInspection, .scheduleInspection,
                         .requestDocuments, .assess, .scheduleInspection, .assess]) == .assessed)
    }

    @Test("R-CL-10/12 no payment order twice")
    func paymentOrderTwice() throws {
        let ordered = try run([.requestDocuments, .assess, .offer, .accept, .orderPayment])
        let error = refused(.orderPayment, from: ordered)
        #expect(error?.code == "invalid-claim-transition")
        // the message names both states in Persian
        #expect(error?.message == "پروندهٔ خسارت از وضعیت «حوالهٔ پرداخت صادرشده» به وضعیت «حوالهٔ پرداخت صادرشده» نمی‌رود.")
    }

    @Test("R-CL-13 nothing after paid except close")
    func afterPaid() {
        for event in Self.allEvents where event != .close {
            #expect(refused(event, from: .paid)?.code == "invalid-claim-transition")
        }
    }

    @Test("R-CL-13 nothing after the end states", arguments: [ClaimState.closed, .rejected, .closedUnpaid])
    func afterEnd(_ state: ClaimState) {
        #expect(state.isTerminal)
        for event in Self.allEvents {
            #expect(refused(event, from: state)?.code == "invalid-claim-transition")
        }
    }

    @Test("R-CL-13 shortcuts are refused")
    func shortcuts() {
        #expect(refused(.orderPayment, from: .assessed) != nil)      // no order before agreement
        #expect(refused(.orderPayment, from: .offered) != nil)
        #expect(refused(.assess, from: .notified) != nil)            // documents or visit first
        #expect(refused(.agree, from: .offered) != nil)              // agree follows a dispute; accept an offer
        #expect(refused(.accept, from: .disputed) != nil)
        #expect(refused(.recordPayment, from: .agreed) != nil)
        #expect(refused(.reject(reason: "x"), from: .agreed) != nil)
        let message = refused(.close, from: .notified)?.message
        #expect(message == "پروندهٔ خسارت از وضعیت «اعلام‌شده» به وضعیت «مختومه» نمی‌رود.")
    }

    @Test("R-CL-03/04/12 reject and close unpaid need a reason letter")
    func reasons() throws {
        #expect(try ClaimStateMachine.transition(from: .notified, on: .reject(reason: "اعلام خارج از مهلت")) == .rejected)
        #expect(try ClaimStateMachine.transition(from: .agreed, on: .closeUnpaid(reason: "انصراف")) == .closedUnpaid)
        let blank = #expect(throws: DomainError.self) {
            try ClaimStateMachine.transition(from: .notified, on: .closeUnpaid(reason: " \u{200c} "))
        }
        #expect(blank?.code == "reason-required")
        #expect(blank?.field == "reason")
        let long = #expect(throws: DomainError.self) {
            try ClaimStateMachine.transition(from: .notified, on: .reject(reason: String(repeating: "ر", count: 1001)))
        }
        #expect(long?.code == "too-long")
        #expect(ClaimStateMachine.allows(.closeUnpaid(reason: ""), from: .offered))
        #expect(!ClaimStateMachine.allows(.closeUnpaid(reason: "x"), from: .paymentOrdered))
    }

    @Test("R-CL-13 states use the SPEC's API names, every state has a Persian title")
    func names() {
        #expect(ClaimState.allCases.map(\.rawValue) == [
            "notified", "documents-pending", "inspection", "assessed", "offered", "agreed", "disputed",
            "payment-ordered", "paid", "closed", "rejected", "closed-unpaid",
        ])
        #expect(Set(ClaimState.allCases.map(\.title)).count == ClaimState.allCases.count)
        #expect(ClaimState.allCases.filter(\.isTerminal) == [.closed, .rejected, .closedUnpaid])
    }

    @Test("every (state, event) pair answers without trapping; only listed moves succeed")
    func exhaustive() {
        var allowed = 0
        for state in ClaimState.allCases {
            for event in Self.allEvents {
                if let next = try? ClaimStateMachine.transition(from: state, on: event) {
                    #expect(next == event.target)
                    allowed += 1
                }
            }
        }
        // requestDocuments 5 + scheduleInspection 5 + assess 4 + offer 1 + accept 1 + dispute 2 +
        // agree 1 + orderPayment 1 + recordPayment 1 + close 1 + reject 6 + closeUnpaid 7 = 35
        #expect(allowed == 35)
    }
}
