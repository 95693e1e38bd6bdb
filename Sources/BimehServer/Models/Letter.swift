import Fluent
import Foundation

/// A letter entered in the secretariat register (دبیرخانه/اندیکاتور): proposals, notices and
/// outgoing letters all get their number here (R-G-06, R-P-01, R-CL-01).
final class Letter: Model, @unchecked Sendable {
    static let schema = "letters"

    enum Direction: String, Codable, Sendable, CaseIterable { case incoming, outgoing, `internal` }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    // data fields
    @Field(key: "year") var year: Int
    @Field(key: "number") var number: Int
    @Enum(key: "direction") var direction: Direction
    @Field(key: "subject") var subject: String
    @Field(key: "correspondent") var correspondent: String
    /// Jalali `YYYY/MM/DD` the letter was registered.
    @Field(key: "letter_date") var letterDate: String
    // relationships
    @OptionalParent(key: "created_by") var createdBy: User?

    init() {}

    /// The number as written on paper: `1405/123`.
    var registerNumber: String { "\(year)/\(number)" }
}
