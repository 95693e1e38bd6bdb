import Foundation

/// A parsed JSON value with numbers kept exact (Decimal holds the literal's digits, no binary
/// floating point), so product inputs can be checked field by field for unknown names and wrong
/// types instead of failing at the first Codable mismatch.
enum JSONInput: Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    /// A number beyond Decimal's range; `tiny` when its magnitude is below 1 (e.g. 1e-200).
    case unrepresentableNumber(tiny: Bool)
    case string(String)
    case array([JSONInput])
    case object([String: JSONInput])

    /// Parses a whole document. Not JSON → "invalid-json" (field "inputs").
    static func parse(_ data: Data) throws -> JSONInput {
        do {
            return try JSONDecoder().decode(JSONInput.self, from: data)
        } catch {
            throw DomainError(code: "invalid-json", message: "ورودی‌ها JSON معتبری نیستند.", field: "inputs")
        }
    }

    /// Persian name of the JSON type a field should have, for "invalid-type" messages.
    enum Kind: String {
        case number = "عدد"
        case text = "متن"
        case list = "فهرست"
        case object = "مجموعه‌ای از فیلدها"
    }
}

extension JSONInput: Decodable {
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Decimal.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONInput].self) { self = .array(a); return }
        if let o = try? c.decode([String: JSONInput].self) { self = .object(o); return }
        // The document parsed, so what is left is a number Decimal cannot hold (1e400, 1e-200).
        if let d = try? c.decode(Double.self), d.isFinite {
            self = .unrepresentableNumber(tiny: d.magnitude < 1)
            return
        }
        self = .unrepresentableNumber(tiny: false)
    }
}
