/// JSON Schemas shared by the operations of the OpenAPI document.
enum Schemas {
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let instant: JSONValue = ["type": "string", "format": "date-time"]
    static let jalaliDate: JSONValue = ["type": "string", "pattern": "^[0-9]{4}/[0-9]{2}/[0-9]{2}$", "description": "Jalali date YYYY/MM/DD"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    static func object(_ properties: KeyValuePairs<String, JSONValue>, required: [String] = []) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties.map { ($0.key, $0.value) }))]
        if !required.isEmpty { fields.append(("required", .array(required.map { .string($0) }))) }
        return .object(fields)
    }

    static func page(_ item: JSONValue) -> JSONValue {
        object(["items": ["type": "array", "items": item], "page": integer, "per": integer, "total": integer],
               required: ["items", "page", "per", "total"])
    }

    static let problem = object([
        "type": string, "title": string, "status": integer, "detail": string, "code": string, "requestId": string,
        "errors": ["type": "array", "items": object(["field": string, "code": string, "message": string])],
    ], required: ["type", "title", "status", "detail", "code"])

    static let customerInput: JSONValue = [
        "oneOf": [
            object(["kind": enumeration(["natural"]), "nationalCode": string, "foreignId": string, "firstName": string,
                    "lastName": string, "birthDate": jalaliDate, "mobile": string], required: ["kind", "firstName", "lastName"]),
            object(["kind": enumeration(["legal"]), "legalId": string, "name": string], required: ["kind", "legalId", "name"]),
        ],
    ]

    /// The customer edit: every field optional; "" clears it.
    static let customerEdit = object([
        "fatherName": string, "sex": string, "address": string, "postalCode": string, "iban": string,
        "mobile": string, "economicCode": string, "signatory": string,
    ], required: [])

    static let customer = object([
        "id": uuid, "kind": enumeration(["natural", "legal"]), "nationalCode": string, "foreignId": string, "legalId": string,
        "firstName": string, "lastName": string, "name": string, "birthDate": jalaliDate, "mobile": string,
        "fatherName": string, "sex": enumeration(["male", "female"]), "address": string, "postalCode": string, "iban": string,
        "economicCode": string, "signatory": string,
        "displayName": string, "createdAt": instant,
    ], required: ["id", "kind", "displayName"])

    static let letter = object([
        "id": uuid, "year": integer, "number": integer, "registerNumber": string,
        "direction": enumeration(["incoming", "outgoing", "internal"]), "subject": string, "correspondent": string, "date": jalaliDate,
    ], required: ["id", "year", "number", "registerNumber"])
}
