/// One row of coverage: this person is covered under this insurance number and plan until
/// `validTo` (R-EL-01/02). Imported rows have no start date (`validFrom` nil).
public struct Entitlement: Hashable, Sendable {
    public var person: PersonIdentifier
    public var insuranceNumber: String
    public var validFrom: JalaliDate?
    public var validTo: JalaliDate
    public var relation: EntitlementRelation
    public var plan: String

    public init(person: PersonIdentifier, insuranceNumber: String, validFrom: JalaliDate? = nil,
                validTo: JalaliDate, relation: EntitlementRelation, plan: String) {
        self.person = person
        self.insuranceNumber = insuranceNumber
        self.validFrom = validFrom
        self.validTo = validTo
        self.relation = relation
        self.plan = plan
    }

    /// Whole days, both ends inclusive: a cover ending 1404/05/10 still covers that day.
    public func covers(on day: JalaliDate) -> Bool {
        if let validFrom, day < validFrom { return false }
        return day <= validTo
    }
}
