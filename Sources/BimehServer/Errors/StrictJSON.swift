import Vapor
import InsuranceKit

/// A request body the API accepts: the set of its top-level field names is closed,
/// so a misspelt or unknown field is reported instead of silently ignored.
protocol StrictRequestBody: Decodable, Sendable {
    static var fields: Set<String> { get }
}

extension Request {
    /// Decodes a JSON object body: 400 when it is not JSON, 422 for unknown fields or wrong types.
    func decodeStrict<T: StrictRequestBody>(_ type: T.Type) throws -> T {
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw AppError(.badRequest, code: "empty-body", detail: "بدنهٔ درخواست خالی است؛ یک شیء JSON بفرستید.")
        }
        let data = Data(buffer.readableBytesView)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw AppError.malformedJSON
        }
        guard let dictionary = object as? [String: Any] else {
            throw AppError(.badRequest, code: "malformed-json", detail: "بدنهٔ درخواست باید یک شیء JSON باشد.")
        }
        // a NUL inside a text would be stored whole and read back cut short (C strings)
        if let path = Self.pathWithNUL(dictionary, at: "") {
            throw AppError.validation([FieldError(field: path, code: "invalid-character", message: "متن «\(FieldLabels.label(path))» نویسهٔ تهی (NUL) دارد که پذیرفته نیست.")])
        }
        // a null is no value of any documented type: leave the field out instead
        if let path = Self.pathWithNull(dictionary, at: "") {
            throw AppError.validation([FieldError(field: path, code: "invalid-type", message: "مقدار «\(FieldLabels.label(path))» تهی (null) است؛ فیلد را نفرستید یا مقداری بدهید.")])
        }
        storage[ParsedBodyKey.self] = ParsedBody(object: dictionary)
        let unknown = dictionary.keys.filter { !T.fields.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw AppError.validation(unknown.map {
                FieldError(field: String($0.prefix(100)), code: "unknown-field", message: "فیلد «\($0.prefix(100))» شناخته نیست.")
            })
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError.validation([FieldError(field: field, code: "invalid-type", message: "نوع مقدار «\(FieldLabels.label(field))» درست نیست.")])
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // a number that is JSON but no whole Int64 (1.5, 2^63): the same 422 as the quote inputs give
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError.validation([Self.numberProblem(Self.value(at: context.codingPath, in: dictionary), field: field)])
        } catch DecodingError.dataCorrupted {
            // Foundation on Linux reports such a number without its path: find it in the body
            guard let (path, value) = Self.firstNonInt64Number(dictionary, at: "") else { throw AppError.malformedJSON }
            throw AppError.validation([Self.numberProblem(value, field: path)])
        } catch let DecodingError.keyNotFound(key, _) {
            throw AppError.validation([FieldError(field: key.stringValue, code: "required", message: "«\(FieldLabels.label(key.stringValue))» را وارد کنید.")])
        } catch let error as DomainError {
            throw AppError.validation(error, field: error.field ?? "")
        } catch {
            throw AppError.malformedJSON
        }
    }
}

extension Request {
    /// The raw JSON value a coding path points at, to tell a fraction from an overflow.
    static func value(at path: [any CodingKey], in object: Any) -> Any? {
        var current: Any? = object
        for key in path {
            if let index = key.intValue, let list = current as? [Any] {
                current = index < list.count ? list[index] : nil
            } else {
                current = (current as? [String: Any])?[key.stringValue]
            }
        }
        return current
    }

    /// The first number (dotted path) that no Int64 holds exactly: a fraction or beyond 2^63 − 1.
    static func firstNonInt64Number(_ value: Any, at path: String) -> (String, NSNumber)? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstNonInt64Number(object[key] as Any, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = firstNonInt64Number(element, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let number as NSNumber:
            if value is Bool { return nil }
            let decimal = number.decimalValue
            let fits = decimal >= Decimal(Int64.min) && decimal <= Decimal(Int64.max)
            var exact = decimal
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 0, .plain)
            return fits && rounded == decimal ? nil : (path, number)
        default:
            return nil
        }
    }

    static func numberProblem(_ value: Any?, field: String) -> FieldError {
        if let number = value as? NSNumber {
            let decimal = number.decimalValue
            var whole = decimal
            var rounded = Decimal()
            NSDecimalRound(&rounded, &whole, 0, .plain)
            if rounded != decimal {
                return FieldError(field: field, code: "non-integer-amount", message: "«\(FieldLabels.label(field))» باید عددی صحیح باشد.")
            }
            return FieldError(field: field, code: DomainError.amountOverflow.code, message: "«\(FieldLabels.label(field))» از حد مجاز بزرگ‌تر است.")
        }
        return FieldError(field: field, code: "invalid-type", message: "نوع مقدار «\(FieldLabels.label(field))» درست نیست.")
    }
}

/// The body's top-level object as `decodeStrict` parsed it, so that later readers of the same
/// request (`rawJSONMember`) do not parse it again.
struct ParsedBody: @unchecked Sendable {
    let object: [String: Any]
}

struct ParsedBodyKey: StorageKey {
    typealias Value = ParsedBody
}

extension Request {
    /// The first field (dotted path) whose value is JSON null, if any. `inputs` is read by each
    /// product's own reader, which says itself what a null means there.
    static func pathWithNull(_ value: Any, at path: String) -> String? {
        switch value {
        case is NSNull:
            return path.isEmpty ? "body" : path
        case let object as [String: Any]:
            for key in object.keys.sorted() where !(path.isEmpty && key == "inputs") {
                if let found = pathWithNull(object[key] as Any, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = pathWithNull(element, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The first field (dotted path, `items[2].name`) whose text holds U+0000, if any.
    static func pathWithNUL(_ value: Any, at path: String) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? (path.isEmpty ? "body" : path) : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if key.unicodeScalars.contains("\u{0}") { return path.isEmpty ? "body" : path }
                if let found = pathWithNUL(object[key] as Any, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = pathWithNUL(element, at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
