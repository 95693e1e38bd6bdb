import Vapor

/// The provider inquiry's answer written straight to bytes: the busiest response of the system,
/// where the generic JSON encoder cost as much as the database read. Same keys, same order
/// (sorted) and same escaping as `JSONCoding.encoder`, which a test checks.
extension EligibilityController.Inquiry {
    func fastResponse() -> Response {
        var json = JSONObjectWriter()
        json.string("coverTo", coverTo)
        json.bool("covered", covered)
        json.string("foreignId", foreignId)
        json.string("insuranceNumber", insuranceNumber)
        json.string("insurer", insurer)
        json.string("message", message)
        json.string("nationalCode", nationalCode)
        json.string("plan", plan)
        json.string("relation", relation)
        json.string("relationLabel", relationLabel)
        json.string("scope", scope)
        let response = Response(status: .ok, body: .init(string: json.finish()))
        response.headers.contentType = .json
        return response
    }
}

/// A flat JSON object built key by key; nil values are left out, as the encoder does.
struct JSONObjectWriter {
    private var text = "{"
    private var first = true

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        separator(key)
        Self.quote(value, into: &text)
    }

    mutating func bool(_ key: String, _ value: Bool) {
        separator(key)
        text += value ? "true" : "false"
    }

    mutating func finish() -> String {
        text += "}"
        return text
    }

    private mutating func separator(_ key: String) {
        if !first { text += "," }
        first = false
        Self.quote(key, into: &text)
        text += ":"
    }

    /// JSON string escaping: quote, backslash and control characters; everything else (Persian
    /// text, `/`) as is, like the encoder with `.withoutEscapingSlashes`.
    static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
