import Vapor

/// RFC 9457 problem details, the body of every API error.
struct Problem: Content {
    static let defaultContentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var errors: [FieldError]?
    var requestId: String?

    init(_ error: AppError, requestId: String?) {
        self.type = "urn:bimeh:problem:\(error.code)"
        self.title = error.status.reasonPhrase
        self.status = Int(error.status.code)
        self.detail = error.detail
        self.code = error.code
        self.errors = error.errors.isEmpty ? nil : error.errors
        self.requestId = requestId
    }
}
