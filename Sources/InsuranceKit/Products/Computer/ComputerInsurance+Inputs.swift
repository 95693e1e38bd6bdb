import Foundation

/// Validated computer insurance inputs (API.md: `{items:[{description, serial?, value}],
/// competitiveDiscountPercent?, franchisePercent?}`). Encoded with sorted keys this is the quote's
/// `normalizedInputs`, and it decodes again as valid `inputs`.
public struct ComputerInsuranceInputs: Codable, Sendable, Hashable {
    /// One computer on the attached list (R-CP-01); each item counts as one computer for the
    /// volume discount.
    public struct Item: Codable, Sendable, Hashable {
        public let description: String
        public let serial: String?
        /// Declared value in rials, > 0: the cover limit of this computer (R-CP-01).
        public let value: Rial

        public init(description: String, serial: String?, value: Rial) {
            self.description = description
            self.serial = serial
            self.value = value
        }
    }

    public let items: [Item]
    /// nil when absent or 0 (R-G-10).
    public let competitiveDiscountPercent: Percent?
    /// nil when absent (the tariff default applies); filled in by the quote.
    public let franchisePercent: Percent?

    public init(items: [Item], competitiveDiscountPercent: Percent?, franchisePercent: Percent?) {
        self.items = items
        self.competitiveDiscountPercent = competitiveDiscountPercent
        self.franchisePercent = franchisePercent
    }

    public static let maxItems = 10_000
    public static let maxDescriptionLength = 200
    public static let maxSerialLength = 100

    /// Canonical JSON: sorted keys, no escaped slashes, absent optionals omitted.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension ComputerInsuranceInputs {
    /// What `parse` could read; a field is nil when absent or wrong (the reader has the error).
    struct Draft {
        var items: [Item]?
        var competitiveDiscountPercent: Percent?
        var franchisePercent: Percent?
    }

    /// Parses API.md `inputs` and checks each field's shape (tariff bounds are checked by the
    /// product). Collects every problem in `reader`; only malformed JSON throws here.
    static func parse(_ data: Data, into reader: inout InputReader) throws -> Draft {
        let root = try JSONInput.parse(data)
        guard let fields = reader.object(
            root, at: "inputs", allowed: ["items", "competitiveDiscountPercent", "franchisePercent"]) else {
            return Draft()
        }
        return Draft(
            items: parseItems(fields["items"], into: &reader),
            competitiveDiscountPercent: reader.optionalPercent(
                fields["competitiveDiscountPercent"], at: "inputs.competitiveDiscountPercent"),
            franchisePercent: reader.optionalPercent(fields["franchisePercent"], at: "inputs.franchisePercent"))
    }

    private static func parseItems(_ value: JSONInput?, into reader: inout InputReader) -> [Item]? {
        guard let elements = reader.list(value, at: "inputs.items", label: "فهرست رایانه‌ها") else { return nil }
        guard !elements.isEmpty else {
            reader.fail("no-items", "دست‌کم یک رایانه را وارد کنید.", at: "inputs.items")
            return nil
        }
        guard elements.count <= maxItems else {
            reader.fail("too-many-items",
                        "هر بیمه‌نامه حداکثر \(Rial(Int64(maxItems)).persianFormatted) رایانه را می‌پذیرد.", at: "inputs.items")
            return nil
        }
        var items: [Item] = []
        items.reserveCapacity(elements.count)
        var complete = true
        for (index, element) in elements.enumerated() {
            if let item = parseItem(element, at: "inputs.items[\(index)]", into: &reader) {
                items.append(item)
            } else {
                complete = false
            }
        }
        return complete ? items : nil
    }

    private static func parseItem(_ value: JSONInput, at path: String, into reader: inout InputReader) -> Item? {
        guard let fields = reader.object(value, at: path, allowed: ["description", "serial", "value"]) else {
            return nil
        }
        let description = reader.requiredText(
            fields["description"], at: "\(path).description", label: "شرح رایانه", maxLength: maxDescriptionLength)
        let serial = reader.optionalText(
            fields["serial"], at: "\(path).serial", label: "شمارهٔ سریال", maxLength: maxSerialLength)
        let value = reader.positiveRial(fields["value"], at: "\(path).value", label: "ارزش رایانه")
        guard let description, let value else { return nil }
        return Item(description: description, serial: serial, value: value)
    }
}
