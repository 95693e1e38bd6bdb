import Vapor

extension Request {
    /// One member of the JSON object body, re-serialized (e.g. a product's `inputs`), for code
    /// that validates it on its own terms. Nil when absent or null.
    func rawJSONMember(_ name: String) throws -> Data? {
        guard let buffer = body.data, buffer.readableBytes > 0,
              let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else {
            throw AppError.malformedJSON
        }
        guard let member = object[name], !(member is NSNull) else { return nil }
        guard JSONSerialization.isValidJSONObject(member) else {
            throw AppError.validation([FieldError(field: name, code: "invalid-type", message: "فیلد «\(name)» باید یک شیء JSON باشد.")])
        }
        return try JSONSerialization.data(withJSONObject: member, options: [.sortedKeys])
    }
}

/// A JSON object member kept opaque while decoding the rest of a strict body.
struct AnyJSON: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}
