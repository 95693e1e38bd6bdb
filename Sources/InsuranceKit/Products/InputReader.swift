import Foundation

/// Reads product `inputs` field by field, collecting every problem with its path
/// ("inputs.items[3].value") instead of stopping at the first one.
struct InputReader {
    /// Stop collecting after this many errors: 10,000 bad items must not become a 10,000-entry
    /// response. The first ones, in input order, are reported.
    static let maxErrors = 100

    private(set) var errors: [DomainError] = []

    mutating func fail(_ code: String, _ message: String, at path: String) {
        guard errors.count < Self.maxErrors else { return }
        errors.append(DomainError(code: code, message: message, field: path))
    }

    mutating func fail(_ error: DomainError, at path: String) {
        fail(error.code, error.message, at: path)
    }

    /// None → returns; one → that DomainError; several → ValidationFailure.
    func finish() throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw ValidationFailure(errors: errors) }
    }

    // MARK: Shapes

    /// The fields of an object, after reporting every name not in `allowed` (sorted, so the
    /// report is stable).
    mutating func object(_ value: JSONInput?, at path: String, allowed: Set<String>) -> [String: JSONInput]? {
        guard case .object(let fields)? = value else {
            typeMismatch(value, .object, at: path)
            return nil
        }
        for name in fields.keys.sorted() where !allowed.contains(name) {
            fail("unknown-field", "فیلد «\(name)» شناخته نیست.", at: "\(path).\(name)")
        }
        return fields
    }

    mutating func list(_ value: JSONInput?, at path: String, label: String) -> [JSONInput]? {
        guard let value, !value.isNull else {
            fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        guard case .array(let elements) = value else {
            typeMismatch(value, .list, at: path)
            return nil
        }
        return elements
    }

    // MARK: Text

    /// Normalized text (R-G-03); nil when absent, null or empty after normalization.
    mutating func optionalText(_ value: JSONInput?, at path: String, label: String, maxLength: Int) -> String? {
        guard let value, !value.isNull else { return nil }
        guard case .string(let raw) = value else {
            typeMismatch(value, .text, at: path)
            return nil
        }
        let text = Normalize.text(raw)
        guard !text.isEmpty else { return nil }
        guard text.count <= maxLength else {
            fail("too-long", "\(label) حداکثر \(Self.persian(maxLength)) نویسه است.", at: path)
            return nil
        }
        return text
    }

    mutating func requiredText(_ value: JSONInput?, at path: String, label: String, maxLength: Int) -> String? {
        let before = errors.count
        let text = optionalText(value, at: path, label: label, maxLength: maxLength)
        if text == nil, errors.count == before {
            fail("required", "\(label) را وارد کنید.", at: path)
        }
        return text
    }

    // MARK: Numbers

    /// A whole number of rials greater than zero (R-G-01).
    mutating func positiveRial(_ value: JSONInput?, at path: String, label: String) -> Rial? {
        guard let value, !value.isNull else {
            fail("required", "\(label) را وارد کنید.", at: path)
            return nil
        }
        let amount: Int64
        switch value {
        case .number(let decimal):
            switch Self.integer(decimal) {
            case .value(let n): amount = n
            case .fraction:
                fail("non-integer-amount", "\(label) باید عددی صحیح (ریال) باشد.", at: path)
                return nil
            case .overflow:
                fail(.amountOverflow, at: path)
                return nil
            }
        case .unrepresentableNumber(let tiny):
            if tiny {
                fail("non-integer-amount", "\(label) باید عددی صحیح (ریال) باشد.", at: path)
            } else {
                fail(.amountOverflow, at: path)
            }
            return nil
        default:
            typeMismatch(value, .number, at: path)
            return nil
        }
        if amount < 0 {
            fail(.negativeAmount, at: path)
            return nil
        }
        if amount == 0 {
            fail("zero-amount", "\(label) باید بیشتر از صفر باشد.", at: path)
            return nil
        }
        return Rial(amount)
    }

    /// An exact percent from a JSON number; nil when absent or null. Text is refused
    /// ("invalid-type") so a typo never silently becomes a discount.
    mutating func optionalPercent(_ value: JSONInput?, at path: String) -> Percent? {
        guard let value, !value.isNull else { return nil }
        switch value {
        case .number(let decimal):
            do {
                return try Percent(parsing: decimal.description)
            } catch {
                fail(DomainError.invalidPercent, at: path)
                return nil
            }
        case .unrepresentableNumber:
            fail(DomainError.invalidPercent, at: path)
            return nil
        default:
            typeMismatch(value, .number, at: path)
            return nil
        }
    }

    // MARK: Helpers

    mutating func typeMismatch(_ value: JSONInput?, _ expected: JSONInput.Kind, at path: String) {
        guard let value, !value.isNull else {
            fail("required", "مقدار این فیلد را وارد کنید.", at: path)
            return
        }
        fail("invalid-type", "نوع مقدار نادرست است؛ \(expected.rawValue) لازم است.", at: path)
    }

    enum IntegerReading: Equatable {
        case value(Int64)
        case fraction
        case overflow
    }

    /// Reads a Decimal's plain digits ("-1234", "12.5"): exact, no floating point. Decimal
    /// writes whole numbers without a fraction, so 1.0 and 1e3 are integers (1 and 1000).
    static func integer(_ decimal: Decimal) -> IntegerReading {
        let text = decimal.description
        // Byte scans: String.contains(String) goes through Foundation's locale-aware search.
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { return .fraction }
        guard let n = Int64(text) else {
            // Only digits and a sign are left, so a failed parse means "too large".
            return .overflow
        }
        return .value(n)
    }

    static func persian(_ n: Int) -> String {
        Normalize.persianDigits(String(n))
    }
}

extension JSONInput {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
