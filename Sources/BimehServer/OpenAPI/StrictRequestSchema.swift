/// A request schema made as strict as the server reads it: an object names all its fields
/// (the server refuses unknown ones, 422 `unknown-field`) and a required text may not be empty
/// (the server answers `required` for ""). Applied to every request body of the document.
enum StrictRequestSchema {
    static func apply(_ schema: JSONValue) -> JSONValue {
        guard case .object(let fields) = schema else {
            if case .array(let items) = schema { return .array(items.map(apply)) }
            return schema
        }
        let required: Set<String> = {
            guard let value = fields.first(where: { $0.0 == "required" })?.1, case .array(let names) = value else { return [] }
            return Set(names.compactMap { if case .string(let name) = $0 { name } else { nil } })
        }()
        let isObject = fields.contains { $0.0 == "type" && $0.1.isString("object") } && fields.contains { $0.0 == "properties" }
        var result: [(String, JSONValue)] = fields.map { key, value in
            switch key {
            case "properties":
                guard case .object(let properties) = value else { return (key, value) }
                return (key, .object(properties.map { name, property in
                    let strict = bounded(apply(property), money: moneyFields.contains(name))
                    return (name, required.contains(name) ? nonEmpty(strict) : strict)
                }))
            case "items", "oneOf", "anyOf", "allOf":
                return (key, apply(value))
            default:
                return (key, value)
            }
        }
        if isObject, !fields.contains(where: { $0.0 == "additionalProperties" }) {
            result.append(("additionalProperties", false))
        }
        return .object(result)
    }

    /// Fields that hold rials: never negative (the server answers `negative-amount`).
    static let moneyFields: Set = ["amount", "sumInsured", "loss", "salvage", "cost", "basePaid", "agreedAmount",
                                   "downPayment", "value", "sideCosts", "fee", "premium", "price"]

    /// Every integer fits an Int64 (beyond it the server answers `amount-overflow`); money is not negative.
    private static func bounded(_ schema: JSONValue, money: Bool) -> JSONValue {
        guard case .object(let fields) = schema, fields.contains(where: { $0.0 == "type" && $0.1.isString("integer") }) else { return schema }
        var result = fields
        if !fields.contains(where: { $0.0 == "maximum" }) { result.append(("maximum", .int(Int(Int64.max)))) }
        if money, !fields.contains(where: { $0.0 == "minimum" }) { result.append(("minimum", 0)) }
        return .object(result)
    }

    /// A plain required text gets `minLength: 1`; one with an enumeration, a pattern or a format
    /// already excludes "".
    private static func nonEmpty(_ schema: JSONValue) -> JSONValue {
        guard case .object(let fields) = schema, fields.contains(where: { $0.0 == "type" && $0.1.isString("string") }),
              !fields.contains(where: { ["enum", "pattern", "format", "minLength"].contains($0.0) }) else { return schema }
        return .object(fields + [("minLength", 1)])
    }
}

extension JSONValue {
    func isString(_ text: String) -> Bool {
        if case .string(let value) = self { return value == text }
        return false
    }
}
