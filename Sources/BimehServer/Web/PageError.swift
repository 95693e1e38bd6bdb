import Vapor

/// One problem shown on a page: the same code and field the API answers, so that a form can mark
/// the field and a test can compare both doors.
struct PageError: Encodable, Sendable, Equatable {
    var code: String
    var field: String
    var message: String

    init(code: String, field: String = "", message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// Every field problem of an error, or its one detail.
    static func list(_ error: AppError) -> [PageError] {
        error.errors.isEmpty ? [PageError(code: error.code, message: error.detail)]
            : error.errors.map { PageError(code: $0.code, field: $0.field, message: $0.message) }
    }
}
