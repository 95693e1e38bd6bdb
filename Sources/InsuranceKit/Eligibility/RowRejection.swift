/// Why one import row was not loaded: the line number (1 = header) and a stable code for
/// counting, with a Persian reason for the operator's report (API.md "Entitlement import").
public struct RowRejection: Error, Hashable, Sendable, CustomStringConvertible {
    public let lineNumber: Int
    public let code: String
    /// Persian, names the column and (shortened) value.
    public let reason: String

    public init(lineNumber: Int, code: String, reason: String) {
        self.lineNumber = lineNumber
        self.code = code
        self.reason = reason
    }

    public var description: String { "line \(lineNumber) [\(code)]: \(reason)" }
}

extension RowRejection {
    /// Stable codes (API of the import report).
    public enum Code {
        public static let wrongFieldCount = "wrong-field-count"
        public static let malformedQuotes = "malformed-quotes"
        public static let invalidPersonID = "invalid-person-id"
        public static let invalidInsuranceNumber = "invalid-insurance-number"
        public static let invalidDate = "invalid-date"
        public static let invalidRelation = "invalid-relation"
        public static let invalidPlan = "invalid-plan"
    }

    /// "ستون validTo («1404/12/30»): تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد."
    static func field(_ column: String, value: String, code: String, message: String, line: Int) -> RowRejection {
        RowRejection(lineNumber: line, code: code,
                     reason: "ستون \(column) («\(shortened(value))»): \(message)")
    }

    /// Keeps reports readable when a row holds a pasted blob.
    static func shortened(_ value: String) -> String {
        guard value.utf8.count > 40 else { return value }
        return String(value.prefix(30)) + "…"
    }
}
