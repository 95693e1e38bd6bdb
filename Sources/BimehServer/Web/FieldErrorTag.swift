import Leaf

/// `#fielderror("amount")`, `#fielderror("items", index, "value")`: the page's message for one
/// field, beside its input. It reads the page's `errors` (PageError: the API's field paths), so a
/// form marks its fields without each page mapping them. A product's inputs arrive as
/// `inputs.<path>` and are matched on `<path>`; an integer part is a row index (`items[2].value`).
struct FieldErrorTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        let path = Self.path(ctx.parameters)
        let errors = ctx.data["errors"]?.array ?? []
        let messages = errors.compactMap(\.dictionary).filter { Self.matches($0["field"]?.string ?? "", path) }
        guard let first = messages.first else { return .string("") }
        let text = messages.compactMap { $0["message"]?.string }.map(Self.escape).joined(separator: " ")
        // data-code/data-field as the banner and the API give them (`inputs.sumInsured`)
        let code = Self.escape(first["code"]?.string ?? ""), field = Self.escape(first["field"]?.string ?? path)
        return .string("<p class=\"error\" role=\"alert\" data-code=\"\(code)\" data-field=\"\(field)\" id=\"\(Self.elementID(path))\">\(text)</p>")
    }

    /// "items", 2, "value" → "items[2].value".
    static func path(_ parameters: [LeafData]) -> String {
        var path = ""
        for part in parameters {
            if part.celf == .int, let n = part.int {
                path += "[\(n)]"
            } else if let text = part.string, !text.isEmpty {
                path += path.isEmpty ? text : ".\(text)"
            }
        }
        return path
    }

    static func matches(_ field: String, _ path: String) -> Bool {
        !path.isEmpty && (field == path || field == "inputs." + path)
    }

    /// `items[2].value` → `items-2-value-error`: an id a `for`/`aria-describedby` can name.
    static func elementID(_ path: String) -> String {
        let id = path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return id.split(separator: "-").joined(separator: "-") + "-error"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
