import Testing
@testable import InsuranceKit

@Suite("R-P-01 policy lifecycle: states, roles, refusals")
struct PolicyStateMachineTests {
    private typealias Table = [PolicyState: [PolicyAction]]

    /// Written out by hand from the routes' roles and the desks' state guards; a state left out
    /// allows nothing.
    private static let expected: [Role: Table] = [
        .issuer: [
            .quoted: [.register],
            .registered: [.recordPayment, .registerLicence, .issue],
            .issued: [.recordPayment, .endorse, .cancel, .renew, .printPolicy],
            .expired: [.recordPayment, .endorse, .cancel, .renew, .printPolicy],
            .cancelled: [.printPolicy],
        ],
        .agent: [
            .quoted: [.register],
            .registered: [.registerLicence],
            .issued: [.renew, .printPolicy],
            .expired: [.renew, .printPolicy],
            .cancelled: [.printPolicy],
        ],
        .accountant: [
            .registered: [.recordPayment, .collectPayment, .bouncePayment],
            .issued: [.recordPayment, .collectPayment, .bouncePayment, .printPolicy],
            .expired: [.recordPayment, .collectPayment, .bouncePayment, .printPolicy],
            .cancelled: [.collectPayment, .bouncePayment, .printPolicy],
        ],
        .admin: [.issued: [.printPolicy], .expired: [.printPolicy], .cancelled: [.printPolicy]],
        .claims: [.issued: [.printPolicy], .expired: [.printPolicy], .cancelled: [.printPolicy]],
        .head: [.issued: [.printPolicy], .expired: [.printPolicy], .cancelled: [.printPolicy]],
        .provider: [:],
        .customer: [:],
    ]

    /// The code `check` gives per state for a role that may take the action (nil: allowed).
    private static let codes: [PolicyAction: [PolicyState: String?]] = [
        .register: [.draft: "not-quoted", .quoted: nil, .registered: "quote-already-used", .issued: "quote-already-used",
                    .expired: "quote-already-used", .cancelled: "quote-already-used", .declined: "quote-already-used"],
        .recordPayment: [.draft: "no-policy", .quoted: "no-policy", .registered: nil, .issued: nil, .expired: nil,
                         .cancelled: "policy-cancelled", .declined: "no-policy"],
        .collectPayment: [.draft: "no-policy", .quoted: "no-policy", .registered: nil, .issued: nil, .expired: nil,
                          .cancelled: nil, .declined: "no-policy"],
        .bouncePayment: [.draft: "no-policy", .quoted: "no-policy", .registered: nil, .issued: nil, .expired: nil,
                         .cancelled: nil, .declined: "no-policy"],
        .registerLicence: [.draft: "no-policy", .quoted: "no-policy", .registered: nil, .issued: "policy-not-registered",
                           .expired: "policy-not-registered", .cancelled: "policy-not-registered", .declined: "no-policy"],
        .issue: [.draft: "no-policy", .quoted: "no-policy", .registered: nil, .issued: "already-issued",
                 .expired: "already-issued", .cancelled: "policy-cancelled", .declined: "no-policy"],
        .endorse: [.draft: "no-policy", .quoted: "no-policy", .registered: "policy-not-issued", .issued: nil, .expired: nil,
                   .cancelled: "policy-cancelled", .declined: "no-policy"],
        .cancel: [.draft: "no-policy", .quoted: "no-policy", .registered: "policy-not-issued", .issued: nil, .expired: nil,
                  .cancelled: "already-cancelled", .declined: "no-policy"],
        .renew: [.draft: "no-policy", .quoted: "no-policy", .registered: "policy-not-renewable", .issued: nil, .expired: nil,
                 .cancelled: "policy-not-renewable", .declined: "no-policy"],
        .printPolicy: [.draft: "no-policy", .quoted: "no-policy", .registered: "policy-not-issued", .issued: nil, .expired: nil,
                       .cancelled: nil, .declined: "no-policy"],
    ]

