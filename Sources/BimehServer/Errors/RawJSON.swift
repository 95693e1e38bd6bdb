import Vapor

extension Request {
    /// One member of the JSON object body, re-serialized (e.g. a product's `inputs`), for code
    /// that validates it on its own terms. Nil when absent or null.
    func rawJSONMember(_ name: String) throws -> Data? {
        // Fast path: the member's own bytes, when the body was already checked as JSON.
        if storage[ParsedBodyKey.self] != nil, let buffer = body.data,
           let found = JSONMemberSlice.find(name, in: Array(buffer.readableBytesView)) {
            guard let slice = found, !slice.elementsEqual("null".utf8) else { return nil }
            guard slice.first == UInt8(ascii: "{") || slice.first == UInt8(ascii: "[") else {
                throw AppError.validation([FieldError(field: name, code: "invalid-type", message: "فیلد «\(name)» باید یک شیء JSON باشد.")])
            }
            return Data(slice)
        }
        guard let object = try bodyObject() else { throw AppError.malformedJSON }
        guard let member = object[name], !(member is NSNull) else { return nil }
        guard JSONSerialization.isValidJSONObject(member) else {
            throw AppError.validation([FieldError(field: name, code: "invalid-type", message: "فیلد «\(name)» باید یک شیء JSON باشد.")])
        }
        // No sorted keys: the product parses the member and writes its own canonical form, and
        // sorting through NSString's locale-aware compare was a third of a quote preview's time.
        return try JSONSerialization.data(withJSONObject: member)
    }
}

extension Request {
    /// The body's top-level JSON object: the one `decodeStrict` parsed, or parsed now.
    func bodyObject() throws -> [String: Any]? {
        if let parsed = storage[ParsedBodyKey.self] { return parsed.object }
        guard let buffer = body.data, buffer.readableBytes > 0 else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
    }

    /// A string member of an object member (e.g. `inputs.issueDate`), without re-parsing.
    func jsonString(_ member: String, _ key: String) -> String? {
        ((try? bodyObject())?[member] as? [String: Any])?[key] as? String
    }
}

/// A JSON object member kept opaque while decoding the rest of a strict body.
struct AnyJSON: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}
