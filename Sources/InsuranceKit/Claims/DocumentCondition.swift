/// R-CL-06: a fact of the claim file that makes a conditional document required (death only,
/// surgery done, civil projects only, …). Open: each product declares its own beside its
/// checklists; the ones several lines can share are here.
public struct DocumentCondition: Codable, Sendable, Hashable {
    /// Stable machine code, e.g. "death"; the file records the codes that hold.
    public let code: String
    /// Persian yes/no question the claim form asks.
    public let question: String

    public init(code: String, question: String) {
        self.code = code
        self.question = question
    }

    /// The injured or the insured died.
    public static let death = DocumentCondition(code: "death", question: "آیا حادثه به فوت انجامیده است؟")
    /// A surgery was done.
    public static let surgery = DocumentCondition(code: "surgery", question: "آیا عمل جراحی انجام شده است؟")
    /// Treatment costs are part of the claim.
    public static let treatmentCosts = DocumentCondition(
        code: "treatment-costs", question: "آیا هزینهٔ درمان مطالبه می‌شود؟")
}