    /// Who may take each action at all, by hand from the route groups.
    private static let roles: [PolicyAction: Set<Role>] = [
        .register: [.issuer, .agent], .recordPayment: [.issuer, .accountant],
        .collectPayment: [.accountant], .bouncePayment: [.accountant], .registerLicence: [.issuer, .agent],
        .issue: [.issuer], .endorse: [.issuer], .cancel: [.issuer], .renew: [.issuer, .agent],
        .printPolicy: [.admin, .issuer, .agent, .claims, .head, .accountant],
    ]

    private func refusal(_ action: PolicyAction, _ state: PolicyState, _ role: Role = .issuer,
                         number: String? = nil) -> DomainError? {
        do {
            try PolicyStateMachine.check(action, in: state, role: role, printedNumber: number)
            return nil
        } catch {
            return error as? DomainError
        }
    }

    @Test("R-P-01 states use the SPEC's names; each has its own Persian title")
    func names() {
        #expect(PolicyState.allCases.map(\.rawValue) == ["draft", "quoted", "registered", "issued", "expired", "cancelled", "declined"])
        #expect(Set(PolicyState.allCases.map(\.title)).count == PolicyState.allCases.count)
        #expect(Set(PolicyAction.allCases.map(\.title)).count == PolicyAction.allCases.count)
        // the policy pages' wording for the stored states
        #expect(PolicyState.registered.title == "ثبت‌شده (در انتظار صدور)")
        #expect(PolicyState.expired.title == "منقضی")
    }

    @Test("R-G-04 an issued policy is expired the day after its end date, not on it")
    func expiredIsDerived() throws {
        // given a policy to 1404/12/29, the last day of a common year
        let end = try JalaliDate(year: 1404, month: 12, day: 29)
        // when / then: cover runs to 24:00 of the end day
        #expect(PolicyState.effective(stored: .issued, endDate: end, on: end) == .issued)
        #expect(PolicyState.effective(stored: .issued, endDate: end, on: try JalaliDate(year: 1404, month: 6, day: 1)) == .issued)
        #expect(PolicyState.effective(stored: .issued, endDate: end, on: try JalaliDate(year: 1405, month: 1, day: 1)) == .expired)
        // only an issued policy expires; the others keep their stored state
        let after = try JalaliDate(year: 1406, month: 1, day: 1)
        #expect(PolicyState.effective(stored: .cancelled, endDate: end, on: after) == .cancelled)
        #expect(PolicyState.effective(stored: .registered, endDate: end, on: after) == .registered)
    }

