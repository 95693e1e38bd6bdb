/// What the USSD channel should do next (R-EL-03, R-EL-06).
public enum USSDStep: Hashable, Sendable {
    /// Ask the user something; answer the gateway with `USSDMenu.con`.
    case prompt(String)
    /// Look the person up and answer with `USSDMenu.end(answer.message)`.
    case inquire(PersonIdentifier)
    /// R-EL-02: issue a credit code to the caller's mobile number.
    case issueCreditCode
    /// Close the session with this text; answer with `USSDMenu.end`.
    case end(String)
}

/// The stateless USSD menu: the gateway posts the dialed `serviceCode` and `text`, the user's
/// inputs so far joined by "*" (empty on the first call). Never traps, whatever arrives.
public enum USSDMenu {
    public static let inquiryCode = "*1*1420*4#"
    public static let creditCode = "*99*1420*4#"

    // Short texts: a USSD page in Persian (UCS-2) holds well under 100 characters.
    public static let askForIdentifier = "کد ملی (۱۰ رقم) یا شناسه اتباع (۱۲ رقم) را وارد کنید:"
    public static let unknownService = "این سرویس شناخته نشد."
    public static let invalidInput = "ورودی معتبر نیست."

    public static func step(serviceCode: String, text: String) -> USSDStep {
        // Real inputs are a few dozen characters; a huge one is junk, not worth scanning.
        guard serviceCode.utf8.count <= 64 else { return .end(unknownService) }
        guard text.utf8.count <= 256 else { return .end(invalidInput) }
        guard let dialed = segments(ofServiceCode: serviceCode) else { return .end(unknownService) }
        let base = Array(dialed.prefix(3))
        let inline = Array(dialed.dropFirst(3))
        if base == ["99", "1420", "4"], inline.isEmpty { return .issueCreditCode }
        guard base == ["1", "1420", "4"], inline.count <= 1 else { return .end(unknownService) }
        // The code typed inline ("*1*1420*4*0076229645#") or the latest answer to the prompt.
        let input = inline.first ?? lastInput(text)
        guard let input else { return .prompt(askForIdentifier) }
        do {
            return .inquire(try PersonIdentifier(input))
        } catch {
            return .end((error as? DomainError)?.message ?? DomainError.invalidPersonIdentifier.message)
        }
    }

    /// The gateway's continue-session reply.
    public static func con(_ s: String) -> String { "CON " + s }
    /// The gateway's end-session reply.
    public static func end(_ s: String) -> String { "END " + s }

    // MARK: Internals

    /// "*1*1420*4#" → ["1", "1420", "4"]; Persian digits and stray spaces tolerated, the final
    /// '#' optional (some gateways strip it). nil unless it looks like a dialed code.
    static func segments(ofServiceCode raw: String) -> [String]? {
        var cleaned = Normalize.identifier(raw)[...]   // digits → ASCII, spaces/marks dropped
        guard cleaned.first == "*" else { return nil }
        cleaned = cleaned.dropFirst()
        if cleaned.last == "#" { cleaned = cleaned.dropLast() }
        let parts = cleaned.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 &- 0x30 < 10 } }) else {
            return nil
        }
        return parts
    }

    /// The user's most recent non-blank input, trimmed; nil when there is none yet.
    static func lastInput(_ text: String) -> String? {
        text.split(separator: "*").lazy.map { Normalize.text(String($0)) }.last { !$0.isEmpty }
    }
}
