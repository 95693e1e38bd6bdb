/// R-IL-02: the health questionnaire of an individual term life proposal. CHOSEN: five yes/no
/// questions of the usual life proposal form; any "yes" sends the proposal to the insurer's
/// doctor (an examination), who may set a medical extra rate.
public enum TermLifeQuestionnaire {
    public struct Question: Sendable, Hashable {
        /// The API's key in `healthAnswers`.
        public let code: String
        public let text: String
    }

    public static let questions: [Question] = [
        Question(code: "heart", text: "آیا به بیماری قلبی، فشار خون بالا یا سکته مبتلا بوده‌اید؟"),
        Question(code: "chronic", text: "آیا به دیابت، سرطان، بیماری کلیه، کبد یا ریه مبتلا بوده‌اید؟"),
        Question(code: "hospital", text: "آیا در پنج سال گذشته در بیمارستان بستری شده یا جراحی کرده‌اید؟"),
        Question(code: "medication", text: "آیا هم‌اکنون داروی دائمی مصرف می‌کنید یا تحت درمان هستید؟"),
        Question(code: "smoking", text: "آیا دخانیات مصرف می‌کنید؟"),
    ]

    public static var codes: [String] { questions.map(\.code) }

    /// Whether the answers send the proposal to the doctor.
    public static func needsDoctor(_ answers: [String: Bool]?) -> Bool {
        answers?.values.contains(true) == true
    }
}

extension InputReader {
    /// `healthAnswers`: every question answered with true or false ("questionnaire-incomplete"
    /// names the first one missing), no other key ("unknown-field"). Nil when absent.
    mutating func healthAnswers(_ value: JSONInput?, at path: String) -> [String: Bool]? {
        guard let value, !value.isNull else { return nil }
        guard let fields = object(value, at: path, allowed: Set(TermLifeQuestionnaire.codes)) else { return nil }
        var answers: [String: Bool] = [:]
        for code in TermLifeQuestionnaire.codes {
            switch fields[code] {
            case .bool(let answer)?: answers[code] = answer
            case nil, .null?:
                fail("questionnaire-incomplete", "به همهٔ پرسش‌های پرسش‌نامهٔ سلامت پاسخ دهید.", at: "\(path).\(code)")
            case _?: fail("invalid-type", "پاسخ هر پرسش true (بله) یا false (خیر) است.", at: "\(path).\(code)")
            }
        }
        return answers.count == TermLifeQuestionnaire.codes.count ? answers : nil
    }
}
