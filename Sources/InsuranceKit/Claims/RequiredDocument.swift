/// One item of a claim document checklist (R-CL-06, section D).
public struct RequiredDocument: Codable, Sendable, Hashable {
    /// Stable machine code, e.g. "death-certificate".
    public let code: String
    /// Persian title for the letter to the insured.
    public let title: String
    /// True when every file of the case needs it. False for a conditional document: it is
    /// required only when its `condition` holds on the file, and never without one.
    public let required: Bool
    /// R-CL-06: the fact that makes a conditional document required; nil for the others.
    public let condition: DocumentCondition?

    public init(code: String, title: String, required: Bool) {
        self.code = code
        self.title = title
        self.required = required
        self.condition = nil
    }

    /// A conditional document, required exactly when `condition` holds on the file (R-CL-06).
    public init(code: String, title: String, condition: DocumentCondition) {
        self.code = code
        self.title = title
        self.required = false
        self.condition = condition
    }

    /// Whether a file on which the condition codes `conditions` hold needs this document.
    public func isRequired(when conditions: Set<String>) -> Bool {
        required || condition.map { conditions.contains($0.code) } == true
    }
}

/// Which checklist of a product applies (section D). Open: each product declares its own cases
/// beside its checklists; the ones several lines share are here.
public struct ClaimCase: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil for an empty value; whether a product knows the case is the product's answer.
    public init?(rawValue: String) {
        guard !rawValue.isEmpty else { return nil }
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = ClaimCase(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty claim case"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    static func named(_ raw: StaticString) -> ClaimCase { ClaimCase(rawValue: "\(raw)")! }

    /// Property and engineering losses.
    public static let general = named("general")
    /// Bodily injury without death.
    public static let injury = named("injury")
    /// Death.
    public static let death = named("death")
}

/// One case of a product's claims with its document checklist (R-CL-06).
public struct CaseChecklist: Sendable, Hashable {
    public let claimCase: ClaimCase
    public let documents: [RequiredDocument]
    /// Persian name of the case on the notice form; the case's code when none is given.
    public let title: String

    public init(_ claimCase: ClaimCase, _ documents: [RequiredDocument], title: String? = nil) {
        self.claimCase = claimCase
        self.documents = documents
        self.title = title ?? claimCase.rawValue
    }
}