    @Test("R-P-03/05/06/07/08/09 each role's actions per state, in a stable order", arguments: Role.allCases)
    func tables(_ role: Role) {
        for state in PolicyState.allCases {
            // given the hand-written row; when asked; then the same list in the same order
            #expect(PolicyStateMachine.actions(in: state, role: role) == (Self.expected[role]?[state] ?? []),
                    "\(role) in \(state)")
        }
    }

    @Test("R-P-05 an accountant on a registered policy: no register, no issue; pays, collects, bounces")
    func accountantOnRegistered() {
        let may = { (action: PolicyAction) in PolicyStateMachine.allows(action, in: .registered, role: .accountant) }
        #expect(!may(.register))
        #expect(may(.recordPayment))
        #expect(may(.collectPayment))
        #expect(may(.bouncePayment))
        #expect(!may(.registerLicence))
        #expect(!may(.issue))
        #expect(!may(.endorse))
        #expect(!may(.cancel))
        #expect(!may(.renew))
        #expect(!may(.printPolicy))
    }

    @Test("every (state, role, action): allows equals membership in actions")
    func allowsMatchesActions() {
        var allowed = 0
        for state in PolicyState.allCases {
            for role in Role.allCases {
                let listed = PolicyStateMachine.actions(in: state, role: role)
                for action in PolicyAction.allCases {
                    #expect(PolicyStateMachine.allows(action, in: state, role: role) == listed.contains(action))
                    if listed.contains(action) { allowed += 1 }
                }
            }
        }
        // issuer 15 + agent 7 + accountant 14 + admin, claims, head 3 each = 45
        #expect(allowed == 45)
    }

    @Test("R-P-06/07/08/09 check throws exactly the desks' codes, forbidden for any other role")
    func checkCodes() {
        for action in PolicyAction.allCases {
            for state in PolicyState.allCases {
                for role in Role.allCases {
                    let code = Self.roles[action]!.contains(role) ? Self.codes[action]![state]! : "forbidden"
                    let error = refusal(action, state, role)
                    #expect(error?.code == code, "\(action) in \(state) by \(role)")
                    // a refusal is exactly what allows says no to
                    #expect((error == nil) == PolicyStateMachine.allows(action, in: state, role: role))
                }
            }
        }
    }

    @Test("R-P-06/07/08 refusals keep the desks' Persian messages byte for byte")
    func messages() {
        #expect(refusal(.issue, .issued, number: "1405/12")?.message == "این بیمه‌نامه پیش‌تر صادر شده است (شماره 1405/12).")
        #expect(refusal(.issue, .expired)?.message == "این بیمه‌نامه پیش‌تر صادر شده است (شماره ).")
        #expect(refusal(.issue, .cancelled)?.message == "این بیمه‌نامه فسخ شده است.")
        #expect(refusal(.cancel, .cancelled)?.message == "این بیمه‌نامه پیش‌تر فسخ شده است.")
        #expect(refusal(.cancel, .registered)?.message == "بیمه‌نامهٔ صادرنشده فسخ نمی‌شود؛ پیشنهاد را رد کنید.")
        #expect(refusal(.endorse, .cancelled)?.message == "الحاقیه برای بیمه‌نامهٔ فسخ‌شده صادر نمی‌شود.")
        #expect(refusal(.endorse, .registered)?.message == "الحاقیه فقط برای بیمه‌نامهٔ صادرشده ثبت می‌شود.")
        #expect(refusal(.renew, .cancelled)?.message == "فقط بیمه‌نامهٔ صادرشده و فسخ‌نشده تمدید می‌شود.")
        #expect(refusal(.recordPayment, .cancelled)?.message == "این بیمه‌نامه فسخ شده است و پرداختی برای آن ثبت نمی‌شود.")
        #expect(refusal(.printPolicy, .registered)?.message == "بیمه‌نامه هنوز صادر نشده است و چاپ نمی‌شود.")
        #expect(refusal(.registerLicence, .issued, .agent)?.message == "گواهینامه پیش از صدور بیمه‌نامه ثبت می‌شود.")
        #expect(refusal(.register, .declined)?.message == "این استعلام پیش‌تر برای بیمه‌نامهٔ دیگری به کار رفته یا رد شده است؛ استعلام تازه بگیرید.")
        // the routes' 403 wording; the role is checked before the state, as the routes do
        #expect(refusal(.issue, .issued, .agent)?.message == "نقش کاربری شما اجازهٔ این کار را ندارد.")
        #expect(refusal(.issue, .registered, .agent)?.field == nil)
    }

    @Test("R-P-01 transitions: register → registered, issue → issued, cancel → cancelled, the rest stay")
    func transitions() {
        #expect(PolicyStateMachine.transition(.register, from: .quoted) == .registered)
        #expect(PolicyStateMachine.transition(.issue, from: .registered) == .issued)
        #expect(PolicyStateMachine.transition(.cancel, from: .issued) == .cancelled)
        #expect(PolicyStateMachine.transition(.cancel, from: .expired) == .cancelled)
        #expect(PolicyStateMachine.transition(.recordPayment, from: .registered) == .registered)
        #expect(PolicyStateMachine.transition(.collectPayment, from: .cancelled) == .cancelled)
        #expect(PolicyStateMachine.transition(.registerLicence, from: .registered) == .registered)
        #expect(PolicyStateMachine.transition(.endorse, from: .expired) == .expired)
        // R-P-09: renewal makes a new policy; the old one stays issued
        #expect(PolicyStateMachine.transition(.renew, from: .issued) == .issued)
        #expect(PolicyStateMachine.transition(.printPolicy, from: .cancelled) == .cancelled)
    }
}
