/// The answer to "is this person covered today?" (R-EL-01), with the coverage details that
/// version 2 may show (R-EL-02: plan, validity end, relation).
public struct EligibilityAnswer: Hashable, Sendable {
    public var covered: Bool
    public var message: String
    public var coverTo: JalaliDate?
    public var plan: String?
    public var relation: EntitlementRelation?
    public var insuranceNumber: String?

    public init(covered: Bool, message: String, coverTo: JalaliDate? = nil, plan: String? = nil,
                relation: EntitlementRelation? = nil, insuranceNumber: String? = nil) {
        self.covered = covered
        self.message = message
        self.coverTo = coverTo
        self.plan = plan
        self.relation = relation
        self.insuranceNumber = insuranceNumber
    }

    /// Wording fixed by R-EL-01.
    public static let coveredMessage = "از حمایت‌های درمانی برخوردار می‌باشید"
    public static let notCoveredMessage = "از حمایت‌های درمانی برخوردار نمی‌باشید"

    /// Covered when any row covers `day`. The details come from the covering row that lasts
    /// longest (the most useful "covered until"); on a tie the person's own main cover wins
    /// over a dependant cover, then input order. Not covered → no details at all, so the
    /// public answer leaks nothing about expired covers.
    public static func answer(for entitlements: [Entitlement], on day: JalaliDate) -> EligibilityAnswer {
        var best: Entitlement?
        for candidate in entitlements where candidate.covers(on: day) {
            guard let current = best else { best = candidate; continue }
            if candidate.validTo > current.validTo
                || (candidate.validTo == current.validTo && candidate.relation == .main && current.relation != .main) {
                best = candidate
            }
        }
        guard let best else { return EligibilityAnswer(covered: false, message: notCoveredMessage) }
        return EligibilityAnswer(covered: true, message: coveredMessage, coverTo: best.validTo,
                                 plan: best.plan, relation: best.relation,
                                 insuranceNumber: best.insuranceNumber)
    }
}
