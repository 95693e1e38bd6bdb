import Foundation

/// One insured person of a health policy (API.md `persons[]`); names are optional extras of ours
/// (printed on the policy and the provider's answer when given).
public struct HealthPerson: Codable, Sendable, Hashable {
    public enum Sex: String, Codable, Sendable, CaseIterable { case male, female }
    public enum Relation: String, Codable, Sendable, CaseIterable {
        case main, spouse, child, parent

        public var title: String {
            switch self {
            case .main: "اصلی"
            case .spouse: "همسر"
            case .child: "فرزند"
            case .parent: "والد"
            }
        }
    }

    public var nationalCode: String
    public var firstName: String?
    public var lastName: String?
    public var birthDate: JalaliDate
    public var sex: Sex
    public var relation: Relation
    /// Group plans: the main member a dependant belongs to; absent → the nearest main before it.
    public var mainNationalCode: String?
    public var student: Bool?
    public var married: Bool?

    public init(nationalCode: String, firstName: String? = nil, lastName: String? = nil, birthDate: JalaliDate, sex: Sex,
                relation: Relation, mainNationalCode: String? = nil, student: Bool? = nil, married: Bool? = nil) {
        self.nationalCode = nationalCode
        self.firstName = firstName
        self.lastName = lastName
        self.birthDate = birthDate
        self.sex = sex
        self.relation = relation
        self.mainNationalCode = mainNationalCode
        self.student = student
        self.married = married
    }

    public var displayName: String {
        [firstName, lastName].compactMap { $0 }.joined(separator: " ")
    }

    /// Completed years on `day` (the birthday itself counts: born 1365/05/01 is 40 on 1405/05/01).
    public func age(on day: JalaliDate) -> Int {
        let before = (day.month, day.day) < (birthDate.month, birthDate.day)
        return day.year - birthDate.year - (before ? 1 : 0)
    }
}

/// Validated supplementary-health inputs: `{plan, kind, persons, hasBaseInsurance, optionalCovers?}`.
/// Encoded with sorted keys this is the quote's `normalizedInputs`.
public struct HealthInputs: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case individual, family, group

        public var title: String {
            switch self {
            case .individual: "انفرادی"
            case .family: "خانوادگی"
            case .group: "گروهی (سازمانی)"
            }
        }
    }

    public var plan: String
    public var kind: Kind
    public var persons: [HealthPerson]
    public var hasBaseInsurance: Bool
    public var optionalCovers: [String]

    public init(plan: String, kind: Kind, persons: [HealthPerson], hasBaseInsurance: Bool, optionalCovers: [String] = []) {
        self.plan = plan
        self.kind = kind
        self.persons = persons
        self.hasBaseInsurance = hasBaseInsurance
        self.optionalCovers = optionalCovers
    }

    /// A group's member list may be long (R-SH-10); beyond this a request is refused, not parsed.
    public static let maxPersons = 20_000

    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
