/// One item of a claim document checklist (R-CL-06, section D).
public struct RequiredDocument: Codable, Sendable, Hashable {
    /// Stable machine code, e.g. "death-certificate".
    public let code: String
    /// Persian title for the letter to the insured.
    public let title: String
    /// False for a conditional document (only in some cases, e.g. "civil projects only"): it is
    /// asked for when it applies, but never blocks settlement on its own.
    public let required: Bool

    public init(code: String, title: String, required: Bool) {
        self.code = code
        self.title = title
        self.required = required
    }
}

/// Which checklist of a product applies (section D).
public enum ClaimCase: String, Codable, Sendable, Hashable, CaseIterable {
    /// Property and engineering losses (computer, contractors' all risk).
    case general
    /// Bodily injury without death (D-EMP-INJURY).
    case injury
    /// Death (D-EMP-DEATH).
    case death
    /// Third party: damage to a third party's property (D-TP-FINANCIAL, R-TP-12).
    case financial
    /// Third party: injury or death of a third party (D-TP-BODILY), priced in diya (R-TP-10).
    case bodily
    /// Third party: occupants of the insured vehicle (D-TP-OCCUPANT).
    case occupant
    /// Third party's optional driver-accident cover: the insured vehicle's own driver.
    case driverAccident = "driver-accident"

    /// The cases whose loss is a share of the diya (R-TP-10).
    public var isPricedInDiya: Bool { self == .bodily || self == .occupant || self == .driverAccident }
}
